import { expect, test } from "@playwright/test";
import { addToCart, checkout, unique } from "./support";

test("browse a category and filter it", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Men", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Men" })).toBeVisible();
  const products = page.getByRole("region", { name: "Products" }).locator(".product-card");
  const all = await products.count();
  expect(all).toBeGreaterThan(1);

  const filters = page.locator("form.filters");
  await expect(filters).toHaveAttribute("data-autosubmit", "on");
  await filters.getByRole("group", { name: "Color" }).getByRole("checkbox", { name: /^Navy \(/ }).click();
  await expect(page).toHaveURL(/option=Color%3ANavy/);
  await expect(filters.getByRole("checkbox", { name: /^Navy \(/ })).toBeChecked();
  const navy = await products.count();
  expect(navy).toBeGreaterThan(0);
  expect(navy).toBeLessThan(all);
  // Filtered pages point search engines at the category itself.
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/categories\/men$/);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
});

test("pagination and sorting work as plain links and forms", async ({ page }) => {
  await page.goto("/categories/home?sort=price_asc");
  const prices = page.getByRole("region", { name: "Products" }).locator(".price");
  await expect(prices.first()).toBeVisible();
  const amounts = (await prices.allTextContents()).map((t) => Number(t.replace(/[^0-9.]/g, "")));
  expect([...amounts].sort((a, b) => a - b)).toEqual(amounts);
  const next = page.getByRole("link", { name: "Next page" });
  await expect(next).toBeVisible();
  await next.click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(page.getByRole("link", { name: "First page" })).toBeVisible();
});

test("search suggests as you type and lists the results", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("searchbox", { name: "Search products" });
  await box.pressSequentially("line", { delay: 50 });
  const suggestions = page.getByTestId("suggestions");
  await expect(suggestions).toBeVisible();
  await expect(suggestions.getByRole("link", { name: "Linen Shirt" })).toBeVisible();
  await box.fill("linen");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=linen/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “linen”");
  await page.getByRole("link", { name: "Linen Shirt" }).first().click();
  await expect(page).toHaveURL(/\/products\/linen-shirt/);
});

test("guest checkout: pick a variant, change the quantity, pay with the test card, see the confirmation", async ({ page }) => {
  await addToCart(page, "linen-shirt", { Size: "M", Color: "Sand" });
  const line = page.getByTestId("cart-line");
  await expect(line).toHaveCount(1);
  await expect(line).toContainText("Linen Shirt");
  await expect(line).toContainText("M / Sand");
  await expect(page.getByTestId("cart-link")).toHaveText("Cart (1)");

  await line.getByLabel("Quantity of Linen Shirt").fill("2");
  await line.getByRole("button", { name: "Update" }).click();
  await expect(page.getByTestId("cart-link")).toHaveText("Cart (2)");
  await expect(line).toContainText("$98.00");
  await expect(page.getByTestId("total")).toHaveText("$98.00");

  await page.getByRole("link", { name: "Check out" }).click();
  await checkout(page, `${unique("guest")}@example.com`);
  await expect(page).toHaveURL(/\/checkout\/confirmation\//);
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();
  await expect(page.getByTestId("order-number")).toHaveText(/#\d+/);
  await expect(page.getByRole("cell", { name: "Linen Shirt" })).toBeVisible();
  await expect(page.getByTestId("cart-link")).toHaveText("Cart (0)");
});

test("a declined payment says so clearly and places no order", async ({ page }) => {
  await addToCart(page, "oak-salad-servers");
  await checkout(page, `${unique("declined")}@example.com`, "declined");
  await expect(page).toHaveURL(/\/checkout\?error=/);
  await expect(page.getByTestId("checkout-error")).toContainText("Your payment was declined");
  // The cart is still there to pay with another card.
  await expect(page.getByTestId("cart-link")).toHaveText("Cart (1)");
});

test("the region switcher prices the shop in euros", async ({ page }) => {
  await page.goto("/products/linen-shirt");
  await expect(page.getByTestId("price")).toHaveText("$49.00");
  await expect(page.locator("form.region-switcher")).toHaveAttribute("data-autosubmit", "on");
  await page.getByLabel("Region").selectOption({ label: "Europe (EUR)" });
  await expect(page.getByTestId("price")).toHaveText(/€/);
  await expect(page).toHaveURL(/\/products\/linen-shirt/);
});

test("unknown pages answer 404 with a helpful page", async ({ page }) => {
  const response = await page.goto("/products/no-such-product");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

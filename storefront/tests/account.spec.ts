import { expect, test } from "@playwright/test";
import { addToCart, checkout, unique } from "./support";

test("register, sign out, sign in, order, and find the order in the account", async ({ page }) => {
  const email = `${unique("customer")}@example.com`;
  const password = "correct-horse-battery-staple";

  await page.goto("/account/register");
  await page.getByLabel("First name").fill("Grace");
  await page.getByLabel("Last name").fill("Hopper");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Hello, Grace" })).toBeVisible();
  await expect(page.getByText("No orders yet.")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong-password-here");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account\/login\?error=/);
  await expect(page.locator("p.alert")).toContainText("password is wrong");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Hello, Grace" })).toBeVisible();

  const addresses = page.getByRole("form", { name: "Add an address" });
  await addresses.getByLabel("First name").fill("Grace");
  await addresses.getByLabel("Last name").fill("Hopper");
  await addresses.getByLabel("Address", { exact: true }).fill("5 Navy Yard");
  await addresses.getByLabel("City").fill("Arlington");
  await addresses.getByLabel("Postal code").fill("22201");
  await addresses.getByLabel("Country").selectOption("US");
  await addresses.getByRole("button", { name: "Add address" }).click();
  await expect(page.getByText("5 Navy Yard")).toBeVisible();

  await addToCart(page, "stoneware-mug", {}, 2);
  await checkout(page, email);
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();
  const number = (await page.getByTestId("order-number").textContent())!.trim();

  await page.getByRole("link", { name: "Account" }).click();
  const row = page.getByTestId("order-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(number);
  await row.getByRole("link", { name: number }).click();
  await expect(page.getByRole("heading", { name: `Order ${number}` })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Stoneware Mug" })).toBeVisible();
});

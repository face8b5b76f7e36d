import { expect, test } from "@playwright/test";
import { addToCart, adminProduct, adminSend, revalidationWebhook, unique } from "./support";

// A product no other test looks at: its pages only ever show this test's sale.
const HANDLE = "ribbed-wool-beanie"; // $29.00 in the demo shop

test("a sale price list shows the original price struck through on the product page, in search results and in the cart", async ({ page, baseURL }) => {
  const product = await adminProduct(HANDLE);
  // Mercato tells the storefront when a price list changes, so its cached catalog pages show the sale at once.
  const removeWebhook = await revalidationWebhook(baseURL!, ["price_list.created", "price_list.deleted"]);
  const list = await adminSend<{ id: string; version: number }>("POST", "/admin/price-lists", {
    name: unique("e2e winter sale"),
    type: "sale",
    status: "active",
    prices: product.variants.map((v) => ({ variantId: v.id, currency: "USD", amount: 1900 })),
  });
  try {
    await expect(async () => {
      await page.goto(`/products/${HANDLE}`);
      await expect(page.getByTestId("price").locator("ins")).toHaveText("$19.00", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    const price = page.getByTestId("price");
    await expect(price.locator("del")).toHaveText("$29.00");
    // Screen readers hear one sentence; the struck-through pair is hidden from them.
    await expect(price.getByText("Was $29.00, now $19.00", { exact: true })).toBeAttached();
    await expect(price.locator('[aria-hidden="true"]')).toContainText("$29.00");

    // Search engines see the price actually charged.
    const ld = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((t) => JSON.parse(t));
    const offers = ld.find((d) => d["@type"] === "Product").offers as { price: string; priceCurrency: string }[];
    expect(offers.length).toBeGreaterThan(0);
    for (const offer of offers) expect(offer).toMatchObject({ price: "19.00", priceCurrency: "USD" });

    await expect(async () => {
      await page.goto(`/search?q=beanie`);
      const card = page.locator(".product-card").filter({ hasText: "Ribbed Wool Beanie" });
      await expect(card.locator(".price ins")).toHaveText("$19.00", { timeout: 1_000 });
      await expect(card.locator(".price del")).toHaveText("$29.00", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });

    await addToCart(page, HANDLE);
    const line = page.getByTestId("cart-line");
    await expect(line.getByTestId("unit-price").locator("del")).toHaveText("$29.00");
    await expect(line.getByTestId("unit-price").locator("ins")).toHaveText("$19.00");
    await expect(line.getByTestId("unit-price")).toContainText("Was $29.00, now $19.00");
    await expect(page.getByTestId("total")).toHaveText("$19.00");
  } finally {
    await adminSend("DELETE", `/admin/price-lists/${list.id}`, undefined, { "If-Match": `"${list.version}"` });
    await removeWebhook();
  }
});

import { expect, test } from "@playwright/test";

// Catalog links are plain <a href> elements: no client component per link, and no route prefetches fetched and parsed
// while the page loads (the catalog pages are static HTML, so following a link is one quick document request).

for (const path of ["/", "/categories/men", "/products/linen-shirt"]) {
  test(`${path} loads without prefetching the pages it links to`, async ({ page }) => {
    const prefetches: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("_rsc=") || r.headers()["next-router-prefetch"]) prefetches.push(r.url());
    });
    await page.goto(path, { waitUntil: "networkidle" });
    // Give idle-time prefetching (links scrolled into view) its chance too.
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(1500);
    await page.waitForLoadState("networkidle");
    expect(prefetches).toEqual([]);
    // The links are there, and lead where they say.
    const links = page.locator("main a[href^='/']");
    expect(await links.count()).toBeGreaterThan(2);
  });
}

test("following a product card's link opens the product page", async ({ page }) => {
  await page.goto("/categories/men");
  const card = page.locator(".product-card a").first();
  const href = await card.getAttribute("href");
  expect(href).toMatch(/^\/products\//);
  await card.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeVisible();
});

import { expect, test } from "@playwright/test";
import { admin } from "./support";

type AdminProduct = { handle: string; status: string };

test("a product page's HTML, without JavaScript, has its title, price, canonical URL, Open Graph and JSON-LD", async ({ request, baseURL }) => {
  const response = await request.get("/products/linen-shirt");
  expect(response.status()).toBe(200);
  const html = await response.text();

  expect(html).toContain("<title>Linen Shirt | Mercato Demo Outfitters</title>");
  expect(html).toMatch(/<meta name="description" content="Cut from garment-washed European flax[^"]*"/);
  expect(html).toContain(`<link rel="canonical" href="${baseURL}/products/linen-shirt"/>`);
  expect(html).toContain('<meta property="og:title" content="Linen Shirt | Mercato Demo Outfitters"/>');
  expect(html).toMatch(/data-testid="price">\$49\.00</);

  const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
  const product = blocks.find((b) => b["@type"] === "Product");
  expect(product).toBeTruthy();
  expect(product.name).toBe("Linen Shirt");
  expect(product.offers.length).toBeGreaterThan(0);
  expect(product.offers[0]).toMatchObject({ "@type": "Offer", price: "49.00", priceCurrency: "USD", availability: "https://schema.org/InStock" });
  const crumbs = blocks.find((b) => b["@type"] === "BreadcrumbList");
  expect(crumbs.itemListElement.map((i: { name: string }) => i.name)).toEqual(["Home", "Men", "Shirts", "Linen Shirt"]);
});

test("the page also renders without JavaScript in the browser", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/categories/women");
  await page.getByRole("group", { name: "Size" }).getByRole("checkbox", { name: /^M \(/ }).check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/option=Size%3AM/);
  await page.locator(".product-card a").first().click();
  await expect(page).toHaveURL(/\/products\//);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page).toHaveURL(/\/cart\?added=1/);
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await context.close();
});

test("the sitemap (split into an index past its limit) lists every published product, and robots.txt points to it", async ({ request, baseURL }) => {
  const products: AdminProduct[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: AdminProduct[]; nextCursor: string | null } = await admin(`/admin/products?limit=100${cursor ? `&cursor=${cursor}` : ""}`);
    products.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const published = products.filter((p) => p.status === "published").map((p) => p.handle);
  expect(published.length).toBeGreaterThan(10);

  // The browser tests' storefront runs with SITEMAP_LIMIT=40, so the demo shop's URLs need an index of several files.
  const index = await (await request.get("/sitemap.xml")).text();
  expect(index).toContain("<sitemapindex");
  const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(files.length).toBeGreaterThan(1);
  const locs: string[] = [];
  for (const file of files) {
    expect(file).toMatch(new RegExp(`^${baseURL}/sitemaps/\\d+\\.xml$`));
    const part = await (await request.get(file.replace(baseURL!, ""))).text();
    const urls = [...part.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(urls.length).toBeLessThanOrEqual(40);
    locs.push(...urls);
  }
  expect(new Set(locs).size).toBe(locs.length);
  for (const handle of published) expect(locs).toContain(`${baseURL}/products/${handle}`);
  for (const p of products.filter((x) => x.status !== "published")) expect(locs).not.toContain(`${baseURL}/products/${p.handle}`);
  expect(locs).toContain(`${baseURL}/categories/men/men-shirts`);

  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test("a phone-sized screen shows the shop without sideways scrolling", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  for (const path of ["/", "/categories/men", "/products/linen-shirt", "/cart"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await context.close();
});

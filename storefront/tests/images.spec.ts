import { expect, test } from "@playwright/test";

test("a product page loads its first image at once with high priority and the others lazily", async ({ page }) => {
  await page.goto("/products/stoneware-mug");
  const images = page.locator(".gallery img");
  await expect(images).toHaveCount(2);
  await expect(images.first()).toHaveAttribute("loading", "eager");
  await expect(images.first()).toHaveAttribute("fetchpriority", "high");
  await expect(images.nth(1)).toHaveAttribute("loading", "lazy");
  await expect(images.nth(1)).not.toHaveAttribute("fetchpriority", "high");
  for (const img of await images.all()) {
    // A box of known proportions before the image arrives (no layout shift), and a real picture once it has.
    await expect(img).toHaveAttribute("width", "800");
    await expect(img).toHaveAttribute("height", "1000");
    await expect(img).toHaveAttribute("alt", /Stoneware Mug/);
  }
  await expect.poll(() => images.first().evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
  // The demo media are SVG: one vector file fits every width, so no srcset (raster media get one from Next's optimizer).
  await expect(images.first()).not.toHaveAttribute("srcset", /.+/);
});

test("listings load the first row of product images eagerly and the rest lazily", async ({ page }) => {
  await page.goto("/categories/home");
  const images = page.getByRole("region", { name: "Products" }).locator(".product-card img");
  expect(await images.count()).toBeGreaterThan(4);
  const loading = await images.evaluateAll((all) => all.map((i) => i.getAttribute("loading")));
  expect(loading.slice(0, 4)).toEqual(["eager", "eager", "eager", "eager"]);
  expect(new Set(loading.slice(4))).toEqual(new Set(["lazy"]));
  // One image asks for high priority: the first, the likely Largest Contentful Paint.
  const priorities = await images.evaluateAll((all) => all.map((i) => i.getAttribute("fetchpriority")));
  expect(priorities[0]).toBe("high");
  expect(priorities.slice(1).filter((p) => p === "high")).toEqual([]);
});

test("a product image's box is the same size before and after the file arrives, so nothing below it moves", async ({ page }) => {
  // A phone's width, where the gallery is one column and the text follows the images.
  await page.setViewportSize({ width: 412, height: 823 });
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/media\/.*linen-shirt-1\./, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/products/linen-shirt", { waitUntil: "domcontentloaded" });
  const first = page.locator(".gallery img").first();
  const title = page.getByRole("heading", { level: 1, name: "Linen Shirt" });
  const box = async () => ({ image: (await first.boundingBox())!, title: (await title.boundingBox())! });
  const before = await box();
  expect(await first.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(false);
  release();
  await expect.poll(() => first.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
  const after = await box();
  expect(before.image.width).toBeGreaterThan(300);
  expect(after.image.height).toBeCloseTo(before.image.height, 0);
  expect(after.title.y).toBeCloseTo(before.title.y, 0);
  // The box is the 4:5 the attributes announce (a file of another shape is letterboxed inside it).
  expect(after.image.height / after.image.width).toBeCloseTo(1.25, 2);
});

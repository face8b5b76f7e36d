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
    await expect(img).toHaveAttribute("height", "800");
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

import { expect, test } from "@playwright/test";
import { signWebhook } from "../src/lib/webhook-signature";
import { adminSend, type AdminProduct } from "./support";

test("a product edited in the Admin API shows its new title after Mercato's webhook, without a rebuild", async ({ page, baseURL }) => {
  // A product no other test looks at.
  const products = (await adminSend("GET", "/admin/products?limit=100")) as { items: AdminProduct[] };
  const used = ["linen-shirt", "stoneware-mug", "oak-salad-servers", "ribbed-wool-beanie"];
  const product = products.items.find((p) => !used.includes(p.handle))!;
  const endpoint = (await adminSend("POST", "/admin/webhooks", {
    url: `${baseURL}/api/revalidate`,
    eventTypes: ["product.updated"],
    description: "storefront revalidation (e2e)",
    secret: process.env.E2E_WEBHOOK_SECRET,
  })) as { id: string };
  try {
    // The static page is generated now: for the next 60 s only a revalidation can change it.
    await page.goto(`/products/${product.handle}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(product.title);
    const generatedAt = Date.now();

    const title = `${product.title} (revised ${Date.now().toString(36)})`;
    await adminSend("PATCH", `/admin/products/${product.id}`, { title }, { "If-Match": `"${product.version}"` });

    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    expect(Date.now() - generatedAt).toBeLessThan(55_000);
  } finally {
    await adminSend("DELETE", `/admin/webhooks/${endpoint.id}`);
  }
});

test("the revalidation route refuses a webhook with a wrong signature or an old timestamp", async ({ request }) => {
  const body = JSON.stringify({ type: "product.updated", data: { resourceId: "prod_x", state: { handle: "linen-shirt" } } });
  const now = Math.floor(Date.now() / 1000);
  const send = (timestamp: number, signature: string) =>
    request.post("/api/revalidate", {
      data: body,
      headers: { "content-type": "application/json", "webhook-id": "msg_e2e", "webhook-timestamp": String(timestamp), "webhook-signature": signature },
    });

  expect((await send(now, signWebhook("whsec_" + Buffer.from("another-secret-of-32-bytes-long!").toString("base64"), "msg_e2e", now, body))).status()).toBe(401);
  expect((await send(now - 3600, signWebhook(process.env.E2E_WEBHOOK_SECRET!, "msg_e2e", now - 3600, body))).status()).toBe(401);
  const signed = await send(now, signWebhook(process.env.E2E_WEBHOOK_SECRET!, "msg_e2e", now, body));
  expect(signed.status()).toBe(200);
  expect((await signed.json()).revalidated).toEqual(["products", "product:linen-shirt"]);
});

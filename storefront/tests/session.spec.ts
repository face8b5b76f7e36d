import { expect, test, type BrowserContext } from "@playwright/test";
import { admin, apiUrl, register } from "./support";

type Session = { accessToken: string; refreshToken: string; expiresAt: number };

async function session(context: BrowserContext): Promise<Session | undefined> {
  const cookie = (await context.cookies()).find((c) => c.name === "mercato_customer");
  return cookie ? (JSON.parse(Buffer.from(cookie.value, "base64url").toString()) as Session) : undefined;
}

async function setSession(context: BrowserContext, baseURL: string, s: Session) {
  const value = Buffer.from(JSON.stringify(s)).toString("base64url");
  await context.addCookies([{ name: "mercato_customer", value, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
}

test("an expired access token is refreshed: the cookie rotates and the shopper stays signed in", async ({ page, context, baseURL }) => {
  await register(page, "Rita");
  const before = (await session(context))!;
  expect(before.expiresAt).toBeGreaterThan(Date.now() / 1000);

  // As if the access token had expired (the storefront knows when from the sign-in answer's expiresIn).
  await setSession(context, baseURL!, { ...before, expiresAt: Math.floor(Date.now() / 1000) - 5 });
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Hello, Rita" })).toBeVisible();
  const after = (await session(context))!;
  expect(after.refreshToken).not.toBe(before.refreshToken);
  expect(after.accessToken).not.toBe(before.accessToken);
  expect(after.expiresAt).toBeGreaterThan(Date.now() / 1000);

  // The old refresh token was traded: the API refuses it now.
  const reuse = await fetch(`${apiUrl()}/store/auth/refresh`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Publishable-Key": await publishableKey() },
    body: JSON.stringify({ refreshToken: before.refreshToken }),
  });
  expect(reuse.status).toBe(401);
});

test("requests that arrive together with an expired token share one refresh and keep the shopper signed in", async ({ page, context, baseURL }) => {
  await register(page, "Ines");
  const before = (await session(context))!;
  await setSession(context, baseURL!, { ...before, expiresAt: Math.floor(Date.now() / 1000) - 5 });

  // A page and its prefetches carry the same cookie: presenting its refresh token twice would end the session.
  const answers = await Promise.all([1, 2, 3].map(() => page.request.get("/account", { maxRedirects: 0 })));
  for (const answer of answers) expect(answer.status()).toBe(200);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Hello, Ines" })).toBeVisible();
  expect((await session(context))!.refreshToken).not.toBe(before.refreshToken);
});

test("a refresh the API refuses signs the shopper out cleanly", async ({ page, context, baseURL }) => {
  await register(page, "Otto");
  const s = (await session(context))!;
  await setSession(context, baseURL!, { ...s, refreshToken: "rt_not_a_real_token", expiresAt: Math.floor(Date.now() / 1000) - 5 });
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account\/login/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  const names = (await context.cookies()).map((c) => c.name);
  expect(names).not.toContain("mercato_customer");
  expect(names).not.toContain("mercato_signed_in");
});

/** The Web channel's publishable key, as the storefront uses it. */
async function publishableKey(): Promise<string> {
  const channels = await admin<{ items: { name: string; publishableKeys: { token: string }[] }[] }>("/admin/sales-channels");
  return channels.items.find((c) => c.name === "Web")!.publishableKeys[0].token;
}

import { expect, type Page } from "@playwright/test";

export const apiUrl = () => `http://127.0.0.1:${process.env.E2E_API_PORT}`;
export const adminKey = () => process.env.E2E_ADMIN_KEY!;

export async function admin<T>(path: string): Promise<T> {
  const response = await fetch(`${apiUrl()}${path}`, { headers: { Authorization: `Bearer ${adminKey()}` } });
  expect(response.ok, `${path} answered ${response.status}`).toBeTruthy();
  return (await response.json()) as T;
}

/** Sends an Admin API request with the owner key; fails the test on an error answer. */
export async function adminSend<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${apiUrl()}${path}`, {
    method,
    headers: { Authorization: `Bearer ${adminKey()}`, "Content-Type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `${method} ${path} answered ${response.status}: ${await response.clone().text()}`).toBeTruthy();
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export type AdminProduct = { id: string; handle: string; title: string; version: number; variants: { id: string; sku: string }[] };

/** A demo product by its handle, with its variants' ids. */
export async function adminProduct(handle: string): Promise<AdminProduct> {
  const page = await admin<{ items: AdminProduct[] }>(`/admin/products?limit=100`);
  const product = page.items.find((p) => p.handle === handle);
  expect(product, `product ${handle}`).toBeTruthy();
  return product!;
}

/** Registers the storefront's /api/revalidate for these Mercato events (signed with the e2e secret); returns a cleanup. */
export async function revalidationWebhook(baseURL: string, eventTypes: string[]): Promise<() => Promise<void>> {
  const endpoint = await adminSend<{ id: string }>("POST", "/admin/webhooks", {
    url: `${baseURL}/api/revalidate`,
    eventTypes,
    description: "storefront revalidation (e2e)",
    secret: process.env.E2E_WEBHOOK_SECRET,
  });
  return async () => {
    await adminSend("DELETE", `/admin/webhooks/${endpoint.id}`);
  };
}

export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

/** Opens a product, picks options by their labels (each choice reloads the page with it), and adds it to the cart. */
export async function addToCart(page: Page, handle: string, options: Record<string, string> = {}, quantity = 1) {
  await page.goto(`/products/${handle}`);
  const picker = page.locator('form[aria-label="Choose options"]');
  for (const [name, value] of Object.entries(options)) {
    // The picker submits itself on change once its script has loaded (without script, its button does the same).
    await expect(picker).toHaveAttribute("data-autosubmit", "on");
    await picker.getByRole("group", { name }).getByText(value, { exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]${encodeURIComponent(name)}=${encodeURIComponent(value)}`));
  }
  await page.getByLabel("Quantity").fill(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page).toHaveURL(/\/cart\?added=1/);
}

export const US_ADDRESS = { firstName: "Ada", lastName: "Lovelace", line1: "1 Main Street", city: "Springfield", postalCode: "12345", country: "US" };

/** Fills the three checkout steps and places the order with the given test card. */
export async function checkout(page: Page, email: string, card: "approved" | "declined" = "approved") {
  await checkoutToPayment(page, email);
  await page.getByLabel("Test card").selectOption(card === "approved" ? "tok_success" : "tok_decline");
  await page.getByRole("button", { name: /^Place order/ }).click();
}

/** Fills the first two checkout steps (email, US address, standard shipping) and ends at the payment step. */
export async function checkoutToPayment(page: Page, email: string) {
  await page.goto("/checkout");
  await page.getByLabel("Email").fill(email);
  const delivery = page.getByRole("group", { name: "Delivery address" });
  await delivery.getByLabel("First name").fill(US_ADDRESS.firstName);
  await delivery.getByLabel("Last name").fill(US_ADDRESS.lastName);
  await delivery.getByLabel("Address", { exact: true }).fill(US_ADDRESS.line1);
  await delivery.getByLabel("City").fill(US_ADDRESS.city);
  await delivery.getByLabel("Postal code").fill(US_ADDRESS.postalCode);
  await delivery.getByLabel("Country").selectOption(US_ADDRESS.country);
  await page.getByRole("button", { name: /^(Continue to shipping|Update address)$/ }).click();
  await page.getByLabel(/^Standard/).check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page).toHaveURL(/step=payment/);
}

/** Registers a new customer through the storefront's form and ends on their account page, signed in. */
export async function register(page: Page, firstName = "Grace"): Promise<{ email: string; password: string }> {
  const email = `${unique(firstName.toLowerCase())}@example.com`;
  const password = "correct-horse-battery-staple";
  await page.goto("/account/register");
  await page.getByLabel("First name").fill(firstName);
  await page.getByLabel("Last name").fill("Tester");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: `Hello, ${firstName}` })).toBeVisible();
  return { email, password };
}

/** Adds an address in the account's "Add an address" form. */
export async function addAddress(page: Page, a: { line1: string; city: string; postalCode: string; country: string; isDefault?: boolean }) {
  const form = page.getByRole("form", { name: "Add an address" });
  await form.getByLabel("First name").fill("Grace");
  await form.getByLabel("Last name").fill("Tester");
  await form.getByLabel("Address", { exact: true }).fill(a.line1);
  await form.getByLabel("City").fill(a.city);
  await form.getByLabel("Postal code").fill(a.postalCode);
  await form.getByLabel("Country").selectOption(a.country);
  if (a.isDefault) await form.getByLabel("Default delivery address").check();
  await form.getByRole("button", { name: "Add address" }).click();
  await expect(page.getByTestId("address").filter({ hasText: a.line1 })).toBeVisible();
}

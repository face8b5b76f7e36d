import { expect, type Page } from "@playwright/test";

export const apiUrl = () => `http://127.0.0.1:${process.env.E2E_API_PORT}`;
export const adminKey = () => process.env.E2E_ADMIN_KEY!;

export async function admin<T>(path: string): Promise<T> {
  const response = await fetch(`${apiUrl()}${path}`, { headers: { Authorization: `Bearer ${adminKey()}` } });
  expect(response.ok, `${path} answered ${response.status}`).toBeTruthy();
  return (await response.json()) as T;
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
  await page.goto("/checkout");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("First name").fill(US_ADDRESS.firstName);
  await page.getByLabel("Last name").fill(US_ADDRESS.lastName);
  await page.getByLabel("Address", { exact: true }).fill(US_ADDRESS.line1);
  await page.getByLabel("City").fill(US_ADDRESS.city);
  await page.getByLabel("Postal code").fill(US_ADDRESS.postalCode);
  await page.getByLabel("Country").selectOption(US_ADDRESS.country);
  await page.getByRole("button", { name: "Continue to shipping" }).click();
  await page.getByLabel(/^Standard/).check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.getByLabel("Test card").selectOption(card === "approved" ? "tok_success" : "tok_decline");
  await page.getByRole("button", { name: /^Place order/ }).click();
}

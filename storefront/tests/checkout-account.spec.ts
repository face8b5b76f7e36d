import { expect, test } from "@playwright/test";
import { addAddress, addToCart, admin, register } from "./support";

type AdminOrder = { shippingAddress: { line1: string; city: string }; billingAddress: { line1: string; city: string } | null };

test("the account edits and deletes saved addresses", async ({ page }) => {
  await register(page, "Edith");
  await addAddress(page, { line1: "1 First Street", city: "Boston", postalCode: "02110", country: "US" });
  await addAddress(page, { line1: "2 Second Street", city: "Denver", postalCode: "80202", country: "US" });
  const addresses = page.getByTestId("address");
  await expect(addresses).toHaveCount(2);

  // Edit: the form opens with the saved values; the change shows in the list.
  await page.getByText("Edit", { exact: true }).first().click();
  const edit = page.getByRole("form", { name: "Edit address 1 First Street, Boston" });
  await expect(edit.getByLabel("City")).toHaveValue("Boston");
  await edit.getByLabel("Address", { exact: true }).fill("10 Harbor Road");
  await edit.getByRole("button", { name: "Save address" }).click();
  await expect(page).toHaveURL(/updated=address/);
  await expect(addresses.filter({ hasText: "10 Harbor Road" })).toBeVisible();
  await expect(addresses.filter({ hasText: "1 First Street" })).toHaveCount(0);

  await page.getByRole("button", { name: "Delete 2 Second Street, Denver" }).click();
  await expect(page).toHaveURL(/deleted=address/);
  await expect(addresses).toHaveCount(1);
  await expect(addresses).toContainText("10 Harbor Road");
});

test("a signed-in customer checks out with a saved address", async ({ page }) => {
  const { email } = await register(page, "Sam");
  await addAddress(page, { line1: "7 Saved Lane", city: "Portland", postalCode: "97201", country: "US", isDefault: true });
  await addToCart(page, "stoneware-mug");

  await page.goto("/checkout");
  // The email comes from the account, the delivery form from the default address.
  await expect(page.getByLabel("Email")).toHaveValue(email);
  const saved = page.getByRole("form", { name: "Use a saved address" });
  await expect(saved.getByLabel(/7 Saved Lane/)).toBeChecked();
  await saved.getByRole("button", { name: "Deliver to this address" }).click();
  await expect(page).toHaveURL(/step=shipping/);
  await page.getByLabel(/^Standard/).check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.getByRole("button", { name: /^Place order/ }).click();
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();

  const id = page.url().split("/").pop()!;
  const order = await admin<AdminOrder>(`/admin/orders/${id}`);
  expect(order.shippingAddress).toMatchObject({ line1: "7 Saved Lane", city: "Portland" });
  expect(order.billingAddress).toMatchObject({ line1: "7 Saved Lane", city: "Portland" });
});

test("a guest checks out with the keyboard only, with a separate billing address", async ({ page }) => {
  await addToCart(page, "oak-salad-servers");
  await page.goto("/checkout");
  // From the email field on, every step is typed: Tab between fields, Space for the checkbox, Enter to submit.
  await page.getByLabel("Email").focus();
  await page.keyboard.type("keys@example.com");
  const typeAndTab = async (...values: string[]) => {
    for (const v of values) {
      await page.keyboard.press("Tab");
      if (v) await page.keyboard.type(v);
    }
  };
  await typeAndTab("Kay", "Board", "3 Delivery Road", "", "Austin", "73301");
  await page.keyboard.press("Tab"); // country: the region's first (United States)
  await expect(page.getByRole("group", { name: "Delivery address" }).getByLabel("Country")).toBeFocused();
  await page.keyboard.press("Tab"); // phone
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Same as the delivery address")).toBeFocused();
  await page.keyboard.press("Space");
  const billing = page.getByRole("group", { name: "Billing address" });
  await expect(billing.getByLabel("First name")).toBeVisible();
  await typeAndTab("Bill", "Payer", "9 Invoice Avenue", "", "Chicago", "60601");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/step=shipping/);

  await page.getByLabel(/^Standard/).focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Continue to payment" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/step=payment/);
  await page.getByLabel("Test card").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: /^Place order/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();

  const order = await admin<AdminOrder>(`/admin/orders/${page.url().split("/").pop()}`);
  expect(order.shippingAddress).toMatchObject({ line1: "3 Delivery Road", city: "Austin" });
  expect(order.billingAddress).toMatchObject({ line1: "9 Invoice Avenue", city: "Chicago" });
});

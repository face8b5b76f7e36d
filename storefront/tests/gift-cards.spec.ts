import { expect, test } from "@playwright/test";
import { addToCart, admin, adminSend, checkoutToPayment, unique } from "./support";

type IssuedCard = { id: string; code: string; last4: string };
type AdminCard = { balance: { amount: number } };
type AdminOrder = { paymentStatus: string; totals: { total: { amount: number }; giftCards: { amount: number } } };

const issue = (amount: number) => adminSend<IssuedCard>("POST", "/admin/gift-cards", { amount, currency: "USD", note: "storefront e2e" });
const cents = (text: string | null) => Math.round(Number((text ?? "").replace(/[^0-9.]/g, "")) * 100);
const usd = (amount: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(amount / 100);

async function applyCode(page: import("@playwright/test").Page, code: string) {
  await page.getByLabel("Gift card code").fill(code);
  await page.getByRole("button", { name: "Apply gift card" }).click();
}

test("a gift card pays part of the order and the test card pays the rest", async ({ page }) => {
  const card = await issue(1000);
  await addToCart(page, "glass-water-carafe");
  await checkoutToPayment(page, `${unique("gift-part")}@example.com`);

  await applyCode(page, card.code);
  const applied = page.getByTestId("applied-gift-card");
  await expect(applied).toHaveCount(1);
  await expect(applied).toContainText(`Gift card ending ${card.last4}: −$10.00`);
  await expect(page.getByTestId("gift-card-total")).toHaveText("−$10.00");
  const total = cents(await page.getByTestId("total").textContent());
  expect(total).toBeGreaterThan(1000);
  await expect(page.getByTestId("amount-due")).toHaveText(usd(total - 1000));
  await expect(page.getByRole("button", { name: /^Place order/ })).toHaveText(`Place order · ${usd(total - 1000)}`);

  await page.getByLabel("Test card").selectOption("tok_success");
  await page.getByRole("button", { name: /^Place order/ }).click();
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();
  await expect(page.getByTestId("gift-card-total")).toHaveText("−$10.00");

  const order = await admin<AdminOrder>(`/admin/orders/${page.url().split("/").pop()}`);
  expect(order.totals.total.amount).toBe(total);
  expect(order.totals.giftCards.amount).toBe(1000);
  expect((await admin<AdminCard>(`/admin/gift-cards/${card.id}`)).balance.amount).toBe(0);
});

test("gift cards that cover the whole order skip the payment", async ({ page }) => {
  const card = await issue(50_000);
  await addToCart(page, "enamel-camp-mug");
  await checkoutToPayment(page, `${unique("gift-full")}@example.com`);

  await applyCode(page, card.code);
  await expect(page.getByTestId("paid-by-gift-cards")).toBeVisible();
  const total = cents(await page.getByTestId("total").textContent());
  await expect(page.getByTestId("gift-card-total")).toHaveText(`−${usd(total)}`);
  await expect(page.getByTestId("amount-due")).toHaveText("$0.00");
  await expect(page.getByLabel("Test card")).toHaveCount(0);

  await page.getByRole("button", { name: "Place order · $0.00" }).click();
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();
  const order = await admin<AdminOrder>(`/admin/orders/${page.url().split("/").pop()}`);
  expect(order.totals.giftCards.amount).toBe(total);
  expect(order.paymentStatus).toBe("captured");
  expect((await admin<AdminCard>(`/admin/gift-cards/${card.id}`)).balance.amount).toBe(50_000 - total);
});

test("a gift card code that cannot pay shows the problem at the field; an applied card can be removed", async ({ page }) => {
  await addToCart(page, "enamel-camp-mug");
  await checkoutToPayment(page, `${unique("gift-bad")}@example.com`);

  await applyCode(page, "GC-0000-0000-0000-0000");
  const error = page.getByRole("alert").filter({ hasText: "This gift card cannot be used" });
  await expect(error).toBeVisible();
  const field = page.getByLabel("Gift card code");
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAttribute("aria-describedby", "gift-card-error");
  await expect(page.getByTestId("applied-gift-card")).toHaveCount(0);

  // A real card, then removed: the totals go back to the full amount.
  const card = await issue(500);
  await applyCode(page, card.code.toLowerCase());
  await expect(page.getByTestId("applied-gift-card")).toContainText(`ending ${card.last4}: −$5.00`);
  await expect(error).toHaveCount(0);
  await page.getByRole("button", { name: `Remove gift card ending ${card.last4}` }).click();
  await expect(page.getByTestId("applied-gift-card")).toHaveCount(0);
  await expect(page.getByTestId("gift-card-total")).toHaveCount(0);
  await expect(page.getByTestId("amount-due")).toHaveCount(0);
});

"use server";

import { randomUUID } from "node:crypto";
import { refresh } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { problemCode, problemMessage, storeApi } from "@/api/client";
import { cartId, clearCookie, clearSession, clientIp, COOKIES, currentRegion, customerToken, saveSession, syncCartCount, writeCookie } from "@/lib/session";

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
/** Navigates after a change, re-rendering the layout too (the header shows the cart count and who is signed in). */
function go(path: string): never {
  refresh();
  redirect(path);
}

const back = (path: string, message: string) => go(`${path}${path.includes("?") ? "&" : "?"}error=${encodeURIComponent(message)}`);

/** A safe place to return to: a path on this site only. */
function localPath(value: string, fallback: string): string {
  return value.startsWith("/") && !value.startsWith("//") ? value : fallback;
}

async function api() {
  return storeApi({ token: await customerToken(), clientIp: await clientIp() });
}

/** The shopper's open cart, created in their region on first use. */
async function ensureCart(): Promise<string> {
  const existing = await cartId();
  if (existing) {
    const { data } = await (await api()).GET("/store/carts/{id}", { params: { path: { id: existing } } });
    if (data && !data.completedAt) return existing;
  }
  const region = await currentRegion();
  const { data, error } = await (await api()).POST("/store/carts", { body: { regionId: region?.id } });
  if (!data) throw new Error(problemMessage(error, "Could not create a cart."));
  await writeCookie(COOKIES.cart, data.id);
  return data.id;
}

export async function addToCart(form: FormData) {
  const variantId = text(form, "variantId");
  const quantity = Math.max(1, Math.min(100, Number(text(form, "quantity")) || 1));
  const returnTo = localPath(text(form, "returnTo"), "/cart");
  if (!variantId) back(returnTo, "Choose a variant first.");
  const id = await ensureCart();
  const { error } = await (await api()).POST("/store/carts/{id}/line-items", { params: { path: { id } }, body: { variantId, quantity } });
  if (error) back(returnTo, problemMessage(error));
  await syncCartCount();
  go("/cart?added=1");
}

export async function changeQuantity(form: FormData) {
  const id = await cartId();
  const lineId = text(form, "lineId");
  const quantity = Number(text(form, "quantity"));
  if (!id || !lineId) redirect("/cart");
  const client = await api();
  const { error } =
    quantity > 0
      ? await client.PATCH("/store/carts/{id}/line-items/{lineId}", { params: { path: { id: id!, lineId } }, body: { quantity } })
      : await client.DELETE("/store/carts/{id}/line-items/{lineId}", { params: { path: { id: id!, lineId } } });
  if (error) back("/cart", problemMessage(error));
  await syncCartCount();
  go("/cart?updated=1");
}

export async function removeLine(form: FormData) {
  const id = await cartId();
  const lineId = text(form, "lineId");
  if (id && lineId) {
    const { error } = await (await api()).DELETE("/store/carts/{id}/line-items/{lineId}", { params: { path: { id, lineId } } });
    if (error) back("/cart", problemMessage(error));
  }
  await syncCartCount();
  go("/cart?updated=1");
}

export async function setRegion(form: FormData) {
  const regionId = text(form, "regionId");
  const referer = (await headers()).get("referer");
  const here = referer ? new URL(referer) : undefined;
  const returnTo = localPath(here ? here.pathname + here.search : "", "/");
  await writeCookie(COOKIES.region, regionId, 60 * 60 * 24 * 365);
  const id = await cartId();
  if (id) await (await api()).PATCH("/store/carts/{id}", { params: { path: { id } }, body: { regionId } });
  go(returnTo);
}

type AddressFields = {
  firstName: string;
  lastName: string;
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string;
  countryCode: string;
  phone: string | null;
};

/** An address from a form's fields, each name with an optional prefix ("billing." for the billing address). */
function addressFrom(form: FormData, prefix = ""): AddressFields {
  const f = (name: string) => text(form, `${prefix}${name}`);
  return {
    firstName: f("firstName"),
    lastName: f("lastName"),
    line1: f("line1"),
    line2: f("line2") || null,
    city: f("city"),
    postalCode: f("postalCode"),
    countryCode: f("countryCode").toUpperCase(),
    phone: f("phone") || null,
  };
}

/** Step 1 of checkout: email, delivery address and billing address (the delivery address unless the shopper gives another). */
export async function saveContact(form: FormData) {
  const id = await cartId();
  if (!id) redirect("/cart");
  const shippingAddress = addressFrom(form);
  const billingAddress = form.get("billingSame") === "on" ? shippingAddress : addressFrom(form, "billing.");
  const { error } = await (await api()).PATCH("/store/carts/{id}", {
    params: { path: { id: id! } },
    body: { email: text(form, "email"), shippingAddress, billingAddress },
  });
  if (error) back("/checkout", problemMessage(error));
  go("/checkout?step=shipping#shipping");
}

/** Step 1 of checkout for a signed-in customer: one of their saved addresses, for delivery and billing. */
export async function useSavedAddress(form: FormData) {
  const id = await cartId();
  const token = await customerToken();
  if (!id || !token) redirect("/checkout");
  const client = storeApi({ token });
  const [saved, me] = await Promise.all([
    client.GET("/store/customers/me/addresses/{addressId}", { params: { path: { addressId: text(form, "addressId") } } }),
    client.GET("/store/customers/me"),
  ]);
  if (!saved.data || !me.data) back("/checkout", problemMessage(saved.error ?? me.error, "That address is no longer in your account."));
  const a = saved.data!;
  const address = { firstName: a.firstName, lastName: a.lastName, company: a.company, line1: a.line1, line2: a.line2, city: a.city, province: a.province, postalCode: a.postalCode, countryCode: a.countryCode, phone: a.phone };
  const { error } = await client.PATCH("/store/carts/{id}", {
    params: { path: { id: id! } },
    body: { email: me.data!.email, shippingAddress: address, billingAddress: address },
  });
  if (error) back("/checkout", problemMessage(error));
  go("/checkout?step=shipping#shipping");
}

export async function chooseShipping(form: FormData) {
  const id = await cartId();
  if (!id) redirect("/cart");
  const { error } = await (await api()).POST("/store/carts/{id}/shipping-method", {
    params: { path: { id: id! } },
    body: { optionId: text(form, "optionId") },
  });
  if (error) back("/checkout", problemMessage(error));
  go("/checkout?step=payment#payment");
}

/** A decline (at payment or at completion) gets one clear sentence; other problems their own detail. */
function paymentMessage(error: unknown): string {
  return problemCode(error) === "payment_declined"
    ? "Your payment was declined. No order was placed and you have not been charged; please use another card."
    : problemMessage(error, "The order could not be placed.");
}

export async function placeOrder(form: FormData) {
  const id = await cartId();
  if (!id) redirect("/cart");
  const client = await api();
  // Gift cards may cover it all: then Mercato takes no payment (and refuses to start one), and completion places the order.
  const cart = await client.GET("/store/carts/{id}", { params: { path: { id: id! } } });
  if (!cart.data) back("/checkout", problemMessage(cart.error, "Your cart has expired."));
  if (cart.data!.amountDue.amount > 0) {
    const token = text(form, "paymentToken") || "tok_success";
    const paid = await client.POST("/store/carts/{cartId}/payment", {
      params: { path: { cartId: id! } },
      // The schema types `data` as a JsonElement, which openapi-typescript cannot express; any JSON object is accepted.
      body: { provider: "test", data: { token } as never },
    });
    if (paid.error) back("/checkout", paymentMessage(paid.error));
  }
  const done = await client.POST("/store/carts/{cartId}/complete", {
    params: { path: { cartId: id! }, header: { "Idempotency-Key": randomUUID() } },
  });
  if (!done.data) back("/checkout", paymentMessage(done.error));
  await writeCookie(COOKIES.order, `${done.data!.order.id}.${done.data!.orderToken}`, 60 * 60 * 24 * 7);
  await clearCookie(COOKIES.cart);
  await writeCookie(COOKIES.cartCount, "0");
  go(`/checkout/confirmation/${done.data!.order.id}`);
}

/**
 * Back to the gift card field with a problem's message. Each attempt has its own `attempt` mark, so the field mounts anew
 * and takes the focus again even when the same message comes twice.
 */
function giftCardProblem(message: string): never {
  go(`/checkout?giftCardError=${encodeURIComponent(message)}&attempt=${Date.now().toString(36)}#gift-card`);
}

/** Applies a gift card code to the cart; a code that cannot pay comes back to the gift card field with the problem's message. */
export async function applyGiftCard(form: FormData) {
  const id = await cartId();
  if (!id) redirect("/cart");
  const code = text(form, "giftCardCode");
  if (!code) giftCardProblem("Enter the code printed on your gift card.");
  const { error } = await (await api()).POST("/store/carts/{id}/gift-cards", { params: { path: { id: id! } }, body: { code } });
  if (error) giftCardProblem(problemMessage(error));
  go("/checkout?giftCard=applied#gift-card");
}

export async function removeGiftCard(form: FormData) {
  const id = await cartId();
  const giftCardId = text(form, "giftCardId");
  if (!id) redirect("/cart");
  if (giftCardId) {
    const { error } = await (await api()).DELETE("/store/carts/{id}/gift-cards/{giftCardId}", { params: { path: { id: id!, giftCardId } } });
    if (error) giftCardProblem(problemMessage(error));
  }
  go("/checkout?giftCard=removed#gift-card");
}

export async function register(form: FormData) {
  const email = text(form, "email");
  const password = String(form.get("password") ?? "");
  const { error } = await storeApi({ clientIp: await clientIp() }).POST("/store/customers", {
    body: { email, password, firstName: text(form, "firstName"), lastName: text(form, "lastName") },
  });
  if (error) back("/account/register", problemMessage(error));
  await signIn(email, password, "/account/register");
  go("/account");
}

export async function login(form: FormData) {
  await signIn(text(form, "email"), String(form.get("password") ?? ""), "/account/login");
  go(localPath(text(form, "returnTo"), "/account"));
}

async function signIn(email: string, password: string, errorPath: string) {
  const { data, error } = await storeApi({ clientIp: await clientIp() }).POST("/store/auth/token", { body: { email, password, cartId: (await cartId()) ?? null } });
  if (!data) back(errorPath, problemMessage(error, "Wrong email or password."));
  await saveSession(data!);
  if (data!.cartId) await writeCookie(COOKIES.cart, data!.cartId);
  await syncCartCount();
}

export async function logout() {
  const token = await customerToken();
  if (token) await storeApi({ token }).POST("/store/auth/logout");
  await clearSession();
  await clearCookie(COOKIES.cart);
  await writeCookie(COOKIES.cartCount, "0");
  go("/");
}

export async function addAddress(form: FormData) {
  const token = await customerToken();
  if (!token) redirect("/account/login");
  const { error } = await storeApi({ token }).POST("/store/customers/me/addresses", {
    body: { ...addressFrom(form), isDefaultShipping: form.get("isDefaultShipping") === "on" },
  });
  if (error) back("/account", problemMessage(error));
  go("/account?added=address#addresses");
}

/** Changes a saved address; the form carries the version it was shown at (If-Match), so a stale form gets a clear error. */
export async function updateAddress(form: FormData) {
  const token = await customerToken();
  if (!token) redirect("/account/login");
  const address = addressFrom(form);
  const { error } = await storeApi({ token }).PATCH("/store/customers/me/addresses/{addressId}", {
    params: { path: { addressId: text(form, "addressId") } },
    headers: { "If-Match": `"${text(form, "version")}"` },
    // "" removes an optional field on the server.
    body: { ...address, line2: address.line2 ?? "", phone: address.phone ?? "", isDefaultShipping: form.get("isDefaultShipping") === "on" ? true : undefined },
  });
  if (error) back("/account", problemMessage(error));
  go("/account?updated=address#addresses");
}

export async function deleteAddress(form: FormData) {
  const token = await customerToken();
  if (!token) redirect("/account/login");
  const { error } = await storeApi({ token }).DELETE("/store/customers/me/addresses/{addressId}", {
    params: { path: { addressId: text(form, "addressId") } },
  });
  if (error) back("/account", problemMessage(error));
  go("/account?deleted=address#addresses");
}

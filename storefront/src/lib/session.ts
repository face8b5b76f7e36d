import { cookies, headers } from "next/headers";
import { catalogApi, storeApi, TAGS, type Region } from "@/api/client";
import { COOKIE_NAMES } from "./cookie-names";
import { decodeSession, encodeSession, SESSION_COOKIE_MAX_AGE, sessionFrom } from "./customer-session";

/**
 * Cookies. `cart`, `customer` and `order` are httpOnly: the browser keeps them, but no script can read them. `region` and
 * the two hints are readable by the page's script: they carry nothing secret, and they let the catalog pages be static (the
 * header shows the cart count and the account link from them, see SessionLinks and RegionSwitcher).
 */
export const COOKIES = COOKIE_NAMES;

const READABLE: string[] = [COOKIES.region, COOKIES.cartCount, COOKIES.signedIn];

const base = { sameSite: "lax" as const, path: "/", secure: process.env.COOKIE_SECURE === "true" };

export async function readCookie(name: string): Promise<string | undefined> {
  return (await cookies()).get(name)?.value || undefined;
}

export async function writeCookie(name: string, value: string, maxAgeSeconds = 60 * 60 * 24 * 30): Promise<void> {
  (await cookies()).set(name, value, { ...base, httpOnly: !READABLE.includes(name), maxAge: maxAgeSeconds });
}

export async function clearCookie(name: string): Promise<void> {
  (await cookies()).delete(name);
}

export const cartId = () => readCookie(COOKIES.cart);

/** The signed-in customer's access token (the proxy has refreshed it if it had expired). */
export async function customerToken(): Promise<string | undefined> {
  return decodeSession(await readCookie(COOKIES.customer))?.accessToken;
}

/** Keeps a new token pair (sign-in, password change) and the signed-in hint. */
export async function saveSession(tokens: { accessToken: string; refreshToken: string; expiresIn: number }): Promise<void> {
  await writeCookie(COOKIES.customer, encodeSession(sessionFrom(tokens, Math.floor(Date.now() / 1000))), SESSION_COOKIE_MAX_AGE);
  await writeCookie(COOKIES.signedIn, "1", SESSION_COOKIE_MAX_AGE);
}

export async function clearSession(): Promise<void> {
  await clearCookie(COOKIES.customer);
  await clearCookie(COOKIES.signedIn);
}

/** Writes the cart-count hint the header shows, from the shopper's open cart (0 without one). */
export async function syncCartCount(): Promise<void> {
  const id = await cartId();
  let count = 0;
  if (id) {
    const { data } = await storeApi({ token: await customerToken() }).GET("/store/carts/{id}", { params: { path: { id } } });
    count = data && !data.completedAt ? data.items.reduce((n, l) => n + l.quantity, 0) : 0;
  }
  await writeCookie(COOKIES.cartCount, String(count));
}

export async function regions(): Promise<Region[]> {
  const { data } = await catalogApi(TAGS.regions).GET("/store/regions");
  return data?.items ?? [];
}

/** A region by id, or the first region when the id is unknown or "default". */
export async function regionById(id: string | undefined): Promise<Region | undefined> {
  const all = await regions();
  return all.find((r) => r.id === id) ?? all[0];
}

/** The shopper's region: the cookie's if it still exists, else the first region. Only for pages rendered per request. */
export async function currentRegion(): Promise<Region | undefined> {
  return regionById(await readCookie(COOKIES.region));
}

/**
 * The shopper's IP address to forward to Mercato, when FORWARD_CLIENT_IP=true: the last address of the X-Forwarded-For the
 * storefront received (the one its own reverse proxy added, or the socket address Next.js fills in when there is none).
 * Off by default: without a proxy in front that sets the header, a shopper could send any address and get a fresh sign-in
 * budget with each. Read per request only (never on static catalog pages).
 */
export async function clientIp(): Promise<string | undefined> {
  if (process.env.FORWARD_CLIENT_IP !== "true") return undefined;
  const last = (await headers()).get("x-forwarded-for")?.split(",").pop()?.trim();
  return last && /^[0-9A-Fa-f:.]{2,45}$/.test(last) ? last.replace(/^::ffff:/, "") : undefined;
}

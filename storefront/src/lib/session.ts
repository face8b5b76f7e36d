import { cookies } from "next/headers";
import { catalogApi, type Region } from "@/api/client";

/** httpOnly cookies: the browser keeps them, but no script can read them. */
export const COOKIES = { cart: "mercato_cart", customer: "mercato_customer", region: "mercato_region", order: "mercato_last_order" } as const;

const base = { httpOnly: true, sameSite: "lax" as const, path: "/", secure: process.env.COOKIE_SECURE === "true" };

export async function readCookie(name: string): Promise<string | undefined> {
  return (await cookies()).get(name)?.value || undefined;
}

export async function writeCookie(name: string, value: string, maxAgeSeconds = 60 * 60 * 24 * 30): Promise<void> {
  (await cookies()).set(name, value, { ...base, maxAge: maxAgeSeconds });
}

export async function clearCookie(name: string): Promise<void> {
  (await cookies()).delete(name);
}

export const cartId = () => readCookie(COOKIES.cart);
export const customerToken = () => readCookie(COOKIES.customer);

export async function regions(): Promise<Region[]> {
  const { data } = await catalogApi().GET("/store/regions");
  return data?.items ?? [];
}

/** The shopper's region: the cookie's if it still exists, else the first region. */
export async function currentRegion(): Promise<Region | undefined> {
  const all = await regions();
  const chosen = await readCookie(COOKIES.region);
  return all.find((r) => r.id === chosen) ?? all[0];
}

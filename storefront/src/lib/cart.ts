import { storeApi, type Cart } from "@/api/client";
import { cartId, customerToken } from "./session";

/** The shopper's open cart, or null (no cookie, expired, or already turned into an order). */
export async function openCart(): Promise<Cart | null> {
  const id = await cartId();
  if (!id) return null;
  const { data } = await storeApi({ token: await customerToken() }).GET("/store/carts/{id}", { params: { path: { id } } });
  return data && !data.completedAt ? data : null;
}

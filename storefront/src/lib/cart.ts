import { storeApi, type Cart } from "@/api/client";
import { cartId, customerToken } from "./session";

/** The shopper's open cart, or null (no cookie, expired, or already turned into an order). */
export async function openCart(): Promise<Cart | null> {
  const id = await cartId();
  if (!id) return null;
  const { data } = await storeApi({ token: await customerToken() }).GET("/store/carts/{id}", { params: { path: { id } } });
  return data && !data.completedAt ? data : null;
}

/** The cart's totals with what its gift cards pay, for <Totals> (the cart answers the cards one by one). */
export function cartTotals(cart: Cart) {
  const applied = cart.giftCards.reduce((sum, g) => sum + g.applied.amount, 0);
  return { ...cart.totals, giftCards: { amount: applied, currency: cart.currency } };
}

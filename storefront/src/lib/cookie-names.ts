/** The storefront's cookie names (also read by the proxy and by client components). */
export const COOKIE_NAMES = {
  cart: "mercato_cart",
  customer: "mercato_customer",
  region: "mercato_region",
  order: "mercato_last_order",
  cartCount: "mercato_cart_count",
  signedIn: "mercato_signed_in",
} as const;

import { TAGS } from "@/api/client";

export type WebhookBody = { type?: string; data?: { resourceId?: string; state?: { handle?: string; productHandle?: string } | null } };

/** The cache tags one Mercato event makes stale: the product's own page and every product list (titles, prices, stock). */
export function tagsFor(event: WebhookBody): string[] {
  const type = event.type ?? "";
  const handle = event.data?.state?.handle ?? event.data?.state?.productHandle;
  if (type.startsWith("product.")) return [TAGS.productLists, ...(handle ? [TAGS.product(handle)] : [])];
  if (type === "variant.price_changed" || type === "inventory_level.changed")
    return [TAGS.productLists, ...(handle ? [TAGS.product(handle)] : [TAGS.productPages])];
  // A price list's event carries the list without its prices: any product page may show one of them (a sale's was/now).
  if (type.startsWith("price_list.")) return [TAGS.productLists, TAGS.productPages];
  if (type.startsWith("category.")) return [TAGS.categories, TAGS.productLists];
  if (type.startsWith("collection.")) return [TAGS.collections, TAGS.productLists];
  // Every price shows in a region's currency, and a deleted region may have been the default one.
  if (type.startsWith("region.")) return [TAGS.regions, TAGS.productLists, TAGS.productPages];
  return [];
}


import createClient from "openapi-fetch";
import { config } from "@/lib/config";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];
export type Money = Schemas["MoneyDto"];
export type Cart = Schemas["CartResponse"];
export type Product = Schemas["StoreProductResponse"];
export type ProductSummary = Schemas["StoreProductSummary"];
export type Region = Schemas["StoreRegionResponse"];
export type Category = Schemas["StoreCategoryResponse"];
export type Collection = Schemas["StoreCollectionResponse"];
export type Order = Schemas["StoreOrder"];
export type Problem = { title?: string | null; detail?: string | null; code?: string | null; status?: number | null; errors?: Record<string, string[]> };

/** The tag every cached catalog answer carries, so a webhook can revalidate them all at once (see /api/revalidate). */
export const CATALOG_TAG = "catalog";

/** The narrower tags of cached catalog answers, which a Mercato webhook revalidates one change at a time. */
export const TAGS = {
  /** One product's page data (by handle, in every region). */
  product: (handle: string) => `product:${handle}`,
  /** Every product page's data: for changes that do not say which product (stock levels, prices by variant). */
  productPages: "product-pages",
  /** Every product list, facet and suggestion answer. */
  productLists: "products",
  categories: "categories",
  collections: "collections",
  regions: "regions",
} as const;

type Caching = "catalog" | "no-store";

/**
 * A typed Store API client (openapi-fetch over the generated schema). Catalog reads go through Next's data cache with a
 * revalidation period and the catalog tag; everything that belongs to one shopper (carts, accounts, orders) is never cached.
 */
export function storeApi(options: { token?: string; caching?: Caching; tags?: string[]; clientIp?: string } = {}) {
  const caching = options.caching ?? "no-store";
  const init: RequestInit & { next?: { revalidate?: number; tags?: string[] } } =
    caching === "catalog"
      ? { next: { revalidate: config.catalogRevalidate, tags: [CATALOG_TAG, ...(options.tags ?? [])] } }
      : { cache: "no-store" };
  return createClient<paths>({
    baseUrl: config.apiUrl,
    headers: {
      "X-Publishable-Key": config.publishableKey,
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      // The shopper's address, so Mercato's per-IP limits (sign-in, registration) count per shopper, not per storefront.
      // Mercato uses it only from an address listed in Mercato:Http:KnownProxies (see FORWARD_CLIENT_IP in the README).
      ...(options.clientIp ? { "X-Forwarded-For": options.clientIp } : {}),
    },
    // Next reads its caching options from fetch's second argument, not from the Request object.
    fetch: (request: Request) => globalThis.fetch(request, init),
  });
}

/** Catalog reads, cached with the catalog tag and the given narrower ones (see TAGS). */
export const catalogApi = (...tags: string[]) => storeApi({ caching: "catalog", tags });

/** A short sentence for a problem answer, for the shopper. */
export function problemMessage(error: unknown, fallback = "Something went wrong. Please try again."): string {
  const p = (error ?? {}) as Problem;
  if (p.errors) {
    const first = Object.entries(p.errors)[0];
    if (first) return `${first[0]}: ${first[1].join(" ")}`;
  }
  return p.detail || p.title || fallback;
}

export function problemCode(error: unknown): string | undefined {
  return ((error ?? {}) as Problem).code ?? undefined;
}

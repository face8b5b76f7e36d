import { notFound } from "next/navigation";
import { catalogApi, TAGS, type Category, type Collection, type ProductSummary } from "@/api/client";

export async function categories(): Promise<Category[]> {
  const { data } = await catalogApi(TAGS.categories).GET("/store/categories");
  return data?.items ?? [];
}

export async function collections(): Promise<Collection[]> {
  const { data } = await catalogApi(TAGS.collections).GET("/store/collections");
  return data?.items ?? [];
}

export async function categoryByPath(path: string[]): Promise<{ category: Category; trail: Category[] }> {
  const all = await categories();
  const joined = path.map(decodeURIComponent).join("/");
  const category = all.find((c) => c.path === joined);
  if (!category) notFound();
  const trail: Category[] = [];
  for (let c: Category | undefined = category; c; c = all.find((x) => x.id === c!.parentId)) trail.unshift(c);
  return { category, trail };
}

export const categoryHref = (c: { path: string }) => `/categories/${c.path}`;

/** The listing query a shopper can set in the URL: filters, sort and cursor. */
export type ListingQuery = { sort?: string; cursor?: string; option: string[]; price?: string; q?: string };

export const SORTS: { value: string; label: string }[] = [
  { value: "newest", label: "Newest" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
  { value: "title", label: "Name" },
];

type SearchParams = Record<string, string | string[] | undefined>;

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const one = (v: string | string[] | undefined) => list(v)[0] || undefined;

export function readListingQuery(params: SearchParams): ListingQuery {
  const sort = one(params.sort);
  return {
    sort: sort && [...SORTS.map((s) => s.value), "relevance"].includes(sort) ? sort : undefined,
    cursor: one(params.cursor),
    option: list(params.option).filter((o) => /^[^:]+:.+$/.test(o)),
    price: one(params.price)?.match(/^\d+-\d*$/) ? one(params.price) : undefined,
    q: one(params.q)?.slice(0, 200),
  };
}

export function hasRefinements(q: ListingQuery): boolean {
  return Boolean(q.sort || q.cursor || q.option.length || q.price);
}

/** The same listing with another cursor (or none), as a URL query string. */
export function listingHref(pathname: string, q: ListingQuery, cursor?: string): string {
  const s = new URLSearchParams();
  if (q.q) s.set("q", q.q);
  for (const o of q.option) s.append("option", o);
  if (q.price) s.set("price", q.price);
  if (q.sort) s.set("sort", q.sort);
  if (cursor) s.set("cursor", cursor);
  const text = s.toString();
  return text ? `${pathname}?${text}` : pathname;
}

export async function listProducts(
  scope: { category?: string; collection?: string },
  q: ListingQuery,
  regionId: string | undefined,
  limit = 12,
): Promise<{ items: ProductSummary[]; nextCursor: string | null; error?: unknown }> {
  const [min, max] = q.price ? q.price.split("-") : [];
  const minPrice = min ? Number(min) : undefined;
  const maxPrice = max ? Number(max) : undefined;
  const { data, error } = await catalogApi(TAGS.productLists).GET("/store/products", {
    params: {
      query: {
        ...scope,
        q: q.q,
        sort: q.sort,
        cursor: q.cursor,
        option: q.option.length ? q.option : undefined,
        minPrice,
        maxPrice,
        region: regionId,
        limit,
      },
    },
  });
  return { items: data?.items ?? [], nextCursor: data?.nextCursor ?? null, error };
}

export async function facets(scope: { category?: string; collection?: string; q?: string }, q: ListingQuery, regionId?: string) {
  const { data } = await catalogApi(TAGS.productLists).GET("/store/products/facets", {
    params: { query: { ...scope, option: q.option.length ? q.option : undefined, region: regionId } },
  });
  return data;
}

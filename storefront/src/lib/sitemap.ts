import { catalogApi, TAGS } from "@/api/client";
import { absoluteUrl } from "./config";
import { categories, categoryHref, collections } from "./catalog";
import { regions } from "./session";

/** The sitemap protocol's limit of URLs per file; past it the sitemap becomes an index of several files. */
export const SITEMAP_LIMIT = Number(process.env.SITEMAP_LIMIT ?? 50_000);

/** Every indexable page: home, categories, collections and each published product (in any region's currency). */
export async function sitemapUrls(): Promise<string[]> {
  const api = catalogApi(TAGS.productLists, TAGS.categories, TAGS.collections);
  const handles = new Set<string>();
  for (const region of await regions()) {
    let cursor: string | undefined;
    do {
      const { data } = await api.GET("/store/products", { params: { query: { region: region.id, limit: 100, cursor, sort: "newest" } } });
      for (const p of data?.items ?? []) handles.add(p.handle);
      cursor = data?.nextCursor ?? undefined;
    } while (cursor);
  }
  return [
    absoluteUrl("/"),
    ...(await categories()).map((c) => absoluteUrl(categoryHref(c))),
    ...(await collections()).map((c) => absoluteUrl(`/collections/${c.handle}`)),
    ...[...handles].sort().map((h) => absoluteUrl(`/products/${h}`)),
  ];
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function urlset(urls: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
    .map((u) => `  <url><loc>${escape(u)}</loc></url>`)
    .join("\n")}\n</urlset>\n`;
}

export function sitemapIndex(files: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${Array.from(
    { length: files },
    (_, i) => `  <sitemap><loc>${escape(absoluteUrl(`/sitemaps/${i + 1}.xml`))}</loc></sitemap>`,
  ).join("\n")}\n</sitemapindex>\n`;
}

export const xml = (body: string) => new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } });

import { SITEMAP_LIMIT, sitemapIndex, sitemapUrls, urlset, xml } from "@/lib/sitemap";

export const dynamic = "force-dynamic";

/** One sitemap while the catalog fits in one file, else an index of /sitemaps/N.xml files. */
export async function GET() {
  const urls = await sitemapUrls();
  return xml(urls.length <= SITEMAP_LIMIT ? urlset(urls) : sitemapIndex(Math.ceil(urls.length / SITEMAP_LIMIT)));
}

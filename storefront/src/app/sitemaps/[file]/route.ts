import { SITEMAP_LIMIT, sitemapUrls, urlset, xml } from "@/lib/sitemap";

export const dynamic = "force-dynamic";

export async function GET(_: Request, { params }: { params: Promise<{ file: string }> }) {
  const n = Number((await params).file.match(/^(\d+)\.xml$/)?.[1] ?? 0);
  const urls = await sitemapUrls();
  const part = urls.slice((n - 1) * SITEMAP_LIMIT, n * SITEMAP_LIMIT);
  if (n < 1 || part.length === 0) return new Response("Not found", { status: 404 });
  return xml(urlset(part));
}

import type { Metadata } from "next";
import { catalogApi, TAGS } from "@/api/client";
import { Listing } from "@/components/Listing";
import { facets, listProducts, readListingQuery } from "@/lib/catalog";
import { currentRegion } from "@/lib/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = readListingQuery(await searchParams).q;
  return { title: q ? `Search: ${q}` : "Search", robots: { index: false, follow: true }, alternates: { canonical: "/search" } };
}

export default async function SearchPage({ searchParams }: Props) {
  const query = readListingQuery(await searchParams);
  const region = await currentRegion();
  if (!query.q) {
    return (
      <>
        <h1>Search</h1>
        <p>Type what you are looking for in the search box above.</p>
      </>
    );
  }
  const [page, found, suggested] = await Promise.all([
    listProducts({}, query, region?.id),
    facets({ q: query.q }, query, region?.id),
    catalogApi(TAGS.productLists).GET("/store/search/suggestions", { params: { query: { q: query.q, limit: 5, region: region?.id } } }),
  ]);
  const terms = (suggested.data?.terms ?? []).filter((t) => t.text.toLowerCase() !== query.q!.toLowerCase());
  return (
    <>
      <h1>Results for “{query.q}”</h1>
      {terms.length > 0 && (
        <p>
          Related searches:{" "}
          {terms.map((t, i) => (
            <span key={t.term}>
              {i > 0 && ", "}
              <a href={`/search?q=${encodeURIComponent(t.text)}`}>{t.text}</a>
            </span>
          ))}
        </p>
      )}
      <Listing pathname="/search" query={query} products={page.items} nextCursor={page.nextCursor} facets={found} showRelevance />
    </>
  );
}

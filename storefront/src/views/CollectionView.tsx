import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { Listing } from "@/components/Listing";
import { collections, facets, hasRefinements, listProducts, readListingQuery } from "@/lib/catalog";
import { regionById } from "@/lib/session";

type Query = Record<string, string | string[] | undefined>;

async function collection(handle: string) {
  const found = (await collections()).find((c) => c.handle === handle);
  if (!found) notFound();
  return found;
}

export async function collectionMetadata(handle: string, params: Query): Promise<Metadata> {
  const c = await collection(handle);
  const refined = hasRefinements(readListingQuery(params));
  return {
    title: c.title,
    description: c.description ?? `Shop the ${c.title} collection.`,
    alternates: { canonical: `/collections/${c.handle}` },
    openGraph: { title: c.title, url: `/collections/${c.handle}` },
    robots: refined ? { index: false, follow: true } : undefined,
  };
}

export async function CollectionView({ handle, regionId, params }: { handle: string; regionId: string | undefined; params: Query }) {
  const c = await collection(handle);
  const query = readListingQuery(params);
  const region = await regionById(regionId);
  const [page, found] = await Promise.all([
    listProducts({ collection: c.handle }, query, region?.id),
    facets({ collection: c.handle }, query, region?.id),
  ]);
  const pathname = `/collections/${c.handle}`;
  return (
    <>
      <Breadcrumbs items={[{ name: c.title, href: pathname }]} />
      <h1>{c.title}</h1>
      {c.description && <p>{c.description}</p>}
      <Listing pathname={pathname} query={query} products={page.items} nextCursor={page.nextCursor} facets={found} />
    </>
  );
}

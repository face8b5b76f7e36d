import type { Metadata } from "next";
import { CollectionView, collectionMetadata } from "@/views/CollectionView";

// Static, regenerated in the background at most every 60 s (CATALOG_REVALIDATE_SECONDS for the data) and at once by
// /api/revalidate. The proxy serves it for this path without a query string, by the region cookie.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ region: string; handle: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return collectionMetadata((await params).handle, {});
}

export default async function StaticCollectionPage({ params }: Props) {
  const { region, handle } = await params;
  return <CollectionView handle={handle} regionId={region} params={{}} />;
}

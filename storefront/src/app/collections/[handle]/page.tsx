import type { Metadata } from "next";
import { currentRegion } from "@/lib/session";
import { CollectionView, collectionMetadata } from "@/views/CollectionView";

// With a query (filters, sort, cursor): per request. Without one, the proxy serves the static copy (r/[region]/collections).
type Props = { params: Promise<{ handle: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return collectionMetadata((await params).handle, await searchParams);
}

export default async function CollectionPage({ params, searchParams }: Props) {
  return <CollectionView handle={(await params).handle} regionId={(await currentRegion())?.id} params={await searchParams} />;
}

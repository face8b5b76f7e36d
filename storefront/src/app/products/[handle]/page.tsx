import type { Metadata } from "next";
import { currentRegion } from "@/lib/session";
import { ProductView, productMetadata } from "@/views/ProductView";

// With a query (options, error): per request. Without one, the proxy serves the static copy (r/[region]/products).
type Props = { params: Promise<{ handle: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return productMetadata((await params).handle, (await currentRegion())?.id);
}

export default async function ProductPage({ params, searchParams }: Props) {
  return <ProductView handle={(await params).handle} regionId={(await currentRegion())?.id} query={await searchParams} />;
}

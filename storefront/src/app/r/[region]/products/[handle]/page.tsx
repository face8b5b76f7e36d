import type { Metadata } from "next";
import { ProductView, productMetadata } from "@/views/ProductView";

// Static, regenerated in the background at most every 60 s (CATALOG_REVALIDATE_SECONDS for the data) and at once by
// /api/revalidate. The proxy serves it for this path without a query string, by the region cookie.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ region: string; handle: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { region, handle } = await params;
  return productMetadata(handle, region);
}

export default async function StaticProductPage({ params }: Props) {
  const { region, handle } = await params;
  return <ProductView handle={handle} regionId={region} query={{}} />;
}

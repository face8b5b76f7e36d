import type { Metadata } from "next";
import { CategoryView, categoryMetadata } from "@/views/CategoryView";

// Static, regenerated in the background at most every 60 s (CATALOG_REVALIDATE_SECONDS for the data) and at once by
// /api/revalidate. The proxy serves it for this path without a query string, by the region cookie.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ region: string; path: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return categoryMetadata((await params).path, {});
}

export default async function StaticCategoryPage({ params }: Props) {
  const { region, path } = await params;
  return <CategoryView path={path} regionId={region} params={{}} />;
}

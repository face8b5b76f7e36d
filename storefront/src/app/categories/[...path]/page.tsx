import type { Metadata } from "next";
import { currentRegion } from "@/lib/session";
import { CategoryView, categoryMetadata } from "@/views/CategoryView";

// With a query (filters, sort, cursor): per request. Without one, the proxy serves the static copy (r/[region]/categories).
type Props = { params: Promise<{ path: string[] }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return categoryMetadata((await params).path, await searchParams);
}

export default async function CategoryPage({ params, searchParams }: Props) {
  return <CategoryView path={(await params).path} regionId={(await currentRegion())?.id} params={await searchParams} />;
}

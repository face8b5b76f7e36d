import { HomeView, homeMetadata } from "@/views/HomeView";

// Static, regenerated in the background at most every 60 s (CATALOG_REVALIDATE_SECONDS for the data) and at once by
// /api/revalidate. The proxy serves it for this path without a query string, by the region cookie.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = async () => [];

export const metadata = homeMetadata;

export default async function StaticHome({ params }: { params: Promise<{ region: string }> }) {
  return <HomeView regionId={(await params).region} />;
}

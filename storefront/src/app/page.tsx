import { currentRegion } from "@/lib/session";
import { HomeView, homeMetadata } from "@/views/HomeView";

// With a query string: per request. Without one, the proxy serves the static copy (r/[region]).
export const metadata = homeMetadata;

export default async function Home() {
  return <HomeView regionId={(await currentRegion())?.id} />;
}

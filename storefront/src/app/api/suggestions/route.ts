import { catalogApi, TAGS } from "@/api/client";
import { currentRegion } from "@/lib/session";

/** Search-as-you-type for the search box: the Store API's suggestions, through the storefront so the browser needs no key. */
export async function GET(request: Request) {
  const q = new URL(request.url).searchParams.get("q")?.trim().slice(0, 100) ?? "";
  if (q.length < 2) return Response.json({ terms: [], products: [], categories: [] });
  const region = await currentRegion();
  const { data } = await catalogApi(TAGS.productLists).GET("/store/search/suggestions", { params: { query: { q, limit: 5, region: region?.id } } });
  return Response.json(data ?? { terms: [], products: [], categories: [] }, { headers: { "Cache-Control": "private, max-age=60" } });
}

import { revalidateTag } from "next/cache";
import { CATALOG_TAG } from "@/api/client";

/**
 * Drops the cached catalog answers at once (for example from a Mercato webhook on product changes), instead of waiting
 * for CATALOG_REVALIDATE_SECONDS. Needs `Authorization: Bearer $REVALIDATE_SECRET`; off while that is unset.
 */
export async function POST(request: Request) {
  const secret = process.env.REVALIDATE_SECRET;
  if (!secret || request.headers.get("authorization") !== `Bearer ${secret}`) return new Response(null, { status: 401 });
  revalidateTag(CATALOG_TAG, { expire: 0 });
  return Response.json({ revalidated: [CATALOG_TAG] });
}

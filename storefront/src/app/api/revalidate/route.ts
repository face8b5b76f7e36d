import { revalidateTag } from "next/cache";
import { CATALOG_TAG } from "@/api/client";
import { tagsFor, type WebhookBody } from "@/lib/revalidation";
import { verifyWebhook } from "@/lib/webhook-signature";

/**
 * Makes cached catalog pages stale at once instead of after CATALOG_REVALIDATE_SECONDS. Two ways in:
 * - a Mercato webhook (Standard Webhooks, signed with the endpoint's secret, set as MERCATO_WEBHOOK_SECRET): only the tags
 *   of the changed product, category or collection are revalidated (see tagsFor); a `webhook.test` answers 200 with none;
 * - `Authorization: Bearer $REVALIDATE_SECRET` with no webhook headers (a deploy script, by hand): every catalog answer.
 * Anything else is 401. Off while neither secret is set.
 */
export async function POST(request: Request) {
  const body = await request.text();
  const webhookSecret = process.env.MERCATO_WEBHOOK_SECRET;
  if (request.headers.has("webhook-signature")) {
    const signed =
      webhookSecret &&
      verifyWebhook(
        webhookSecret,
        { id: request.headers.get("webhook-id"), timestamp: request.headers.get("webhook-timestamp"), signature: request.headers.get("webhook-signature") },
        body,
        Math.floor(Date.now() / 1000),
      );
    if (!signed) return new Response(null, { status: 401 });
    let event: WebhookBody;
    try {
      event = JSON.parse(body) as WebhookBody;
    } catch {
      return new Response(null, { status: 400 });
    }
    const tags = tagsFor(event);
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
    return Response.json({ revalidated: tags });
  }
  const secret = process.env.REVALIDATE_SECRET;
  if (!secret || request.headers.get("authorization") !== `Bearer ${secret}`) return new Response(null, { status: 401 });
  revalidateTag(CATALOG_TAG, { expire: 0 });
  return Response.json({ revalidated: [CATALOG_TAG] });
}

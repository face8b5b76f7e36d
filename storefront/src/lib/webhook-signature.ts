import { createHmac, timingSafeEqual } from "node:crypto";

/** How far a webhook's timestamp may be from now (replay protection), as the Standard Webhooks spec suggests. */
export const TOLERANCE_SECONDS = 5 * 60;

/**
 * Verifies a Standard Webhooks request as Mercato signs it: `webhook-signature` holds space-separated `v1,<base64>`
 * signatures, each an HMAC-SHA256 with the endpoint secret's bytes (`whsec_<base64>`) over "{webhook-id}.{webhook-timestamp}.{body}".
 * Returns false for a missing header, a stale timestamp or no matching signature.
 */
export function verifyWebhook(
  secret: string,
  headers: { id: string | null; timestamp: string | null; signature: string | null },
  body: string,
  nowSeconds: number,
): boolean {
  if (!secret.startsWith("whsec_") || !headers.id || !headers.timestamp || !headers.signature) return false;
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > TOLERANCE_SECONDS) return false;
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const expected = createHmac("sha256", key).update(`${headers.id}.${headers.timestamp}.${body}`).digest();
  return headers.signature.split(" ").some((s) => {
    const [version, value] = s.split(",", 2);
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** Signs like Mercato does (for tests and for scripts that call /api/revalidate by hand). */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

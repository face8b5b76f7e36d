/**
 * The signed-in customer's session, kept in one httpOnly cookie: the access token, the refresh token and when the access
 * token expires. Pure functions (no Next imports), shared by the proxy (which refreshes) and the server code (which reads).
 */
export type CustomerSession = { accessToken: string; refreshToken: string; expiresAt: number };

/** Seconds before expiry at which the proxy already trades the refresh token for a new pair. */
export const REFRESH_MARGIN_SECONDS = 60;

/** How long the cookie lives: as long as the server keeps an unused session (Mercato:Auth:RefreshTokenDays, 30 by default). */
export const SESSION_COOKIE_MAX_AGE = 60 * 60 * 24 * 30;

export function encodeSession(s: CustomerSession): string {
  return Buffer.from(JSON.stringify(s)).toString("base64url");
}

export function decodeSession(value: string | undefined): CustomerSession | undefined {
  if (!value) return undefined;
  try {
    const s = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Partial<CustomerSession>;
    return typeof s.accessToken === "string" && typeof s.refreshToken === "string" && typeof s.expiresAt === "number"
      ? (s as CustomerSession)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A session from a token answer (sign-in, refresh, password change); `now` in epoch seconds. */
export function sessionFrom(tokens: { accessToken: string; refreshToken: string; expiresIn: number }, now: number): CustomerSession {
  return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: now + tokens.expiresIn };
}

export const needsRefresh = (s: CustomerSession, now: number) => now >= s.expiresAt - REFRESH_MARGIN_SECONDS;

/**
 * Trades the refresh token for a new pair (POST /store/auth/refresh; the old refresh token stops working). Returns the new
 * session, or null when the server refuses it (expired, revoked, already used): the shopper is then signed out.
 * A network failure throws, so a passing outage does not sign anyone out.
 */
export async function refreshSession(
  s: CustomerSession,
  api: { url: string; publishableKey: string },
  now: number,
  fetcher: typeof fetch = fetch,
): Promise<CustomerSession | null> {
  const response = await fetcher(`${api.url}/store/auth/refresh`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Publishable-Key": api.publishableKey },
    body: JSON.stringify({ refreshToken: s.refreshToken }),
    cache: "no-store",
  });
  if (response.status >= 500) throw new Error(`Token refresh failed with ${response.status}.`);
  if (!response.ok) return null;
  return sessionFrom((await response.json()) as { accessToken: string; refreshToken: string; expiresIn: number }, now);
}

/** How long a refresh's answer is shared with other requests that still carry the refresh token it traded. */
export const SHARED_REFRESH_SECONDS = 30;

const refreshes = new Map<string, { at: number; result: Promise<CustomerSession | null> }>();

/**
 * {@link refreshSession}, once per refresh token: a page and the prefetches it starts reach the proxy together with the same
 * cookie, and the server treats a second use of a refresh token as theft and ends the whole session. Requests that carry a
 * token this process just traded share that trade's answer instead of presenting the token again.
 */
export function refreshSessionOnce(
  s: CustomerSession,
  api: { url: string; publishableKey: string },
  now: number,
  fetcher: typeof fetch = fetch,
): Promise<CustomerSession | null> {
  for (const [token, entry] of refreshes) if (now - entry.at >= SHARED_REFRESH_SECONDS) refreshes.delete(token);
  const known = refreshes.get(s.refreshToken);
  if (known) return known.result;
  const result = refreshSession(s, api, now, fetcher);
  refreshes.set(s.refreshToken, { at: now, result });
  // A failed call (the API unreachable) is not an answer to share: the next request tries again.
  result.catch(() => refreshes.delete(s.refreshToken));
  return result;
}

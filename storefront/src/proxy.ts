import { NextResponse, type NextRequest } from "next/server";
import { config as settings } from "@/lib/config";
import { decodeSession, encodeSession, needsRefresh, refreshSessionOnce, SESSION_COOKIE_MAX_AGE } from "@/lib/customer-session";
import { COOKIE_NAMES } from "@/lib/cookie-names";

/**
 * Runs before every page:
 * 1. Session refresh: when the customer's access token has expired (or is about to), trades the refresh token for a new
 *    pair and rotates the cookie, for this request and the browser's; when the server refuses, signs the shopper out.
 * 2. Static catalog: a catalog page without a query string (home, product, category, collection) is served from its
 *    static, regenerated copy under /r/{region}/..., chosen by the region cookie. With a query (options, filters, sort,
 *    cursor, error), the page renders per request as before.
 */
export async function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  const changes: ((response: NextResponse) => void)[] = [];
  const session = decodeSession(request.cookies.get(COOKIE_NAMES.customer)?.value);
  const now = Math.floor(Date.now() / 1000);
  if (request.cookies.has(COOKIE_NAMES.customer) && (!session || needsRefresh(session, now))) {
    let fresh = null;
    try {
      fresh = session ? await refreshSessionOnce(session, { url: settings.apiUrl, publishableKey: settings.publishableKey }, now) : null;
    } catch {
      fresh = session; // the API is unreachable: keep the session; the page shows its own error
    }
    const cookies = request.cookies;
    if (fresh) {
      const value = encodeSession(fresh);
      cookies.set(COOKIE_NAMES.customer, value);
      changes.push((r) => r.cookies.set(COOKIE_NAMES.customer, value, cookieOptions(true)));
    } else {
      cookies.delete(COOKIE_NAMES.customer);
      cookies.delete(COOKIE_NAMES.signedIn);
      changes.push((r) => {
        r.cookies.delete(COOKIE_NAMES.customer);
        r.cookies.delete(COOKIE_NAMES.signedIn);
      });
    }
    headers.set("cookie", cookies.toString());
  }

  const target = staticCatalogPath(request);
  const response = target
    ? NextResponse.rewrite(new URL(target, request.url), { request: { headers } })
    : NextResponse.next({ request: { headers } });
  for (const change of changes) change(response);
  return response;
}

function cookieOptions(httpOnly: boolean) {
  return { httpOnly, sameSite: "lax" as const, path: "/", secure: process.env.COOKIE_SECURE === "true", maxAge: SESSION_COOKIE_MAX_AGE };
}

const CATALOG = /^\/(?:$|products\/[^/]+$|categories\/.+|collections\/[^/]+$)/;

function staticCatalogPath(request: NextRequest): string | undefined {
  const { pathname, searchParams } = request.nextUrl;
  if (request.method !== "GET" && request.method !== "HEAD") return undefined;
  if (!CATALOG.test(pathname) || [...searchParams.keys()].some((k) => k !== "_rsc")) return undefined;
  const chosen = request.cookies.get(COOKIE_NAMES.region)?.value ?? "";
  const region = /^[A-Za-z0-9_-]{1,64}$/.test(chosen) ? chosen : "default";
  return `/r/${region}${pathname === "/" ? "" : pathname}`;
}

export const config = {
  // Pages only: not Next's own files, the icon, the API routes, the sitemaps or robots.txt.
  matcher: ["/((?!_next/|api/|r/|icon|favicon|sitemap|sitemaps/|robots).*)"],
};

/** Storefront settings, read from the environment on the server at request time (never shipped to the browser). */
export const config = {
  /** Where the storefront's server reaches Mercato, e.g. http://localhost:5000. */
  get apiUrl(): string {
    return (process.env.MERCATO_API_URL ?? "http://localhost:5000").replace(/\/+$/, "");
  },
  /** The sales channel's publishable key (pk_...). */
  get publishableKey(): string {
    return process.env.MERCATO_PUBLISHABLE_KEY ?? "";
  },
  /** Public origin of the storefront, for canonical URLs, Open Graph and the sitemap. */
  get siteUrl(): string {
    return (process.env.SITE_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  },
  /** Public origin of product media; defaults to the API's own (the demo media are served by Mercato). */
  get mediaUrl(): string {
    return (process.env.MERCATO_MEDIA_URL ?? this.apiUrl).replace(/\/+$/, "");
  },
  siteName: process.env.SITE_NAME ?? "Mercato Demo Outfitters",
  /** Seconds a catalog answer may be served from Next's data cache before it is fetched again. */
  get catalogRevalidate(): number {
    return Number(process.env.CATALOG_REVALIDATE_SECONDS ?? 60);
  },
};

export function absoluteUrl(path: string): string {
  return `${config.siteUrl}${path.startsWith("/") ? path : `/${path}`}`;
}

export function mediaSrc(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  return /^https?:\/\//.test(url) ? url : `${config.mediaUrl}${url.startsWith("/") ? url : `/${url}`}`;
}

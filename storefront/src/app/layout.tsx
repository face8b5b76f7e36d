import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { storeApi } from "@/api/client";
import { AutoSubmit } from "@/components/AutoSubmit";
import { SearchBox } from "@/components/SearchBox";
import { categories, categoryHref } from "@/lib/catalog";
import { config } from "@/lib/config";
import { cartId, currentRegion, customerToken, regions } from "@/lib/session";
import { setRegion } from "./actions";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(config.siteUrl),
  title: { default: config.siteName, template: `%s | ${config.siteName}` },
  description: "Well-made clothing, accessories and homeware, delivered across North America and Europe.",
  openGraph: { siteName: config.siteName, type: "website" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f3a5f" };

async function cartCount(): Promise<number> {
  const id = await cartId();
  if (!id) return 0;
  const { data } = await storeApi({ token: await customerToken() }).GET("/store/carts/{id}", { params: { path: { id } } });
  return data && !data.completedAt ? data.items.reduce((n, l) => n + l.quantity, 0) : 0;
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [all, region, count, signedIn, tree] = await Promise.all([regions(), currentRegion(), cartCount(), customerToken(), categories()]);
  const top = tree.filter((c) => !c.parentId).slice(0, 6);
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <header className="site-header">
          <div className="bar">
            <Link href="/" className="brand">
              {config.siteName}
            </Link>
            <nav aria-label="Main" className="main-nav">
              {top.map((c) => (
                <Link key={c.id} href={categoryHref(c)}>
                  {c.name}
                </Link>
              ))}
            </nav>
            <div className="tools">
              <form action={setRegion} className="region-switcher">
                <AutoSubmit />
                <label htmlFor="region">Region</label>
                <select id="region" name="regionId" defaultValue={region?.id}>
                  {all.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name} ({r.currency})
                    </option>
                  ))}
                </select>
                <button type="submit" className="secondary">
                  Set
                </button>
              </form>
              <Link href={signedIn ? "/account" : "/account/login"}>{signedIn ? "Account" : "Sign in"}</Link>
              <Link href="/cart" data-testid="cart-link">
                Cart ({count})
              </Link>
            </div>
          </div>
          <SearchBox />
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>
            {config.siteName} · a reference storefront for <a href="https://github.com/">Mercato</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

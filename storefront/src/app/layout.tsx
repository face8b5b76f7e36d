import type { Metadata, Viewport } from "next";
import { RegionSwitcher } from "@/components/RegionSwitcher";
import { SearchBox } from "@/components/SearchBox";
import { SessionLinks } from "@/components/SessionLinks";
import { categories, categoryHref } from "@/lib/catalog";
import { config } from "@/lib/config";
import { regions } from "@/lib/session";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(config.siteUrl),
  title: { default: config.siteName, template: `%s | ${config.siteName}` },
  description: "Well-made clothing, accessories and homeware, delivered across North America and Europe.",
  openGraph: { siteName: config.siteName, type: "website" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f3a5f" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Nothing here reads a cookie: the catalog pages inside stay static (see proxy.ts).
  // A build without a reachable API still succeeds (the pages are regenerated once it answers).
  const [all, tree] = await Promise.all([regions().catch(() => []), categories().catch(() => [])]);
  const top = tree.filter((c) => !c.parentId).slice(0, 6);
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <header className="site-header">
          <div className="bar">
            <a href="/" className="brand">
              {config.siteName}
            </a>
            <nav aria-label="Main" className="main-nav">
              {top.map((c) => (
                <a key={c.id} href={categoryHref(c)}>
                  {c.name}
                </a>
              ))}
            </nav>
            <div className="tools">
              <RegionSwitcher regions={all} />
              <SessionLinks />
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

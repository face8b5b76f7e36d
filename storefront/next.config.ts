import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The browser tests build into their own folder, so they never clobber a developer's `next dev` or `next build`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // The storefront runs on its own Node server (next start); no telemetry or image optimizer is needed for SVG demo media.
  images: { unoptimized: true },
  // The stylesheet is small: inline it in the HTML instead of a render-blocking request.
  experimental: { inlineCss: true },
};

export default nextConfig;

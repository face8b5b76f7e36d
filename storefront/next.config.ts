import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The storefront runs on its own Node server (next start); no telemetry or image optimizer is needed for SVG demo media.
  images: { unoptimized: true },
};

export default nextConfig;

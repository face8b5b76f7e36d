import type { NextConfig } from "next";

/**
 * Product media come from Mercato (MERCATO_MEDIA_URL, else MERCATO_API_URL): Next's image optimizer (sharp) may fetch raster
 * images from that one origin only. `next start` evaluates this file again, so the running server's variables decide, as
 * they do for the pages (src/components/ProductImage.tsx). SVG media (the demo shop's) are served as they are.
 */
const mediaOrigin = new URL(process.env.MERCATO_MEDIA_URL ?? process.env.MERCATO_API_URL ?? "http://localhost:5000").origin;
const media = new URL(mediaOrigin);
/** A media server on this machine or the private network (the demo, the tests): the optimizer refuses those unless told. */
const privateMedia = /^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|\[::1\])/.test(media.hostname);

const nextConfig: NextConfig = {
  // The browser tests build into their own folder, so they never clobber a developer's `next dev` or `next build`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  images: {
    remotePatterns: [{ protocol: media.protocol.replace(":", "") as "http" | "https", hostname: media.hostname, port: media.port, pathname: "/**" }],
    dangerouslyAllowLocalIP: privateMedia,
    // Widths for the srcset: product cards (about 160-300 px wide) and product pages (up to about 600 px), at 1x-3x.
    imageSizes: [160, 240, 320, 480],
    deviceSizes: [640, 828, 1080, 1200, 1600],
    formats: ["image/webp"],
  },
  // The stylesheet is small: inline it in the HTML instead of a render-blocking request.
  experimental: { inlineCss: true },
};

export default nextConfig;

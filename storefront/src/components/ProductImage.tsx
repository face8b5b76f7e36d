import { getImageProps } from "next/image";
import { config, mediaSrc } from "@/lib/config";

type Props = {
  url: string;
  alt: string;
  /** Intrinsic size (the box's aspect ratio; CSS scales it), and the `sizes` the layout gives it. */
  width: number;
  height: number;
  sizes: string;
  /**
   * `lcp`: the page's likely Largest Contentful Paint, loaded at once with high priority; `eager`: above the fold, loaded at
   * once; `lazy` (default): loaded when it nears the viewport.
   */
  load?: "lcp" | "eager" | "lazy";
};

/**
 * A product image as a plain <img> (no client JavaScript): raster media from the configured media origin get a `srcset` of
 * resized copies from Next's image optimizer (sharp), so a phone downloads a 640 px WebP rather than the 2,000 px original;
 * SVG (the demo media) and media from other origins are served as they are (a vector needs no sizes, and the optimizer
 * only fetches from the origin it was built for).
 */
export function ProductImage({ url, alt, width, height, sizes, load = "lazy" }: Props) {
  const src = mediaSrc(url)!;
  const svg = new URL(src).pathname.toLowerCase().endsWith(".svg");
  // The optimizer fetches from the media origin only (images.remotePatterns, which next.config.ts computes from the same
  // variables when `next build` and `next start` run).
  const optimizable = !svg && new URL(src).origin === new URL(config.mediaUrl).origin;
  const { props } = getImageProps({
    src,
    alt,
    width,
    height,
    sizes,
    unoptimized: !optimizable,
    loading: load === "lazy" ? "lazy" : "eager",
    fetchPriority: load === "lcp" ? "high" : undefined,
    decoding: "async",
  });
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text
  return <img {...props} />;
}

import Link from "next/link";
import type { ProductSummary } from "@/api/client";
import { mediaSrc } from "@/lib/config";
import { PriceRange } from "./Price";

export function ProductGrid({ products, eager = 0 }: { products: ProductSummary[]; eager?: number }) {
  if (!products.length) return <p className="empty">No products match.</p>;
  return (
    <ul className="product-grid">
      {products.map((p, i) => (
        <li key={p.id} className="product-card">
          <Link href={`/products/${p.handle}`} prefetch={false}>
            {p.thumbnail ? (
              // eslint-disable-next-line @next/next/no-img-element
              <img
                src={mediaSrc(p.thumbnail.url)}
                alt={p.thumbnail.alt ?? p.title}
                width={400}
                height={400}
                sizes="(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw"
                loading={i < eager ? "eager" : "lazy"}
                decoding="async"
              />
            ) : (
              <div className="no-image" aria-hidden />
            )}
            <span className="product-title">{p.title}</span>
          </Link>
          <PriceRange price={p.price} original={p.originalPrice} className="price" />
        </li>
      ))}
    </ul>
  );
}

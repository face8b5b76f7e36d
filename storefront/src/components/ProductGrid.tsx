import type { ProductSummary } from "@/api/client";
import { PriceRange } from "./Price";
import { ProductImage } from "./ProductImage";

export function ProductGrid({ products, eager = 0 }: { products: ProductSummary[]; eager?: number }) {
  if (!products.length) return <p className="empty">No products match.</p>;
  return (
    <ul className="product-grid">
      {products.map((p, i) => (
        <li key={p.id} className="product-card">
          <a href={`/products/${p.handle}`}>
            {p.thumbnail ? (
              <ProductImage
                url={p.thumbnail.url}
                alt={p.thumbnail.alt ?? p.title}
                width={400}
                height={400}
                sizes="(min-width: 1200px) 280px, (min-width: 1024px) 22vw, (min-width: 640px) 30vw, 46vw"
                load={i === 0 && eager > 0 ? "lcp" : i < eager ? "eager" : "lazy"}
              />
            ) : (
              <div className="no-image" aria-hidden />
            )}
            <span className="product-title">{p.title}</span>
          </a>
          <PriceRange price={p.price} original={p.originalPrice} className="price" />
        </li>
      ))}
    </ul>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { catalogApi, TAGS, type Product } from "@/api/client";
import { AutoSubmit } from "@/components/AutoSubmit";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { JsonLd } from "@/components/JsonLd";
import { categoryHref } from "@/lib/catalog";
import { absoluteUrl, mediaSrc } from "@/lib/config";
import { Price } from "@/components/Price";
import { ProductImage } from "@/components/ProductImage";
import { toDecimal } from "@/lib/money";
import { regionById } from "@/lib/session";
import { addToCart } from "@/app/actions";

type Query = Record<string, string | string[] | undefined>;

const product = cache(async (handle: string, regionId: string | undefined): Promise<Product> => {
  const { data } = await catalogApi(TAGS.product(handle), TAGS.productPages).GET("/store/products/{handle}", { params: { path: { handle }, query: { region: regionId } } });
  if (!data) notFound();
  return data;
});

const STOCK: Record<string, string> = { in_stock: "In stock", low_stock: "Only a few left", out_of_stock: "Out of stock" };
const SCHEMA_STOCK: Record<string, string> = {
  in_stock: "https://schema.org/InStock",
  low_stock: "https://schema.org/LimitedAvailability",
  out_of_stock: "https://schema.org/OutOfStock",
};

export async function productMetadata(handle: string, regionId: string | undefined): Promise<Metadata> {
  const region = await regionById(regionId);
  const p = await product(handle, region?.id);
  const description = p.seo.metaDescription ?? p.subtitle ?? p.description?.slice(0, 160) ?? p.title;
  const url = `/products/${p.handle}`;
  return {
    title: { absolute: p.seo.metaTitle ?? p.title },
    description,
    alternates: { canonical: url },
    openGraph: {
      type: "website",
      title: p.seo.metaTitle ?? p.title,
      description,
      url,
      images: p.images.map((i) => ({ url: mediaSrc(i.url)!, alt: i.alt ?? p.title })),
    },
  };
}

/** A product page: static per region without a query (see proxy.ts), per request with options or an error. */
export async function ProductView({ handle, regionId, query }: { handle: string; regionId: string | undefined; query: Query }) {
  const region = await regionById(regionId);
  const p = await product(handle, region?.id);
  const chosen = Object.fromEntries(p.options.map((o) => [o.name, typeof query[o.name] === "string" ? (query[o.name] as string) : undefined]));
  const anyChosen = Object.values(chosen).some(Boolean);
  // The variant whose options match every choice; without choices, the first one that can be bought.
  const variant = anyChosen
    ? p.variants.find((v) => p.options.every((o) => !chosen[o.name] || v.options[o.name] === chosen[o.name]))
    : (p.variants.find((v) => v.availability !== "out_of_stock") ?? p.variants[0]);
  const selected = variant?.options ?? {};
  const buyable = variant && (variant.availability !== "out_of_stock" || variant.allowBackorder) && variant.price;
  const category = p.categories[0];
  const error = typeof query.error === "string" ? query.error : undefined;
  const url = absoluteUrl(`/products/${p.handle}`);

  return (
    <>
      <Breadcrumbs
        items={[
          ...(category
            ? category.path.split("/").map((_, i, parts) => ({
                name: i === parts.length - 1 ? category.name : parts[i].replace(/(^|-)\w/g, (m) => m.toUpperCase()).replace(/-/g, " "),
                href: `/categories/${parts.slice(0, i + 1).join("/")}`,
              }))
            : []),
          { name: p.title, href: `/products/${p.handle}` },
        ]}
      />
      <article className="product">
        <div className="gallery">
          {/* A 4:5 box (the demo media's shape, common for apparel) whatever the file's own shape: the space is reserved before
              the image arrives, so nothing below it moves when it does (globals.css letterboxes other shapes). */}
          {p.images.map((img, i) => (
            <ProductImage
              key={img.url}
              url={img.url}
              alt={img.alt ?? p.title}
              width={800}
              height={1000}
              sizes="(min-width: 1200px) 584px, (min-width: 800px) 48vw, calc(100vw - 2rem)"
              load={i === 0 ? "lcp" : "lazy"}
            />
          ))}
        </div>
        <div>
          <h1>{p.title}</h1>
          {p.subtitle && <p>{p.subtitle}</p>}
          <p className="price">
            {variant?.price ? <Price price={variant.price} original={variant.originalPrice} testId="price" /> : <span data-testid="price">Not sold in this region</span>}
          </p>
          {variant && (
            <p className={`stock-${variant.availability}`} data-testid="stock">
              {variant.availability === "out_of_stock" && variant.allowBackorder ? "Available on backorder" : STOCK[variant.availability]}
            </p>
          )}
          {error && (
            <p role="alert" className="alert">
              {error}
            </p>
          )}
          {p.options.length > 0 && (
            <form method="get" action={`/products/${p.handle}`} aria-label="Choose options">
              <AutoSubmit />
              {p.options.map((o) => (
                <fieldset key={o.name} className="option">
                  <legend>{o.name}</legend>
                  {o.values.map((value) => {
                    const id = `${o.name}-${value}`.replace(/[^A-Za-z0-9_-]/g, "_");
                    return (
                      <span key={value} className="check" style={{ display: "inline-flex", marginRight: "0.75rem" }}>
                        <input type="radio" id={id} name={o.name} value={value} defaultChecked={selected[o.name] === value} />
                        <label htmlFor={id}>{value}</label>
                      </span>
                    );
                  })}
                </fieldset>
              ))}
              <button type="submit" className="secondary">
                Show this option
              </button>
            </form>
          )}
          {!variant && <p className="alert">That combination is not available.</p>}
          <form action={addToCart} className="add-to-cart">
            <input type="hidden" name="variantId" value={variant?.id ?? ""} />
            <input type="hidden" name="returnTo" value={`/products/${p.handle}`} />
            <div className="field" style={{ maxWidth: "8rem" }}>
              <label htmlFor="quantity">Quantity</label>
              <input id="quantity" name="quantity" type="number" min={1} max={100} defaultValue={1} className="qty" />
            </div>
            <button type="submit" disabled={!buyable}>
              Add to cart
            </button>
          </form>
          {variant && <p className="count">SKU {variant.sku}</p>}
          {p.description &&
            p.description.split(/\n\n+/).map((para, i) =>
              para.startsWith("- ") ? (
                <ul key={i}>
                  {para.split("\n").map((li) => (
                    <li key={li}>{li.replace(/^- /, "")}</li>
                  ))}
                </ul>
              ) : (
                <p key={i}>{para}</p>
              ),
            )}
        </div>
      </article>
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "Product",
          name: p.title,
          description: p.seo.metaDescription ?? p.description ?? undefined,
          sku: variant?.sku,
          url,
          image: p.images.map((i) => mediaSrc(i.url)),
          category: category?.name,
          offers: p.variants
            .filter((v) => v.price)
            .map((v) => ({
              "@type": "Offer",
              sku: v.sku,
              name: v.title ?? undefined,
              price: toDecimal(v.price!),
              priceCurrency: v.price!.currency,
              availability: v.availability === "out_of_stock" && v.allowBackorder ? "https://schema.org/BackOrder" : SCHEMA_STOCK[v.availability],
              url: `${url}?${new URLSearchParams(v.options).toString()}`,
            })),
        }}
      />
    </>
  );
}

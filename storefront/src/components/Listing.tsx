import type { ProductSummary, Schemas } from "@/api/client";
import { listingHref, SORTS, type ListingQuery } from "@/lib/catalog";
import { formatMoney } from "@/lib/money";
import { AutoSubmit } from "./AutoSubmit";
import { ProductGrid } from "./ProductGrid";

type Props = {
  pathname: string;
  query: ListingQuery;
  products: ProductSummary[];
  nextCursor: string | null;
  facets?: Schemas["StoreFacets"] | null;
  showRelevance?: boolean;
};

/** Filters, sort, products and pagination: plain GET forms and links, so all of it works without JavaScript. */
export function Listing({ pathname, query, products, nextCursor, facets, showRelevance }: Props) {
  const selected = new Set(query.option);
  const sorts = showRelevance ? [{ value: "relevance", label: "Relevance" }, ...SORTS] : SORTS;
  return (
    <div className="listing">
      <form method="get" action={pathname} className="filters" aria-label="Filter and sort" id="filters">
        <AutoSubmit />
        {query.q && <input type="hidden" name="q" value={query.q} />}
        <div className="field">
          <label htmlFor="sort">Sort by</label>
          <select id="sort" name="sort" defaultValue={query.sort ?? (showRelevance ? "relevance" : "newest")}>
            {sorts.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        {facets?.options.map((o) => (
          <fieldset key={o.name}>
            <legend>{o.name}</legend>
            {o.values.map((v) => {
              const value = `${o.name}:${v.value}`;
              const id = `opt-${o.name}-${v.value}`.replace(/[^A-Za-z0-9_-]/g, "_");
              return (
                <div key={value} className="check">
                  <input type="checkbox" id={id} name="option" value={value} defaultChecked={selected.has(value)} />
                  <label htmlFor={id}>
                    {v.value} <span className="count">({v.count})</span>
                  </label>
                </div>
              );
            })}
          </fieldset>
        ))}
        {facets && facets.prices.length > 0 && (
          <fieldset>
            <legend>Price</legend>
            <div className="check">
              <input type="radio" id="price-any" name="price" value="" defaultChecked={!query.price} />
              <label htmlFor="price-any">Any price</label>
            </div>
            {facets.prices.map((p) => {
              const value = `${p.min.amount}-${p.max?.amount ?? ""}`;
              return (
                <div key={value} className="check">
                  <input type="radio" id={`price-${value}`} name="price" value={value} defaultChecked={query.price === value} />
                  <label htmlFor={`price-${value}`}>
                    {p.max ? `${formatMoney(p.min)} – ${formatMoney(p.max)}` : `${formatMoney(p.min)} and up`} <span className="count">({p.count})</span>
                  </label>
                </div>
              );
            })}
          </fieldset>
        )}
        <button type="submit">Apply</button>
        {(query.option.length > 0 || query.price || query.sort) && (
          <a href={listingHref(pathname, { option: [], q: query.q })}>Clear filters</a>
        )}
      </form>
      <section aria-label="Products" className="results">
        <a href="#filters" className="jump">
          Filter and sort
        </a>
        <ProductGrid products={products} eager={4} />
        <nav aria-label="Pagination" className="pagination">
          {query.cursor && (
            <a href={listingHref(pathname, query)} rel="first">
              First page
            </a>
          )}
          {nextCursor && (
            <a href={listingHref(pathname, query, nextCursor)} rel="next">
              Next page
            </a>
          )}
        </nav>
      </section>
    </div>
  );
}

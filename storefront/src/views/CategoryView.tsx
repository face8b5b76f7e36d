import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { Listing } from "@/components/Listing";
import { categories, categoryByPath, categoryHref, facets, hasRefinements, listProducts, readListingQuery } from "@/lib/catalog";
import { regionById } from "@/lib/session";

type Query = Record<string, string | string[] | undefined>;

export async function categoryMetadata(path: string[], params: Query): Promise<Metadata> {
  const { category } = await categoryByPath(path);
  const refined = hasRefinements(readListingQuery(params));
  return {
    title: category.name,
    description: category.description ?? `Shop ${category.name}.`,
    alternates: { canonical: categoryHref(category) },
    openGraph: { title: category.name, url: categoryHref(category) },
    // Filtered, sorted and later pages are for shoppers; the category itself is the page to index.
    robots: refined ? { index: false, follow: true } : undefined,
  };
}

export async function CategoryView({ path, regionId, params }: { path: string[]; regionId: string | undefined; params: Query }) {
  const { category, trail } = await categoryByPath(path);
  const query = readListingQuery(params);
  const region = await regionById(regionId);
  const [page, found, all] = await Promise.all([
    listProducts({ category: category.handle }, query, region?.id),
    facets({ category: category.handle }, query, region?.id),
    categories(),
  ]);
  const children = all.filter((c) => c.parentId === category.id);
  const pathname = categoryHref(category);
  return (
    <>
      <Breadcrumbs items={trail.map((c) => ({ name: c.name, href: categoryHref(c) }))} />
      <h1>{category.name}</h1>
      {category.description && <p>{category.description}</p>}
      {children.length > 0 && (
        <nav aria-label="Subcategories">
          <ul className="inline">
            {children.map((c) => (
              <li key={c.id} style={{ listStyle: "none", marginRight: "1rem" }}>
                <a href={categoryHref(c)}>{c.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Listing pathname={pathname} query={query} products={page.items} nextCursor={page.nextCursor} facets={found} />
    </>
  );
}

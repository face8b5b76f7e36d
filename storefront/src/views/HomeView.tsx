import type { Metadata } from "next";
import { ProductGrid } from "@/components/ProductGrid";
import { collections, listProducts } from "@/lib/catalog";
import { config } from "@/lib/config";
import { regionById } from "@/lib/session";

export const homeMetadata: Metadata = {
  title: { absolute: `${config.siteName}: clothing, accessories and homeware` },
  alternates: { canonical: "/" },
};

const FEATURED = ["best-sellers", "summer-essentials", "home-refresh", "gifts-under-50"];

export async function HomeView({ regionId }: { regionId: string | undefined }) {
  const region = await regionById(regionId);
  const [all, newest] = await Promise.all([collections(), listProducts({}, { option: [], sort: "newest" }, region?.id, 8)]);
  const featured = all.filter((c) => FEATURED.includes(c.handle)).concat(all.filter((c) => !FEATURED.includes(c.handle))).slice(0, 4);
  return (
    <>
      <h1>Well-made things for every day</h1>
      <section aria-labelledby="featured">
        <h2 id="featured">Featured collections</h2>
        <ul className="collections">
          {featured.map((c) => (
            <li key={c.id}>
              <a href={`/collections/${c.handle}`}>{c.title}</a>
              {c.description && <p>{c.description}</p>}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="new">
        <h2 id="new">New arrivals</h2>
        <ProductGrid products={newest.items} eager={4} />
      </section>
    </>
  );
}

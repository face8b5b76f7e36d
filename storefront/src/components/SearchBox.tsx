"use client";

import { useEffect, useId, useState } from "react";

type Suggestions = {
  terms: { text: string; term: string; count: number }[];
  products: { handle: string; title: string }[];
  categories: { path: string; name: string }[];
};

/** A plain GET form to /search; with JavaScript it also lists suggestions as the shopper types. */
export function SearchBox({ defaultValue = "" }: { defaultValue?: string }) {
  const [q, setQ] = useState(defaultValue);
  const [found, setFound] = useState<Suggestions | null>(null);
  const listId = useId();

  useEffect(() => {
    const text = q.trim();
    if (text.length < 2) {
      setFound(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/suggestions?q=${encodeURIComponent(text)}`, { signal: controller.signal })
        .then((r) => (r.ok ? r.json() : null))
        .then((s: Suggestions | null) => setFound(s))
        .catch(() => undefined);
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  const empty = !found || (found.terms.length + found.products.length + found.categories.length === 0);
  return (
    <form action="/search" method="get" role="search" className="search-box">
      <label htmlFor={`${listId}-q`} className="visually-hidden">
        Search products
      </label>
      <input
        id={`${listId}-q`}
        type="search"
        name="q"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Search products"
        autoComplete="off"
        aria-controls={listId}
      />
      <button type="submit">Search</button>
      <div id={listId} aria-live="polite" className="suggestions" hidden={empty} data-testid="suggestions">
        {!empty && (
          <ul aria-label="Suggestions">
            {found!.terms.slice(0, 5).map((t) => (
              <li key={`t-${t.term}`}>
                <a href={`/search?q=${encodeURIComponent(t.text)}`}>{t.text}</a>
              </li>
            ))}
            {found!.products.slice(0, 5).map((p) => (
              <li key={`p-${p.handle}`}>
                <a href={`/products/${p.handle}`}>{p.title}</a>
              </li>
            ))}
            {found!.categories.slice(0, 3).map((c) => (
              <li key={`c-${c.path}`}>
                <a href={`/categories/${c.path}`}>in {c.name}</a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </form>
  );
}

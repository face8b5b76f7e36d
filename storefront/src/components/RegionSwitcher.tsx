"use client";

import { usePathname } from "next/navigation";
import { useSyncExternalStore } from "react";
import { setRegion } from "@/app/actions";
import { COOKIE_NAMES } from "@/lib/cookie-names";
import { AutoSubmit } from "./AutoSubmit";
import { readBrowserCookie } from "./SessionLinks";

const noop = () => () => undefined;

/** The region and currency picker; the chosen region is a readable cookie, so the static pages around it stay static. */
export function RegionSwitcher({ regions }: { regions: { id: string; name: string; currency: string }[] }) {
  usePathname();
  const chosen = useSyncExternalStore(noop, () => readBrowserCookie(COOKIE_NAMES.region) ?? "", () => "");
  const current = regions.find((r) => r.id === chosen)?.id ?? regions[0]?.id;
  return (
    <form action={setRegion} className="region-switcher">
      <AutoSubmit />
      <label htmlFor="region">Region</label>
      <select id="region" name="regionId" defaultValue={current} key={current}>
        {regions.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name} ({r.currency})
          </option>
        ))}
      </select>
      <button type="submit" className="secondary">
        Set
      </button>
    </form>
  );
}

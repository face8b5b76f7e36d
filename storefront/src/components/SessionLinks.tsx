"use client";

import { usePathname } from "next/navigation";
import { useSyncExternalStore } from "react";
import { COOKIE_NAMES } from "@/lib/cookie-names";

const noop = () => () => undefined;

export function readBrowserCookie(name: string): string | undefined {
  const found = document.cookie.split("; ").find((c) => c.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : undefined;
}

/**
 * The header's account and cart links. They come from two readable hint cookies the server actions write (signed in, cart
 * count), so the pages around them stay static. The server (and a browser without JavaScript) shows "Sign in" and "Cart".
 */
export function SessionLinks() {
  usePathname(); // read again after every navigation (server actions end with one)
  const hints = useSyncExternalStore(
    noop,
    () => `${readBrowserCookie(COOKIE_NAMES.signedIn) ?? ""}|${readBrowserCookie(COOKIE_NAMES.cartCount) ?? "0"}`,
    () => "",
  );
  const [signedIn, count] = hints ? hints.split("|") : ["", undefined];
  return (
    <>
      {/* Fixed widths: the text filled in after hydration must not move the header (layout shift). */}
      <a href={signedIn ? "/account" : "/account/login"} className="session-link">
        {signedIn ? "Account" : "Sign in"}
      </a>
      <a href="/cart" data-testid="cart-link" className="session-link cart-link">
        {count === undefined ? "Cart" : `Cart (${count})`}
      </a>
    </>
  );
}

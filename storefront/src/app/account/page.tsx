import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { storeApi } from "@/api/client";
import { formatMoney } from "@/lib/money";
import { customerToken, regions } from "@/lib/session";
import { addAddress, logout } from "../actions";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function AccountPage({ searchParams }: Props) {
  const { error } = await searchParams;
  const token = await customerToken();
  if (!token) redirect("/account/login");
  const api = storeApi({ token });
  const [me, orders, addresses, all] = await Promise.all([
    api.GET("/store/customers/me"),
    api.GET("/store/customers/me/orders", { params: { query: { limit: 50 } } }),
    api.GET("/store/customers/me/addresses", { params: { query: { limit: 50 } } }),
    regions(),
  ]);
  if (!me.data) redirect("/account/login?error=" + encodeURIComponent("Please sign in again."));
  const countries = [...new Set(all.flatMap((r) => r.countries))].sort();
  return (
    <>
      <h1>Hello, {me.data.firstName}</h1>
      <div>
        Signed in as {me.data.email}.{" "}
        <form action={logout} style={{ display: "inline" }}>
          <button type="submit" className="link">
            Sign out
          </button>
        </form>
      </div>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      <section aria-labelledby="orders">
        <h2 id="orders">Order history</h2>
        {orders.data?.items.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Date</th>
                <th scope="col">Status</th>
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {orders.data.items.map((o) => (
                <tr key={o.id} data-testid="order-row">
                  <td>
                    <Link href={`/account/orders/${o.id}`}>#{o.number}</Link>
                  </td>
                  <td>{new Date(String(o.createdAt)).toLocaleDateString("en-US", { dateStyle: "medium" })}</td>
                  <td>{o.status}</td>
                  <td>{formatMoney(o.totals.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>No orders yet.</p>
        )}
      </section>
      <section aria-labelledby="addresses-title" id="addresses">
        <h2 id="addresses-title">Addresses</h2>
        <ul>
          {addresses.data?.items.map((a) => (
            <li key={a.id}>
              {a.firstName} {a.lastName}, {a.line1}, {a.postalCode} {a.city}, {a.countryCode}
              {a.isDefaultShipping && " (default)"}
            </li>
          ))}
        </ul>
        <form action={addAddress} className="form-grid" aria-label="Add an address">
          <div className="field">
            <label htmlFor="a-firstName">First name</label>
            <input id="a-firstName" name="firstName" autoComplete="given-name" required />
          </div>
          <div className="field">
            <label htmlFor="a-lastName">Last name</label>
            <input id="a-lastName" name="lastName" autoComplete="family-name" required />
          </div>
          <div className="field wide">
            <label htmlFor="a-line1">Address</label>
            <input id="a-line1" name="line1" autoComplete="address-line1" required />
          </div>
          <div className="field">
            <label htmlFor="a-city">City</label>
            <input id="a-city" name="city" autoComplete="address-level2" required />
          </div>
          <div className="field">
            <label htmlFor="a-postalCode">Postal code</label>
            <input id="a-postalCode" name="postalCode" autoComplete="postal-code" required />
          </div>
          <div className="field">
            <label htmlFor="a-countryCode">Country</label>
            <select id="a-countryCode" name="countryCode" autoComplete="country">
              {countries.map((c) => (
                <option key={c} value={c}>
                  {new Intl.DisplayNames(["en"], { type: "region" }).of(c) ?? c}
                </option>
              ))}
            </select>
          </div>
          <div className="check">
            <input type="checkbox" id="a-default" name="isDefaultShipping" />
            <label htmlFor="a-default">Default delivery address</label>
          </div>
          <div className="wide">
            <button type="submit">Add address</button>
          </div>
        </form>
      </section>
    </>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { storeApi } from "@/api/client";
import { AddressFields } from "@/components/AddressFields";
import { formatMoney } from "@/lib/money";
import { customerToken, regions } from "@/lib/session";
import { addAddress, deleteAddress, logout, updateAddress } from "../actions";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

type SavedAddress = { firstName: string; lastName: string; line1: string; line2?: string | null; city: string; postalCode: string; countryCode: string; phone?: string | null; isDefaultShipping: boolean };

/** An address book entry's fields and its "default" box, ids prefixed so several forms can share a page. */
function addressInputs(prefix: string, countries: string[], a?: SavedAddress) {
  return (
    <>
      <AddressFields idPrefix={`${prefix}-`} values={a} countries={countries} />
      <div className="check">
        <input type="checkbox" id={`${prefix}-default`} name="isDefaultShipping" defaultChecked={a?.isDefaultShipping} />
        <label htmlFor={`${prefix}-default`}>Default delivery address</label>
      </div>
    </>
  );
}

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
                    <a href={`/account/orders/${o.id}`}>#{o.number}</a>
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
        <ul className="address-list">
          {addresses.data?.items.map((a) => {
            const label = `${a.line1}, ${a.city}`;
            return (
              <li key={a.id} data-testid="address">
                {a.firstName} {a.lastName}, {a.line1}
                {a.line2 ? `, ${a.line2}` : ""}, {a.postalCode} {a.city}, {a.countryCode}
                {a.isDefaultShipping && " (default)"}
                <details>
                  <summary aria-label={`Edit ${label}`}>Edit</summary>
                  <form action={updateAddress} className="form-grid" aria-label={`Edit address ${label}`}>
                    <input type="hidden" name="addressId" value={a.id} />
                    <input type="hidden" name="version" value={a.version} />
                    {addressInputs(`e-${a.id}`, countries, a)}
                    <div className="wide">
                      <button type="submit">Save address</button>
                    </div>
                  </form>
                </details>
                <form action={deleteAddress} className="inline-form">
                  <input type="hidden" name="addressId" value={a.id} />
                  <button type="submit" className="link" aria-label={`Delete ${label}`}>
                    Delete
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
        <form action={addAddress} className="form-grid" aria-label="Add an address">
          {addressInputs("a", countries)}
          <div className="wide">
            <button type="submit">Add address</button>
          </div>
        </form>
      </section>
    </>
  );
}

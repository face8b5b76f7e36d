import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { storeApi, type Cart } from "@/api/client";
import { AddressFields, type AddressValues } from "@/components/AddressFields";
import { Totals } from "@/components/Totals";
import { cartTotals, openCart } from "@/lib/cart";
import { formatMoney } from "@/lib/money";
import { customerToken, regions } from "@/lib/session";
import { applyGiftCard, chooseShipping, placeOrder, removeGiftCard, saveContact, useSavedAddress } from "../actions";

export const metadata: Metadata = { title: "Checkout", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

const ADDRESS_KEYS = ["firstName", "lastName", "line1", "line2", "city", "postalCode", "countryCode", "phone"] as const;
const sameAddress = (a: AddressValues, b: AddressValues) => ADDRESS_KEYS.every((k) => (a[k] ?? "") === (b[k] ?? ""));

export default async function CheckoutPage({ searchParams }: Props) {
  const { error, giftCardError, giftCard, attempt } = await searchParams;
  const cart = await openCart();
  if (!cart || cart.items.length === 0) redirect("/cart");
  const token = await customerToken();
  const region = (await regions()).find((r) => r.id === cart.regionId);
  const api = storeApi({ token });
  const [saved, me] = token
    ? await Promise.all([api.GET("/store/customers/me/addresses", { params: { query: { limit: 50 } } }), api.GET("/store/customers/me")])
    : [undefined, undefined];
  // Only addresses the cart's region delivers to can be chosen.
  const savedAddresses = (saved?.data?.items ?? []).filter((a) => region?.countries.includes(a.countryCode));
  const defaultSaved = savedAddresses.find((a) => a.isDefaultShipping) ?? savedAddresses[0];
  // The form starts from the cart's address, else the customer's default one.
  const address = (cart.shippingAddress ?? defaultSaved ?? {}) as AddressValues;
  const billing = (cart.billingAddress ?? {}) as AddressValues;
  const billingSame = !cart.billingAddress || sameAddress(cart.billingAddress as AddressValues, address);
  const hasAddress = Boolean(cart.email && cart.shippingAddress);
  const options = hasAddress
    ? ((await api.GET("/store/carts/{id}/shipping-options", { params: { path: { id: cart.id } } })).data?.items ?? [])
    : [];
  const method = cart.shippingMethod as { optionId: string } | null | undefined;
  const countries = region?.countries ?? [];
  return (
    <>
      <h1>Checkout</h1>
      {error && (
        <p role="alert" className="alert" data-testid="checkout-error">
          {error}
        </p>
      )}
      <section className="step" aria-labelledby="contact">
        <h2 id="contact">1. Contact and delivery address</h2>
        {savedAddresses.length > 0 && (
          <form action={useSavedAddress} className="saved-addresses" aria-label="Use a saved address">
            <fieldset>
              <legend>Your saved addresses</legend>
              {savedAddresses.map((a) => (
                <div key={a.id} className="check">
                  <input type="radio" id={`saved-${a.id}`} name="addressId" value={a.id} required defaultChecked={a.id === defaultSaved?.id} />
                  <label htmlFor={`saved-${a.id}`}>
                    {a.firstName} {a.lastName}, {a.line1}, {a.postalCode} {a.city}, {a.countryCode}
                  </label>
                </div>
              ))}
            </fieldset>
            <button type="submit">Deliver to this address</button>
            <p className="count">Or enter another address below.</p>
          </form>
        )}
        <form action={saveContact} className="form-grid" aria-label="Contact and address">
          <div className="field wide">
            <label htmlFor="email">Email</label>
            <input id="email" name="email" type="email" autoComplete="email" required defaultValue={cart.email ?? me?.data?.email ?? ""} />
          </div>
          <fieldset className="wide address" id="delivery">
            <legend>Delivery address</legend>
            <div className="form-grid">
              <AddressFields idPrefix="" section="shipping" values={address} countries={countries} />
            </div>
          </fieldset>
          <fieldset className="wide address billing">
            <legend>Billing address</legend>
            <div className="check">
              <input type="checkbox" id="billingSame" name="billingSame" defaultChecked={billingSame} />
              <label htmlFor="billingSame">Same as the delivery address</label>
            </div>
            <div className="form-grid billing-fields" id="billing">
              {/* Optional in HTML (hidden while "same" is checked); the server checks them when they are used. */}
              <AddressFields idPrefix="billing." namePrefix="billing." section="billing" required={false} values={billingSame ? {} : billing} countries={countries} />
            </div>
          </fieldset>
          <div className="wide">
            <button type="submit">{hasAddress ? "Update address" : "Continue to shipping"}</button>
          </div>
        </form>
      </section>
      <section className="step" aria-labelledby="shipping-title" id="shipping">
        <h2 id="shipping-title">2. Shipping</h2>
        {!hasAddress ? (
          <p>Enter your address first.</p>
        ) : (
          <form action={chooseShipping}>
            <fieldset style={{ border: 0, padding: 0 }}>
              <legend>Shipping option</legend>
              {options.map((o, i) => (
                <div key={o.id} className="check">
                  <input type="radio" id={`ship-${o.id}`} name="optionId" value={o.id} required defaultChecked={method ? method.optionId === o.id : i === 0} />
                  <label htmlFor={`ship-${o.id}`}>
                    {o.name} · {formatMoney(o.price)}
                  </label>
                </div>
              ))}
            </fieldset>
            <button type="submit">{method ? "Change shipping" : "Continue to payment"}</button>
          </form>
        )}
      </section>
      <section className="step" aria-labelledby="payment-title" id="payment">
        <h2 id="payment-title">3. Payment</h2>
        {!method ? (
          <p>Choose a shipping option first.</p>
        ) : (
          <>
            <GiftCards cart={cart} error={giftCardError} notice={giftCard} attempt={attempt} />
            {cart.amountDue.amount === 0 ? (
              <form action={placeOrder}>
                <p data-testid="paid-by-gift-cards">Your gift cards pay for the whole order: there is nothing else to pay.</p>
                <button type="submit">Place order · {formatMoney(cart.amountDue)}</button>
              </form>
            ) : (
              <form action={placeOrder}>
                <p>This demo shop takes payment with Mercato&apos;s test provider: no real card is charged.</p>
                <div className="field" style={{ maxWidth: "24rem" }}>
                  <label htmlFor="paymentToken">Test card</label>
                  <select id="paymentToken" name="paymentToken" defaultValue="tok_success">
                    <option value="tok_success">Test card that is approved</option>
                    <option value="tok_decline">Test card that is declined</option>
                  </select>
                </div>
                <button type="submit">Place order · {formatMoney(cart.amountDue)}</button>
              </form>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="summary">
        <h2 id="summary">Order summary</h2>
        <ul>
          {cart.items.map((l) => (
            <li key={l.id}>
              {l.quantity} × {l.productTitle}
              {l.variantTitle ? ` (${l.variantTitle})` : ""} · {formatMoney(l.total)}
            </li>
          ))}
        </ul>
        <Totals totals={cartTotals(cart)} taxIncluded={cart.pricesIncludeTax} amountDue={cart.amountDue} />
        <p>
          <a href="/cart">Edit cart</a>
        </p>
      </section>
    </>
  );
}

/**
 * The gift card field and the cards on the cart (last 4 characters, what each pays). A code that cannot pay comes back with
 * the problem's message, announced (role=alert), tied to the field (aria-describedby) and the field focused again.
 */
function GiftCards({ cart, error, notice, attempt }: { cart: Cart; error?: string; notice?: string; attempt?: string }) {
  return (
    <div id="gift-card" className="gift-card">
      {cart.giftCards.length > 0 && (
        <ul className="gift-cards" aria-label="Applied gift cards">
          {cart.giftCards.map((g) => (
            <li key={g.id} data-testid="applied-gift-card">
              <span>
                Gift card ending {g.last4}: −{formatMoney(g.applied)}
              </span>
              <span className="count">Balance left {formatMoney(g.balanceAfter)}</span>
              <form action={removeGiftCard} className="inline-form">
                <input type="hidden" name="giftCardId" value={g.id} />
                <button type="submit" className="link" aria-label={`Remove gift card ending ${g.last4}`}>
                  Remove
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {notice === "applied" && !error && (
        <p role="status" className="notice">
          Gift card applied.
        </p>
      )}
      <form action={applyGiftCard} aria-label="Apply a gift card" className="gift-card-form">
        <div className="field">
          <label htmlFor="giftCardCode">Gift card code</label>
          <input
            key={attempt ?? "first"}
            id="giftCardCode"
            name="giftCardCode"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            placeholder="GC-XXXX-XXXX-XXXX-XXXX"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "gift-card-error" : undefined}
            autoFocus={Boolean(error)}
          />
        </div>
        {error && (
          <p role="alert" id="gift-card-error" className="alert" data-testid="gift-card-error">
            {error}
          </p>
        )}
        <button type="submit" className="secondary">
          Apply gift card
        </button>
      </form>
    </div>
  );
}

import type { Metadata } from "next";
import { Price } from "@/components/Price";
import { Totals } from "@/components/Totals";
import { cartTotals, openCart } from "@/lib/cart";
import { formatMoney } from "@/lib/money";
import { changeQuantity, removeLine } from "../actions";

export const metadata: Metadata = { title: "Your cart", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function CartPage({ searchParams }: Props) {
  const { error, added } = await searchParams;
  const cart = await openCart();
  return (
    <>
      <h1>Your cart</h1>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      {added && (
        <p role="status" className="notice">
          Added to your cart.
        </p>
      )}
      {!cart || cart.items.length === 0 ? (
        <p>
          Your cart is empty. <a href="/">Continue shopping</a>
        </p>
      ) : (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Price</th>
                <th scope="col">Quantity</th>
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {cart.items.map((line) => (
                <tr key={line.id} data-testid="cart-line">
                  <td>
                    {line.productTitle}
                    {line.variantTitle && <div className="count">{line.variantTitle}</div>}
                  </td>
                  <td>
                    <Price price={line.unitPrice} original={line.originalUnitPrice} testId="unit-price" />
                  </td>
                  <td>
                    <form action={changeQuantity} className="inline">
                      <input type="hidden" name="lineId" value={line.id} />
                      <label htmlFor={`qty-${line.id}`} className="visually-hidden">
                        Quantity of {line.productTitle}
                      </label>
                      <input id={`qty-${line.id}`} name="quantity" type="number" min={0} max={100} defaultValue={line.quantity} className="qty" />
                      <button type="submit" className="secondary">
                        Update
                      </button>
                    </form>
                    <form action={removeLine}>
                      <input type="hidden" name="lineId" value={line.id} />
                      <button type="submit" className="link" aria-label={`Remove ${line.productTitle}`}>
                        Remove
                      </button>
                    </form>
                  </td>
                  <td>{formatMoney(line.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Totals totals={cartTotals(cart)} taxIncluded={cart.pricesIncludeTax} amountDue={cart.amountDue} />
          <p style={{ textAlign: "right" }}>
            <a href="/checkout" className="button">
              Check out
            </a>
          </p>
        </>
      )}
    </>
  );
}

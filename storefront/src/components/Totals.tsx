import type { Money } from "@/api/client";
import { formatMoney } from "@/lib/money";

type T = { subtotal: Money; discount: Money; shipping: Money; tax: Money; total: Money; giftCards?: Money };

/** A cart's or an order's totals; with gift cards, what they pay and what is left to pay (`amountDue`, carts only). */
export function Totals({ totals, taxIncluded, amountDue }: { totals: T; taxIncluded?: boolean; amountDue?: Money }) {
  const giftCards = totals.giftCards?.amount ? totals.giftCards : undefined;
  return (
    <table className="totals" aria-label="Totals">
      <tbody>
        <tr>
          <th scope="row">Subtotal</th>
          <td>{formatMoney(totals.subtotal)}</td>
        </tr>
        {totals.discount.amount > 0 && (
          <tr>
            <th scope="row">Discount</th>
            <td>−{formatMoney(totals.discount)}</td>
          </tr>
        )}
        <tr>
          <th scope="row">Shipping</th>
          <td>{formatMoney(totals.shipping)}</td>
        </tr>
        <tr>
          <th scope="row">{taxIncluded ? "Tax (included)" : "Tax"}</th>
          <td>{formatMoney(totals.tax)}</td>
        </tr>
        <tr>
          <th scope="row">Total</th>
          <td data-testid="total">
            <strong>{formatMoney(totals.total)}</strong>
          </td>
        </tr>
        {giftCards && (
          <tr>
            <th scope="row">Gift cards</th>
            <td data-testid="gift-card-total">−{formatMoney(giftCards)}</td>
          </tr>
        )}
        {giftCards && amountDue && (
          <tr>
            <th scope="row">Amount due</th>
            <td data-testid="amount-due">
              <strong>{formatMoney(amountDue)}</strong>
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

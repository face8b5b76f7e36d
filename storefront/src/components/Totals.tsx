import type { Money } from "@/api/client";
import { formatMoney } from "@/lib/money";

type T = { subtotal: Money; discount: Money; shipping: Money; tax: Money; total: Money };

export function Totals({ totals, taxIncluded }: { totals: T; taxIncluded?: boolean }) {
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
      </tbody>
    </table>
  );
}

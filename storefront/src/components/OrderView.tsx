import type { Order } from "@/api/client";
import { formatMoney } from "@/lib/money";
import { Totals } from "./Totals";

export function OrderView({ order }: { order: Order }) {
  return (
    <>
      <p>
        Order <strong data-testid="order-number">#{order.number}</strong> · placed {new Date(String(order.createdAt)).toLocaleDateString("en-US", { dateStyle: "long" })} · {order.email}
      </p>
      <p>
        Status: {order.status.replace(/_/g, " ")} · payment {order.paymentStatus.replace(/_/g, " ")} · {order.fulfillmentStatus.replace(/_/g, " ")}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Quantity</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((l) => (
            <tr key={l.id}>
              <td>
                {l.productTitle}
                {l.variantTitle && <div className="count">{l.variantTitle}</div>}
              </td>
              <td>{l.quantity}</td>
              <td>{formatMoney(l.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Totals totals={order.totals} />
      <h2>Delivery address</h2>
      <address>
        {order.shippingAddress.firstName} {order.shippingAddress.lastName}
        <br />
        {order.shippingAddress.line1}
        <br />
        {order.shippingAddress.postalCode} {order.shippingAddress.city}, {order.shippingAddress.countryCode}
      </address>
    </>
  );
}

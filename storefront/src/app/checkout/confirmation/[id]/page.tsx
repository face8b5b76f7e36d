import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { storeApi } from "@/api/client";
import { OrderView } from "@/components/OrderView";
import { COOKIES, customerToken, readCookie } from "@/lib/session";

export const metadata: Metadata = { title: "Thank you for your order", robots: { index: false } };

export default async function Confirmation({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const saved = (await readCookie(COOKIES.order)) ?? "";
  const orderId = saved.slice(0, saved.indexOf("."));
  const orderToken = saved.slice(saved.indexOf(".") + 1);
  const token = await customerToken();
  const { data: order } = await storeApi({ token }).GET("/store/orders/{id}", {
    params: { path: { id } },
    headers: orderId === id && orderToken ? { "X-Order-Token": orderToken } : {},
  });
  if (!order) notFound();
  return (
    <>
      <h1>Thank you for your order</h1>
      <p role="status" className="notice">
        Your order is confirmed. A confirmation has been sent to {order.email}.
      </p>
      <OrderView order={order} />
      <p>
        <a href="/">Continue shopping</a>
      </p>
    </>
  );
}

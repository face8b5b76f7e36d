import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { storeApi } from "@/api/client";
import { OrderView } from "@/components/OrderView";
import { customerToken } from "@/lib/session";

export const metadata: Metadata = { title: "Order", robots: { index: false } };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const token = await customerToken();
  if (!token) redirect("/account/login");
  const { data: order } = await storeApi({ token }).GET("/store/orders/{id}", { params: { path: { id: (await params).id } } });
  if (!order) notFound();
  return (
    <>
      <p>
        <a href="/account">← Your account</a>
      </p>
      <h1>Order #{order.number}</h1>
      <OrderView order={order} />
    </>
  );
}

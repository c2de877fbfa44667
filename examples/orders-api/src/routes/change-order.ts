/**
 * Changing orders: a status update with optimistic locking (the client sends the `version` it read; 409 when the
 * order changed since), and a cancellation (a delete with a condition, restocking a placed order's lines in the
 * same transaction).
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import dynamodel from "dynamodel";
import { jsonBody } from "../body.js";
import { HttpError, json, noContent } from "../http.js";
import { Order, type OrderStatus, orderStatuses, Product } from "../models.js";
import { param } from "./customers.js";
import { orderView } from "./read-orders.js";

/** The status an order must have to move to another one (a draft is placed by ordering again, not by a status). */
const from: Partial<Record<OrderStatus, OrderStatus>> = { paid: "placed", shipped: "paid" };

/** `PATCH /customers/{customerId}/orders/{orderId}` `{status, version}`. */
export async function updateOrderStatus(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const key = { customerId: param(event, "customerId"), orderId: param(event, "orderId") };
  const { status, version } = jsonBody(event, ["status", "version"]);
  if (!Number.isInteger(version))
    throw new HttpError(400, "missing_version", [{ path: "version", code: "required", expected: "the integer version read" }]);
  const required = from[status as OrderStatus];
  if (!required) {
    const allowed = Object.keys(from).join(", ");
    throw new HttpError(400, orderStatuses.includes(status as OrderStatus) ? "invalid_transition" : "invalid_status", [
      { path: "status", code: "enum", expected: allowed },
    ]);
  }
  try {
    const updated = await Order.update(
      key,
      { status: status as OrderStatus, version: version as number },
      { condition: new dynamodel.Condition("status").eq(required) },
    );
    return json(200, orderView(updated));
  } catch (error) {
    // Our own condition failed (the version matched): the order is not in the status the change needs.
    if (error instanceof dynamodel.error.ConditionalCheckFailed && !(error instanceof dynamodel.error.VersionConflict)) {
      throw new HttpError(409, "invalid_transition", [{ path: "status", code: "transition", expected: `an order in status ${required}` }]);
    }
    throw error;
  }
}

/** `DELETE /customers/{customerId}/orders/{orderId}`: drafts and placed orders only; a placed order's stock comes back. */
export async function cancelOrder(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const key = { customerId: param(event, "customerId"), orderId: param(event, "orderId") };
  const order = await Order.get(key, { consistent: true });
  if (!order) throw new HttpError(404, "not_found");
  if (order.status !== "draft" && order.status !== "placed") {
    throw new HttpError(409, "not_cancellable", [{ path: "status", code: "transition", expected: "draft or placed" }]);
  }
  // The read item carries its version: the delete is refused if the order changed since it was read.
  const remove = Order.transaction.delete(order, { condition: new dynamodel.Condition("status").eq(order.status) });
  const restock =
    order.status === "placed"
      ? order.lines.map((line) => Product.transaction.update({ sku: line.sku }, { stock: dynamodel.update.increment(line.quantity) }))
      : [];
  await dynamodel.transaction([remove, ...restock]);
  return noContent();
}

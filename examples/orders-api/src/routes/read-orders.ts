/**
 * Reading orders: one order; a customer's orders newest first; orders by status (GSI `byStatus`, newest first).
 * Listings page with `?limit=` and the opaque `?cursor=` of the previous page (`nextCursor`, absent on the last).
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { HttpError, json } from "../http.js";
import { type OrderStatus, Order, orderStatuses } from "../models.js";
import { decodeCursor, encodeCursor, type Key, pageSize } from "../pagination.js";
import { param } from "./customers.js";

type OrderItem = InstanceType<typeof Order>;

/** An order as the API shows it (dates as ISO strings). */
export const orderView = (order: OrderItem) => {
  const { expiresAt, createdAt, updatedAt, ...rest } = order.toJSON() as Record<string, unknown> & {
    expiresAt?: unknown;
    createdAt: unknown;
    updatedAt: unknown;
  };
  const iso = (value: unknown) => (value === undefined ? undefined : new Date(value as number | string | Date).toISOString());
  return {
    ...rest,
    createdAt: iso(createdAt),
    updatedAt: iso(updatedAt),
    ...(expiresAt === undefined ? {} : { expiresAt: iso(expiresAt) }),
  };
};

/** `GET /customers/{customerId}/orders/{orderId}`. */
export async function getOrder(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const order = await Order.get({ customerId: param(event, "customerId"), orderId: param(event, "orderId") });
  if (!order) throw new HttpError(404, "not_found");
  return json(200, orderView(order));
}

type OrderQuery = ReturnType<typeof Order.query>;

async function page(query: OrderQuery, scope: string, event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const limit = pageSize(event.queryStringParameters?.limit);
  const start = decodeCursor(scope, event.queryStringParameters?.cursor);
  let request = query.sort("descending").limit(limit);
  if (start) request = request.startAt(start);
  const result = await request.exec();
  const nextCursor = encodeCursor(scope, result.lastKey as Key | undefined);
  return json(200, { items: result.map(orderView), ...(nextCursor ? { nextCursor } : {}) });
}

/** `GET /customers/{customerId}/orders?limit=&cursor=`: newest first (order ids grow with time). */
export async function listCustomerOrders(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const customerId = param(event, "customerId");
  return page(Order.query("customerId").eq(customerId), `customer:${customerId}`, event);
}

/** `GET /orders?status=&limit=&cursor=`: orders with one status, newest first, through the GSI `byStatus`. */
export async function listOrdersByStatus(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const status = event.queryStringParameters?.status;
  if (!orderStatuses.includes(status as OrderStatus)) {
    throw new HttpError(400, "invalid_status", [{ path: "status", code: "enum", expected: orderStatuses.join(", ") }]);
  }
  return page(
    Order.query("status")
      .eq(status as OrderStatus)
      .using("byStatus"),
    `status:${status}`,
    event,
  );
}

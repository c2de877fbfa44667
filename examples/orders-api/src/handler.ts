/**
 * The Lambda handler behind the HTTP API (payload format 2.0): one function serves every route, dispatching on
 * API Gateway's `routeKey`. Models and the client live in `models.ts`, created once per container.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyHandlerV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { errorResponse } from "./error-response.js";
import { problem } from "./http.js";
import type { RouteKey } from "./route-table.js";
import { cancelOrder, updateOrderStatus } from "./routes/change-order.js";
import { createCustomer, getCustomer } from "./routes/customers.js";
import { placeOrder } from "./routes/place-order.js";
import { createProduct, listProducts } from "./routes/products.js";
import { getOrder, listCustomerOrders, listOrdersByStatus } from "./routes/read-orders.js";

type Route = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

const routes: Record<RouteKey, Route> = {
  "POST /customers": createCustomer,
  "GET /customers/{customerId}": getCustomer,
  "POST /products": createProduct,
  "GET /products": listProducts,
  "POST /customers/{customerId}/orders": placeOrder,
  "GET /customers/{customerId}/orders": listCustomerOrders,
  "GET /customers/{customerId}/orders/{orderId}": getOrder,
  "PATCH /customers/{customerId}/orders/{orderId}": updateOrderStatus,
  "DELETE /customers/{customerId}/orders/{orderId}": cancelOrder,
  "GET /orders": listOrdersByStatus,
};

/** The Lambda entry point. */
export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  const route = routes[event.routeKey as RouteKey] as Route | undefined;
  if (!route) return problem(404, "no_route");
  try {
    return await route(event);
  } catch (error) {
    return errorResponse(error);
  }
};

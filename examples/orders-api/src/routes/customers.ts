/**
 * Customers: create one (201, its id generated) and read one (404 when missing).
 */
import { randomUUID } from "node:crypto";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { jsonBody } from "../body.js";
import { HttpError, json } from "../http.js";
import { Customer } from "../models.js";

/** `POST /customers` `{name, email}`. */
export async function createCustomer(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const { name, email } = jsonBody(event, ["name", "email"]);
  const customer = await Customer.create({ customerId: `c-${randomUUID()}`, name: name as string, email: email as string });
  return json(201, customer.toJSON(), { location: `/customers/${customer.customerId}` });
}

/** `GET /customers/{customerId}`. */
export async function getCustomer(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const customer = await Customer.get({ customerId: param(event, "customerId") });
  if (!customer) throw new HttpError(404, "not_found");
  return json(200, customer.toJSON());
}

/** A path parameter the route declares. */
export function param(event: APIGatewayProxyEventV2, name: string): string {
  const value = event.pathParameters?.[name];
  if (value === undefined || value === "") throw new HttpError(400, "missing_parameter", [{ path: name, code: "required" }]);
  return value;
}

/**
 * `POST /customers/{customerId}/orders` `{lines: [{sku, quantity}], draft?}`: places an order in one transaction
 * that checks the customer exists, checks and decrements the stock of every line, and writes the order. When a
 * line is short, nothing is written and the answer is 409 with the SKUs that are short. A draft reserves no stock
 * and expires after 7 days (TTL) unless placed.
 */
import { randomBytes } from "node:crypto";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import dynamodel from "dynamodel";
import { isObject, jsonBody, onlyFields } from "../body.js";
import { HttpError, json, type ProblemIssue } from "../http.js";
import { Customer, Order, Product } from "../models.js";
import { param } from "./customers.js";
import { orderView } from "./read-orders.js";

const draftLifetimeMs = 7 * 24 * 60 * 60 * 1000;
const maxLines = 50;

/** A new order id: the time in base 36 (fixed width) then randomness, so ids sort by creation time. */
export const newOrderId = (): string => `o-${Date.now().toString(36).padStart(10, "0")}-${randomBytes(5).toString("hex")}`;

interface Line {
  readonly sku: string;
  readonly quantity: number;
}

function readLines(lines: unknown): Line[] {
  if (!Array.isArray(lines) || lines.length === 0 || lines.length > maxLines) {
    throw new HttpError(400, "invalid_lines", [{ path: "lines", code: "type_mismatch", expected: `an array of 1 to ${maxLines} lines` }]);
  }
  const seen = new Set<string>();
  const issues: ProblemIssue[] = [];
  lines.forEach((line, i) => {
    if (!isObject(line)) {
      issues.push({ path: `lines.${i}`, code: "type_mismatch", expected: "an object {sku, quantity}" });
      return;
    }
    onlyFields(line, ["sku", "quantity"], `lines.${i}`);
    if (typeof line.sku !== "string") issues.push({ path: `lines.${i}.sku`, code: "type_mismatch", expected: "string" });
    else if (seen.has(line.sku)) issues.push({ path: `lines.${i}.sku`, code: "duplicate", expected: "each SKU once" });
    else seen.add(line.sku);
    if (!Number.isInteger(line.quantity) || (line.quantity as number) < 1 || (line.quantity as number) > 1000) {
      issues.push({ path: `lines.${i}.quantity`, code: "validate", expected: "an integer from 1 to 1000" });
    }
  });
  if (issues.length > 0) throw new HttpError(400, "invalid_lines", issues);
  return lines as Line[];
}

/** The handler. */
export async function placeOrder(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const customerId = param(event, "customerId");
  const body = jsonBody(event, ["lines", "draft"]);
  if (body.draft !== undefined && typeof body.draft !== "boolean") {
    throw new HttpError(400, "type_mismatch", [{ path: "draft", code: "type_mismatch", expected: "boolean" }]);
  }
  const lines = readLines(body.lines);
  const products = await Product.batchGet(lines.map((line) => ({ sku: line.sku })));
  const bySku = new Map(products.map((product) => [product.sku, product]));
  const unknown = lines.flatMap((line, i) => (bySku.has(line.sku) ? [] : [{ path: `lines.${i}.sku`, code: "unknown_product" }]));
  if (unknown.length > 0) throw new HttpError(400, "unknown_product", unknown);

  const priced = lines.map((line) => ({ ...line, priceCents: bySku.get(line.sku)?.priceCents ?? 0 }));
  const order = {
    customerId,
    orderId: newOrderId(),
    lines: priced,
    totalCents: priced.reduce((sum, line) => sum + line.quantity * line.priceCents, 0),
    status: body.draft ? ("draft" as const) : ("placed" as const),
    ...(body.draft ? { expiresAt: new Date(Date.now() + draftLifetimeMs) } : {}),
  };
  const actions = [
    Customer.transaction.condition({ customerId }, new dynamodel.Condition("customerId").exists()),
    Order.transaction.create(order),
    ...(body.draft
      ? []
      : lines.map((line) =>
          Product.transaction.update(
            { sku: line.sku },
            { stock: dynamodel.update.decrement(line.quantity) },
            { condition: new dynamodel.Condition("stock").ge(line.quantity) },
          ),
        )),
  ];
  try {
    await dynamodel.transaction(actions);
  } catch (error) {
    if (!(error instanceof dynamodel.error.TransactionCanceled)) throw error;
    if (error.reasons[0]?.code === "ConditionalCheckFailed") throw new HttpError(404, "customer_not_found");
    const short = error.reasons.flatMap((reason) => {
      const line = lines[reason.index - 2];
      if (reason.code !== "ConditionalCheckFailed" || !line) return [];
      const available = reason.item?.stock;
      return [{ sku: line.sku, requested: line.quantity, available: typeof available === "number" ? available : null }];
    });
    if (short.length === 0) throw error;
    throw new HttpError(409, "insufficient_stock", [], { short });
  }
  const stored = await Order.get({ customerId, orderId: order.orderId }, { consistent: true });
  if (!stored) throw new Error("the order just written could not be read");
  return json(201, orderView(stored), { location: `/customers/${customerId}/orders/${order.orderId}` });
}

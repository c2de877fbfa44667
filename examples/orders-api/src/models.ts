/**
 * The models, created once per container (outside the handler, as Lambda best practice says): the client and the
 * compiled schemas are reused by every invocation the container serves.
 *
 * Tables are infrastructure: the CDK app (or, locally, `local/tables.ts`) creates them, so the models never send
 * DescribeTable or CreateTable (`create: false`, `waitForActive: false`).
 */
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import dynamodel from "dynamodel";
import { customersTable, ordersTable, productsTable, type TableSpec } from "./tables.js";

const endpoint = process.env.DYNAMODB_ENDPOINT;
dynamodel.aws.ddb.set(
  new DynamoDB(
    endpoint ? { endpoint, region: "local", credentials: { accessKeyId: "local", secretAccessKey: "local" } } : {}, // on Lambda: the region and credentials of the function
  ),
);

const tableName = (spec: TableSpec): string => {
  const name = process.env[spec.env];
  if (!name) throw new Error(`The environment variable ${spec.env} must name the table.`);
  return name;
};
const options = (spec: TableSpec) => ({ tableName: tableName(spec), create: false, waitForActive: false, update: false }) as const;

const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;
const isPositive = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 1;
const length = (min: number, max: number) => (value: unknown) => typeof value === "string" && value.length >= min && value.length <= max;

/** The statuses of an order; `draft` orders reserve no stock and expire (TTL). */
export const orderStatuses = ["draft", "placed", "paid", "shipped"] as const;
/** An order's status. */
export type OrderStatus = (typeof orderStatuses)[number];

/** A customer. */
export const Customer = dynamodel.model(
  "Customer",
  new dynamodel.Schema(
    {
      customerId: { type: String, hashKey: true },
      name: { type: String, required: true, validate: length(1, 100) },
      email: { type: String, required: true, validate: /^[^@\s]{1,64}@[^@\s]{1,190}$/ },
    },
    { timestamps: true },
  ),
  options(customersTable),
);

/** A product with its stock and a set of tags. */
export const Product = dynamodel.model(
  "Product",
  new dynamodel.Schema(
    {
      sku: { type: String, hashKey: true, validate: /^[A-Z0-9-]{1,32}$/ },
      name: { type: String, required: true, validate: length(1, 200) },
      priceCents: { type: Number, required: true, validate: isCount },
      stock: { type: Number, required: true, validate: isCount },
      tags: { type: Set, schema: [String] },
    },
    { timestamps: true },
  ),
  options(productsTable),
);

/** An order: line items, a status (indexed with `createdAt`), a version for optimistic locking, a TTL for drafts. */
export const Order = dynamodel.model(
  "Order",
  new dynamodel.Schema(
    {
      customerId: { type: String, hashKey: true },
      orderId: { type: String, rangeKey: true },
      lines: {
        type: Array,
        required: true,
        schema: [
          {
            type: Object,
            schema: {
              sku: { type: String, required: true },
              quantity: { type: Number, required: true, validate: isPositive },
              priceCents: { type: Number, required: true, validate: isCount },
            },
          },
        ],
      },
      totalCents: { type: Number, required: true, validate: isCount },
      status: {
        type: String,
        required: true,
        enum: [...orderStatuses],
        index: { name: "byStatus", type: "global", rangeKey: "createdAt" },
      },
      expiresAt: { type: { value: Date, settings: { storage: "seconds" } } },
    },
    { timestamps: true, version: true },
  ),
  options(ordersTable),
);

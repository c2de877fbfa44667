/**
 * The three tables of the shop, described once: the CDK app deploys them and the local runner creates them in
 * DynamoDB Local from the same description, so the two never drift apart.
 */

/** A key attribute: its name and DynamoDB type. */
export interface KeyAttribute {
  readonly name: string;
  readonly type: "S" | "N";
}

/** One table: the environment variable holding its name, its keys, its global indexes and its TTL attribute. */
export interface TableSpec {
  /** Environment variable the Lambda reads the table name from. */
  readonly env: "CUSTOMERS_TABLE" | "PRODUCTS_TABLE" | "ORDERS_TABLE";
  /** Logical name, used for the CDK construct and the local table name. */
  readonly id: string;
  readonly hashKey: KeyAttribute;
  readonly rangeKey?: KeyAttribute;
  readonly globalIndexes: readonly { readonly name: string; readonly hashKey: KeyAttribute; readonly rangeKey: KeyAttribute }[];
  readonly ttlAttribute?: string;
}

/** Customers: one item per customer. */
export const customersTable: TableSpec = {
  env: "CUSTOMERS_TABLE",
  id: "Customers",
  hashKey: { name: "customerId", type: "S" },
  globalIndexes: [],
};

/** Products: one item per SKU, with its stock. */
export const productsTable: TableSpec = {
  env: "PRODUCTS_TABLE",
  id: "Products",
  hashKey: { name: "sku", type: "S" },
  globalIndexes: [],
};

/** Orders: a customer's orders under one partition, sortable by id (ids grow with time); by status through a GSI. */
export const ordersTable: TableSpec = {
  env: "ORDERS_TABLE",
  id: "Orders",
  hashKey: { name: "customerId", type: "S" },
  rangeKey: { name: "orderId", type: "S" },
  globalIndexes: [{ name: "byStatus", hashKey: { name: "status", type: "S" }, rangeKey: { name: "createdAt", type: "N" } }],
  ttlAttribute: "expiresAt",
};

/** Every table of the app. */
export const tables: readonly TableSpec[] = [customersTable, productsTable, ordersTable];

/**
 * Least privilege, checked from both ends: every DynamoDB action the handlers sent while the API tests ran is
 * granted by the CDK app's policy (`infra/lib/permissions.ts`), and every granted action was sent.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dynamodbActions, ordersIndexActions } from "../infra/lib/permissions.js";
import { call, newCustomer, newProduct, sentActions, useLocalStack } from "./harness.js";

const stack = useLocalStack();

describe("least privilege", () => {
  it("the handlers send exactly the DynamoDB actions the IAM policy grants, table by table", async () => {
    const c = await newCustomer("Iris");
    await call("GET", `/customers/${c}`);
    await newProduct("IAM-1", 5, ["iam"]);
    await call("GET", "/products?tag=iam");
    const placed = await call("POST", `/customers/${c}/orders`, { lines: [{ sku: "IAM-1", quantity: 1 }] });
    const path = `/customers/${c}/orders/${placed.body.orderId}`;
    await call("GET", path);
    await call("GET", `/customers/${c}/orders?limit=5`);
    await call("GET", "/orders?status=placed");
    await call("DELETE", path);
    const again = await call("POST", `/customers/${c}/orders`, { lines: [{ sku: "IAM-1", quantity: 1 }] });
    await call("PATCH", `/customers/${c}/orders/${again.body.orderId}`, { status: "paid", version: 1 });

    const { tables } = stack();
    const granted = new Set([
      ...dynamodbActions.Customers.map((a) => `${tables.CUSTOMERS_TABLE} ${a}`),
      ...dynamodbActions.Products.map((a) => `${tables.PRODUCTS_TABLE} ${a}`),
      ...dynamodbActions.Orders.map((a) => `${tables.ORDERS_TABLE} ${a}`),
      ...ordersIndexActions.map((a) => `${tables.ORDERS_TABLE}/index/byStatus ${a}`),
    ]);
    assert.deepEqual([...sentActions()].sort(), [...granted].sort());
  });
});

/**
 * Bad bodies over real HTTP: wrong types, missing and unknown fields, `__proto__` keys, a 1 MB body, not JSON.
 * Each is answered 4xx with a problem body that names the attribute and the rule, never the value sent, and
 * nothing is written. Also: events the local runner can not produce (a base64 body) sent to the handler directly.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { call, newCustomer, newProduct, rawItems, useLocalStack } from "./harness.js";

useLocalStack();

const secret = "s3cr3t-value-XYZ";
const counts = async () =>
  Promise.all((["CUSTOMERS_TABLE", "PRODUCTS_TABLE", "ORDERS_TABLE"] as const).map(async (t) => (await rawItems(t)).length));

async function refused(method: string, path: string, body: unknown, status: number, headers?: Record<string, string>) {
  const before = await counts();
  const reply = await call(method, path, body, headers);
  assert.equal(reply.status, status, `${JSON.stringify(body)?.slice(0, 80)} -> ${reply.text.slice(0, 200)}`);
  assert.equal(reply.headers.get("content-type"), "application/problem+json");
  assert.ok(!reply.text.includes(secret), `the value is echoed: ${reply.text}`);
  assert.deepEqual(await counts(), before, "something was written");
  return reply.body as { code: string; issues?: { path: string; code: string }[] };
}

describe("bad bodies", () => {
  it("wrong types: 400 naming the attribute", async () => {
    const customer = await refused("POST", "/customers", { name: 42, email: secret }, 400);
    assert.ok(customer.issues?.some((issue) => issue.path === "name"));
    const product = await refused("POST", "/products", { sku: "OK-1", name: "x", priceCents: secret, stock: 1 }, 400);
    assert.deepEqual(
      product.issues?.map((issue) => issue.path),
      ["priceCents"],
    );
    await refused("POST", "/products", { sku: "OK-1", name: "x", priceCents: 1, stock: 1.5 }, 400);
    await refused("POST", "/products", { sku: "OK-1", name: "x", priceCents: 1, stock: 1, tags: [1, secret] }, 400);
    await refused("POST", "/products", { sku: secret, name: "x", priceCents: 1, stock: 1 }, 400);
    const c = await newCustomer("Tina");
    await newProduct("WOOD-1", 9);
    const lines = await refused("POST", `/customers/${c}/orders`, { lines: [{ sku: "WOOD-1", quantity: "2" }] }, 400);
    assert.deepEqual(lines.issues, [{ path: "lines.0.quantity", code: "validate", expected: "an integer from 1 to 1000" }]);
    await refused("POST", `/customers/${c}/orders`, { lines: "WOOD-1" }, 400);
    await refused("POST", `/customers/${c}/orders`, { lines: [{ sku: "WOOD-1", quantity: 1 }], draft: "yes" }, 400);
    await refused(
      "POST",
      `/customers/${c}/orders`,
      {
        lines: [
          { sku: "WOOD-1", quantity: 1 },
          { sku: "WOOD-1", quantity: 1 },
        ],
      },
      400,
    );
    await refused("POST", "/customers", [secret], 400);
    assert.equal((await rawItems("PRODUCTS_TABLE")).find((p) => p.sku === "WOOD-1")?.stock, 9);
  });

  it("missing fields: 400 naming them", async () => {
    const customer = await refused("POST", "/customers", { name: "Ann" }, 400);
    assert.deepEqual(
      customer.issues?.map((issue) => [issue.path, issue.code]),
      [["email", "required"]],
    );
    await refused("POST", "/products", { sku: "OK-2", name: "x" }, 400);
    await refused("POST", "/customers", "", 400);
    const c = await newCustomer("Uma");
    await refused("POST", `/customers/${c}/orders`, {}, 400);
    await refused("POST", `/customers/${c}/orders`, { lines: [] }, 400);
    await refused("PATCH", `/customers/${c}/orders/o-1`, { status: "paid" }, 400);
  });

  it("unknown fields: 400 naming them, top level and in line items", async () => {
    const customer = await refused("POST", "/customers", { name: "Ann", email: "ann@example.com", admin: true }, 400);
    assert.deepEqual(
      customer.issues?.map((issue) => [issue.path, issue.code]),
      [["admin", "unknown_field"]],
    );
    const c = await newCustomer("Val");
    await newProduct("ROPE-1", 9);
    const lines = await refused("POST", `/customers/${c}/orders`, { lines: [{ sku: "ROPE-1", quantity: 1, priceCents: 0 }] }, 400);
    assert.deepEqual(
      lines.issues?.map((issue) => issue.path),
      ["lines.0.priceCents"],
    );
    await refused("POST", `/customers/${c}/orders`, { lines: [{ sku: "ROPE-1", quantity: 1 }], status: "shipped" }, 400);
  });

  it("__proto__, constructor and prototype keys: 400 at any depth, nothing polluted", async () => {
    await refused("POST", "/customers", '{"name":"Ann","email":"ann@example.com","__proto__":{"admin":true}}', 400);
    await refused("POST", "/customers", '{"name":"Ann","email":"ann@example.com","constructor":{"prototype":{"x":1}}}', 400);
    const c = await newCustomer("Wes");
    await newProduct("SAND-1", 9);
    const nested = await refused(
      "POST",
      `/customers/${c}/orders`,
      '{"lines":[{"sku":"SAND-1","quantity":1,"__proto__":{"quantity":99}}]}',
      400,
    );
    assert.equal(nested.code, "forbidden_key");
    assert.equal(({} as Record<string, unknown>).admin, undefined);
  });

  it("a 1 MB body: 413 before parsing", async () => {
    const body = JSON.stringify({ name: secret.repeat(70_000), email: "big@example.com" });
    assert.ok(body.length > 1_000_000);
    const reply = await refused("POST", "/customers", body, 413);
    assert.equal(reply.code, "body_too_large");
  });

  it("not JSON, or not declared as JSON: 400 / 415", async () => {
    await refused("POST", "/customers", `{"name": "${secret}", `, 400);
    await refused("POST", "/customers", "name=Ann", 415, { "content-type": "application/x-www-form-urlencoded" });
    await refused("POST", "/products", "undefined", 400);
  });
});

describe("the handler, called with API Gateway events", () => {
  const event = (body: string, isBase64Encoded: boolean): APIGatewayProxyEventV2 =>
    ({
      version: "2.0",
      routeKey: "POST /customers",
      rawPath: "/customers",
      rawQueryString: "",
      headers: { "content-type": "application/json" },
      requestContext: { http: { method: "POST", path: "/customers" } },
      body,
      isBase64Encoded,
    }) as unknown as APIGatewayProxyEventV2;

  it("decodes a base64 body, and answers an unknown route key with 404", async () => {
    const { handler } = await import("../src/handler.js");
    const body = Buffer.from(JSON.stringify({ name: "Bea", email: "bea@example.com" })).toString("base64");
    const result = (await handler(event(body, true), {} as never, () => undefined)) as APIGatewayProxyStructuredResultV2;
    assert.equal(result.statusCode, 201);
    assert.equal(JSON.parse(String(result.body)).name, "Bea");
    const unknown = (await handler(
      { ...event("{}", false), routeKey: "PUT /x" },
      {} as never,
      () => undefined,
    )) as APIGatewayProxyStructuredResultV2;
    assert.equal(unknown.statusCode, 404);
  });
});

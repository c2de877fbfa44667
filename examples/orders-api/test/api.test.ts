/**
 * Every route over real HTTP through the local runner, against DynamoDB Local, checking what was stored with the
 * raw SDK where it matters.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { call, newCustomer, newProduct, rawItems, useLocalStack } from "./harness.js";

useLocalStack();

const stockOf = async () => Object.fromEntries((await rawItems("PRODUCTS_TABLE")).map((p) => [p.sku, p.stock]));

describe("customers and products", () => {
  it("creates and reads a customer; 404 for an unknown one", async () => {
    const created = await call("POST", "/customers", { name: "Grace", email: "grace@example.com" });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get("location"), `/customers/${created.body.customerId}`);
    const read = await call("GET", `/customers/${created.body.customerId}`);
    assert.equal(read.status, 200);
    assert.deepEqual({ name: read.body.name, email: read.body.email }, { name: "Grace", email: "grace@example.com" });
    assert.equal((await call("GET", "/customers/c-missing")).status, 404);
  });

  it("creates products (409 for a second one with the same SKU) and lists them by tag", async () => {
    await newProduct("LAMP-1", 4, ["home", "light"]);
    await newProduct("SOFA-1", 2, ["home"]);
    const again = await call("POST", "/products", { sku: "LAMP-1", name: "again", priceCents: 1, stock: 1 });
    assert.equal(again.status, 409);
    const stored = (await rawItems("PRODUCTS_TABLE")).find((p) => p.sku === "LAMP-1");
    assert.deepEqual(stored?.tags, new Set(["home", "light"]));
    assert.equal(stored?.name, "LAMP-1");
    const light = await call("GET", "/products?tag=light");
    assert.deepEqual(
      (light.body.items as { sku: string }[]).map((p) => p.sku),
      ["LAMP-1"],
    );
    const home = await call("GET", "/products?tag=home");
    assert.deepEqual(
      (home.body.items as { sku: string; tags: string[] }[]).map((p) => [p.sku, p.tags]),
      [
        ["LAMP-1", ["home", "light"]],
        ["SOFA-1", ["home"]],
      ],
    );
  });
});

describe("orders", () => {
  it("places an order in one transaction: stock decremented, order stored with its lines and prices", async () => {
    const c = await newCustomer("Olga");
    await newProduct("PEN-1", 10, ["office"], 150);
    await newProduct("INK-1", 3, ["office"], 900);
    const placed = await call("POST", `/customers/${c}/orders`, {
      lines: [
        { sku: "PEN-1", quantity: 4 },
        { sku: "INK-1", quantity: 3 },
      ],
    });
    assert.equal(placed.status, 201);
    assert.equal(placed.body.status, "placed");
    assert.equal(placed.body.totalCents, 4 * 150 + 3 * 900);
    assert.equal(placed.body.version, 1);
    const stock = await stockOf();
    assert.deepEqual([stock["PEN-1"], stock["INK-1"]], [6, 0]);
    const stored = (await rawItems("ORDERS_TABLE")).find((o) => o.orderId === placed.body.orderId);
    assert.deepEqual(stored?.lines, [
      { sku: "PEN-1", quantity: 4, priceCents: 150 },
      { sku: "INK-1", quantity: 3, priceCents: 900 },
    ]);
    assert.equal(stored?.expiresAt, undefined);
    const read = await call("GET", `/customers/${c}/orders/${placed.body.orderId}`);
    assert.equal(read.status, 200);
    assert.deepEqual(read.body, placed.body);
    assert.equal((await call("GET", `/customers/${c}/orders/o-missing`)).status, 404);
  });

  it("refuses an order with any short line with 409 naming the short SKUs, and changes no stock", async () => {
    const c = await newCustomer("Sam");
    await newProduct("CUP-1", 5, ["kitchen"]);
    await newProduct("BOWL-1", 1, ["kitchen"]);
    await newProduct("PLATE-1", 0, ["kitchen"]);
    const before = await stockOf();
    const ordersBefore = (await rawItems("ORDERS_TABLE")).length;
    const refused = await call("POST", `/customers/${c}/orders`, {
      lines: [
        { sku: "CUP-1", quantity: 2 },
        { sku: "BOWL-1", quantity: 2 },
        { sku: "PLATE-1", quantity: 1 },
      ],
    });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, "insufficient_stock");
    assert.deepEqual(refused.body.short, [
      { sku: "BOWL-1", requested: 2, available: 1 },
      { sku: "PLATE-1", requested: 1, available: 0 },
    ]);
    assert.deepEqual(await stockOf(), before);
    assert.equal((await rawItems("ORDERS_TABLE")).length, ordersBefore);
  });

  it("refuses an order for an unknown customer (404) or an unknown product (400)", async () => {
    await newProduct("NUT-1", 5);
    assert.equal((await call("POST", "/customers/c-nobody/orders", { lines: [{ sku: "NUT-1", quantity: 1 }] })).status, 404);
    const c = await newCustomer("Una");
    const unknown = await call("POST", `/customers/${c}/orders`, {
      lines: [
        { sku: "NUT-1", quantity: 1 },
        { sku: "NOPE-1", quantity: 1 },
      ],
    });
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.body.issues, [{ path: "lines.1.sku", code: "unknown_product" }]);
    assert.equal((await stockOf())["NUT-1"], 5);
  });

  it("stores a draft with a TTL (epoch seconds), reserving no stock", async () => {
    const c = await newCustomer("Dora");
    await newProduct("KITE-1", 2);
    const draft = await call("POST", `/customers/${c}/orders`, { lines: [{ sku: "KITE-1", quantity: 2 }], draft: true });
    assert.equal(draft.status, 201);
    assert.equal(draft.body.status, "draft");
    const stored = (await rawItems("ORDERS_TABLE")).find((o) => o.orderId === draft.body.orderId);
    const inAWeek = Date.now() / 1000 + 7 * 24 * 3600;
    assert.ok(typeof stored?.expiresAt === "number" && Math.abs(stored.expiresAt - inAWeek) < 60);
    assert.equal((await stockOf())["KITE-1"], 2);
  });

  it("updates a status with optimistic locking: of two concurrent updates from version 1, exactly one wins", async () => {
    const c = await newCustomer("Vera");
    await newProduct("BELL-1", 5);
    const placed = await call("POST", `/customers/${c}/orders`, { lines: [{ sku: "BELL-1", quantity: 1 }] });
    const path = `/customers/${c}/orders/${placed.body.orderId}`;
    const replies = await Promise.all([
      call("PATCH", path, { status: "paid", version: 1 }),
      call("PATCH", path, { status: "paid", version: 1 }),
    ]);
    assert.deepEqual(replies.map((r) => r.status).sort(), [200, 409]);
    const loser = replies.find((r) => r.status === 409);
    assert.deepEqual([loser?.body.code, loser?.body.currentVersion], ["version_conflict", 2]);
    const stored = (await rawItems("ORDERS_TABLE")).find((o) => o.orderId === placed.body.orderId);
    assert.deepEqual([stored?.status, stored?.version], ["paid", 2]);
    // A transition the order's status does not allow is a 409 too; an order that does not exist a 404.
    assert.equal((await call("PATCH", path, { status: "paid", version: 2 })).status, 409);
    assert.equal((await call("PATCH", path, { status: "shipped", version: 2 })).status, 200);
    assert.equal((await call("PATCH", `/customers/${c}/orders/o-missing`, { status: "paid", version: 1 })).status, 404);
    assert.equal(
      (await rawItems("ORDERS_TABLE")).some((o) => o.orderId === "o-missing"),
      false,
    );
  });

  it("cancels with a conditional delete: a placed order's stock comes back; a paid order is refused (409)", async () => {
    const c = await newCustomer("Cleo");
    await newProduct("DRUM-1", 3);
    const placed = await call("POST", `/customers/${c}/orders`, { lines: [{ sku: "DRUM-1", quantity: 2 }] });
    assert.equal((await stockOf())["DRUM-1"], 1);
    assert.equal((await call("DELETE", `/customers/${c}/orders/${placed.body.orderId}`)).status, 204);
    assert.equal((await stockOf())["DRUM-1"], 3);
    assert.equal((await call("GET", `/customers/${c}/orders/${placed.body.orderId}`)).status, 404);
    assert.equal((await call("DELETE", `/customers/${c}/orders/${placed.body.orderId}`)).status, 404);
    const paid = await call("POST", `/customers/${c}/orders`, { lines: [{ sku: "DRUM-1", quantity: 1 }] });
    await call("PATCH", `/customers/${c}/orders/${paid.body.orderId}`, { status: "paid", version: 1 });
    assert.equal((await call("DELETE", `/customers/${c}/orders/${paid.body.orderId}`)).status, 409);
    assert.equal(
      (await rawItems("ORDERS_TABLE")).some((o) => o.orderId === paid.body.orderId),
      true,
    );
  });
});

describe("the runner", () => {
  it("answers CORS preflights and adds the origin header, as API Gateway does; 404 for an unknown route", async () => {
    const preflight = await call("OPTIONS", "/customers", undefined, {
      origin: "https://shop.example",
      "access-control-request-method": "POST",
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
    assert.match(preflight.headers.get("access-control-allow-methods") ?? "", /POST/);
    const read = await call("GET", "/products", undefined, { origin: "https://shop.example" });
    assert.equal(read.headers.get("access-control-allow-origin"), "*");
    assert.equal((await call("GET", "/nowhere")).status, 404);
  });
});

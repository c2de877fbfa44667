/**
 * Cursor pagination over real HTTP: a customer's orders and orders by status, page by page, newest first, nothing
 * missed or repeated; tampered cursors refused with 400.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { call, newCustomer, newProduct, useLocalStack } from "./harness.js";

useLocalStack();

async function allPages(path: string, limit: number): Promise<{ pages: number; ids: string[] }> {
  const ids: string[] = [];
  let pages = 0;
  let cursor: string | undefined;
  do {
    const reply = await call(
      "GET",
      `${path}${path.includes("?") ? "&" : "?"}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    assert.equal(reply.status, 200, reply.text);
    pages++;
    ids.push(...(reply.body.items as { orderId: string }[]).map((o) => o.orderId));
    cursor = reply.body.nextCursor as string | undefined;
  } while (cursor && pages < 50);
  return { pages, ids };
}

describe("pagination", () => {
  it("lists a customer's 7 orders newest first over 4 pages, nothing missed or repeated", async () => {
    const c = await newCustomer("Pia");
    await newCustomer("Other");
    await newProduct("GUM-1", 100);
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      const reply = await call("POST", `/customers/${c}/orders`, { lines: [{ sku: "GUM-1", quantity: 1 }] });
      created.push(String(reply.body.orderId));
    }
    const { pages, ids } = await allPages(`/customers/${c}/orders`, 2);
    assert.ok(pages >= 4);
    assert.deepEqual(ids, [...created].reverse());
  });

  it("lists orders by status through the GSI, newest first, over 3+ pages", async () => {
    const c = await newCustomer("Quinn");
    await newProduct("TOY-1", 100);
    const drafts: string[] = [];
    for (let i = 0; i < 5; i++) {
      const reply = await call("POST", `/customers/${c}/orders`, { lines: [{ sku: "TOY-1", quantity: 1 }], draft: true });
      drafts.push(String(reply.body.orderId));
      await new Promise((resolve) => setTimeout(resolve, 5)); // distinct createdAt (the index's sort key)
    }
    const { pages, ids } = await allPages("/orders?status=draft", 2);
    assert.ok(pages >= 3);
    assert.deepEqual(ids, [...drafts].reverse());
    assert.equal((await call("GET", "/orders?status=lost")).status, 400);
  });

  it("refuses a tampered, foreign or malformed cursor with 400", async () => {
    const c = await newCustomer("Rae");
    const other = await newCustomer("Sid");
    await newProduct("PIN-1", 100);
    for (let i = 0; i < 3; i++) await call("POST", `/customers/${c}/orders`, { lines: [{ sku: "PIN-1", quantity: 1 }] });
    await call("POST", `/customers/${other}/orders`, { lines: [{ sku: "PIN-1", quantity: 1 }] });
    const first = await call("GET", `/customers/${c}/orders?limit=1`);
    const cursor = String(first.body.nextCursor);
    const [payload = "", signature = ""] = cursor.split(".");
    const decoded = JSON.parse(Buffer.from(payload, "base64url").toString()) as { s: string; k: Record<string, string> };
    decoded.k.orderId = "o-zzzzzzzzzz";
    const forged = `${Buffer.from(JSON.stringify(decoded)).toString("base64url")}.${signature}`;
    const flipped = `${payload}.${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`;
    for (const bad of [forged, flipped, "not-a-cursor", `${payload}.`, `${cursor}.x`]) {
      const reply = await call("GET", `/customers/${c}/orders?cursor=${encodeURIComponent(bad)}`);
      assert.equal(reply.status, 400, bad);
      assert.equal(reply.body.code, "invalid_cursor");
    }
    // A cursor is bound to its listing: another customer's listing refuses it.
    assert.equal((await call("GET", `/customers/${other}/orders?cursor=${encodeURIComponent(cursor)}`)).status, 400);
    assert.equal((await call("GET", `/customers/${c}/orders?limit=0`)).status, 400);
    assert.equal((await call("GET", `/customers/${c}/orders?limit=abc`)).status, 400);
  });
});

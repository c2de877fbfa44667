/**
 * The smoke tour `npm run demo -- --smoke` runs: every route once or more, each request and response printed,
 * each response checked. Resolves `true` only when every step behaved.
 */

interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

async function call(base: string, method: string, path: string, body?: unknown): Promise<Reply> {
  console.log(`\n> ${method} ${path}${body === undefined ? "" : ` ${typeof body === "string" ? body : JSON.stringify(body)}`}`);
  const response = await fetch(`${base}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  console.log(`< ${response.status} ${text.length > 400 ? `${text.slice(0, 400)}...` : text}`);
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Runs the tour against the API at `base`. */
export async function runSmokeTour(base: string): Promise<boolean> {
  const failures: string[] = [];
  const expect = (step: string, ok: boolean) => {
    console.log(ok ? `  ok: ${step}` : `  FAILED: ${step}`);
    if (!ok) failures.push(step);
  };
  const customer = await call(base, "POST", "/customers", { name: "Ada Lovelace", email: "ada@example.com" });
  expect("create a customer: 201", customer.status === 201);
  const c = String(customer.body.customerId);
  expect("get the customer: 200", (await call(base, "GET", `/customers/${c}`)).status === 200);
  expect("an unknown customer: 404", (await call(base, "GET", "/customers/c-nobody")).status === 404);
  const mug = await call(base, "POST", "/products", { sku: "MUG-1", name: "Mug", priceCents: 1200, stock: 5, tags: ["kitchen", "gift"] });
  const tea = await call(base, "POST", "/products", { sku: "TEA-1", name: "Tea", priceCents: 800, stock: 1, tags: ["kitchen", "food"] });
  expect("create two products: 201", mug.status === 201 && tea.status === 201);
  const gifts = await call(base, "GET", "/products?tag=gift");
  expect("list products by tag: only the mug", JSON.stringify((gifts.body.items as { sku: string }[]).map((p) => p.sku)) === '["MUG-1"]');
  const first = await call(base, "POST", `/customers/${c}/orders`, { lines: [{ sku: "MUG-1", quantity: 2 }] });
  expect("place an order: 201, placed, version 1", first.status === 201 && first.body.status === "placed" && first.body.version === 1);
  const o = String(first.body.orderId);
  const short = await call(base, "POST", `/customers/${c}/orders`, {
    lines: [
      { sku: "MUG-1", quantity: 1 },
      { sku: "TEA-1", quantity: 2 },
    ],
  });
  expect(
    "an order short of tea: 409 naming TEA-1",
    short.status === 409 && JSON.stringify(short.body.short).includes('"TEA-1"') && !JSON.stringify(short.body.short).includes("MUG-1"),
  );
  const stock = await call(base, "GET", "/products?tag=kitchen");
  expect(
    "the refused order changed no stock (mug 3, tea 1)",
    JSON.stringify((stock.body.items as { stock: number }[]).map((p) => p.stock)) === "[3,1]",
  );
  const second = await call(base, "POST", `/customers/${c}/orders`, { lines: [{ sku: "TEA-1", quantity: 1 }] });
  expect("a second order: 201", second.status === 201);
  expect("get an order: 200", (await call(base, "GET", `/customers/${c}/orders/${o}`)).status === 200);
  const page1 = await call(base, "GET", `/customers/${c}/orders?limit=1`);
  expect(
    "first page, newest first: the second order and a cursor",
    (page1.body.items as { orderId: string }[])[0]?.orderId === second.body.orderId && typeof page1.body.nextCursor === "string",
  );
  const cursor = String(page1.body.nextCursor);
  const page2 = await call(base, "GET", `/customers/${c}/orders?limit=1&cursor=${encodeURIComponent(cursor)}`);
  expect("second page: the first order", (page2.body.items as { orderId: string }[])[0]?.orderId === o);
  const tampered = `${cursor.slice(0, 5)}${cursor[5] === "A" ? "B" : "A"}${cursor.slice(6)}`;
  expect(
    "a tampered cursor: 400",
    (await call(base, "GET", `/customers/${c}/orders?cursor=${encodeURIComponent(tampered)}`)).status === 400,
  );
  const placed = await call(base, "GET", "/orders?status=placed");
  expect("list orders by status: both placed orders", (placed.body.items as unknown[]).length === 2);
  const paid = await call(base, "PATCH", `/customers/${c}/orders/${o}`, { status: "paid", version: 1 });
  expect("pay the order: 200, version 2", paid.status === 200 && paid.body.version === 2);
  const stale = await call(base, "PATCH", `/customers/${c}/orders/${o}`, { status: "shipped", version: 1 });
  expect("a stale version: 409", stale.status === 409 && stale.body.code === "version_conflict");
  const draft = await call(base, "POST", `/customers/${c}/orders`, { lines: [{ sku: "MUG-1", quantity: 1 }], draft: true });
  expect("a draft: 201 with an expiry", draft.status === 201 && draft.body.status === "draft" && typeof draft.body.expiresAt === "string");
  expect("cancel the draft: 204", (await call(base, "DELETE", `/customers/${c}/orders/${String(draft.body.orderId)}`)).status === 204);
  expect("cancel a paid order: 409", (await call(base, "DELETE", `/customers/${c}/orders/${o}`)).status === 409);
  expect(
    "cancel the placed order: 204",
    (await call(base, "DELETE", `/customers/${c}/orders/${String(second.body.orderId)}`)).status === 204,
  );
  const after = await call(base, "GET", "/products?tag=food");
  expect("the cancelled order's tea is back in stock", (after.body.items as { stock: number }[])[0]?.stock === 1);
  const bad = await call(base, "POST", "/customers", '{"name": "Bob", "email": ');
  expect("a body that is not JSON: 400", bad.status === 400);
  const invalid = await call(base, "POST", "/customers", { name: "Bob", email: "not an email" });
  expect(
    "an invalid email: 400 naming email, not echoing it",
    invalid.status === 400 && JSON.stringify(invalid.body).includes('"email"') && !JSON.stringify(invalid.body).includes("not an email"),
  );
  console.log(`\n${failures.length === 0 ? "all steps passed" : `${failures.length} step(s) failed: ${failures.join("; ")}`}`);
  return failures.length === 0;
}

/**
 * Hooks (`Model.pre` / `Model.post`) on the batch and transaction forms of writes, against DynamoDB Local: once per
 * item, a throwing pre hook aborts the whole batch or transaction (zero requests sent, nothing written, checked with
 * the raw SDK), post hooks after the write only, `{ hooks: false }`.
 */
import { describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";
import { recordDefaultClient } from "../support/recording-client.js";

const log = recordDefaultClient();
const raw = localClient();
const DATA = new Set(["getItem", "putItem", "updateItem", "deleteItem", "batchWriteItem", "transactWriteItems"]);
/** The data requests sent (the table's own setup requests left out). */
const sent = (): string[] => log.filter((entry) => DATA.has(entry.operation)).map((entry) => entry.operation);

const schema = new dynamodel.Schema({
  id: { type: String, hashKey: true },
  n: { type: Number, required: true },
  label: String,
});

async function freshModel() {
  const Thing = dynamodel.model(tableName("HookThing"), schema);
  await Thing.get("warm-up", { hooks: false });
  log.length = 0;
  return Thing;
}

const count = async (table: string): Promise<number> => (await raw.scan({ TableName: table, ConsistentRead: true })).Count ?? 0;
const stored = async (table: string, id: string) =>
  (await raw.getItem({ TableName: table, Key: { id: { S: id } }, ConsistentRead: true })).Item;

describe("hooks on batchPut and batchDelete", () => {
  it("run once per item, pre before validation (changes are written), post per written item with the chunk's response", async () => {
    const Thing = await freshModel();
    const pre: string[] = [];
    const post: string[] = [];
    Thing.pre("save", (context) => {
      if (context.operation !== "batchPut") return;
      pre.push(context.item.id);
      context.item.label = `label ${context.item.id}`;
    });
    Thing.post("save", (context) => {
      if (context.operation === "batchPut") post.push(`${context.result.id} ${"UnprocessedItems" in context.response}`);
    });
    const ids = Array.from({ length: 30 }, (_, i) => `b${i}`);
    // `n` is required: the hook runs before validation, so an item it completes is accepted.
    Thing.pre("save", (context) => {
      if ("item" in context && context.item.n === undefined) context.item.n = -1;
    });
    const result = await Thing.batchPut(ids.map((id, i) => (i === 0 ? { id } : { id, n: i })) as { id: string; n: number }[]);
    expect(result.unprocessedItems).toEqual([]);
    expect([...pre].sort()).toEqual([...ids].sort());
    expect(post).toEqual(ids.map((id) => `${id} true`));
    expect(sent()).toEqual(["batchWriteItem", "batchWriteItem"]);
    expect(await stored(Thing.table().name, "b0")).toMatchObject({ n: { N: "-1" }, label: { S: "label b0" } });

    const deleted: unknown[] = [];
    Thing.pre("delete", ({ key, operation }) => void deleted.push([operation, key]));
    Thing.post("delete", ({ key }) => void deleted.push(["post", key]));
    await Thing.batchDelete(["b1", "b2"]);
    expect(deleted).toEqual([
      ["batchDelete", "b1"],
      ["batchDelete", "b2"],
      ["post", "b1"],
      ["post", "b2"],
    ]);
    expect(await stored(Thing.table().name, "b1")).toBeUndefined();
  });

  it("a pre hook that throws for one item aborts the whole batch (every chunk): zero requests, nothing written", async () => {
    const Thing = await freshModel();
    let posts = 0;
    Thing.pre("save", (context) => {
      if ("item" in context && context.item.id === "x40") throw new Error("x40 refused");
    });
    Thing.pre("delete", ({ key }) => {
      if (key === "k3") throw new Error("k3 refused");
    });
    Thing.post("save", () => void posts++);
    await Thing.batchPut(
      ["k1", "k2", "k3"].map((id) => ({ id, n: 0 })),
      { hooks: false },
    );
    const table = Thing.table().name;
    const kept = await Promise.all(["k1", "k2", "k3"].map((id) => stored(table, id)));
    log.length = 0;
    const items = Array.from({ length: 60 }, (_, i) => ({ id: `x${i}`, n: i }));
    await expect(Thing.batchPut(items)).rejects.toThrow("x40 refused");
    await expect(Thing.batchDelete(["k1", "k2", "k3"])).rejects.toThrow("k3 refused");
    expect(sent()).toEqual([]);
    expect(posts).toBe(0);
    // Nothing written: only the three items stored before, unchanged.
    expect(await count(table)).toBe(3);
    expect(await Promise.all(["k1", "k2", "k3"].map((id) => stored(table, id)))).toEqual(kept);
  });

  it("async pre hooks run per item (in registration order for each item) before validation", async () => {
    const Thing = await freshModel();
    const steps: string[] = [];
    Thing.pre("save", async (context) => {
      if (!("item" in context)) return;
      await new Promise((resolve) => setTimeout(resolve, context.item.id === "a1" ? 10 : 1));
      steps.push(`${context.item.id} first`);
      context.item.n = 5;
    });
    Thing.pre("save", (context) => void steps.push(`${"item" in context ? context.item.id : ""} second`));
    // Without the hook, `n` (required) is missing: the batch would be refused before anything is sent.
    await Thing.batchPut([{ id: "a1" }, { id: "a2" }] as { id: string; n: number }[]);
    expect(steps.filter((step) => step.startsWith("a1"))).toEqual(["a1 first", "a1 second"]);
    expect(steps.filter((step) => step.startsWith("a2"))).toEqual(["a2 first", "a2 second"]);
    expect(await stored(Thing.table().name, "a1")).toMatchObject({ n: { N: "5" } });
    expect(sent()).toEqual(["batchWriteItem"]);
  });

  it("{ hooks: false } skips them; { return: 'requests' } runs none", async () => {
    const Thing = await freshModel();
    let runs = 0;
    Thing.pre("save", () => void runs++);
    Thing.post("save", () => void runs++);
    Thing.pre("delete", () => void runs++);
    await Thing.batchPut([{ id: "h1", n: 1 }], { hooks: false });
    await Thing.batchPut([{ id: "h2", n: 1 }], { return: "requests" });
    await Thing.batchDelete(["h1"], { hooks: false });
    expect(runs).toBe(0);
    expect(sent()).toEqual(["batchWriteItem", "batchWriteItem"]);
  });
});

describe("hooks on transactions", () => {
  it("run once per write action: pre when the action is built, post after the transaction is written", async () => {
    const Thing = await freshModel();
    await Thing.create({ id: "t2", n: 2 }, { hooks: false });
    await Thing.create({ id: "t3", n: 3 }, { hooks: false });
    log.length = 0;
    const steps: string[] = [];
    Thing.pre("save", (context) => {
      steps.push(`pre ${context.operation} sent=${sent().length}`);
      if (context.operation === "transaction.create") context.item.label = "from hook";
      if (context.operation === "transaction.update") context.update = { ...context.update, label: "updated by hook" };
    });
    Thing.pre("delete", (context) => void steps.push(`pre ${context.operation}`));
    Thing.post("save", (context) => void steps.push(`post ${context.operation} ${context.response.$metadata.httpStatusCode}`));
    Thing.post("delete", (context) => void steps.push(`post ${context.operation}`));
    await dynamodel.transaction([
      Thing.transaction.create({ id: "t1", n: 1 }),
      Thing.transaction.update({ id: "t2" }, { n: 20 }),
      Thing.transaction.delete("t3"),
    ]);
    expect(steps).toEqual([
      "pre transaction.create sent=0",
      "pre transaction.update sent=0",
      "pre transaction.delete",
      "post transaction.create 200",
      "post transaction.update 200",
      "post transaction.delete",
    ]);
    expect(sent()).toEqual(["transactWriteItems"]);
    const table = Thing.table().name;
    expect(await stored(table, "t1")).toMatchObject({ label: { S: "from hook" } });
    expect(await stored(table, "t2")).toMatchObject({ n: { N: "20" }, label: { S: "updated by hook" } });
    expect(await stored(table, "t3")).toBeUndefined();
  });

  it("a pre hook that throws for one action aborts the whole transaction: zero requests, nothing written, no post hook", async () => {
    const Thing = await freshModel();
    await Thing.create({ id: "a2", n: 2 }, { hooks: false });
    await Thing.create({ id: "a3", n: 3 }, { hooks: false });
    const table = Thing.table().name;
    const kept = [await stored(table, "a2"), await stored(table, "a3")];
    log.length = 0;
    let posts = 0;
    Thing.pre("save", (context) => {
      if (context.operation === "transaction.update") throw new Error("no updates");
    });
    Thing.pre("delete", async () => {
      throw new Error("no deletes");
    });
    Thing.post("save", () => void posts++);
    Thing.post("delete", () => void posts++);
    await expect(
      dynamodel.transaction([
        Thing.transaction.create({ id: "a1", n: 1 }),
        Thing.transaction.update({ id: "a2" }, { n: 20 }),
        Thing.transaction.delete("a3", { hooks: false }),
      ]),
    ).rejects.toThrow("no updates");
    await expect(dynamodel.transaction([Thing.transaction.create({ id: "a4", n: 4 }), Thing.transaction.delete("a3")])).rejects.toThrow(
      "no deletes",
    );
    expect(sent()).toEqual([]);
    expect(posts).toBe(0);
    expect(await count(table)).toBe(2);
    expect([await stored(table, "a2"), await stored(table, "a3")]).toEqual(kept);
  });

  it("a pre hook runs before the action's validation: it may complete the item", async () => {
    const Thing = await freshModel();
    Thing.pre("save", (context) => {
      if (context.operation === "transaction.create" && context.item.n === undefined) context.item.n = 9;
    });
    let posts = 0;
    Thing.post("save", () => void posts++);
    const request = await dynamodel.transaction([Thing.transaction.create({ id: "v0" } as { id: string; n: number })], {
      return: "request",
    });
    // The request is built as the pre hooks changed it; nothing is sent, so no post hook runs.
    expect(request).toMatchObject({ TransactItems: [{ Put: { Item: { id: { S: "v0" }, n: { N: "9" } } } }] });
    expect(posts).toBe(0);
    await dynamodel.transaction([Thing.transaction.create({ id: "v1" } as { id: string; n: number })]);
    expect(await stored(Thing.table().name, "v1")).toMatchObject({ n: { N: "9" } });
    expect(posts).toBe(1);
    expect(sent()).toEqual(["transactWriteItems"]);
  });

  it("post hooks do not run when the transaction is canceled; { hooks: false } on an action skips its hooks", async () => {
    const Thing = await freshModel();
    await Thing.create({ id: "c1", n: 1 }, { hooks: false });
    const posts: string[] = [];
    let pres = 0;
    Thing.pre("save", () => void pres++);
    Thing.post("save", (context) => void posts.push(context.operation));
    await expect(
      dynamodel.transaction([Thing.transaction.create({ id: "c2", n: 2 }), Thing.transaction.create({ id: "c1", n: 1 })]),
    ).rejects.toThrow(dynamodel.error.TransactionCanceled);
    expect(posts).toEqual([]);
    expect(pres).toBe(2);
    Thing.pre("delete", () => void pres++);
    Thing.post("delete", (context) => void posts.push(context.operation));
    await dynamodel.transaction([
      Thing.transaction.create({ id: "c3", n: 3 }, { hooks: false }),
      Thing.transaction.update({ id: "c1" }, { n: 10 }, { hooks: false }),
      Thing.transaction.delete("c2", { hooks: false }),
    ]);
    expect(pres).toBe(2);
    expect(posts).toEqual([]);
    expect(await stored(Thing.table().name, "c1")).toMatchObject({ n: { N: "10" } });
  });
});

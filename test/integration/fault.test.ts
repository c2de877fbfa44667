import { DynamoDB } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClientConfig } from "../support/dynamodb-local.js";
import { type FaultProxy, startFaultProxy } from "../support/fault-proxy.js";
import { endpoint, tableName } from "../support/local.js";

let proxy: FaultProxy;

beforeAll(async () => {
  proxy = await startFaultProxy(endpoint());
  // One attempt in the SDK: every retry counted here is dynamodel's own.
  dynamodel.aws.ddb.set(new DynamoDB({ ...localClientConfig(proxy.endpoint), maxAttempts: 1 }));
  dynamodel.retry.set({ baseDelay: 1, maxDelay: 2, maxAttempts: 10, budget: 60_000 });
});
afterAll(() => proxy.close());

const Row = dynamodel.model(
  tableName("Row"),
  new dynamodel.Schema(
    { id: { type: String, hashKey: true }, n: Number, at: Date, tags: { type: Set, schema: [String] } },
    { timestamps: true },
  ),
);

beforeEach(async () => {
  await Row.table().initialize();
  proxy.reset();
});

const rows = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i}`,
    n: i,
    at: new Date(1_700_000_000_000 + i),
    tags: new Set([`t${i % 3}`]),
  }));
const keyIdOf = (write: Record<string, unknown>): string =>
  (
    (write.PutRequest as { Item: Record<string, { S: string }> } | undefined)?.Item ??
    (write.DeleteRequest as { Key: Record<string, { S: string }> })?.Key
  )?.id?.S ?? "";

describe("batches through the fault proxy", () => {
  it("stores exactly 1,000 items when ~30% of every reply comes back unprocessed", async () => {
    proxy.script("BatchWriteItem", () => ({ kind: "unprocessed", fraction: 0.3 }));
    const input = rows(1000, "a");
    expect(await Row.batchPut(input)).toEqual({ unprocessedItems: [] });
    expect(proxy.count("BatchWriteItem")).toBeGreaterThan(40); // 40 first requests, then the retries
    proxy.script("BatchGetItem", () => ({ kind: "unprocessed", fraction: 0.3 }));
    const read = await Row.batchGet(input.map((row) => row.id));
    expect(read.unprocessedKeys).toEqual([]);
    expect(read.map(({ id, n, at, tags }) => ({ id, n, at, tags }))).toEqual(input);
  });

  it("reports exactly the items that stay unprocessed, as model items, after maxAttempts", async () => {
    const input = rows(60, "p");
    const never = new Set(["p3", "p30", "p59"]);
    proxy.script("BatchWriteItem", () => ({ kind: "unprocessed", pick: (item) => never.has((item.id as { S: string }).S) }));
    const result = await Row.batchPut(input, { retry: { maxAttempts: 4 } });
    expect(result.unprocessedItems.map((item) => item.id).sort()).toEqual([...never].sort());
    expect(result.unprocessedItems[0]).toBeInstanceOf(Row);
    expect(result.unprocessedItems.find((item) => item.id === "p3")?.at).toEqual(new Date(1_700_000_000_003));
    // 3 chunks of 25/25/10, each with one stubborn item: 1 + 3 retries per chunk.
    expect(proxy.count("BatchWriteItem")).toBe(12);
    proxy.script("BatchWriteItem", []);
    const stored = await Row.batchGet(input.map((row) => row.id));
    expect(stored.map((item) => item.id).sort()).toEqual(
      input
        .map((row) => row.id)
        .filter((id) => !never.has(id))
        .sort(),
    );
  });

  it("throws BatchIncomplete with the unprocessed items when asked to", async () => {
    proxy.script("BatchWriteItem", () => ({ kind: "unprocessed", pick: (item) => (item.id as { S: string }).S === "q1" }));
    const error = await Row.batchPut(rows(3, "q"), { unprocessed: "throw", retry: { maxAttempts: 2 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(dynamodel.error.BatchIncomplete);
    expect((error as InstanceType<typeof dynamodel.error.BatchIncomplete>).unprocessed.map((item) => (item as { id: string }).id)).toEqual([
      "q1",
    ]);
    expect(proxy.count("BatchWriteItem")).toBe(2);
  });

  it("retries throttled reads until they succeed", async () => {
    await Row.batchPut(rows(5, "r"));
    proxy.reset();
    proxy.script("BatchGetItem", [{ kind: "throttle" }, { kind: "error500" }, { kind: "reset-before" }]);
    const read = await Row.batchGet(["r0", "r4"]);
    expect(read.map((item) => item.id)).toEqual(["r0", "r4"]);
    expect(proxy.count("BatchGetItem")).toBe(4);
  });

  it("returns every key as unprocessed when reads stay throttled past maxAttempts", async () => {
    proxy.script("BatchGetItem", () => ({ kind: "throttle" }));
    const read = await Row.batchGet(["x1", "x2"], { retry: { maxAttempts: 3 } });
    expect([...read]).toEqual([]);
    expect(read.unprocessedKeys).toEqual([{ id: "x1" }, { id: "x2" }]);
    expect(proxy.count("BatchGetItem")).toBe(3);
  });

  it("re-sends writes after a reset connection, before or after DynamoDB applied them", async () => {
    proxy.script("BatchWriteItem", [{ kind: "reset-before" }, { kind: "reset-after" }, { kind: "throttle" }]);
    expect(await Row.batchPut(rows(10, "s"))).toEqual({ unprocessedItems: [] });
    expect(proxy.count("BatchWriteItem")).toBe(4);
    proxy.script("BatchWriteItem", [{ kind: "unprocessed", fraction: 0.5 }]);
    expect(await Row.batchDelete(["s0", "s1", "s2", "s3"])).toEqual({ unprocessedItems: [] });
    const left = await Row.batchGet(rows(10, "s").map((row) => row.id));
    expect(left.map((item) => item.id)).toEqual(["s4", "s5", "s6", "s7", "s8", "s9"]);
  });

  it("fails with DynamoDB's own error, carrying every unwritten item, when DynamoDB refuses a request", async () => {
    proxy.script("BatchWriteItem", (body) => {
      const writes = Object.values(body.RequestItems as Record<string, Record<string, unknown>[]>)[0] ?? [];
      return writes.some((write) => keyIdOf(write) === "z30") ? { kind: "cancel", reasons: [] } : undefined;
    });
    const error = await Row.batchPut(rows(60, "z"), { concurrency: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "TransactionCanceledException" });
    expect(error).not.toBeInstanceOf(dynamodel.error.BatchIncomplete);
    const unprocessed = (error as { unprocessed: { id: string }[] }).unprocessed;
    // The refused chunk (z25–z49) and the one never sent (z50–z59); the first chunk was written.
    expect(unprocessed.map((item) => item.id)).toEqual(
      rows(60, "z")
        .slice(25)
        .map((row) => row.id),
    );
    expect(proxy.count("BatchWriteItem")).toBe(2);
  });

  it("sends nothing for bad input", async () => {
    await expect(Row.batchPut([{ id: "b1" }, { id: "b1" }])).rejects.toMatchObject({ code: "duplicate_key" });
    await expect(Row.batchPut([{ id: "b1", n: "x" as never }])).rejects.toMatchObject({ name: "TypeMismatch" });
    await expect(Row.batchGet([{ id: undefined as never }])).rejects.toMatchObject({ name: "ValidationError" });
    expect(proxy.count()).toBe(0);
  });
});

describe("transactions through the fault proxy", () => {
  it("decodes an injected cancellation to the right action, and sends nothing else", async () => {
    await Row.create({ id: "tx-current", n: 41 });
    proxy.reset();
    proxy.script("TransactWriteItems", [
      {
        kind: "cancel",
        reasons: [
          { Code: "None" },
          { Code: "TransactionConflict", Message: "Transaction is ongoing for the item" },
          { Code: "ConditionalCheckFailed", Message: "The conditional request failed", Item: { id: { S: "tx-current" }, n: { N: "41" } } },
        ],
      },
    ]);
    const error = await dynamodel
      .transaction([
        Row.transaction.create({ id: "tx-a" }),
        Row.transaction.delete("tx-b"),
        Row.transaction.update({ id: "tx-current" }, { n: 42 }),
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(dynamodel.error.TransactionCanceled);
    const canceled = error as InstanceType<typeof dynamodel.error.TransactionCanceled>;
    expect(canceled.failed.map(({ index, model, key, code }) => ({ index, model, key, code }))).toEqual([
      { index: 1, model: Row.name, key: { id: "tx-b" }, code: "TransactionConflict" },
      { index: 2, model: Row.name, key: { id: "tx-current" }, code: "ConditionalCheckFailed" },
    ]);
    expect(canceled.failed[1]?.item).toBeInstanceOf(Row);
    expect(canceled.failed[1]?.item).toMatchObject({ id: "tx-current", n: 41 });
    expect(proxy.count("TransactWriteItems")).toBe(1); // cancellations are not retried
    expect(await Row.get("tx-a")).toBeUndefined();
  });

  it("re-sends the same ClientRequestToken after a dropped connection or a throttle, and applies the writes once", async () => {
    proxy.script("TransactWriteItems", [{ kind: "reset-after" }, { kind: "throttle" }]);
    await dynamodel.transaction([Row.transaction.create({ id: "once" }), Row.transaction.update({ id: "counter" }, { $ADD: { n: 1 } })]);
    const sent = proxy.log.filter((entry) => entry.operation === "TransactWriteItems");
    expect(sent.map((entry) => entry.fault)).toEqual(["reset-after", "throttle", "pass"]);
    const tokens = new Set(sent.map((entry) => entry.body.ClientRequestToken));
    expect(tokens.size).toBe(1);
    expect([...tokens][0]).toMatch(/^[0-9a-f-]{36}$/);
    // The first attempt was applied; the idempotent re-send did not apply it again (create would have failed).
    expect((await Row.get("counter"))?.n).toBe(1);
  });

  it("retries a throttled get transaction, and gives up with the SDK's error after maxAttempts", async () => {
    await Row.create({ id: "g1", n: 1 });
    proxy.reset();
    proxy.script("TransactGetItems", [{ kind: "throttle" }, { kind: "error500" }]);
    const [item] = await dynamodel.transaction([Row.transaction.get("g1")]);
    expect(item?.n).toBe(1);
    expect(proxy.count("TransactGetItems")).toBe(3);
    proxy.script("TransactGetItems", () => ({ kind: "throttle" }));
    await expect(dynamodel.transaction([Row.transaction.get("g1")], { retry: { maxAttempts: 2 } })).rejects.toMatchObject({
      name: "ProvisionedThroughputExceededException",
    });
    expect(proxy.count("TransactGetItems")).toBe(5);
  });

  it("sends nothing for a transaction refused before sending", async () => {
    await expect(dynamodel.transaction(Array.from({ length: 101 }, (_, i) => Row.transaction.delete(`k${i}`)))).rejects.toMatchObject({
      name: "LimitExceeded",
    });
    await expect(dynamodel.transaction([Row.transaction.delete("k"), Row.transaction.delete({ id: "k" })])).rejects.toMatchObject({
      code: "duplicate_item",
    });
    expect(proxy.count()).toBe(0);
  });
});

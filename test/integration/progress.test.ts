import { DynamoDB } from "@aws-sdk/client-dynamodb";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import dynamodel, { type Progress } from "../../src/index.js";
import { localClientConfig } from "../support/dynamodb-local.js";
import { type FaultProxy, startFaultProxy } from "../support/fault-proxy.js";
import { endpoint, localClient, tableName } from "../support/local.js";

let proxy: FaultProxy;
beforeAll(async () => {
  proxy = await startFaultProxy(endpoint());
  dynamodel.retry.set({ baseDelay: 1, maxDelay: 4 });
});
afterEach(() => {
  proxy.reset();
  dynamodel.aws.ddb.set(localClient());
});
afterAll(async () => {
  await proxy.close();
});

/** Sends through the fault proxy; `maxAttempts` 1 leaves every retry to dynamodel, 3 lets the SDK retry a throttle. */
const throughProxy = (maxAttempts: number) => dynamodel.aws.ddb.set(new DynamoDB({ ...localClientConfig(proxy.endpoint), maxAttempts }));

const schema = new dynamodel.Schema({ id: { type: String, hashKey: true }, n: Number });
const Thing = dynamodel.model(tableName("ProgThing"), schema);
const items = Array.from({ length: 60 }, (_, i) => ({ id: `p${String(i).padStart(2, "0")}`, n: i }));

/** Each report is done + left = the total, done never goes back, and retries never go down. */
function expectSteady(events: readonly Progress[], total: number): void {
  for (const [i, event] of events.entries()) {
    expect(event.done + (event.left ?? 0)).toBe(total);
    if (i > 0) {
      expect(event.done).toBeGreaterThanOrEqual(events[i - 1]?.done ?? 0);
      expect(event.retries).toBeGreaterThanOrEqual(events[i - 1]?.retries ?? 0);
    }
  }
}

describe("onProgress of batches", () => {
  it("batchPut reports after every request, re-sends of unprocessed writes and throttles counted as retries", async () => {
    throughProxy(1);
    proxy.script("BatchWriteItem", [{ kind: "unprocessed", fraction: 0.4 }, { kind: "throttle" }]);
    const events: Progress[] = [];
    const result = await Thing.batchPut(items, { concurrency: 1, onProgress: (event) => events.push(event) });
    expect(result.unprocessedItems).toEqual([]);
    // 3 chunks of 25, 25, 10; the first leaves 10 unprocessed, whose re-send is throttled, then sent again.
    expect(proxy.count("BatchWriteItem")).toBe(5);
    expect(events).toHaveLength(5);
    expect(events[0]).toEqual({ done: 15, left: 45, retries: 0 });
    expect(events[1]).toEqual({ done: 15, left: 45, retries: 1 });
    expect(events.at(-1)).toEqual({ done: 60, left: 0, retries: 2 });
    expectSteady(events, 60);
  });

  it("batchGet counts the SDK's own retries too, and keys not found as done", async () => {
    throughProxy(3);
    proxy.script("BatchGetItem", [{ kind: "throttle" }]);
    const events: Progress[] = [];
    const keys = [...items.map((item) => item.id), "missing"];
    const read = await Thing.batchGet(keys, { concurrency: 1, onProgress: (event) => events.push(event) });
    expect(read).toHaveLength(60);
    expect(events.map((event) => event.done)).toEqual([61]);
    expect(events.at(-1)).toEqual({ done: 61, left: 0, retries: 1 });
  });

  it("batchDelete's last report leaves what stayed unprocessed after the retry budget", async () => {
    throughProxy(1);
    proxy.script("BatchWriteItem", () => ({ kind: "unprocessed", pick: (_entry, index) => index === 0 }));
    const events: Progress[] = [];
    const keys = items.slice(0, 30).map((item) => item.id);
    const result = await Thing.batchDelete(keys, { concurrency: 1, retry: { maxAttempts: 3 }, onProgress: (event) => events.push(event) });
    expect(result.unprocessedItems).toHaveLength(2);
    expect(events.at(-1)).toEqual({ done: 28, left: 2, retries: 4 });
    expectSteady(events, 30);
  });

  it("refuses an onProgress that is not a function before sending", async () => {
    throughProxy(1);
    const wrong = { onProgress: "bar" } as unknown as { onProgress: () => void };
    await expect(Thing.batchGet(["p00"], wrong)).rejects.toMatchObject({ name: "InvalidParameter", path: "onProgress" });
    await expect(Thing.scan().onProgress(wrong.onProgress).exec()).rejects.toMatchObject({ name: "InvalidParameter", path: "onProgress" });
    expect(proxy.count()).toBe(0);
  });
});

describe("onProgress of queries and scans", () => {
  it("all() reports every page, left unknown until the last report", async () => {
    throughProxy(3);
    proxy.script("Scan", [{ kind: "pass" }, { kind: "throttle" }]);
    const events: Progress[] = [];
    const all = await Thing.scan()
      .limit(25)
      .all()
      .onProgress((event) => events.push(event))
      .exec();
    // 32 items are left: the batchDelete above left 2 of its 30 unprocessed.
    expect(all).toHaveLength(32);
    const pages = all.timesScanned;
    expect(events).toHaveLength(pages + 1);
    expect(events.slice(0, -1).every((event) => event.left === undefined)).toBe(true);
    expect(events.at(-1)).toEqual({ done: 32, left: 0, retries: 1 });
    expect(proxy.count("Scan")).toBe(pages + 1);
  });

  it("a parallel scan counts every segment together; pages() reports too", async () => {
    const events: Progress[] = [];
    const counted = await Thing.scan()
      .parallel(3)
      .count()
      .onProgress((event) => events.push(event))
      .exec();
    expect(counted.count).toBe(32);
    expect(events).toHaveLength(counted.timesScanned + 1);
    expect(events.at(-1)).toEqual({ done: 32, left: 0, retries: 0 });
    const paged: Progress[] = [];
    for await (const page of Thing.query("id")
      .eq("p40")
      .onProgress((event) => paged.push(event))
      .pages())
      expect(page).toHaveLength(1);
    expect(paged).toEqual([
      { done: 1, left: undefined, retries: 0 },
      { done: 1, left: 0, retries: 0 },
    ]);
  });
});

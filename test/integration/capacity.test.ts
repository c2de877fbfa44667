import { type ConsumedCapacity, DynamoDB } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClientConfig } from "../support/dynamodb-local.js";
import { type FaultProxy, startFaultProxy } from "../support/fault-proxy.js";
import { endpoint, localClient, tableName } from "../support/local.js";
import { type Recorded, recordingClient } from "../support/recording-client.js";

const log: Recorded[] = [];
beforeAll(() => {
  dynamodel.aws.ddb.set(recordingClient(localClient(), log));
  dynamodel.retry.set({ baseDelay: 1, maxDelay: 4 });
});
afterAll(() => {
  dynamodel.Table.defaults.set({});
});

const schema = new dynamodel.Schema({
  id: { type: String, hashKey: true },
  team: { type: String, index: { name: "teamIndex", type: "global" } },
  bio: String,
  n: Number,
});

/** A bio that makes the stored item between 1 and 2 KB: 2 write units, 1 read unit. */
const bio = "x".repeat(1500);
const sent = (operation: string) =>
  log.filter((entry) => entry.operation === operation).map((entry) => entry.input as Record<string, unknown>);

describe("returnConsumedCapacity on single-item calls", () => {
  const User = dynamodel.model(tableName("CapUser"), schema);

  it("get, create, update and save carry what DynamoDB reported, and the estimates of their requests agree", async () => {
    const request = await User.create({ id: "u1", team: "red", bio }, { return: "request" });
    // 2 units for the 1-2 KB item in the table, 2 more in teamIndex (which projects all of it).
    expect(request.estimatedCapacity).toEqual({ readCapacityUnits: 0, writeCapacityUnits: 4 });
    expect(Object.keys(request)).not.toContain("estimatedCapacity");

    const created = await User.create({ id: "u1", team: "red", bio }, { returnConsumedCapacity: "TOTAL" });
    expect(dynamodel.consumedCapacity(created)).toEqual({ TableName: User.table().name, CapacityUnits: 4 });
    expect(sent("putItem").at(-1)?.ReturnConsumedCapacity).toBe("TOTAL");

    const strong = await User.get("u1", { consistent: true, return: "request" });
    expect(strong.estimatedCapacity.readCapacityUnits).toBe(1);
    const got = await User.get("u1", { consistent: true, returnConsumedCapacity: "TOTAL" });
    expect(dynamodel.consumedCapacity(got as object)?.CapacityUnits).toBe(1);
    const eventual = await User.get("u1", { returnConsumedCapacity: "TOTAL" });
    expect(dynamodel.consumedCapacity(eventual as object)?.CapacityUnits).toBe(0.5);
    expect((await User.get("u1", { return: "request" })).estimatedCapacity.readCapacityUnits).toBe(0.5);

    const updated = await User.update("u1", { n: 1 }, { returnConsumedCapacity: "TOTAL" });
    // DynamoDB charges an update by the larger of the item before and after, in the table and in each index holding it:
    // the request alone only gives a lower bound.
    expect((await User.update("u1", { n: 1 }, { return: "request" })).estimatedCapacity.writeCapacityUnits).toBe(1);
    expect(dynamodel.consumedCapacity(updated as object)?.CapacityUnits).toBe(4);

    const item = await User.get("u1");
    expect(dynamodel.consumedCapacity(item as object)).toBeUndefined();
    expect(sent("getItem").at(-1)).not.toHaveProperty("ReturnConsumedCapacity");
    (item as { n: number }).n = 2;
    await (item as { save(s: object): Promise<unknown> }).save({ returnConsumedCapacity: "TOTAL" });
    expect(dynamodel.consumedCapacity(item as object)?.CapacityUnits).toBe(4);
  });

  it("a delete, which resolves nothing, reports through onConsumedCapacity", async () => {
    await User.create({ id: "d1", bio });
    const reported: (readonly ConsumedCapacity[])[] = [];
    expect(await User.delete("d1", { onConsumedCapacity: (capacity) => reported.push(capacity) })).toBeUndefined();
    expect(reported).toEqual([[{ TableName: User.table().name, CapacityUnits: 2 }]]);
    expect(sent("deleteItem").at(-1)?.ReturnConsumedCapacity).toBe("TOTAL");
  });

  it("reports per index with INDEXES, and refuses an unknown mode before sending", async () => {
    const created = await User.create({ id: "u2", team: "blue" }, { returnConsumedCapacity: "INDEXES" });
    const capacity = dynamodel.consumedCapacity(created);
    expect(capacity?.GlobalSecondaryIndexes?.teamIndex?.CapacityUnits).toBe(1);
    expect(capacity?.Table?.CapacityUnits).toBe(1);
    const before = log.length;
    const wrong = { returnConsumedCapacity: "total" } as unknown as { returnConsumedCapacity: "TOTAL" };
    await expect(User.get("u2", wrong)).rejects.toMatchObject({ name: "InvalidParameter", path: "returnConsumedCapacity" });
    expect(log.length).toBe(before);
  });
});

describe("the model's and the global default", () => {
  it("a model option applies to every call of the model; a call's NONE turns it off", async () => {
    const Metered = dynamodel.model(tableName("CapModel"), schema, { returnConsumedCapacity: "TOTAL" });
    const created = await Metered.create({ id: "m1" });
    expect(dynamodel.consumedCapacity(created)?.CapacityUnits).toBe(1);
    const quiet = await Metered.get("m1", { returnConsumedCapacity: "NONE" });
    expect(dynamodel.consumedCapacity(quiet as object)).toBeUndefined();
    expect((await Metered.scan().exec()).consumedCapacity?.CapacityUnits).toBe(0.5);
  });

  it("Table.defaults applies to the tables made after it", async () => {
    dynamodel.Table.defaults.set({ returnConsumedCapacity: "TOTAL" });
    const Global = dynamodel.model(tableName("CapGlobal"), schema);
    const created = await Global.create({ id: "g1" });
    dynamodel.Table.defaults.set({});
    expect(dynamodel.consumedCapacity(created)?.CapacityUnits).toBe(1);
  });
});

describe("summed over pages, chunks and retries", () => {
  const Thing = dynamodel.model(tableName("CapThing"), schema);
  const items = Array.from({ length: 60 }, (_, i) => ({ id: `t${i}`, team: "red", bio }));

  it("batchPut and batchDelete sum their chunks; the estimates of the chunks sent agree", async () => {
    const requests = await Thing.batchPut(items, { return: "requests" });
    const estimated = requests.reduce((sum, request) => sum + request.estimatedCapacity.writeCapacityUnits, 0);
    // 2 units per item in the table and 2 more in teamIndex, which projects the whole item.
    expect(estimated).toBe(240);
    const result = await Thing.batchPut(items, { returnConsumedCapacity: "TOTAL" });
    expect(result).toEqual({ unprocessedItems: [] });
    expect(Object.keys(result)).toEqual(["unprocessedItems"]);
    expect(result.consumedCapacity).toEqual({ TableName: Thing.table().name, CapacityUnits: estimated });
    expect(sent("batchWriteItem").length).toBe(3);
  });

  it("batchGet sums its chunks (per item, rounded up, halved when eventually consistent)", async () => {
    const keys = items.map((item) => item.id);
    const request = await Thing.batchGet(keys, { return: "request" });
    expect(request.estimatedCapacity.readCapacityUnits).toBe(30);
    const read = await Thing.batchGet(keys, { returnConsumedCapacity: "TOTAL" });
    expect(read.consumedCapacity?.CapacityUnits).toBe(30);
    const strong = await Thing.batchGet(keys, { returnConsumedCapacity: "TOTAL", consistent: true });
    expect(strong.consumedCapacity?.CapacityUnits).toBe(60);
  });

  it("a query's all() sums its pages, each page carries its own, and INDEXES names the index read", async () => {
    const pages: number[] = [];
    for await (const page of Thing.query("team").eq("red").limit(20).returnConsumedCapacity("INDEXES").pages()) {
      pages.push(page.consumedCapacity?.GlobalSecondaryIndexes?.teamIndex?.CapacityUnits ?? Number.NaN);
    }
    const all = await Thing.query("team").eq("red").limit(20).all().returnConsumedCapacity("INDEXES").exec();
    expect(all.timesQueried).toBe(pages.length);
    expect(all.consumedCapacity?.GlobalSecondaryIndexes?.teamIndex?.CapacityUnits).toBe(pages.reduce((a, b) => a + b, 0));
    expect(all.consumedCapacity?.CapacityUnits).toBe(all.consumedCapacity?.GlobalSecondaryIndexes?.teamIndex?.CapacityUnits);
    const counted = await Thing.scan().count().all().returnConsumedCapacity("TOTAL").exec();
    expect(Object.keys(counted)).toEqual(["count", "scannedCount"]);
    expect(counted.consumedCapacity?.CapacityUnits).toBeGreaterThan(0);
    expect(Thing.query("team").eq("red").explain().estimatedCapacity).toEqual({ readCapacityUnits: 0.5, writeCapacityUnits: 0 });
    const small = await Thing.query("id").eq("t0").consistent().returnConsumedCapacity("TOTAL").exec();
    expect(small.consumedCapacity?.CapacityUnits).toBe(
      Thing.query("id").eq("t0").consistent().explain().estimatedCapacity?.readCapacityUnits,
    );
  });

  it("batchDelete's retries of unprocessed writes are summed too (fault proxy)", async () => {
    const proxy: FaultProxy = await startFaultProxy(endpoint());
    try {
      dynamodel.aws.ddb.set(new DynamoDB({ ...localClientConfig(proxy.endpoint), maxAttempts: 1 }));
      proxy.script("BatchWriteItem", [{ kind: "unprocessed", fraction: 0.4 }, { kind: "throttle" }]);
      const result = await Thing.batchDelete(
        items.slice(0, 25).map((item) => item.id),
        { returnConsumedCapacity: "TOTAL" },
      );
      expect(result.unprocessedItems).toEqual([]);
      expect(proxy.count("BatchWriteItem")).toBe(3);
      // Deleting a 1-2 KB item costs 2 units in the table and 2 in teamIndex, whichever request it was in.
      expect(result.consumedCapacity?.CapacityUnits).toBe(100);
    } finally {
      dynamodel.aws.ddb.set(recordingClient(localClient(), log));
      await proxy.close();
    }
  });
});

describe("transactions", () => {
  const Account = dynamodel.model(tableName("CapAccount"), schema);
  const Other = dynamodel.model(tableName("CapOther"), schema);

  it("a get transaction's array carries the capacity per table; the estimates of both requests agree", async () => {
    const write = [Account.transaction.create({ id: "a1", team: "red", bio }), Other.transaction.create({ id: "o1" })];
    const request = await dynamodel.transaction(write, { return: "request" });
    // Doubled: (2 + 2 in teamIndex) for the 1-2 KB item, (1 + 0: no team) for the small one.
    expect(request.estimatedCapacity.writeCapacityUnits).toBe(10);
    const reported: (readonly ConsumedCapacity[])[] = [];
    expect(await dynamodel.transaction(write, { onConsumedCapacity: (capacity) => reported.push(capacity) })).toBeNull();
    // A write transaction resolves null (as in Dynamoose): its capacity comes through onConsumedCapacity, once.
    // One sum per table (in the order DynamoDB reports them, which varies).
    expect(reported).toHaveLength(1);
    expect(reported[0]).toHaveLength(2);
    expect(reported[0]).toEqual(
      expect.arrayContaining([
        { TableName: Account.table().name, CapacityUnits: 8 },
        { TableName: Other.table().name, CapacityUnits: 2 },
      ]),
    );
    const written = (sent("transactWriteItems").at(-1) as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity;
    expect(written).toBe("TOTAL");

    const reads = [Account.transaction.get("a1"), Other.transaction.get("o1")];
    expect((await dynamodel.transaction(reads, { return: "request" })).estimatedCapacity.readCapacityUnits).toBe(4);
    const result = await dynamodel.transaction(reads, { returnConsumedCapacity: "TOTAL" });
    expect(result.map((item) => item?.id)).toEqual(["a1", "o1"]);
    expect(result.consumedCapacity).toHaveLength(2);
    expect(result.consumedCapacity).toEqual(
      expect.arrayContaining([
        { TableName: Account.table().name, CapacityUnits: 2 },
        { TableName: Other.table().name, CapacityUnits: 2 },
      ]),
    );
  });
});

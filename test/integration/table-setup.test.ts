/**
 * The table setup of models: CreateTable from the schema (keys, GSIs, LSIs, throughput), one shared setup
 * for concurrent first calls, no requests with `create: false`, failures that reject the pending call, and
 * instances with their own client.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";
import { createRawTable } from "../support/seed.js";
import { type Recorded, recordingClient } from "../support/recording-client.js";

const log: Recorded[] = [];
beforeAll(() => {
  dynamodel.aws.ddb.set(recordingClient(localClient(), log));
});
afterEach(() => {
  log.length = 0;
});

describe("lazy setup", () => {
  it("creates the table with the schema's keys and indexes on first use, once for concurrent calls", async () => {
    const name = tableName("Indexed");
    const Order = dynamodel.model(
      name,
      new dynamodel.Schema({
        customer: { type: String, hashKey: true },
        placed: { type: Date, rangeKey: true },
        status: { type: String, index: { name: "byStatus", rangeKey: "total", project: ["customer"] } },
        total: Number,
        region: { type: String, index: { type: "local", project: false } },
      }),
      { throughput: { read: 2, write: 3 }, prefix: "p_", suffix: "_s" },
    );
    await Promise.all([
      Order.get({ customer: "a", placed: 1 }),
      Order.get({ customer: "b", placed: 2 }),
      Order.create({ customer: "c", placed: 3 }),
    ]);
    expect(log.filter((r) => r.operation === "createTable")).toHaveLength(1);
    const described = await localClient().describeTable({ TableName: `p_${name}_s` });
    const table = described.Table;
    expect(table?.KeySchema).toEqual([
      { AttributeName: "customer", KeyType: "HASH" },
      { AttributeName: "placed", KeyType: "RANGE" },
    ]);
    expect(table?.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 2, WriteCapacityUnits: 3 });
    expect(table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.KeySchema, i.Projection])).toEqual([
      [
        "byStatus",
        [
          { AttributeName: "status", KeyType: "HASH" },
          { AttributeName: "total", KeyType: "RANGE" },
        ],
        { ProjectionType: "INCLUDE", NonKeyAttributes: ["customer"] },
      ],
    ]);
    expect(table?.LocalSecondaryIndexes?.map((i) => [i.IndexName, i.Projection?.ProjectionType])).toEqual([
      ["regionLocalIndex", "KEYS_ONLY"],
    ]);
    expect(new Set(table?.AttributeDefinitions?.map((d) => `${d.AttributeName}:${d.AttributeType}`))).toEqual(
      new Set(["customer:S", "placed:N", "status:S", "total:N", "region:S"]),
    );
  });

  it("sends no DescribeTable or CreateTable with create: false", async () => {
    const name = tableName("NoCreate");
    await createRawTable(localClient(), name);
    const Fast = dynamodel.model(name, new dynamodel.Schema({ id: String, n: Number }), { create: false });
    await Fast.create({ id: "a", n: 1 });
    expect((await Fast.get("a"))?.n).toBe(1);
    expect(log.map((r) => r.operation)).toEqual(["putItem", "getItem"]);
  });

  it("uses PAY_PER_REQUEST for ON_DEMAND", async () => {
    const name = tableName("OnDemand");
    const M = dynamodel.model(name, new dynamodel.Schema({ id: String }), { throughput: "ON_DEMAND" });
    await M.table().initialize();
    const described = await localClient().describeTable({ TableName: name });
    expect(described.Table?.BillingModeSummary?.BillingMode).toBe("PAY_PER_REQUEST");
    expect(await M.table().create({ return: "request" })).toMatchObject({ BillingMode: "PAY_PER_REQUEST", TableName: name });
  });

  it("rejects the pending call when setup fails (no unhandled rejection) and retries on the next call", async () => {
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    const instance = new dynamodel.Instance();
    let fail = true;
    const real = localClient();
    instance.aws.ddb.set({
      describeTable: (input) =>
        fail ? Promise.reject(Object.assign(new Error("boom"), { name: "InternalServerError" })) : real.describeTable(input),
      createTable: (input) => real.createTable(input),
      getItem: (input) => real.getItem(input),
    });
    const M = dynamodel.model(tableName("Failing"), new dynamodel.Schema({ id: String }));
    new instance.Table(M.name, [M]);
    await expect(M.get("x")).rejects.toThrow("boom");
    fail = false;
    expect(await M.get("x")).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.off("unhandledRejection", unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });

  it("times out waiting for ACTIVE with WaitForActiveTimeout", async () => {
    const instance = new dynamodel.Instance();
    instance.aws.ddb.set({
      describeTable: async () => ({ Table: { TableStatus: "CREATING" }, $metadata: {} }),
    });
    const M = dynamodel.model(tableName("Creating"), new dynamodel.Schema({ id: String }));
    new instance.Table(M.name, [M], { waitForActive: { enabled: true, check: { timeout: 30, frequency: 5 } } });
    await expect(M.get("x")).rejects.toMatchObject({ name: "WaitForActiveTimeout" });
  });

  it("refuses operations on a table made with initialize: false until initialize()", async () => {
    const M = dynamodel.model(tableName("Uninit"), new dynamodel.Schema({ id: String }));
    const table = new dynamodel.Table(M.name, [M], { initialize: false });
    await expect(M.get("x")).rejects.toMatchObject({ name: "OtherError" });
    await table.initialize();
    expect(await M.get("x")).toBeUndefined();
  });
});

describe("instances", () => {
  it("sends the requests of models bound through instance.Table through that instance's client", async () => {
    const own: Recorded[] = [];
    const instance = new dynamodel.Instance();
    instance.aws.ddb.set(recordingClient(localClient(), own));
    const M = dynamodel.model(tableName("Inst"), new dynamodel.Schema({ id: String, n: Number }));
    const table = new instance.Table(M.name, [M]);
    expect(table.name).toBe(M.name);
    expect(M.table()).toBe(table);
    await M.create({ id: "a", n: 1 });
    expect(own.map((r) => r.operation)).toEqual(["describeTable", "createTable", "describeTable", "putItem"]);
    expect(log).toHaveLength(0);
  });

  it("refuses a model assigned to a second table and tables with mismatched keys", () => {
    const A = dynamodel.model(tableName("A"), new dynamodel.Schema({ id: String }));
    const B = dynamodel.model(tableName("B"), new dynamodel.Schema({ other: String }));
    new dynamodel.Table("first", [A]);
    expect(() => new dynamodel.Table("second", [A])).toThrow(dynamodel.error.InvalidParameter);
    const C = dynamodel.model(tableName("C"), new dynamodel.Schema({ id: String }));
    expect(() => new dynamodel.Table("mixed", [C, B])).toThrow("hashKey's for all models must match.");
    expect(() => new dynamodel.Table("", [C])).toThrow(dynamodel.error.InvalidParameter);
    expect(() => new dynamodel.Table("x", [] as never)).toThrow(dynamodel.error.InvalidParameterType);
  });
});

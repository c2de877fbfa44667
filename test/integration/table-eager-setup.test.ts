/**
 * The table setup starts when the table is constructed, as in Dynamoose (`new Table`, `Model.table()`, a second model
 * with the same table name), with the client in force when it runs; a failure is held for the first request (never
 * an unhandled rejection), and `create: false` waits for ACTIVE only when `waitForActive` is set.
 */
import { describe, expect, it, vi } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";
import { createRawTable } from "../support/seed.js";
import { type Recorded, recordDefaultClient, recordingClient } from "../support/recording-client.js";

const log = recordDefaultClient();

const fast = { waitForActive: { enabled: true, check: { timeout: 10_000, frequency: 10 } } } as const;
/** Lets the microtasks and the first requests of an eager setup run. */
const tick = () => new Promise((resolve) => setImmediate(resolve));
const operations = (records: readonly Recorded[]) => records.map((r) => r.operation);

describe("setup at construction", () => {
  it("new Table(...) creates the table without any request of a model (deployment scripts)", async () => {
    const own: Recorded[] = [];
    const instance = new dynamodel.Instance();
    instance.aws.ddb.set(recordingClient(localClient(), own));
    const M = dynamodel.model(tableName("Eager"), new dynamodel.Schema({ id: String }));
    const table = new instance.Table(M.name, [M], fast);
    await tick();
    expect(own[0]).toEqual({ operation: "describeTable", input: { TableName: M.name } });
    await table.initialize(); // shares the running setup
    expect(operations(own).filter((op) => op === "createTable")).toHaveLength(1);
    expect((await localClient().describeTable({ TableName: M.name })).Table?.TableStatus).toBe("ACTIVE");
  });

  it("model() alone sends nothing; Model.table() and a second model with the same table name start the setup", async () => {
    const A = dynamodel.model(tableName("Lazy"), new dynamodel.Schema({ id: String }), fast);
    await tick();
    expect(log).toEqual([]);
    A.table();
    await tick();
    expect(log[0]).toEqual({ operation: "describeTable", input: { TableName: A.name } });
    await A.table().initialize();
    log.length = 0;

    const shared = tableName("Shared");
    const U = dynamodel.model(`${shared}_U`, new dynamodel.Schema({ pk: String, name: String }), {
      tableName: shared,
      throughput: "ON_DEMAND",
      ...fast,
    });
    await tick();
    expect(log).toEqual([]);
    const O = dynamodel.model(`${shared}_O`, new dynamodel.Schema({ pk: String, status: { type: String, index: { name: "byStatus" } } }), {
      tableName: shared,
    });
    await tick();
    expect(log[0]).toEqual({ operation: "describeTable", input: { TableName: shared } });
    expect(O.table()).toBe(U.table());
    await O.table().initialize();
    const described = (await localClient().describeTable({ TableName: shared })).Table;
    expect(described?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(["byStatus"]);
    expect(described?.BillingModeSummary?.BillingMode).toBe("PAY_PER_REQUEST");

    // Models that can not share their table are still refused on first use, not when defined.
    const clash = tableName("Clash");
    const First = dynamodel.model(`${clash}_1`, new dynamodel.Schema({ id: String }), { tableName: clash });
    const Second = dynamodel.model(`${clash}_2`, new dynamodel.Schema({ other: String }), { tableName: clash });
    await expect(First.get("x")).rejects.toThrow("hashKey's for all models must match.");
    await expect(Second.get("x")).rejects.toThrow("hashKey's for all models must match.");
  });

  it("uses the client set right after the constructor", async () => {
    const instance = new dynamodel.Instance();
    const M = dynamodel.model(tableName("SetAfter"), new dynamodel.Schema({ id: String }));
    const table = new instance.Table(M.name, [M], fast);
    const own: Recorded[] = [];
    instance.aws.ddb.set(recordingClient(localClient(), own));
    await table.initialize();
    expect(operations(own).slice(0, 2)).toEqual(["describeTable", "createTable"]);
  });
});

describe("failures of the setup at construction", () => {
  it("never become unhandled rejections: held for the first request, which reports it; the next one retries", async () => {
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    try {
      const instance = new dynamodel.Instance();
      const real = localClient();
      let described = 0;
      instance.aws.ddb.set({
        describeTable: (input) =>
          ++described === 1 ? Promise.reject(Object.assign(new Error("boom"), { name: "InternalServerError" })) : real.describeTable(input),
        createTable: (input) => real.createTable(input),
        getItem: (input) => real.getItem(input),
      });
      const M = dynamodel.model(tableName("Held"), new dynamodel.Schema({ id: String }));
      new instance.Table(M.name, [M], fast);
      await vi.waitFor(() => expect(described).toBe(1));
      await tick();
      await expect(M.get("x")).rejects.toThrow("boom");
      expect(described).toBe(1); // the held failure was reported, not sent again
      expect(await M.get("x")).toBeUndefined();
      expect(described).toBeGreaterThan(1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off("unhandledRejection", unhandled);
    }
  });

  it("against an endpoint not configured yet: the first request, with the client set meanwhile, sets the table up", async () => {
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    try {
      // The default client of a new instance (the test run points it at a closed port, as an unconfigured app would fail).
      const instance = new dynamodel.Instance();
      const M = dynamodel.model(tableName("Unconfigured"), new dynamodel.Schema({ id: String, n: Number }));
      new instance.Table(M.name, [M], fast);
      await tick();
      instance.aws.ddb.set(localClient());
      await M.create({ id: "a", n: 1 });
      expect((await M.get("a"))?.n).toBe(1);
      // The first setup fails against the closed port (the SDK retries it a few times): still not unhandled.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off("unhandledRejection", unhandled);
    }
  });
});

describe("create: false", () => {
  it("waits for ACTIVE (DescribeTable) when waitForActive is set, and sends nothing at startup otherwise", async () => {
    const name = tableName("Existing");
    await createRawTable(localClient(), name);
    const Waiting = dynamodel.model(`${name}_w`, new dynamodel.Schema({ id: String }), {
      tableName: name,
      create: false,
      waitForActive: true,
    });
    Waiting.table();
    await tick();
    expect(operations(log)).toEqual(["describeTable"]);
    expect(await Waiting.get("a")).toBeUndefined();
    expect(operations(log)).toEqual(["describeTable", "getItem"]);
    log.length = 0;

    const Cold = dynamodel.model(tableName("Cold"), new dynamodel.Schema({ id: String }), { tableName: name, create: false });
    Cold.table();
    await tick();
    expect(log).toEqual([]);
    expect(await Cold.get("a")).toBeUndefined();
    expect(operations(log)).toEqual(["getItem"]);
  });
});

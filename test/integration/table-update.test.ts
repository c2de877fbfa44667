/**
 * `update: true | [...]`: a live table reconciled with its models, one UpdateTable at a time, each followed by a
 * wait for ACTIVE; checked with DescribeTable on DynamoDB Local.
 */
import type { UpdateTableCommandInput } from "@aws-sdk/client-dynamodb";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import dynamodel from "../../src/index.js";
import type { TableOptionsInput } from "../../src/table/options.js";
import { localClient, tableName } from "../support/local.js";
import { type Recorded, recordingClient } from "../support/recording-client.js";

const log: Recorded[] = [];
beforeAll(() => {
  dynamodel.aws.ddb.set(recordingClient(localClient(), log));
});
afterEach(() => {
  log.length = 0;
  vi.restoreAllMocks();
});

const fast = { waitForActive: { check: { frequency: 20, timeout: 20_000 } } } as const;
const describeTable = async (name: string) => (await localClient().describeTable({ TableName: name })).Table;
const updates = () => log.filter((r) => r.operation === "updateTable").map((r) => r.input as UpdateTableCommandInput);

/** A model of table `name` with this schema definition; its table is made with these options and initialized. */
async function initialize(name: string, definition: Record<string, unknown>, options: TableOptionsInput): Promise<void> {
  const M = dynamodel.model(tableName("M"), new dynamodel.Schema(definition as never));
  await new dynamodel.Table(name, [M], { ...fast, ...options }).initialize();
}

const base = { id: { type: String, hashKey: true }, sk: { type: String, rangeKey: true } };

describe("update reconciliation", () => {
  it("removes and adds global indexes one at a time, changes throughput and streams, leaves local indexes alone", async () => {
    const name = tableName("Upd");
    await initialize(
      name,
      { ...base, old: { type: String, index: { name: "oldIndex" } }, loc: { type: String, index: { type: "local", name: "locIndex" } } },
      {},
    );
    log.length = 0;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await initialize(
      name,
      {
        ...base,
        added: { type: Number, index: { name: "addedIndex", rangeKey: "at", project: ["note"] } },
        at: Number,
        loc: { type: String, index: { type: "local", name: "locIndex", project: false } },
      },
      { update: true, throughput: { read: 4, write: 5 }, streamOptions: { enabled: true, type: "NEW_IMAGE" }, tags: { team: "core" } },
    );
    expect(updates()).toEqual([
      {
        TableName: name,
        ProvisionedThroughput: { ReadCapacityUnits: 4, WriteCapacityUnits: 5 },
        GlobalSecondaryIndexUpdates: [
          { Update: { IndexName: "oldIndex", ProvisionedThroughput: { ReadCapacityUnits: 4, WriteCapacityUnits: 5 } } },
        ],
      },
      { TableName: name, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: "oldIndex" } }] },
      {
        TableName: name,
        AttributeDefinitions: [
          { AttributeName: "added", AttributeType: "N" },
          { AttributeName: "at", AttributeType: "N" },
        ],
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: "addedIndex",
              KeySchema: [
                { AttributeName: "added", KeyType: "HASH" },
                { AttributeName: "at", KeyType: "RANGE" },
              ],
              Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["note"] },
              ProvisionedThroughput: { ReadCapacityUnits: 4, WriteCapacityUnits: 5 },
            },
          },
        ],
      },
      { TableName: name, StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" } },
    ]);
    // Each UpdateTable is followed by a wait (DescribeTable until the table and its indexes are ACTIVE).
    const operations = log.map((r) => r.operation);
    for (const [i, op] of operations.entries()) if (op === "updateTable") expect(operations[i + 1]).toBe("describeTable");
    // DynamoDB Local does not support tagging: the error becomes a warning.
    expect(operations.slice(-1)).toEqual(["listTagsOfResource"]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("tagging is not supported"));

    const table = await describeTable(name);
    expect(table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.IndexStatus])).toEqual([["addedIndex", "ACTIVE"]]);
    expect(table?.LocalSecondaryIndexes?.map((i) => [i.IndexName, i.Projection?.ProjectionType])).toEqual([["locIndex", "ALL"]]);
    expect(table?.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 4, WriteCapacityUnits: 5 });
    expect(table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: "NEW_IMAGE" });
  });

  it("sends nothing when the table already matches, and only the listed kinds otherwise", async () => {
    const name = tableName("Same");
    const definition = { ...base, g: { type: String, index: { name: "gIndex", project: false } } };
    await initialize(name, definition, { throughput: "ON_DEMAND", streamOptions: { enabled: true, type: "KEYS_ONLY" } });
    log.length = 0;
    await initialize(name, definition, {
      throughput: "ON_DEMAND",
      streamOptions: { enabled: true, type: "KEYS_ONLY" },
      update: ["indexes", "throughput", "streams"],
    });
    expect(log.map((r) => r.operation)).toEqual(["describeTable"]);
    log.length = 0;
    // Only "indexes": the new throughput and streams are not applied.
    await initialize(name, { ...base }, { throughput: { read: 9, write: 9 }, update: ["indexes"] });
    expect(updates()).toEqual([{ TableName: name, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: "gIndex" } }] }]);
    const table = await describeTable(name);
    expect(table?.GlobalSecondaryIndexes ?? []).toEqual([]);
    expect(table?.BillingModeSummary?.BillingMode).toBe("PAY_PER_REQUEST");
  });

  it("recreates an index whose projection changed, switches billing mode, and changes a stream's view type", async () => {
    const name = tableName("Change");
    await initialize(
      name,
      { ...base, g: { type: String, index: { name: "gIndex" } } },
      { streamOptions: { enabled: true, type: "KEYS_ONLY" } },
    );
    log.length = 0;
    await initialize(
      name,
      { ...base, g: { type: String, index: { name: "gIndex", project: false } } },
      {
        update: ["throughput", "indexes", "streams"],
        throughput: "ON_DEMAND",
        streamOptions: { enabled: true, type: "NEW_AND_OLD_IMAGES" },
      },
    );
    expect(updates().map(({ TableName: _, ...change }) => change)).toEqual([
      { BillingMode: "PAY_PER_REQUEST" },
      { GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: "gIndex" } }] },
      {
        AttributeDefinitions: [{ AttributeName: "g", AttributeType: "S" }],
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: "gIndex",
              KeySchema: [{ AttributeName: "g", KeyType: "HASH" }],
              Projection: { ProjectionType: "KEYS_ONLY" },
            },
          },
        ],
      },
      { StreamSpecification: { StreamEnabled: false } },
      { StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" } },
    ]);
    const table = await describeTable(name);
    expect(table?.BillingModeSummary?.BillingMode).toBe("PAY_PER_REQUEST");
    expect(table?.GlobalSecondaryIndexes?.map((i) => i.Projection?.ProjectionType)).toEqual(["KEYS_ONLY"]);
    expect(table?.StreamSpecification?.StreamViewType).toBe("NEW_AND_OLD_IMAGES");
    log.length = 0;
    // Back to provisioned: the table and every index get throughput; then streams off.
    await initialize(
      name,
      { ...base, g: { type: String, index: { name: "gIndex", project: false } } },
      { update: ["throughput", "streams"], throughput: 2, streamOptions: { enabled: false } },
    );
    expect(updates().map(({ TableName: _, ...change }) => change)).toEqual([
      {
        BillingMode: "PROVISIONED",
        ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 },
        GlobalSecondaryIndexUpdates: [
          { Update: { IndexName: "gIndex", ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 } } },
        ],
      },
      { StreamSpecification: { StreamEnabled: false } },
    ]);
    expect((await describeTable(name))?.StreamSpecification?.StreamEnabled ?? false).toBe(false);
  });

  it("enables TTL with update: ['ttl'] even when create is false, and refuses to update a missing table", async () => {
    const name = tableName("UpdTtl");
    await initialize(name, { ...base }, {});
    log.length = 0;
    await initialize(name, { ...base }, { create: false, update: ["ttl"], expires: { ttl: 1000, attribute: "exp" } });
    expect(log.map((r) => r.operation)).toEqual(["describeTable", "describeTimeToLive", "updateTimeToLive"]);
    expect((await localClient().describeTimeToLive({ TableName: name })).TimeToLiveDescription).toMatchObject({ AttributeName: "exp" });
    await expect(initialize(tableName("Missing"), { ...base }, { create: false, update: true })).rejects.toMatchObject({
      name: "OtherError",
    });
  });

  it("asks for the table class (DynamoDB Local keeps none and answers 'Nothing to update', which is not an error)", async () => {
    const name = tableName("Class");
    await initialize(name, { ...base }, {});
    log.length = 0;
    await initialize(name, { ...base }, { update: ["tableClass"], tableClass: "infrequentAccess" });
    expect(updates()).toEqual([{ TableName: name, TableClass: "STANDARD_INFREQUENT_ACCESS" }]);
  });

  it("synchronises tags where tagging is supported: removes the unlisted ones (not aws:), sets the rest", async () => {
    const calls: unknown[] = [];
    const instance = new dynamodel.Instance();
    instance.aws.ddb.set({
      describeTable: async () => ({ Table: { TableStatus: "ACTIVE", TableArn: "arn:t" }, $metadata: {} }),
      listTagsOfResource: async (input) => {
        calls.push(["list", input.NextToken]);
        return input.NextToken
          ? { Tags: [{ Key: "aws:cloudformation:stack", Value: "s" }], $metadata: {} }
          : {
              Tags: [
                { Key: "old", Value: "1" },
                { Key: "team", Value: "web" },
                { Key: "same", Value: "x" },
              ],
              NextToken: "n",
              $metadata: {},
            };
      },
      untagResource: async (input) => {
        calls.push(["untag", input.TagKeys]);
        return { $metadata: {} };
      },
      tagResource: async (input) => {
        calls.push(["tag", input.Tags]);
        return { $metadata: {} };
      },
    });
    const M = dynamodel.model(tableName("Tagged"), new dynamodel.Schema({ id: String }));
    await new instance.Table(M.name, [M], { update: ["tags"], tags: { team: "core", same: "x" } }).initialize();
    expect(calls).toEqual([
      ["list", undefined],
      ["list", "n"],
      ["untag", ["old"]],
      ["tag", [{ Key: "team", Value: "core" }]],
    ]);
  });

  it("waits for each index change with the waitForActive settings, and times out with WaitForActiveTimeout", async () => {
    const instance = new dynamodel.Instance();
    let describes = 0;
    const sent: string[] = [];
    instance.aws.ddb.set({
      describeTable: async () => {
        describes++;
        // The new index stays CREATING: the wait after the UpdateTable times out.
        const creating = sent.length > 0;
        return {
          Table: {
            TableStatus: "ACTIVE",
            KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
            BillingModeSummary: { BillingMode: "PAY_PER_REQUEST" },
            GlobalSecondaryIndexes: creating ? [{ IndexName: "gIndex", IndexStatus: "CREATING" }] : [],
          },
          $metadata: {},
        };
      },
      updateTable: async (input) => {
        sent.push(Object.keys(input.GlobalSecondaryIndexUpdates?.[0] ?? {}).join());
        return { $metadata: {} };
      },
    });
    const M = dynamodel.model(tableName("Slow"), new dynamodel.Schema({ id: String, g: { type: String, index: { name: "gIndex" } } }));
    new instance.Table(M.name, [M], {
      update: ["indexes"],
      throughput: "ON_DEMAND",
      waitForActive: { check: { timeout: 40, frequency: 5 } },
    });
    await expect(M.get("x")).rejects.toMatchObject({ name: "WaitForActiveTimeout" });
    expect(sent).toEqual(["Create"]);
    expect(describes).toBeGreaterThan(2);
  });
});

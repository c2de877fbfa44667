/**
 * Creating tables: the exact CreateTable request (keys, GSIs and LSIs with projections and throughput, billing
 * mode, tags, table class, streams), run on DynamoDB Local; create/initialize with promises and callbacks,
 * `Table.defaults`, waits on a table that is still CREATING, and two instances with their own clients.
 */
import type { CreateTableCommandInput, TableDescription } from "@aws-sdk/client-dynamodb";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";
import { type Recorded, recordingClient } from "../support/recording-client.js";

const log: Recorded[] = [];
beforeAll(() => {
  dynamodel.aws.ddb.set(recordingClient(localClient(), log));
});
afterEach(() => {
  log.length = 0;
});

const fast = { waitForActive: { check: { frequency: 10 } } } as const;
const callback = <T>(run: (done: (error: unknown, value?: T) => void) => void) =>
  new Promise<{ error: unknown; value: T | undefined }>((resolve) => run((error, value) => resolve({ error, value })));

const schema = () =>
  new dynamodel.Schema({
    id: { type: String, hashKey: true },
    at: { type: Date, rangeKey: true },
    email: { type: String, index: { name: "byEmail", project: false, throughput: { read: 3, write: 4 } } },
    team: { type: Number, index: { name: "byTeam", rangeKey: "at", project: ["email", "name"] } },
    name: { type: String, index: { type: "local", name: "byName", project: ["email"] } },
    size: { type: Number, index: { type: "local" } },
  });

describe("create", () => {
  it("builds the CreateTable request of a provisioned table and creates it", async () => {
    const Model = dynamodel.model(tableName("Shape"), schema());
    const table = new dynamodel.Table(Model.name, [Model], {
      ...fast,
      throughput: 2,
      tags: { team: "core" },
      tableClass: "infrequentAccess",
      streamOptions: { enabled: true, type: "NEW_IMAGE" },
      initialize: false,
    });
    const request = (await table.create({ return: "request" })) as CreateTableCommandInput;
    expect(log).toHaveLength(0);
    expect(request).toEqual({
      TableName: Model.name,
      AttributeDefinitions: [
        { AttributeName: "id", AttributeType: "S" },
        { AttributeName: "at", AttributeType: "N" },
        { AttributeName: "email", AttributeType: "S" },
        { AttributeName: "team", AttributeType: "N" },
        { AttributeName: "name", AttributeType: "S" },
        { AttributeName: "size", AttributeType: "N" },
      ],
      KeySchema: [
        { AttributeName: "id", KeyType: "HASH" },
        { AttributeName: "at", KeyType: "RANGE" },
      ],
      ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 },
      GlobalSecondaryIndexes: [
        {
          IndexName: "byEmail",
          KeySchema: [{ AttributeName: "email", KeyType: "HASH" }],
          Projection: { ProjectionType: "KEYS_ONLY" },
          ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 4 },
        },
        {
          IndexName: "byTeam",
          KeySchema: [
            { AttributeName: "team", KeyType: "HASH" },
            { AttributeName: "at", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["email", "name"] },
          ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 },
        },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: "byName",
          KeySchema: [
            { AttributeName: "id", KeyType: "HASH" },
            { AttributeName: "name", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["email"] },
        },
        {
          IndexName: "sizeLocalIndex",
          KeySchema: [
            { AttributeName: "id", KeyType: "HASH" },
            { AttributeName: "size", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        },
      ],
      Tags: [{ Key: "team", Value: "core" }],
      TableClass: "STANDARD_INFREQUENT_ACCESS",
      StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" },
    });
    await table.initialize();
    const described = (await localClient().describeTable({ TableName: Model.name })).Table;
    expect(described?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.ProvisionedThroughput?.ReadCapacityUnits]).sort()).toEqual([
      ["byEmail", 3],
      ["byTeam", 2],
    ]);
    expect(described?.LocalSecondaryIndexes?.map((i) => [i.IndexName, i.Projection?.NonKeyAttributes]).sort()).toEqual([
      ["byName", ["email"]],
      ["sizeLocalIndex", undefined],
    ]);
    expect(described?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: "NEW_IMAGE" });
  });

  it("creates an on-demand table: no throughput on the table or its indexes", async () => {
    const Model = dynamodel.model(tableName("OnDemand"), schema(), { throughput: "ON_DEMAND", ...fast });
    const request = (await Model.table().create({ return: "request" })) as CreateTableCommandInput;
    expect(request.BillingMode).toBe("PAY_PER_REQUEST");
    expect(request.ProvisionedThroughput).toBeUndefined();
    expect(request.GlobalSecondaryIndexes?.map((i) => i.ProvisionedThroughput)).toEqual([undefined, undefined]);
    await Model.table().initialize();
    const described = (await localClient().describeTable({ TableName: Model.name })).Table;
    expect(described?.BillingModeSummary?.BillingMode).toBe("PAY_PER_REQUEST");
  });

  it("create() and initialize() take callbacks; create() always sends CreateTable", async () => {
    const Model = dynamodel.model(tableName("Callbacks"), new dynamodel.Schema({ id: String }), { initialize: false, ...fast });
    const table = Model.table();
    const asked = await callback<CreateTableCommandInput | undefined>((done) => table.create({ return: "request" }, done));
    expect(asked).toEqual({ error: null, value: expect.objectContaining({ TableName: Model.name }) });
    expect(await callback((done) => table.create(done))).toEqual({ error: null, value: undefined });
    const again = await callback((done) => table.create(done));
    expect(again.error).toMatchObject({ name: "ResourceInUseException" });
    expect(await callback((done) => table.initialize(done))).toEqual({ error: null, value: undefined });
    expect(log.map((r) => r.operation)).toEqual(["createTable", "createTable", "describeTable"]);
  });

  it("applies Table.defaults below the given options, per instance; set({}) resets them", async () => {
    const instance = new dynamodel.Instance();
    instance.aws.ddb.set(localClient());
    instance.Table.defaults.set({ prefix: "dev_", throughput: "ON_DEMAND", create: false });
    expect(instance.Table.defaults.get()).toEqual({ prefix: "dev_", throughput: "ON_DEMAND", create: false });
    expect(dynamodel.Table.defaults.get()).toEqual({});
    const A = dynamodel.model(tableName("DefA"), new dynamodel.Schema({ id: String }));
    const table = new instance.Table("Orders", [A], { suffix: "_v2", create: true });
    expect(table.name).toBe("dev_Orders_v2");
    expect(table.options).toMatchObject({ throughput: "ON_DEMAND", create: true, prefix: "dev_" });
    instance.Table.defaults.set({});
    const B = dynamodel.model(tableName("DefB"), new dynamodel.Schema({ id: String, sk: { type: Number, rangeKey: true } }));
    const plain = new instance.Table("Orders", [B]);
    expect([plain.name, plain.hashKey, plain.rangeKey, plain.options.throughput]).toEqual(["Orders", "id", "sk", { read: 1, write: 1 }]);
  });

  it("waits while the table or one of its indexes is not ACTIVE", async () => {
    const instance = new dynamodel.Instance();
    const states: TableDescription[] = [
      { TableStatus: "CREATING" },
      { TableStatus: "ACTIVE", GlobalSecondaryIndexes: [{ IndexName: "g", IndexStatus: "CREATING" }] },
      { TableStatus: "ACTIVE", GlobalSecondaryIndexes: [{ IndexName: "g", IndexStatus: "ACTIVE" }] },
    ];
    const sent: string[] = [];
    let describes = 0;
    instance.aws.ddb.set({
      describeTable: async () => {
        sent.push("describeTable");
        if (describes++ === 0) throw Object.assign(new Error("missing"), { name: "ResourceNotFoundException" });
        return { Table: states[Math.min(describes - 2, 2)], $metadata: {} };
      },
      createTable: async () => {
        sent.push("createTable");
        return { $metadata: {} };
      },
    });
    const M = dynamodel.model(tableName("Waits"), new dynamodel.Schema({ id: String }));
    await new instance.Table(M.name, [M], { waitForActive: { check: { frequency: 1, timeout: 5000 } } }).initialize();
    expect(sent).toEqual(["describeTable", "createTable", "describeTable", "describeTable", "describeTable"]);
  });

  it("sends each instance's requests through its own client", async () => {
    const east: Recorded[] = [];
    const west: Recorded[] = [];
    const instances = [east, west].map((own) => {
      const instance = new dynamodel.Instance();
      instance.aws.ddb.set(recordingClient(localClient(), own));
      return instance;
    });
    const E = dynamodel.model(tableName("East"), new dynamodel.Schema({ id: String }));
    const W = dynamodel.model(tableName("West"), new dynamodel.Schema({ id: String }));
    new instances[0]!.Table(E.name, [E], fast);
    new instances[1]!.Table(W.name, [W], { ...fast, throughput: "ON_DEMAND" });
    await E.create({ id: "e" });
    await W.create({ id: "w" });
    await W.get("w");
    expect(east.map((r) => r.operation)).toEqual(["describeTable", "createTable", "describeTable", "putItem"]);
    expect(west.map((r) => r.operation)).toEqual(["describeTable", "createTable", "describeTable", "putItem", "getItem"]);
    expect(log).toHaveLength(0);
  });
});

/**
 * Two Dynamoose behaviours against DynamoDB Local: `or()` after the hash key equality that starts a query (the first
 * comparison keys the query, the rest filters the partition), and `using()` an index that exists in the table but is
 * not declared in the schema (created here with the raw SDK, as CloudFormation/CDK would).
 */
import { marshall } from "@aws-sdk/util-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";
import { seedTable } from "../support/seed.js";

interface Row {
  pk: string;
  sk: string;
  a: number;
  g: string;
  n: number;
  flag: boolean;
  status?: string;
}

const rows: Row[] = [];
for (let p = 1; p <= 3; p++) {
  for (let i = 0; i < 12; i++) {
    const row: Row = { pk: `p${p}`, sk: String(i).padStart(3, "0"), a: i % 4, g: `g${(p + i) % 2}`, n: (i * 7) % 12, flag: i % 3 === 0 };
    if (i % 2 === 0) row.status = `s${i % 3}`;
    rows.push(row);
  }
}
const key = (i: { pk?: unknown; sk?: unknown }): string => `${String(i.pk)}/${String(i.sk)}`;
const keys = (items: readonly { pk?: unknown; sk?: unknown }[]): string[] => items.map(key).sort();
const expected = (keep: (r: Row) => boolean): string[] => keys(rows.filter(keep));

const Thing = dynamodel.model(
  tableName("QueryOr"),
  new dynamodel.Schema({
    pk: { type: String, hashKey: true },
    sk: { type: String, rangeKey: true },
    a: Number,
    g: { type: String, index: { name: "gIndex", rangeKey: "sk" } },
    n: Number,
    flag: Boolean,
    status: String,
  }),
);

/** A table whose GSI ("statusIdx", hash status) and LSI ("byN", range n) the model's schema does not declare. */
const externalTable = tableName("QueryExternalIdx");
const External = dynamodel.model(
  externalTable,
  new dynamodel.Schema({
    pk: { type: String, hashKey: true },
    sk: { type: String, rangeKey: true },
    a: Number,
    g: String,
    n: Number,
    flag: Boolean,
    status: String,
  }),
  { create: false },
);

beforeAll(async () => {
  const client = localClient();
  dynamodel.aws.ddb.set(client);
  await Thing.table().initialize();
  await client.createTable({
    TableName: externalTable,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [
      { AttributeName: "pk", AttributeType: "S" },
      { AttributeName: "sk", AttributeType: "S" },
      { AttributeName: "n", AttributeType: "N" },
      { AttributeName: "status", AttributeType: "S" },
    ],
    KeySchema: [
      { AttributeName: "pk", KeyType: "HASH" },
      { AttributeName: "sk", KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: [
      { IndexName: "statusIdx", KeySchema: [{ AttributeName: "status", KeyType: "HASH" }], Projection: { ProjectionType: "ALL" } },
    ],
    LocalSecondaryIndexes: [
      {
        IndexName: "byN",
        KeySchema: [
          { AttributeName: "pk", KeyType: "HASH" },
          { AttributeName: "n", KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      },
    ],
  });
  const items = rows.map((r) => marshall(r));
  await Promise.all([seedTable(client, Thing.table().name, items), seedTable(client, externalTable, items)]);
}, 60_000);

describe("or() after the hash key equality that starts a query", () => {
  it("reads only that partition and filters it with the whole rest of the chain", async () => {
    const query = () => Thing.query("pk").eq("p1").where("a").eq(1).or().where("a").eq(2);
    expect(await query().getRequest()).toMatchObject({ KeyConditionExpression: "#n0 = :v0", FilterExpression: "#n1 = :v1 OR #n1 = :v2" });
    const result = await query().exec();
    expect(keys(result)).toEqual(expected((r) => r.pk === "p1" && (r.a === 1 || r.a === 2)));
    expect(result.length).toBe(6);
    expect(result.queriedCount).toBe(12);
  });

  it("matches the grouped chain, with several AND parts per alternative", async () => {
    const flat = await Thing.query("pk").eq("p2").where("a").eq(0).where("flag").eq(true).or().where("a").eq(3).exec();
    const grouped = await Thing.query("pk")
      .eq("p2")
      .parenthesis((c) => c.where("a").eq(0).where("flag").eq(true).or().where("a").eq(3))
      .exec();
    expect(keys(flat)).toEqual(expected((r) => r.pk === "p2" && ((r.a === 0 && r.flag) || r.a === 3)));
    expect(keys(flat)).toEqual(keys(grouped));
  });

  it("on a GSI, with and without using()", async () => {
    const query = () => Thing.query("g").eq("g1").where("a").eq(1).or().where("a").eq(2);
    const want = expected((r) => r.g === "g1" && (r.a === 1 || r.a === 2));
    expect(query().explain()).toMatchObject({ index: "gIndex", keyCondition: 'g = "g1"', filter: "a = 1 OR a = 2" });
    expect(keys(await query().exec())).toEqual(want);
    expect(keys(await query().using("gIndex").exec())).toEqual(want);
  });
});

describe("index choice when a GSI hash key and the table hash key are both compared", () => {
  it("reads the table, as Dynamoose does; using() reads the GSI", async () => {
    const table = Thing.query("g").eq("g1").and().where("pk").eq("p1");
    expect(table.explain()).toMatchObject({ index: undefined, keyCondition: 'pk = "p1"', filter: 'g = "g1"' });
    const want = expected((r) => r.pk === "p1" && r.g === "g1");
    const fromTable = await table.exec();
    expect(keys(fromTable)).toEqual(want);
    expect(fromTable.queriedCount).toBe(12);
    const fromIndex = await Thing.query("g").eq("g1").and().where("pk").eq("p1").using("gIndex").exec();
    expect(keys(fromIndex)).toEqual(want);
    expect(fromIndex.queriedCount).toBe(rows.filter((r) => r.g === "g1").length);
  });
});

describe("using() an index the schema does not declare", () => {
  it("scan reads the GSI (only the items that have its key)", async () => {
    const scan = External.scan().using("statusIdx");
    expect(scan.explain()).toMatchObject({ index: "statusIdx", indexType: "undeclared" });
    expect(keys(await scan.exec())).toEqual(expected((r) => r.status !== undefined));
    expect(keys(await External.scan("a").eq(0).using("statusIdx").exec())).toEqual(expected((r) => r.status !== undefined && r.a === 0));
  });

  it("query reads the LSI (with the table's hash key) in its range key order, consistently", async () => {
    const result = await External.query("pk").eq("p3").where("flag").eq(true).using("byN").consistent().exec();
    expect(result.map((i) => i.n)).toEqual(
      rows
        .filter((r) => r.pk === "p3" && r.flag)
        .map((r) => r.n)
        .sort((x, y) => x - y),
    );
    const all = await External.query("pk").eq("p3").using("byN").exec();
    expect(all.map((i) => i.n)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it("query with or() after the hash key on the LSI", async () => {
    const result = await External.query("pk").eq("p1").where("a").eq(1).or().where("a").eq(2).using("byN").exec();
    expect(keys(result)).toEqual(expected((r) => r.pk === "p1" && (r.a === 1 || r.a === 2)));
  });

  it("query on a GSI whose condition does not fit the table's keys: keyed by the first equality, sent with IndexName", async () => {
    const result = await External.query("status").eq("s0").using("statusIdx").exec();
    expect(keys(result)).toEqual(expected((r) => r.status === "s0"));
    const filtered = await External.query("status").eq("s0").where("a").eq(0).using("statusIdx").limit(2).all().exec();
    expect(keys(filtered)).toEqual(expected((r) => r.status === "s0" && r.a === 0));
    expect(filtered.timesQueried).toBeGreaterThan(1);
  });

  it("a GSI with other keys than the table's must be declared: DynamoDB refuses the table's key condition", async () => {
    await expect(External.query("pk").eq("p1").using("statusIdx").exec()).rejects.toThrow(/key schema/i);
  });
});

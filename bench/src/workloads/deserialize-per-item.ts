/**
 * The per-item deserialize cost of the 200-partition query's results (issue #4: "within 2× of raw unmarshall").
 */
import { DynamoDBClient, QueryCommand as LowLevelQueryCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { PARTITIONS } from "../fixtures.js";
import { CONCURRENCY, MIN_AGE, tables } from "../lib/io-operations.js";
import { localClientConfig } from "../lib/local-tables.js";
import { type ContenderName, type Row, byContender } from "../lib/report.js";
import { type Contender, type MeasureOptions, measure, pool } from "../lib/timing.js";
import { electrodbBodies, toolboxBodies } from "./cpu-peers.js";

// biome-ignore lint/suspicious/noExplicitAny: the two ODMs' models
type AnyModel = any;

/**
 * The per-item deserialize cost of the 200-partition query's results (issue #4: "within 2× of raw unmarshall"),
 * from this process's CPU time: the query's own responses (low-level AttributeValue maps, one page per partition)
 * converted the way each contender converts a page. Raw = `unmarshall` per item (what the DocumentClient does);
 * dynamodel = `Model.Model.fromStored` per item, awaited per page (what its query does: plain fields + Item);
 * Dynamoose = `new Model(map, {type: "fromDynamo"}).conformToSchema(…)` as its query does; ElectroDB and
 * DynamoDB-Toolbox = `unmarshall` (their DocumentClient's) then `entity.parse({Item})` / `EntityFormatter.format`.
 */
export async function deserializeRow(endpoint: string, options: MeasureOptions, models: Record<"dynamoose" | "dynamodel", AnyModel>): Promise<Row> {
  const client = new DynamoDBClient(localClientConfig(endpoint));
  const pages: Record<string, unknown>[][] = [];
  try {
    await pool(PARTITIONS, CONCURRENCY, async (p) => {
      const output = await client.send(
        new LowLevelQueryCommand({
          TableName: tables("raw").part,
          KeyConditionExpression: "#team = :team",
          FilterExpression: "#age >= :age AND contains(#tags, :tag) AND #balance >= :balance",
          ExpressionAttributeNames: { "#team": "team", "#age": "age", "#tags": "tags", "#balance": "balance" },
          ExpressionAttributeValues: { ":team": { S: `p${p}` }, ":age": { N: String(MIN_AGE) }, ":tag": { S: "member" }, ":balance": { N: "0" } },
        }),
      );
      pages.push((output.Items ?? []) as Record<string, unknown>[]);
    });
  } finally {
    client.destroy();
  }
  const items = pages.reduce((n, page) => n + page.length, 0);
  const REPEAT = 5;
  const dynamoosePages = pages.slice(0, 10);
  const dynamooseItems = dynamoosePages.reduce((n, page) => n + page.length, 0);
  const DYNAMOOSE_READ = { customTypesDynamo: true, checkExpiredItem: true, saveUnknown: true, modifiers: ["get"], type: "fromDynamo", mapAttributes: true };
  let sink: unknown;
  // `Model.Model` is the model's core (public, undocumented): its fromStored is what the query calls per item.
  const core = models.dynamodel.Model;
  const contenders: Contender[] = [
    {
      name: "raw",
      ops: items * REPEAT,
      run: () => {
        for (let r = 0; r < REPEAT; r++) for (const page of pages) sink = page.map((map) => unmarshall(map as never));
      },
    },
    {
      name: "dynamoose",
      ops: dynamooseItems,
      run: async () => {
        for (const page of dynamoosePages) sink = await Promise.all(page.map((map) => new models.dynamoose(map, { type: "fromDynamo" }).conformToSchema(DYNAMOOSE_READ)));
      },
    },
    ...(["electrodb", "toolbox"] as const).map((name) => {
      const peer = name === "electrodb" ? electrodbBodies(tables(name).part) : toolboxBodies(tables(name).part);
      return {
        name,
        ops: items,
        run: () => {
          for (const page of pages) sink = page.map((map) => peer.deserialize(map as never));
        },
      };
    }),
    {
      name: "dynamodel",
      ops: items * REPEAT,
      run: async () => {
        for (let r = 0; r < REPEAT; r++) for (const page of pages) sink = await Promise.all(page.map((map) => core.fromStored(map)));
      },
    },
  ];
  const measured = await measure(contenders, { warmup: Math.max(options.warmup, 2), rounds: options.rounds });
  void sink;
  const value = (name: ContenderName) => measured.find((m) => m.name === name)?.cpuNsPerOp ?? null;
  return {
    workload: "query: deserialize per item",
    unit: "ns/item",
    better: "lower",
    values: byContender(value),
    target: { kind: "ratio-at-most", value: 2 },
    notes: [
      `Node CPU time per item converting the 200-partition query's own ${items} result maps (one page per partition); raw = unmarshall, dynamodel = Model.Model.fromStored, what its query calls (plain fields + Item, awaited per page), Dynamoose = new Model(map, fromDynamo).conformToSchema (first 10 pages); ElectroDB = unmarshall + entity.parse({Item}), Toolbox = unmarshall + EntityFormatter.format (all pages once)`,
    ],
    detail: Object.fromEntries(
      measured.map((m) => [m.name, { cpuNsPerItem: +m.cpuNsPerOp.toFixed(0), wallNsPerItemRounds: m.rounds.map((r) => +r.toFixed(0)) }]),
    ),
  };
}

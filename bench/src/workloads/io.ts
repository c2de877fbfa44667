/**
 * Workloads against one DynamoDB Local at concurrency 16: put (create), get, update, query, scan, batchPut and
 * transactions. Raw = the DocumentClient (`@aws-sdk/lib-dynamodb`). Each contender has its own read and write table.
 * Values are operations per second (a batchPut operation is one batch of 25 items; a transaction has 4 actions).
 */
import { DynamoDB, DynamoDBClient, QueryCommand as LowLevelQueryCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import {
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { PARTITIONS, PER_PARTITION, TEAMS, rawUser, userInput } from "../fixtures.js";
import { probe } from "../lib/availability.js";
import { dynamodel, dynamodelPartitionUser, dynamodelUser, dynamoose, dynamoosePartitionUser, dynamooseUser } from "../lib/contenders.js";
import { SEEDED, createPartitionTable, createUserTable, localClientConfig } from "../lib/local-tables.js";
import { type ContenderName, type Row, guarded } from "../lib/report.js";
import { type Contender, type MeasureOptions, measure, pool } from "../lib/timing.js";

const CONCURRENCY = 16;
/** How long the raw SDK hammers DynamoDB Local before the first measurement. */
const JVM_WARMUP_MS = 12_000;
const BATCH = 25;

/** One contender's implementation of every I/O operation (`i` is the operation's index in its round). */
interface Operations {
  put(id: string, n: number): Promise<unknown>;
  get(i: number): Promise<unknown>;
  update(i: number): Promise<unknown>;
  query(i: number): Promise<unknown>;
  scan(i: number): Promise<unknown>;
  batchPut(ids: readonly string[], first: number): Promise<unknown>;
  transaction(ids: readonly [string, string], i: number): Promise<unknown>;
}

type OperationName = keyof Operations;

export const tables = (name: ContenderName) => ({ read: `bench_${name}_read`, write: `bench_${name}_write`, part: `bench_${name}_part` });

/** A seeded id, spread over the table. */
const seededId = (i: number) => `u${(i * 7) % SEEDED}`;
/** Two seeded ids a transaction updates and checks, never shared by operations in flight together. */
const accountIds = (i: number): [string, string] => [`u${i % 160}`, `u${160 + (i % 160)}`];

function rawOperations(endpoint: string): Operations {
  const { read, write } = tables("raw");
  const doc = DynamoDBDocumentClient.from(new DynamoDB(localClientConfig(endpoint)), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const stamp = (n: number, id: string) => {
    const now = Date.now();
    return { ...rawUser(n), id, createdAt: now, updatedAt: now };
  };
  const putCondition = { ConditionExpression: "attribute_not_exists(#id)", ExpressionAttributeNames: { "#id": "id" } };
  return {
    put: (id, n) => doc.send(new PutCommand({ TableName: write, Item: stamp(n, id), ...putCondition })),
    get: (i) => doc.send(new GetCommand({ TableName: read, Key: { id: seededId(i) } })),
    update: (i) =>
      doc.send(
        new UpdateCommand({
          TableName: write,
          Key: { id: seededId(i) },
          UpdateExpression: "SET #name = :name, #updatedAt = :now ADD #balance :inc",
          ConditionExpression: "#age >= :min",
          ExpressionAttributeNames: { "#name": "name", "#updatedAt": "updatedAt", "#balance": "balance", "#age": "age" },
          ExpressionAttributeValues: { ":name": `Renamed ${i}`, ":now": Date.now(), ":inc": 1, ":min": 18 },
          ReturnValues: "ALL_NEW",
        }),
      ),
    query: (i) =>
      doc.send(
        new QueryCommand({
          TableName: read,
          IndexName: "team-index",
          KeyConditionExpression: "#team = :team",
          FilterExpression: "#age >= :age AND contains(#tags, :tag) AND #balance >= :balance",
          ExpressionAttributeNames: { "#team": "team", "#age": "age", "#tags": "tags", "#balance": "balance" },
          ExpressionAttributeValues: { ":team": `t${i % TEAMS}`, ":age": 18, ":tag": "member", ":balance": 0 },
        }),
      ),
    scan: () =>
      doc.send(
        new ScanCommand({
          TableName: read,
          FilterExpression: "#age >= :age",
          ExpressionAttributeNames: { "#age": "age" },
          ExpressionAttributeValues: { ":age": 18 },
        }),
      ),
    batchPut: (ids, first) =>
      doc.send(new BatchWriteCommand({ RequestItems: { [write]: ids.map((id, k) => ({ PutRequest: { Item: stamp(first + k, id) } })) } })),
    transaction: ([a, b], i) => {
      const now = Date.now();
      return doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: write, Item: stamp(i, `tx-${i}-a-${now}`), ...putCondition } },
            { Put: { TableName: write, Item: stamp(i + 1, `tx-${i}-b-${now}`), ...putCondition } },
            {
              Update: {
                TableName: write,
                Key: { id: a },
                UpdateExpression: "SET #updatedAt = :now ADD #balance :inc",
                ExpressionAttributeNames: { "#updatedAt": "updatedAt", "#balance": "balance" },
                ExpressionAttributeValues: { ":now": now, ":inc": 1 },
              },
            },
            {
              ConditionCheck: {
                TableName: write,
                Key: { id: b },
                ConditionExpression: "#balance >= :zero",
                ExpressionAttributeNames: { "#balance": "balance" },
                ExpressionAttributeValues: { ":zero": 0 },
              },
            },
          ],
        }),
      );
    },
  };
}

/** Dynamoose and dynamodel share one implementation: same API. */
// biome-ignore lint/suspicious/noExplicitAny: the two ODMs' namespaces and models, used through their common API
function odmOperations(lib: any, Read: any, Write: any): Operations {
  const input = (n: number, id: string) => ({ ...userInput(n), id });
  return {
    put: (id, n) => Write.create(input(n, id)),
    get: (i) => Read.get({ id: seededId(i) }),
    update: (i) =>
      Write.update(
        { id: seededId(i) },
        { $SET: { name: `Renamed ${i}` }, $ADD: { balance: 1 } },
        { condition: new lib.Condition("age").ge(18) },
      ),
    query: (i) =>
      Read.query("team")
        .eq(`t${i % TEAMS}`)
        .where("age")
        .ge(18)
        .and()
        .where("tags")
        .contains("member")
        .and()
        .where("balance")
        .ge(0)
        .using("team-index")
        .exec(),
    scan: () => Read.scan("age").ge(18).exec(),
    batchPut: (ids, first) => Write.batchPut(ids.map((id, k) => input(first + k, id))),
    transaction: async ([a, b], i) => {
      const now = Date.now();
      const actions = await Promise.all([
        Write.transaction.create(input(i, `tx-${i}-a-${now}`)),
        Write.transaction.create(input(i + 1, `tx-${i}-b-${now}`)),
        Write.transaction.update({ id: a }, { $ADD: { balance: 1 } }),
        Write.transaction.condition({ id: b }, new lib.Condition("balance").ge(0)),
      ]);
      return lib.transaction(actions);
    },
  };
}

/** Operations per round, by workload (sized for ~0.3-1.5 s per round on DynamoDB Local). */
const OPS: Record<OperationName, number> = { put: 192, get: 256, update: 192, query: 96, scan: 16, batchPut: 16, transaction: 64 };

const WORKLOADS: readonly { name: string; op: OperationName; unit: string; note?: string }[] = [
  { name: "put (create)", op: "put", unit: "ops/s", note: "Model.create (PutItem with attribute_not_exists); raw = PutCommand with the same condition" },
  { name: "get", op: "get", unit: "ops/s" },
  { name: "update", op: "update", unit: "ops/s", note: "$SET + $ADD + condition, ReturnValues ALL_NEW (not in the issue's list; measured because it exists)" },
  { name: "query", op: "query", unit: "ops/s", note: "GSI query of one team (20 items) with 3 filters" },
  { name: "scan", op: "scan", unit: "ops/s", note: "one page: the whole 320-item table, filtered" },
  { name: "batchPut", op: "batchPut", unit: "batches/s", note: "batches of 25 new items" },
  { name: "transactions", op: "transaction", unit: "ops/s", note: "TransactWriteItems: 2 conditional puts, 1 update, 1 condition check" },
];

/* ---------------------------------------------------------------------------------------------------------------
 * Bulk workloads (issues #4 and #5): one operation is a whole job (200 queries, a paged scan of 2,000 items, a
 * batchPut of 2,000 items, 100 transactions), its requests sent at the bench's concurrency.
 * ------------------------------------------------------------------------------------------------------------- */

/** Page size of the paged scan (DynamoDB `Limit`): 2,000 items → 20 pages. */
const SCAN_PAGE = 100;
/** Items of one batchPut job, and transactions of one transactions job. */
const BULK_ITEMS = 2_000;
const BULK_TRANSACTIONS = 100;
/** The filter of the 200-partition query keeps users aged 48 and over: half of them (age = 18 + n % 60). */
const MIN_AGE = 48;

/** One contender's implementation of every bulk job; reads resolve to the items they returned. */
export interface BulkOperations {
  query200(): Promise<readonly unknown[]>;
  scanPaged(): Promise<readonly unknown[]>;
  batchPut2000(ids: readonly string[], first: number): Promise<unknown>;
  transactions100(seq: number): Promise<unknown>;
}

export type BulkName = keyof BulkOperations;

/** `n` items in chunks of `size`. */
const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, k) => items.slice(k * size, (k + 1) * size));

export function rawBulk(endpoint: string, tablesOf: ContenderName = "raw"): BulkOperations {
  const { write, part } = tables(tablesOf);
  const doc = DynamoDBDocumentClient.from(new DynamoDB(localClientConfig(endpoint)), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const stamp = (n: number, id: string, now = Date.now()) => ({ ...rawUser(n), id, createdAt: now, updatedAt: now });
  const putCondition = { ConditionExpression: "attribute_not_exists(#id)", ExpressionAttributeNames: { "#id": "id" } };
  const addOne = (id: string, now: number) => ({
    Update: {
      TableName: write,
      Key: { id },
      UpdateExpression: "SET #updatedAt = :now ADD #balance :inc",
      ExpressionAttributeNames: { "#updatedAt": "updatedAt", "#balance": "balance" },
      ExpressionAttributeValues: { ":now": now, ":inc": 1 },
    },
  });
  return {
    query200: async () => {
      const items: unknown[] = [];
      await pool(PARTITIONS, CONCURRENCY, async (p) => {
        const output = await doc.send(
          new QueryCommand({
            TableName: part,
            KeyConditionExpression: "#team = :team",
            FilterExpression: "#age >= :age AND contains(#tags, :tag) AND #balance >= :balance",
            ExpressionAttributeNames: { "#team": "team", "#age": "age", "#tags": "tags", "#balance": "balance" },
            ExpressionAttributeValues: { ":team": `p${p}`, ":age": MIN_AGE, ":tag": "member", ":balance": 0 },
          }),
        );
        items.push(...(output.Items ?? []));
      });
      return items;
    },
    scanPaged: async () => {
      const items: unknown[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const output = await doc.send(new ScanCommand({ TableName: part, Limit: SCAN_PAGE, ExclusiveStartKey: start }));
        items.push(...(output.Items ?? []));
        start = output.LastEvaluatedKey;
      } while (start);
      return items;
    },
    batchPut2000: async (ids, first) => {
      const now = Date.now();
      const requests = ids.map((id, k) => ({ PutRequest: { Item: stamp(first + k, id, now) } }));
      await pool(Math.ceil(requests.length / BATCH), CONCURRENCY, async (c) => {
        // What correct raw code does: re-send what DynamoDB left unprocessed (DynamoDB Local never leaves any).
        let pending: unknown[] | undefined = requests.slice(c * BATCH, (c + 1) * BATCH);
        while (pending && pending.length > 0) {
          const output: BatchWriteCommandOutput = await doc.send(new BatchWriteCommand({ RequestItems: { [write]: pending as never } }));
          pending = output.UnprocessedItems?.[write];
        }
      });
    },
    transactions100: (seq) =>
      pool(BULK_TRANSACTIONS, CONCURRENCY, (t) => {
        const now = Date.now();
        const [a, b] = accountIds(t);
        return doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: write, Item: stamp(t, `txb-${seq}-${t}-a`, now), ...putCondition } },
              { Put: { TableName: write, Item: stamp(t + 1, `txb-${seq}-${t}-b`, now), ...putCondition } },
              addOne(a, now),
              addOne(b, now),
            ],
          }),
        );
      }),
  };
}

/**
 * The ODMs' bulk jobs. Same chains, except where their APIs differ: dynamodel's `limit(n).all()` caps the total
 * (issue #4), so its paged scan iterates `pages()`, and Dynamoose's batchPut sends one BatchWriteItem whatever the
 * count (more than 25 is refused by DynamoDB), so its 2,000 items are split by hand, as its users must.
 */
// biome-ignore lint/suspicious/noExplicitAny: the two ODMs' namespaces and models, used through their common API
export function odmBulk(kind: "dynamoose" | "dynamodel", lib: any, Part: any, Write: any): BulkOperations {
  const input = (n: number, id: string) => ({ ...userInput(n), id });
  return {
    query200: async () => {
      const items: unknown[] = [];
      await pool(PARTITIONS, CONCURRENCY, async (p) => {
        const page = await Part.query("team")
          .eq(`p${p}`)
          .where("age")
          .ge(MIN_AGE)
          .and()
          .where("tags")
          .contains("member")
          .and()
          .where("balance")
          .ge(0)
          .exec();
        items.push(...page);
      });
      return items;
    },
    scanPaged: async () => {
      if (kind === "dynamoose") return Part.scan().limit(SCAN_PAGE).all().exec();
      const items: unknown[] = [];
      for await (const page of Part.scan().limit(SCAN_PAGE).pages()) items.push(...page);
      return items;
    },
    batchPut2000: async (ids, first) => {
      const items = ids.map((id, k) => input(first + k, id));
      if (kind === "dynamodel") return Write.batchPut(items, { concurrency: CONCURRENCY });
      const parts = chunks(items, BATCH);
      return pool(parts.length, CONCURRENCY, (c) => Write.batchPut(parts[c]));
    },
    transactions100: (seq) =>
      pool(BULK_TRANSACTIONS, CONCURRENCY, async (t) => {
        const [a, b] = accountIds(t);
        const actions = await Promise.all([
          Write.transaction.create(input(t, `txb-${seq}-${t}-a`)),
          Write.transaction.create(input(t + 1, `txb-${seq}-${t}-b`)),
          Write.transaction.update({ id: a }, { $ADD: { balance: 1 } }),
          Write.transaction.update({ id: b }, { $ADD: { balance: 1 } }),
        ]);
        return lib.transaction(actions);
      }),
  };
}

/**
 * Jobs per round and how many run at once. Dynamoose does fewer (it is 5-20× slower on these: its rounds would
 * take seconds); the values are per job either way.
 */
const BULK: readonly {
  name: string;
  op: BulkName;
  unit: string;
  jobs: number;
  dynamooseJobs: number;
  inFlight: number;
  note: string;
}[] = [
  {
    name: "query (200 partitions × 10, filter)",
    op: "query200",
    unit: "ops/s",
    jobs: 2,
    dynamooseJobs: 1,
    inFlight: 1,
    note: `one op = 200 Query requests (one per partition of a team-hash/id-range table of ${PARTITIONS} × ${PER_PARTITION} users), 16 in flight, each with 3 filters keeping about half the items`,
  },
  {
    name: "scan (paged)",
    op: "scanPaged",
    unit: "ops/s",
    jobs: 8,
    dynamooseJobs: 1,
    inFlight: 8,
    note: `one op = a full scan of the same 2,000-item table in pages of Limit ${SCAN_PAGE} following LastEvaluatedKey (21 requests); 8 scans in flight (Dynamoose: 1 per round). dynamodel: scan().limit(${SCAN_PAGE}).pages(); Dynamoose: scan().limit(${SCAN_PAGE}).all()`,
  },
  {
    name: "batchPut 2,000",
    op: "batchPut2000",
    unit: "ops/s",
    jobs: 2,
    dynamooseJobs: 1,
    inFlight: 1,
    note: "one op = 2,000 new items in 80 BatchWriteItem requests of 25, 16 in flight. dynamodel: one batchPut(items, {concurrency: 16}) (its default is 4); raw and Dynamoose: split by hand (Dynamoose's batchPut does not split)",
  },
  {
    name: "transactions 100 × 4 writes",
    op: "transactions100",
    unit: "ops/s",
    jobs: 2,
    dynamooseJobs: 2,
    inFlight: 1,
    note: "one op = 100 TransactWriteItems of 2 conditional puts + 2 updates, 16 in flight",
  },
];

/** A contender doing `jobs` bulk jobs of one kind, `inFlight` at once. */
function bulkContender(name: ContenderName, operations: BulkOperations, op: BulkName, jobs: number, inFlight: number): Contender {
  return {
    name,
    ops: jobs,
    run: (count) =>
      pool(count, inFlight, async () => {
        const seq = sequence++;
        switch (op) {
          case "batchPut2000":
            return operations.batchPut2000(
              Array.from({ length: BULK_ITEMS }, (_, k) => `${name}-B${seq}-${k}`),
              seq * BULK_ITEMS,
            );
          case "transactions100":
            return operations.transactions100(seq);
          default:
            return operations[op]();
        }
      }),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the two ODMs' models
type AnyModel = any;

/**
 * The per-item deserialize cost of the 200-partition query's results (issue #4: "within 2× of raw unmarshall"),
 * from this process's CPU time: the query's own responses (low-level AttributeValue maps, one page per partition)
 * converted the way each contender converts a page. Raw = `unmarshall` per item (what the DocumentClient does);
 * dynamodel = `Model.Model.fromStored` per item, awaited per page (what its query does: plain fields + Item);
 * Dynamoose = `new Model(map, {type: "fromDynamo"}).conformToSchema(…)` as its query does.
 */
async function deserializeRow(endpoint: string, options: MeasureOptions, models: Record<"dynamoose" | "dynamodel", AnyModel>): Promise<Row> {
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
    values: { raw: value("raw"), dynamoose: value("dynamoose"), dynamodel: value("dynamodel") },
    target: { kind: "ratio-at-most", value: 2 },
    notes: [
      `Node CPU time per item converting the 200-partition query's own ${items} result maps (one page per partition); raw = unmarshall, dynamodel = Model.Model.fromStored, what its query calls (plain fields + Item, awaited per page), Dynamoose = new Model(map, fromDynamo).conformToSchema (first 10 pages)`,
    ],
    detail: Object.fromEntries(
      measured.map((m) => [m.name, { cpuNsPerItem: +m.cpuNsPerOp.toFixed(0), wallNsPerItemRounds: m.rounds.map((r) => +r.toFixed(0)) }]),
    ),
  };
}

let sequence = 0;

/** A contender running `ops` operations of one kind at concurrency 16. */
function contender(name: ContenderName, operations: Operations, op: OperationName, ops: number): Contender {
  return {
    name,
    ops,
    run: (count) =>
      pool(count, CONCURRENCY, (i) => {
        const seq = sequence++;
        switch (op) {
          case "put":
            return operations.put(`${name}-p${seq}`, seq);
          case "batchPut":
            return operations.batchPut(
              Array.from({ length: BATCH }, (_, k) => `${name}-b${seq}-${k}`),
              seq * BATCH,
            );
          case "transaction":
            return operations.transaction(accountIds(i), seq);
          default:
            return operations[op](i);
        }
      }),
  };
}

/** Every I/O workload, in table order. Needs a running DynamoDB Local at `endpoint`. */
export async function ioWorkloads(endpoint: string, options: MeasureOptions, log: (line: string) => void): Promise<Row[]> {
  // BENCH_CONTENDERS=raw,dynamodel leaves Dynamoose out (to see how its rounds affect the others').
  const chosen = process.env.BENCH_CONTENDERS?.split(",").map((name) => name.trim());
  const names = (["raw", "dynamoose", "dynamodel"] as const).filter((name) => !chosen || chosen.includes(name));
  log("io: creating and seeding tables");
  for (const name of names) {
    await createUserTable(endpoint, tables(name).read);
    await createUserTable(endpoint, tables(name).write);
    await createPartitionTable(endpoint, tables(name).part);
  }
  dynamoose.aws.ddb.set(new DynamoDB(localClientConfig(endpoint)));
  dynamodel.aws.ddb.set(new DynamoDB(localClientConfig(endpoint)));
  const all: Record<ContenderName, Operations> = {
    raw: rawOperations(endpoint),
    dynamoose: odmOperations(dynamoose, dynamooseUser(tables("dynamoose").read), dynamooseUser(tables("dynamoose").write)),
    dynamodel: odmOperations(dynamodel, dynamodelUser(tables("dynamodel").read), dynamodelUser(tables("dynamodel").write)),
  };

  const partModels = {
    dynamoose: dynamoosePartitionUser(tables("dynamoose").part),
    dynamodel: dynamodelPartitionUser(tables("dynamodel").part),
  };
  const bulk: Record<ContenderName, BulkOperations> = {
    raw: rawBulk(endpoint),
    dynamoose: odmBulk("dynamoose", dynamoose, partModels.dynamoose, dynamooseUser(tables("dynamoose").write)),
    dynamodel: odmBulk("dynamodel", dynamodel, partModels.dynamodel, dynamodelUser(tables("dynamodel").write)),
  };
  // Bulk rounds take 0.2-1 s per contender. DynamoDB Local keeps getting faster over the first rounds (its JIT), and
  // round-to-round spread is ±30% on two shared cores: two warm-up rounds and nine measured (three with --quick).
  const bulkOptions: MeasureOptions = { warmup: Math.max(options.warmup, 2), rounds: options.rounds > 3 ? 9 : options.rounds };

  const bulkWorkload = async (workload: (typeof BULK)[number]): Promise<Row> => {
    log(`io: ${workload.name}`);
    const notes = [workload.note];
    const available: Contender[] = [];
    const returned: Partial<Record<ContenderName, number>> = {};
    for (const name of names) {
      const operations = bulk[name];
      const problem = await probe(async () => {
        if (workload.op === "query200" || workload.op === "scanPaged") returned[name] = (await operations[workload.op]()).length;
        else await bulkContender(name, operations, workload.op, 1, 1).run(1);
      });
      if (problem) {
        notes.push(`${name} not available (${problem})`);
        continue;
      }
      available.push(bulkContender(name, operations, workload.op, name === "dynamoose" ? workload.dynamooseJobs : workload.jobs, workload.inFlight));
    }
    const counts = Object.values(returned);
    if (counts.length > 1 && new Set(counts).size > 1) notes.push(`items returned per op differ: ${JSON.stringify(returned)}`);
    const measured = await measure(available, bulkOptions);
    log(`  ${measured.map((m) => `${m.name} ${(m.nsPerOp / 1e6).toFixed(0)} ms/op (node CPU ${(m.cpuNsPerOp / 1e6).toFixed(0)} ms/op)`).join(", ")}`);
    const items = counts[0];
    if (items) notes.push(`${items} items returned per op`);
    return {
      workload: workload.name,
      unit: workload.unit,
      better: "higher",
      values: throughputs(measured),
      target: { kind: "ratio-at-least", value: 0.95 },
      notes,
      detail: Object.fromEntries(
        measured.map((m) => [
          m.name,
          {
            msPerOpRounds: m.rounds.map((r) => +(r / 1e6).toFixed(2)),
            nodeCpuMsPerOp: +(m.cpuNsPerOp / 1e6).toFixed(2),
            ...(items ? { itemsPerOp: returned[m.name as ContenderName], nodeCpuNsPerItem: Math.round(m.cpuNsPerOp / (returned[m.name as ContenderName] ?? items)) } : {}),
          },
        ]),
      ),
    };
  };

  const ioWorkload = async (workload: (typeof WORKLOADS)[number]): Promise<Row> => {
    log(`io: ${workload.name}`);
    const notes = workload.note ? [workload.note] : [];
    const available: Contender[] = [];
    for (const name of names) {
      const operations = all[name];
      const one = contender(name, operations, workload.op, 1);
      const problem = await probe(() => one.run(1));
      if (problem) notes.push(`${name} not available (${problem})`);
      else available.push(contender(name, operations, workload.op, OPS[workload.op]));
    }
    const measured = await measure(available, options);
    log(`  ${measured.map((m) => `${m.name} ${(m.nsPerOp / 1e6).toFixed(2)} ms/op (node CPU ${(m.cpuNsPerOp / 1e3).toFixed(0)} µs/op)`).join(", ")}`);
    return {
      workload: workload.name,
      unit: workload.unit,
      better: "higher",
      values: throughputs(measured),
      target: { kind: "ratio-at-least", value: 0.95 },
      notes,
      detail: Object.fromEntries(
        measured.map((m) => [m.name, { msPerOpRounds: m.rounds.map((r) => +(r / 1e6).toFixed(3)), nodeCpuUsPerOp: +(m.cpuNsPerOp / 1e3).toFixed(1) }]),
      ),
    };
  };

  // DynamoDB Local's JVM keeps getting faster for its first few thousand requests: warm it up before measuring.
  log("io: warming up DynamoDB Local");
  const warmUntil = Date.now() + JVM_WARMUP_MS;
  for (let pass = 0; Date.now() < warmUntil; pass++) {
    const raw = all.raw;
    await pool(128, CONCURRENCY, (i) => (i % 4 === 0 ? raw.put(`warm-${pass}-${i}`, i) : i % 4 === 1 ? raw.query(i) : raw.get(i)));
    await pool(8, CONCURRENCY, (i) => raw.scan(i));
  }

  const rows: Row[] = [];
  for (const workload of WORKLOADS) {
    rows.push(...(await guarded(workload.name, () => ioWorkload(workload), log)));
  }
  for (const workload of BULK) {
    rows.push(...(await guarded(workload.name, () => bulkWorkload(workload), log)));
    if (workload.op === "query200") {
      log("io: query: deserialize per item");
      rows.push(...(await guarded("query: deserialize per item", () => deserializeRow(endpoint, options, partModels), log)));
    }
  }
  return rows;
}

/** Operations per second of each contender (null for one that could not run the workload). */
function throughputs(measured: readonly { readonly name: string; readonly nsPerOp: number }[]): Record<"raw" | "dynamoose" | "dynamodel", number | null> {
  const of = (name: string) => {
    const found = measured.find((m) => m.name === name);
    return found ? 1e9 / found.nsPerOp : null;
  };
  return { raw: of("raw"), dynamoose: of("dynamoose"), dynamodel: of("dynamodel") };
}

/**
 * Workloads against one DynamoDB Local at concurrency 16: put (create), get, update, query, scan, batchPut and
 * transactions. Raw = the DocumentClient (`@aws-sdk/lib-dynamodb`). Each contender has its own read and write table.
 * Values are operations per second (a batchPut operation is one batch of 25 items; a transaction has 4 actions).
 */
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { TEAMS, rawUser, userInput } from "../fixtures.js";
import { probe } from "../lib/availability.js";
import { dynamodel, dynamodelUser, dynamoose, dynamooseUser } from "../lib/contenders.js";
import { SEEDED, createUserTable, localClientConfig } from "../lib/local-tables.js";
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

const tables = (name: ContenderName) => ({ read: `bench_${name}_read`, write: `bench_${name}_write` });

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
  const names: ContenderName[] = ["raw", "dynamoose", "dynamodel"];
  log("io: creating and seeding tables");
  for (const name of names) {
    await createUserTable(endpoint, tables(name).read);
    await createUserTable(endpoint, tables(name).write);
  }
  dynamoose.aws.ddb.set(new DynamoDB(localClientConfig(endpoint)));
  dynamodel.aws.ddb.set(new DynamoDB(localClientConfig(endpoint)));
  const all: Record<ContenderName, Operations> = {
    raw: rawOperations(endpoint),
    dynamoose: odmOperations(dynamoose, dynamooseUser(tables("dynamoose").read), dynamooseUser(tables("dynamoose").write)),
    dynamodel: odmOperations(dynamodel, dynamodelUser(tables("dynamodel").read), dynamodelUser(tables("dynamodel").write)),
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
    const value = (name: ContenderName) => {
      const found = measured.find((m) => m.name === name);
      return found ? 1e9 / found.nsPerOp : null;
    };
    return {
      workload: workload.name,
      unit: workload.unit,
      better: "higher",
      values: { raw: value("raw"), dynamoose: value("dynamoose"), dynamodel: value("dynamodel") },
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
  return rows;
}

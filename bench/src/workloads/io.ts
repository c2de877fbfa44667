/**
 * Workloads against one DynamoDB Local at concurrency 16: put (create), get, update, query, scan, batchPut and
 * transactions, then the bulk jobs. Each contender (`src/io/*.ts`) has its own read, write and partitioned tables,
 * created and seeded identically with the raw SDK. Values are operations per second (a batchPut operation is one
 * batch of 25 items; a transaction has 4 actions). Each contender's result is checked against raw's before timing.
 */
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { PARTITIONS, PER_PARTITION } from "../fixtures.js";
import { electrodbBulk, electrodbOperations } from "../io/electrodb.js";
import { odmBulk, odmOperations } from "../io/odm.js";
import { rawBulk, rawOperations } from "../io/raw.js";
import { toolboxBulk, toolboxOperations } from "../io/toolbox.js";
import { probe } from "../lib/availability.js";
import { dynamodel, dynamodelPartitionUser, dynamodelUser, dynamoose, dynamoosePartitionUser, dynamooseUser } from "../lib/contenders.js";
import {
  BATCH,
  BULK_ITEMS,
  type BulkName,
  type BulkOperations,
  CONCURRENCY,
  type OperationName,
  type Operations,
  SCAN_PAGE,
  accountIds,
  tables,
} from "../lib/io-operations.js";
import { createPartitionTable, createUserTable, localClientConfig } from "../lib/local-tables.js";
import { CONTENDERS, type ContenderName, type Row, byContender, guarded } from "../lib/report.js";
import { type Contender, type MeasureOptions, measure, pool } from "../lib/timing.js";
import { verifier } from "../lib/verify-io.js";
import { ELECTRODB_IDENTIFIERS } from "../peers/electrodb-user.js";
import { deserializeRow } from "./deserialize-per-item.js";

/** How long the raw SDK hammers DynamoDB Local before the first measurement. */
const JVM_WARMUP_MS = 12_000;
/** Operations per round, by workload (sized for ~0.3-1.5 s per round on DynamoDB Local). */
const OPS: Record<OperationName, number> = { put: 192, get: 256, update: 192, query: 96, scan: 16, batchPut: 16, transaction: 64 };

const WORKLOADS: readonly { name: string; op: OperationName; unit: string; note?: string }[] = [
  { name: "put (create)", op: "put", unit: "ops/s", note: "Model.create (PutItem with attribute_not_exists); raw = PutCommand with the same condition; ElectroDB create(…).go(), Toolbox PutItemCommand with {attr: \"id\", exists: false}" },
  { name: "get", op: "get", unit: "ops/s" },
  { name: "update", op: "update", unit: "ops/s", note: "$SET + $ADD + condition, ReturnValues ALL_NEW (not in the issue's list; measured because it exists); ElectroDB update().set().add().where() (it also SETs __edb_e__, __edb_v__), Toolbox UpdateItemCommand with $add" },
  { name: "query", op: "query", unit: "ops/s", note: "GSI query of one team (20 items) with 3 filters; ElectroDB query.byTeam().where(), Toolbox QueryCommand with filters" },
  { name: "scan", op: "scan", unit: "ops/s", note: "one page: the whole 320-item table, filtered" },
  { name: "batchPut", op: "batchPut", unit: "batches/s", note: "batches of 25 new items; ElectroDB put([…]).go() (returns unprocessed keys, does not re-send them), Toolbox BatchWriteCommand of BatchPutRequests" },
  { name: "transactions", op: "transaction", unit: "ops/s", note: "TransactWriteItems: 2 conditional puts, 1 update, 1 condition check; ElectroDB service.transaction.write(), Toolbox execute(PutTransaction, UpdateTransaction, ConditionCheck)" },
];

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
    note: `one op = a full scan of the same 2,000-item table in pages of Limit ${SCAN_PAGE} following LastEvaluatedKey (21 requests); 8 scans in flight (Dynamoose: 1 per round). dynamodel: scan().limit(${SCAN_PAGE}).pages(); Dynamoose: scan().limit(${SCAN_PAGE}).all(); ElectroDB: scan.go({limit: ${SCAN_PAGE}, pages: "all"}); Toolbox: ScanCommand {limit: ${SCAN_PAGE}, maxPages: Infinity}`,
  },
  {
    name: "batchPut 2,000",
    op: "batchPut2000",
    unit: "ops/s",
    jobs: 2,
    dynamooseJobs: 1,
    inFlight: 1,
    note: "one op = 2,000 new items in 80 BatchWriteItem requests of 25, 16 in flight. dynamodel: one batchPut(items, {concurrency: 16}) (its default is 4); raw, Dynamoose and Toolbox: split by hand (Dynamoose's batchPut and Toolbox's BatchWriteCommand send one request); ElectroDB: put(items).go({concurrent: 16}), which sends in waves of 16 (each waits for its slowest) and returns unprocessed keys instead of re-sending them",
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

/** The contenders of this run: all five, or those BENCH_CONTENDERS lists (e.g. `raw,electrodb,toolbox,dynamodel`). */
export function chosenContenders(): ContenderName[] {
  const chosen = process.env.BENCH_CONTENDERS?.split(",").map((name) => name.trim());
  return CONTENDERS.filter((name) => !chosen || chosen.includes(name));
}

/** Creates and seeds every chosen contender's tables; ElectroDB's seeded items carry the identifiers it writes. */
async function createTables(endpoint: string, names: readonly ContenderName[]): Promise<void> {
  for (const name of names) {
    const extra = name === "electrodb" ? ELECTRODB_IDENTIFIERS : {};
    await createUserTable(endpoint, tables(name).read, extra);
    await createUserTable(endpoint, tables(name).write, extra);
    await createPartitionTable(endpoint, tables(name).part, extra);
  }
}

/** Every I/O workload, in table order. Needs a running DynamoDB Local at `endpoint`. */
export async function ioWorkloads(endpoint: string, options: MeasureOptions, log: (line: string) => void): Promise<Row[]> {
  const names = chosenContenders();
  log("io: creating and seeding tables");
  await createTables(endpoint, names);
  dynamoose.aws.ddb.set(new DynamoDB(localClientConfig(endpoint)));
  dynamodel.aws.ddb.set(new DynamoDB(localClientConfig(endpoint)));
  // The peers take a DocumentClient, as their docs show (removeUndefinedValues: what the raw contender sets too).
  const documentClient = DynamoDBDocumentClient.from(new DynamoDB(localClientConfig(endpoint)), { marshallOptions: { removeUndefinedValues: true } });
  const all: Record<ContenderName, Operations> = {
    raw: rawOperations(endpoint),
    dynamoose: odmOperations(dynamoose, dynamooseUser(tables("dynamoose").read), dynamooseUser(tables("dynamoose").write)),
    electrodb: electrodbOperations(documentClient),
    toolbox: toolboxOperations(documentClient),
    dynamodel: odmOperations(dynamodel, dynamodelUser(tables("dynamodel").read), dynamodelUser(tables("dynamodel").write)),
  };

  const partModels = {
    dynamoose: dynamoosePartitionUser(tables("dynamoose").part),
    dynamodel: dynamodelPartitionUser(tables("dynamodel").part),
  };
  const bulk: Record<ContenderName, BulkOperations> = {
    raw: rawBulk(endpoint),
    dynamoose: odmBulk("dynamoose", dynamoose, partModels.dynamoose, dynamooseUser(tables("dynamoose").write)),
    electrodb: electrodbBulk(documentClient),
    toolbox: toolboxBulk(documentClient),
    dynamodel: odmBulk("dynamodel", dynamodel, partModels.dynamodel, dynamodelUser(tables("dynamodel").write)),
  };
  const verify = verifier(endpoint);
  // Bulk rounds take 0.2-1 s per contender. DynamoDB Local keeps getting faster over the first rounds (its JIT), and
  // round-to-round spread is ±30% on two shared cores: two warm-up rounds and nine measured (three with --quick).
  const bulkOptions: MeasureOptions = { warmup: Math.max(options.warmup, 2), rounds: options.rounds > 3 ? 9 : options.rounds };

  /** Probes and verifies each contender; those that fail get a note instead of a place in the measurement. */
  const admit = async (notes: string[], check: (name: ContenderName) => Promise<string | null>, run: (name: ContenderName) => unknown) => {
    const admitted: ContenderName[] = [];
    for (const name of names) {
      const problem = await probe(() => run(name));
      const wrong = problem ? null : name === "raw" ? null : await check(name).catch((error: unknown) => `check failed: ${error instanceof Error ? error.message : String(error)}`);
      if (problem) notes.push(`${name} not available (${problem})`);
      else if (wrong) notes.push(`${name} left out, wrong result: ${wrong}`);
      else admitted.push(name);
    }
    return admitted;
  };

  const bulkWorkload = async (workload: (typeof BULK)[number]): Promise<Row> => {
    log(`io: ${workload.name}`);
    const notes = [workload.note];
    const returned: Partial<Record<ContenderName, number>> = {};
    const admitted = await admit(
      notes,
      (name) => verify.bulk(name, workload.op, bulk[name], bulk.raw),
      async (name) => {
        const operations = bulk[name];
        if (workload.op === "query200" || workload.op === "scanPaged") returned[name] = (await operations[workload.op]()).length;
        else await bulkContender(name, operations, workload.op, 1, 1).run(1);
      },
    );
    const available = admitted.map((name) =>
      bulkContender(name, bulk[name], workload.op, name === "dynamoose" ? workload.dynamooseJobs : workload.jobs, workload.inFlight),
    );
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
    const admitted = await admit(
      notes,
      (name) => verify.operation(name, workload.op, all[name], all.raw, notes),
      (name) => contender(name, all[name], workload.op, 1).run(1),
    );
    const measured = await measure(
      admitted.map((name) => contender(name, all[name], workload.op, OPS[workload.op])),
      options,
    );
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
  try {
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
  } finally {
    verify.close();
    documentClient.destroy();
  }
  return rows;
}

/** Operations per second of each contender (null for one that could not run the workload). */
function throughputs(measured: readonly { readonly name: string; readonly nsPerOp: number }[]): Record<ContenderName, number | null> {
  return byContender((name) => {
    const found = measured.find((m) => m.name === name);
    return found ? 1e9 / found.nsPerOp : null;
  });
}

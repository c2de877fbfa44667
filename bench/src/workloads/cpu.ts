/**
 * CPU workloads (no DynamoDB): serialize, create request, deserialize, compile query, compile update.
 * Values are operations per second (higher is better); Dynamoose, being ~50-500× slower, does fewer operations
 * per round so that a round stays short (results are per operation either way).
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { type RawUser, type UserInput, rawUser, userInput } from "../fixtures.js";
import { probe } from "../lib/availability.js";
import { dynamodel, dynamodelSchema, dynamodelUser, dynamoose, dynamooseUser } from "../lib/contenders.js";
import { type Row, byContender, guarded } from "../lib/report.js";
import { type Contender, type MeasureOptions, measure } from "../lib/timing.js";
import { PEER_CALLS, type PeerBodies, checkPeer, electrodbBodies, toolboxBodies } from "./cpu-peers.js";

/** Items per round for the raw SDK and dynamodel (the 10,000). */
const ITEMS = 10_000;
/** Items per round for Dynamoose. */
const DYNAMOOSE_ITEMS = 500;
/** Items per round for ElectroDB and DynamoDB-Toolbox. */
const PEER_ITEMS = 2_000;
const TABLE = "BenchUsers";

type AnyRecord = Record<string, unknown>;
type Map = Record<string, AttributeValue>;

/** What Dynamoose's `save` passes to `toDynamo` (Item.js): full validation and conformance. */
const DYNAMOOSE_SAVE = {
  defaults: true, validate: true, required: true, enum: true, forceDefault: true, combine: true, saveUnknown: true,
  customTypesDynamo: true, updateTimestamps: true, modifiers: ["set"], mapAttributes: true,
};
/** What Dynamoose's `get` passes to `conformToSchema` (Model/index.js). */
const DYNAMOOSE_READ = {
  customTypesDynamo: true, checkExpiredItem: true, saveUnknown: true, modifiers: ["get"], type: "fromDynamo", mapAttributes: true,
};

/** Keeps results reachable so that no work is optimized away. */
let sink: unknown;
/** Read `sink` (exported so the optimizer cannot prove it is unused). */
export const sinkValue = () => sink;

const perSecond = (nsPerOp: number) => 1e9 / nsPerOp;

interface Fixtures {
  readonly inputs: UserInput[];
  readonly raws: RawUser[];
  readonly maps: Map[];
  // biome-ignore lint/suspicious/noExplicitAny: the models' precise types do not matter here
  readonly dynamooseUser: any;
  // biome-ignore lint/suspicious/noExplicitAny: idem
  readonly dynamodelUser: any;
  // biome-ignore lint/suspicious/noExplicitAny: `plan` is @internal
  readonly plan: any;
  readonly peers: Record<"electrodb" | "toolbox", PeerBodies>;
}

function fixtures(): Fixtures {
  const inputs = Array.from({ length: ITEMS }, (_, i) => userInput(i));
  const raws = Array.from({ length: ITEMS }, (_, i) => rawUser(i));
  const maps = raws.map((raw) => marshall(raw));
  // `plan` is marked @internal but public on the Schema instance: the synchronous core of create/get.
  const plan = (dynamodelSchema() as unknown as { plan: unknown }).plan;
  const peers = { electrodb: electrodbBodies(TABLE), toolbox: toolboxBodies(TABLE) };
  return { inputs, raws, maps, dynamooseUser: dynamooseUser(TABLE), dynamodelUser: dynamodelUser(TABLE), plan, peers };
}

type PeerCheck = Awaited<ReturnType<typeof checkPeer>>;
/** ElectroDB's and DynamoDB-Toolbox's contenders of one row, and what their check found. */
interface PeerRows {
  readonly contenders: readonly Contender[];
  readonly checks: Readonly<Record<"electrodb" | "toolbox", PeerCheck>>;
}
/** The fixtures, with each peer checked against dynamodel once. */
type Checked = Fixtures & { readonly checks: Readonly<Record<"electrodb" | "toolbox", PeerCheck>> };

async function checked(f: Fixtures): Promise<Checked> {
  const reference = {
    serialize: (input: UserInput) => f.plan.toDynamo(input, { isNew: true }),
    deserialize: (map: Map) => f.plan.fromDynamo(map),
    query: (i: number) => Promise.resolve(odmQuery(f.dynamodelUser, i).getRequest()),
    update: (i: number) => odmUpdate(f.dynamodelUser, dynamodel.Condition, i),
  };
  const input = f.inputs[7] as UserInput;
  const map = f.maps[7] as Map;
  return { ...f, checks: { electrodb: await checkPeer(f.peers.electrodb, reference, input, map), toolbox: await checkPeer(f.peers.toolbox, reference, input, map) } };
}

/** The two peers' contenders for a row whose body is `body(peer, i)`. */
const peerRows = (f: Checked, body: (peer: PeerBodies, i: number) => unknown): PeerRows => ({
  contenders: (["electrodb", "toolbox"] as const).map((name) => syncLoop(name, PEER_ITEMS, (i) => body(f.peers[name], i))),
  checks: f.checks,
});

/** A contender looping synchronously over the fixtures. */
const syncLoop = (name: string, ops: number, body: (i: number) => unknown): Contender => ({
  name,
  ops,
  run(count) {
    let last: unknown;
    for (let i = 0; i < count; i++) last = body(i % ITEMS);
    sink = last;
  },
});

/** A contender awaiting each operation in turn. */
const asyncLoop = (name: string, ops: number, body: (i: number) => Promise<unknown>): Contender => ({
  name,
  ops,
  async run(count) {
    let last: unknown;
    for (let i = 0; i < count; i++) last = await body(i % ITEMS);
    sink = last;
  },
});

/** Measures the available contenders and builds the row. */
async function row(
  workload: string,
  contenders: Record<"raw" | "dynamoose" | "dynamodel", Contender>,
  options: MeasureOptions,
  extra: { target?: Row["target"]; notes?: string[]; probes?: Partial<Record<"dynamoose" | "dynamodel", () => unknown>>; peers?: PeerRows } = {},
): Promise<Row> {
  const notes = [...(extra.notes ?? [])];
  const available: Contender[] = [];
  for (const [key, contender] of Object.entries(contenders)) {
    const check = extra.probes?.[key as "dynamoose" | "dynamodel"];
    const problem = check ? await probe(check) : null;
    if (problem) notes.push(`${key} not available (${problem})`);
    else available.push(contender);
  }
  if (extra.peers && PEER_CALLS[workload]) notes.push(PEER_CALLS[workload] as string);
  for (const peer of extra.peers?.contenders ?? []) {
    const checked = extra.peers?.checks[peer.name as "electrodb" | "toolbox"];
    const prefix = `${workload}:`;
    notes.push(...(checked?.notes ?? []).filter((note) => note.startsWith(`${workload} `)).map((note) => `${peer.name}'s ${note}`));
    if (checked?.problem?.startsWith(prefix)) notes.push(`${peer.name} left out, wrong result: ${checked.problem}`);
    else available.push(peer);
  }
  const measured = await measure(available, options);
  const value = (name: string) => {
    const found = measured.find((m) => m.name === name);
    return found ? perSecond(found.nsPerOp) : null;
  };
  return {
    workload,
    unit: "ops/s",
    better: "higher",
    values: byContender(value),
    ...(extra.target ? { target: extra.target } : {}),
    notes,
    detail: Object.fromEntries(measured.map((m) => [m.name, { nsPerOpRounds: m.rounds.map((r) => Math.round(r)) }])),
  };
}

function serialize(f: Checked, options: MeasureOptions): Promise<Row> {
  const { plan } = f;
  const probeResult = plan.toDynamo(f.inputs[0], { isNew: true });
  if (probeResult instanceof Promise) throw new Error("The bench schema unexpectedly serializes asynchronously");
  return row(
    "serialize",
    {
      raw: syncLoop("raw", ITEMS, (i) => marshall(f.raws[i] as RawUser)),
      dynamoose: asyncLoop("dynamoose", DYNAMOOSE_ITEMS, (i) => new f.dynamooseUser(f.inputs[i]).toDynamo(DYNAMOOSE_SAVE)),
      dynamodel: syncLoop("dynamodel", ITEMS, (i) => plan.toDynamo(f.inputs[i], { isNew: true })),
    },
    options,
    {
      peers: peerRows(f, (peer, i) => peer.serialize(f.inputs[i] as UserInput)),
      target: { kind: "ratio-at-least", value: 0.5 },
      notes: ["raw = marshall() of a ready item (no validation, no defaults, no timestamps); dynamodel = schema.plan.toDynamo (sync); Dynamoose = item.toDynamo with its save settings"],
    },
  );
}

function createRequest(f: Checked, options: MeasureOptions): Promise<Row> {
  const rawRequest = (raw: RawUser) => {
    const now = Date.now();
    return {
      TableName: TABLE,
      Item: marshall({ ...raw, createdAt: now, updatedAt: now }),
      ConditionExpression: "attribute_not_exists(#id)",
      ExpressionAttributeNames: { "#id": "id" },
    };
  };
  return row(
    "create request",
    {
      raw: syncLoop("raw", ITEMS, (i) => rawRequest(f.raws[i] as RawUser)),
      dynamoose: asyncLoop("dynamoose", DYNAMOOSE_ITEMS, (i) => f.dynamooseUser.create(f.inputs[i], { return: "request" })),
      dynamodel: asyncLoop("dynamodel", ITEMS, (i) => f.dynamodelUser.create(f.inputs[i], { return: "request" })),
    },
    options,
    {
      peers: peerRows(f, (peer, i) => peer.createRequest(f.inputs[i] as UserInput)),
      target: { kind: "ratio-at-least", value: 0.5 },
      notes: ["Model.create(obj, {return: \"request\"}) (async, through the Item class); raw = timestamps + marshall + condition by hand"],
    },
  );
}

function deserialize(f: Checked, options: MeasureOptions): Promise<Row> {
  const { plan } = f;
  return row(
    "deserialize",
    {
      raw: syncLoop("raw", ITEMS, (i) => unmarshall(f.maps[i] as Map)),
      dynamoose: asyncLoop("dynamoose", DYNAMOOSE_ITEMS, (i) =>
        new f.dynamooseUser(f.maps[i], { type: "fromDynamo" }).conformToSchema(DYNAMOOSE_READ),
      ),
      dynamodel: syncLoop("dynamodel", ITEMS, (i) => plan.fromDynamo(f.maps[i] as Map)),
    },
    options,
    {
      peers: peerRows(f, (peer, i) => peer.deserialize(f.maps[i] as Map)),
      target: { kind: "ratio-at-least", value: 0.5 },
      notes: ["raw = unmarshall(); dynamodel = schema.plan.fromDynamo (sync; plain fields, Dates and Sets restored, not yet wrapped in an Item); Dynamoose = new Item(map, fromDynamo).conformToSchema as in Model.get"],
    },
  );
}

/** Filters: age ≥ n, tags contains "member", balance ≥ 0; projection id, email, name. */
// biome-ignore lint/suspicious/noExplicitAny: one chain for both ODMs (same API)
const odmQuery = (Model: any, i: number) =>
  Model.query("team")
    .eq(`t${i % 16}`)
    .where("age")
    .ge(18 + (i % 5))
    .and()
    .where("tags")
    .contains("member")
    .and()
    .where("balance")
    .ge(0)
    .attributes(["id", "email", "name"])
    .using("team-index");

const rawQuery = (i: number) => ({
  TableName: TABLE,
  IndexName: "team-index",
  KeyConditionExpression: "#team = :team",
  FilterExpression: "#age >= :age AND contains(#tags, :tag) AND #balance >= :balance",
  ProjectionExpression: "#id, #email, #name",
  ExpressionAttributeNames: { "#team": "team", "#age": "age", "#tags": "tags", "#balance": "balance", "#id": "id", "#email": "email", "#name": "name" },
  // What a raw SDK user writes for the DocumentClient, and what it marshalls before sending.
  ExpressionAttributeValues: marshall({ ":team": `t${i % 16}`, ":age": 18 + (i % 5), ":tag": "member", ":balance": 0 }),
});

function compileQuery(f: Checked, options: MeasureOptions): Promise<Row> {
  return row(
    "compile query",
    {
      raw: syncLoop("raw", ITEMS, rawQuery),
      dynamoose: asyncLoop("dynamoose", DYNAMOOSE_ITEMS, (i) => odmQuery(f.dynamooseUser, i).getRequest()),
      dynamodel: asyncLoop("dynamodel", ITEMS, (i) => Promise.resolve(odmQuery(f.dynamodelUser, i).getRequest())),
    },
    options,
    {
      peers: peerRows(f, (peer, i) => peer.compileQuery(i)),
      target: { kind: "ratio-at-least", value: 0.3 },
      notes: ["Model.query(...).getRequest(): key condition + 3 filters + projection on a GSI; raw = the same params written by hand, values through marshall() as the DocumentClient does"],
      probes: { dynamodel: () => odmQuery(f.dynamodelUser, 0).getRequest() },
    },
  );
}

// biome-ignore lint/suspicious/noExplicitAny: one call for both ODMs (same API)
const odmUpdate = (Model: any, Condition: any, i: number) =>
  Model.update(
    { id: `u${i}` },
    { $SET: { name: `Renamed ${i}`, age: 20 + (i % 50) }, $ADD: { balance: 5 }, $REMOVE: ["tags"] },
    { condition: new Condition("age").ge(18), return: "request" },
  );

const rawUpdate = (i: number) => ({
  TableName: TABLE,
  Key: { id: { S: `u${i}` } },
  UpdateExpression: "SET #name = :name, #age = :age, #updatedAt = :now REMOVE #tags ADD #balance :inc",
  ConditionExpression: "#age >= :min",
  ExpressionAttributeNames: { "#name": "name", "#age": "age", "#updatedAt": "updatedAt", "#tags": "tags", "#balance": "balance" },
  ExpressionAttributeValues: marshall({ ":name": `Renamed ${i}`, ":age": 20 + (i % 50), ":now": Date.now(), ":inc": 5, ":min": 18 }),
  ReturnValues: "ALL_NEW",
});

function compileUpdate(f: Checked, options: MeasureOptions): Promise<Row> {
  return row(
    "compile update",
    {
      raw: syncLoop("raw", ITEMS, rawUpdate),
      dynamoose: asyncLoop("dynamoose", DYNAMOOSE_ITEMS, (i) => odmUpdate(f.dynamooseUser, dynamoose.Condition, i)),
      dynamodel: asyncLoop("dynamodel", ITEMS, (i) => odmUpdate(f.dynamodelUser, dynamodel.Condition, i)),
    },
    options,
    {
      peers: peerRows(f, (peer, i) => peer.compileUpdate(i)),
      target: { kind: "ratio-at-least", value: 0.3 },
      notes: ["Model.update(key, {$SET, $ADD, $REMOVE}, {condition, return: \"request\"}) incl. value validation and updatedAt; raw = by hand, values through marshall()"],
    },
  );
}

/** Every CPU workload, in table order. */
export async function cpuWorkloads(options: MeasureOptions, log: (line: string) => void): Promise<Row[]> {
  const f = await checked(fixtures());
  const rows: Row[] = [];
  for (const [name, workload] of [
    ["serialize", serialize],
    ["create request", createRequest],
    ["deserialize", deserialize],
    ["compile query", compileQuery],
    ["compile update", compileUpdate],
  ] as const) {
    log(`cpu: ${name}`);
    rows.push(...(await guarded(name, () => workload(f, options), log)));
  }
  return rows;
}

/** For the profiler: one dynamodel workload's body, run `count` times. */
export function dynamodelBody(workload: string): (count: number) => unknown {
  const f = fixtures();
  const loop = (body: (i: number) => unknown, isAsync: boolean) =>
    isAsync
      ? async (count: number) => {
          for (let i = 0; i < count; i++) sink = await body(i % ITEMS);
        }
      : (count: number) => {
          for (let i = 0; i < count; i++) sink = body(i % ITEMS);
        };
  switch (workload) {
    case "serialize":
      return loop((i) => f.plan.toDynamo(f.inputs[i], { isNew: true }), false);
    case "create-request":
      return loop((i) => f.dynamodelUser.create(f.inputs[i], { return: "request" }), true);
    case "deserialize":
      return loop((i) => f.plan.fromDynamo(f.maps[i]), false);
    case "from-stored":
      // What a query/scan/get does per returned item: plain fields + table attributes + the Item (issue #4's row).
      return loop((i) => (f.dynamodelUser as unknown as { Model: { fromStored(map: unknown): Promise<unknown> } }).Model.fromStored(f.maps[i]), true);
    case "compile-query":
      return loop((i) => Promise.resolve(odmQuery(f.dynamodelUser, i).getRequest()), true);
    case "compile-update":
      return loop((i) => odmUpdate(f.dynamodelUser, dynamodel.Condition, i), true);
    default:
      throw new Error(`No CPU workload named ${workload} (serialize, create-request, deserialize, from-stored, compile-query, compile-update)`);
  }
}

/**
 * DynamoDB's limits, checked before sending: nesting deeper than 32 levels, key values over 2,048 (partition) or
 * 1,024 (sort) bytes, empty key values, numbers outside DynamoDB's range, a string compared with a Number attribute
 * and update values over the item limit are refused with zero requests sent. What is accepted is read back raw.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";
import { type Recorded, recordingClient } from "../support/recording-client.js";

const log: Recorded[] = [];
const raw = localClient();
const tables: string[] = [];

function model<T extends Record<string, unknown>>(prefix: string, definition: T) {
  const name = tableName(prefix);
  tables.push(name);
  return {
    name,
    Model: dynamodel.model(name, new dynamodel.Schema(definition as never, { saveUnknown: true }), { throughput: "ON_DEMAND" }),
  };
}

const { name: thingTable, Model: Thing } = model("Limits", {
  pk: { type: String, hashKey: true },
  sk: { type: String, rangeKey: true },
  n: Number,
  list: { type: Set, schema: [Number] },
});
const { name: numTable, Model: Num } = model("LimitsNum", { id: { type: Number, hashKey: true }, n: Number });
const binTable = tableName("LimitsBin");
tables.push(binTable);
const Bin = dynamodel.model(binTable, new dynamodel.Schema({ id: { type: Buffer, hashKey: true } }), { throughput: "ON_DEMAND" });

beforeAll(async () => {
  dynamodel.aws.ddb.set(recordingClient(localClient(), log));
  await Thing.get({ pk: "warm", sk: "up" });
  await Num.get(1);
  await Bin.get(Buffer.from("x"));
});
beforeEach(() => {
  log.length = 0;
});
afterAll(async () => {
  for (const TableName of tables) await raw.deleteTable({ TableName }).catch(() => undefined);
});

/** Expects `run` to reject with an error of `type` (whose message names `names`) and no request to be sent. */
async function refused(run: () => Promise<unknown>, type: new (...args: never[]) => Error, ...names: string[]): Promise<Error> {
  const error = (await run().then(
    () => undefined,
    (e: unknown) => e,
  )) as Error;
  expect(error).toBeInstanceOf(type);
  for (const name of names) expect(error.message).toContain(name);
  expect(log).toHaveLength(0);
  return error;
}

const nested = (depth: number, leaf: unknown = "x"): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};
const nestedList = (depth: number): unknown => {
  let value: unknown = "x";
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

async function storedRaw(TableName: string, Key: Record<string, unknown>) {
  return (await raw.getItem({ TableName, Key: Key as never, ConsistentRead: true })).Item;
}

describe("nesting deeper than DynamoDB's 32 levels", () => {
  it("a 100,000-deep value is refused by create and update, in linear time and without a stack overflow", async () => {
    const { LimitExceeded } = dynamodel.error;
    await refused(() => Thing.create({ pk: "deep", sk: "1", deep: nested(100_000) }), LimitExceeded, "deep", "32");
    await refused(() => Thing.create({ pk: "deep", sk: "1", deep: nestedList(100_000) }), LimitExceeded, "32");
    await refused(() => Thing.update({ pk: "deep", sk: "1" }, { deep: nested(100_000) }), LimitExceeded, "32");
    await refused(() => Thing.update({ pk: "deep", sk: "1" }, { $SET: { deep: nested(100_000) } }), LimitExceeded, "32");
  });

  it("31 nested maps are stored, 32 are refused", async () => {
    await Thing.create({ pk: "deep", sk: "31", deep: nested(31) });
    const item = await storedRaw(thingTable, { pk: { S: "deep" }, sk: { S: "31" } });
    let value = item?.deep;
    let depth = 0;
    while (value?.M) {
      value = value.M.a;
      depth++;
    }
    expect(depth).toBe(31);
    log.length = 0;
    await refused(() => Thing.create({ pk: "deep", sk: "32", deep: nested(32) }), dynamodel.error.LimitExceeded, "32");
    await refused(() => Thing.update({ pk: "deep", sk: "32" }, { deep: nested(32) }), dynamodel.error.LimitExceeded, "32");
  });
});

describe("key sizes", () => {
  const big = "x".repeat(2049);
  const bigSort = "é".repeat(513); // 1,026 UTF-8 bytes in 513 characters
  const huge = "x".repeat(50 * 1024 * 1024);

  it("a partition key over 2,048 bytes or a sort key over 1,024 bytes is refused by every operation that takes a key", async () => {
    const { LimitExceeded } = dynamodel.error;
    await refused(() => Thing.get({ pk: huge, sk: "a" }), LimitExceeded, "pk", "2048");
    await refused(() => Thing.delete({ pk: huge, sk: "a" }), LimitExceeded, "pk", "2048");
    await refused(() => Thing.get({ pk: "a", sk: bigSort }), LimitExceeded, "sk", "1024");
    await refused(() => Thing.update({ pk: big, sk: "a" }, { n: 1 }), LimitExceeded, "pk");
    await refused(() => Thing.create({ pk: big, sk: "a" }), LimitExceeded, "pk");
    await refused(() => Thing.create({ pk: "a", sk: bigSort }), LimitExceeded, "sk");
    await refused(() => Thing.batchGet([{ pk: big, sk: "a" }]), LimitExceeded, "pk");
    await refused(() => Thing.batchPut([{ pk: big, sk: "a" }]), LimitExceeded, "pk");
    await refused(() => Thing.batchDelete([{ pk: "a", sk: bigSort }]), LimitExceeded, "sk");
    await refused(async () => dynamodel.transaction([Thing.transaction.get({ pk: big, sk: "a" })]), LimitExceeded, "pk");
    await refused(async () => dynamodel.transaction([Thing.transaction.delete({ pk: big, sk: "a" })]), LimitExceeded, "pk");
    await refused(async () => dynamodel.transaction([Thing.transaction.create({ pk: big, sk: "a" })]), LimitExceeded, "pk");
    await refused(async () => dynamodel.transaction([Thing.transaction.update({ pk: big, sk: "a" }, { n: 1 })]), LimitExceeded, "pk");
    await refused(() => Thing.query("pk").eq(big).exec(), LimitExceeded, "pk");
    await refused(() => Thing.query("pk").eq(huge).exec(), LimitExceeded, "pk");
    await refused(() => Thing.query("pk").eq("a").where("sk").gt(bigSort).exec(), LimitExceeded, "sk");
    await refused(() => Thing.query("pk").eq("a").startAt({ pk: big, sk: "a" }).exec(), LimitExceeded, "pk");
    await refused(() => Thing.scan().startAt({ pk: "a", sk: bigSort }).exec(), LimitExceeded, "sk");
  });

  it("keys of exactly 2,048 and 1,024 bytes are stored", async () => {
    const pk = "p".repeat(2048);
    const sk = "é".repeat(512);
    await Thing.create({ pk, sk });
    expect((await Thing.get({ pk, sk }))?.pk).toBe(pk);
    expect(await storedRaw(thingTable, { pk: { S: pk }, sk: { S: sk } })).toEqual({ pk: { S: pk }, sk: { S: sk } });
  });
});

describe("update values over the item limit", () => {
  it("an update whose values alone exceed 400 KB is refused before sending", async () => {
    const { LimitExceeded } = dynamodel.error;
    await refused(() => Thing.update({ pk: "u", sk: "1" }, { big: "x".repeat(401 * 1024) }), LimitExceeded, "400 KB");
    await refused(() => Thing.update({ pk: "u", sk: "1" }, { big: "x".repeat(50 * 1024 * 1024) }), LimitExceeded, "400 KB");
    await refused(
      () => Thing.update({ pk: "u", sk: "1" }, { a: "x".repeat(210 * 1024), b: "y".repeat(210 * 1024) }),
      LimitExceeded,
      "400 KB",
    );
  });
});

describe("empty key values", () => {
  it("an empty string or zero-byte Buffer key is refused naming the key attribute", async () => {
    const { ValidationError } = dynamodel.error;
    await refused(() => Thing.create({ pk: "", sk: "a" }), ValidationError, "pk", "empty");
    await refused(() => Thing.create({ pk: "a", sk: "" }), ValidationError, "sk", "empty");
    await refused(() => Thing.get({ pk: "", sk: "a" }), ValidationError, "pk", "empty");
    await refused(() => Thing.update({ pk: "a", sk: "" }, { n: 1 }), ValidationError, "sk", "empty");
    await refused(() => Thing.delete({ pk: "", sk: "a" }), ValidationError, "pk", "empty");
    await refused(() => Thing.query("pk").eq("").exec(), ValidationError, "pk", "empty");
    await refused(() => Thing.batchGet([{ pk: "", sk: "a" }]), ValidationError, "pk", "empty");
    await refused(() => Thing.batchDelete([{ pk: "a", sk: "" }]), ValidationError, "sk", "empty");
    await refused(() => Bin.get(Buffer.alloc(0)), ValidationError, "id", "empty");
    await refused(() => Bin.create({ id: Buffer.alloc(0) }), ValidationError, "id", "empty");
  });
});

describe("numbers outside DynamoDB's range", () => {
  it("are refused like NaN and Infinity in writes, updates, $ADD, conditions and keys", async () => {
    const { TypeMismatch } = dynamodel.error;
    await refused(() => Thing.create({ pk: "n", sk: "1", n: 1e200 }), TypeMismatch, "n");
    await refused(() => Thing.create({ pk: "n", sk: "1", n: 1e-200 }), TypeMismatch, "n");
    await refused(() => Thing.create({ pk: "n", sk: "1", free: 1e126 }), TypeMismatch, "free");
    await refused(() => Thing.create({ pk: "n", sk: "1", list: [1, 1e200] }), TypeMismatch, "list");
    await refused(() => Thing.update({ pk: "n", sk: "1" }, { n: 1e200 }), TypeMismatch, "n");
    await refused(() => Thing.update({ pk: "n", sk: "1" }, { $ADD: { n: -1e200 } }), TypeMismatch, "n");
    await refused(() => Thing.update({ pk: "n", sk: "1" }, { $SET: { free: 1e-131 } }), TypeMismatch, "free");
    await refused(() => Thing.create({ pk: "n", sk: "1" }, { condition: new dynamodel.Condition("n").eq(1e200) }), TypeMismatch, "n");
    await refused(() => Thing.scan("n").gt(1e200).exec(), TypeMismatch, "n");
    await refused(() => Num.get(1e200), TypeMismatch, "id");
    await refused(() => Num.create({ id: 1e-300 }), TypeMismatch, "id");
  });

  it("the extremes DynamoDB accepts are stored", async () => {
    await Num.create({ id: 1, n: 1e125 });
    await Num.create({ id: 2, n: 1e-130 });
    await Num.create({ id: 3, n: -9.99e125 });
    expect(Number((await storedRaw(numTable, { id: { N: "1" } }))?.n?.N)).toBe(1e125);
    expect(Number((await storedRaw(numTable, { id: { N: "2" } }))?.n?.N)).toBe(1e-130);
    expect(Number((await storedRaw(numTable, { id: { N: "3" } }))?.n?.N)).toBe(-9.99e125);
  });
});

describe("a string compared with a Number attribute", () => {
  it("is refused with TypeMismatch in filters and conditions", async () => {
    const { TypeMismatch } = dynamodel.error;
    await refused(() => Thing.scan("n").gt("1e999999999").exec(), TypeMismatch, "n");
    await refused(() => Thing.query("pk").eq("a").where("n").eq("5").exec(), TypeMismatch, "n");
    await refused(() => Thing.create({ pk: "s", sk: "1" }, { condition: new dynamodel.Condition("n").lt("5") }), TypeMismatch, "n");
    await refused(
      () => Thing.update({ pk: "s", sk: "1" }, { n: 1 }, { condition: new dynamodel.Condition("n").between("1", "2") }),
      TypeMismatch,
      "n",
    );
  });
});

/**
 * Key values checked before sending (issue #13), as DynamoDB (and DynamoDB Local 3.3, measured with the raw SDK: "A
 * value specified for a secondary index key is not supported", "Size limit exceeded") refuses them: a secondary index
 * key attribute's empty string or binary value in every write, or one over 2,048 bytes (index partition key) or 1,024
 * bytes (index sort key); a query's sort key condition value that is empty (also in `begins_with`) or over 1,024
 * bytes, on the table and on an index. Each refusal sends zero requests; what is accepted is read back raw.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { LimitExceeded, ValidationError } from "../../src/errors.js";
import { localClient, tableName } from "../support/local.js";
import { type Recorded, recordingClient } from "../support/recording-client.js";

const log: Recorded[] = [];
const raw = localClient();
const name = tableName("QuerySortKey");
const Doc = dynamodel.model(
  name,
  new dynamodel.Schema({
    id: { type: String, hashKey: true },
    sk: { type: String, rangeKey: true },
    g: { type: String, index: { name: "gIndex", type: "global", rangeKey: "r" } },
    r: String,
    l: { type: String, index: { name: "lIndex", type: "local" } },
    b: { type: Buffer, index: { name: "bIndex", type: "global" } },
  }),
  { throughput: "ON_DEMAND" },
);

beforeAll(async () => {
  dynamodel.aws.ddb.set(recordingClient(localClient(), log));
  await Doc.get({ id: "warm", sk: "up" });
});
beforeEach(() => {
  log.length = 0;
});
afterAll(async () => {
  await raw.deleteTable({ TableName: name }).catch(() => undefined);
});

/** Expects `run` to reject with `type` and `code`, its message naming each of `names`, and no request sent. */
async function refused(
  run: () => Promise<unknown>,
  type: new (...args: never[]) => Error,
  code: string,
  ...names: string[]
): Promise<void> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  expect(error).toMatchObject({ code });
  for (const text of names) expect((error as Error).message).toContain(text);
  expect(log).toHaveLength(0);
}

const big = (bytes: number): string => "é".repeat(bytes / 2);

describe("secondary index key values in writes", () => {
  it("an empty string or binary index key is refused in create, save, update, batchPut and transactions", async () => {
    const key = { id: "w", sk: "1" };
    await refused(() => Doc.create({ ...key, g: "" }), ValidationError, "empty_key", "g", "gIndex");
    await refused(() => Doc.create({ ...key, g: "x", r: "" }), ValidationError, "empty_key", "r", "gIndex");
    await refused(() => Doc.create({ ...key, l: "" }), ValidationError, "empty_key", "l", "lIndex");
    await refused(() => Doc.create({ ...key, b: Buffer.alloc(0) }), ValidationError, "empty_key", "b", "bIndex");
    await refused(() => new Doc({ ...key, g: "" }).save(), ValidationError, "empty_key", "g");
    await refused(() => Doc.update(key, { g: "" }), ValidationError, "empty_key", "g", "gIndex");
    await refused(() => Doc.update(key, { $SET: { r: "" } }), ValidationError, "empty_key", "r");
    await refused(() => Doc.update(key, { l: dynamodel.update.ifNotExists("") }), ValidationError, "empty_key", "l", "lIndex");
    await refused(() => Doc.batchPut([{ ...key, l: "" }]), ValidationError, "empty_key", "l");
    await refused(() => dynamodel.transaction([Doc.transaction.create({ ...key, g: "" })]), ValidationError, "empty_key", "g");
    await refused(() => dynamodel.transaction([Doc.transaction.update(key, { g: "" })]), ValidationError, "empty_key", "g");
  });

  it("an index partition key over 2,048 bytes or sort key over 1,024 bytes is refused", async () => {
    const key = { id: "w", sk: "1" };
    await refused(() => Doc.create({ ...key, g: big(2050) }), LimitExceeded, "key_too_large", "g", "gIndex");
    await refused(() => Doc.create({ ...key, g: "x", r: big(1026) }), LimitExceeded, "key_too_large", "r");
    await refused(() => Doc.create({ ...key, l: big(1026) }), LimitExceeded, "key_too_large", "l", "lIndex");
    await refused(() => Doc.update(key, { g: big(2050) }), LimitExceeded, "key_too_large", "g");
    await refused(() => Doc.batchPut([{ ...key, r: big(1026) }]), LimitExceeded, "key_too_large", "r");
  });

  it("values within the limits are written", async () => {
    await Doc.create({ id: "w", sk: "1", g: big(2048), r: big(1024), l: big(1024), b: Buffer.from([1]) });
    await Doc.update({ id: "w", sk: "1" }, { g: "x", $REMOVE: ["r"] });
    const stored = (await raw.getItem({ TableName: name, Key: { id: { S: "w" }, sk: { S: "1" } }, ConsistentRead: true })).Item;
    expect(stored?.g).toEqual({ S: "x" });
    expect(stored?.r).toBeUndefined();
    expect(stored?.l?.S).toHaveLength(512);
  });
});

describe("query key condition values", () => {
  it("an empty or oversized sort key value is refused, on the table and on an index", async () => {
    await refused(() => Doc.query("id").eq("a").where("sk").eq("").exec(), ValidationError, "empty_key", "sk");
    await refused(() => Doc.query("id").eq("a").where("sk").beginsWith("").exec(), ValidationError, "empty_key", "sk");
    await refused(() => Doc.query("id").eq("a").where("sk").gt("").exec(), ValidationError, "empty_key", "sk");
    await refused(() => Doc.query("id").eq("a").where("sk").between("", "b").exec(), ValidationError, "empty_key", "sk");
    await refused(() => Doc.query("id").eq("a").where("sk").lt(big(1026)).exec(), LimitExceeded, "key_too_large", "sk");
    await refused(
      () => Doc.query("g").eq("x").where("r").beginsWith("").using("gIndex").exec(),
      ValidationError,
      "empty_key",
      "r",
      "gIndex",
    );
    await refused(
      () => Doc.query("g").eq("x").where("r").le(big(1026)).using("gIndex").exec(),
      LimitExceeded,
      "key_too_large",
      "r",
      "gIndex",
    );
    await refused(() => Doc.query("g").eq("").using("gIndex").exec(), ValidationError, "empty_key", "g", "gIndex");
    await refused(() => Doc.query("g").eq(big(2050)).using("gIndex").exec(), LimitExceeded, "key_too_large", "g");
  });

  it("values within the limits are sent", async () => {
    await Doc.create({ id: "a", sk: "1", g: "x", r: "y" });
    log.length = 0;
    expect(await Doc.query("id").eq("a").where("sk").beginsWith("1").exec()).toHaveLength(1);
    expect(await Doc.query("g").eq("x").using("gIndex").exec()).toHaveLength(1);
    expect(log.map((entry) => entry.operation)).toEqual(["query", "query"]);
  });
});

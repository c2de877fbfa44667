/**
 * Query key condition values, checked before sending (issue #13): DynamoDB (and DynamoDB Local, measured) refuses a
 * sort key condition value that is empty (also in `begins_with`) or over 1,024 bytes, on the table and on an index.
 * Each refusal sends zero requests.
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

describe("query key condition values", () => {
  it("an empty or oversized sort key value is refused, on the table and on an index", async () => {
    await refused(() => Doc.query("id").eq("a").where("sk").eq("").exec(), ValidationError, "empty_key", "sk");
    await refused(() => Doc.query("id").eq("a").where("sk").beginsWith("").exec(), ValidationError, "empty_key", "sk");
    await refused(() => Doc.query("id").eq("a").where("sk").gt("").exec(), ValidationError, "empty_key", "sk");
    await refused(() => Doc.query("id").eq("a").where("sk").between("", "b").exec(), ValidationError, "empty_key", "sk");
    await refused(() => Doc.query("id").eq("a").where("sk").lt(big(1026)).exec(), LimitExceeded, "key_too_large", "sk");
    await refused(() => Doc.query("g").eq("x").where("r").beginsWith("").using("gIndex").exec(), ValidationError, "empty_key", "r");
    await refused(() => Doc.query("g").eq("x").where("r").le(big(1026)).using("gIndex").exec(), LimitExceeded, "key_too_large", "r");
    await refused(() => Doc.query("g").eq("").using("gIndex").exec(), ValidationError, "empty_key", "g");
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

/**
 * `item.populate()`, `result.populate()` and the table option `populate`, ported from Dynamoose's test/Populate.js and
 * run on DynamoDB Local: without settings every level is populated (`parent.parent` too), `"*"` one level, each level
 * fetched with one BatchGetItem per referenced model (counted), missing items and cycles left as keys.
 */
import { describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";
import { type Recorded, recordDefaultClient } from "../support/recording-client.js";

const log = recordDefaultClient();

const fast = { waitForActive: { enabled: true, check: { timeout: 10_000, frequency: 10 } } } as const;
const reads = () => log.filter((r) => r.operation === "batchGetItem" || r.operation === "getItem").map((r) => r.operation);
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Dynamoose's fixture: users whose parent is another user (`type.THIS`), stored with the raw SDK. */
async function users(prefix: string, options: Record<string, unknown> = {}, parentType: unknown = dynamodel.type.THIS) {
  const User = dynamodel.model(
    tableName(prefix),
    new dynamodel.Schema({ id: Number, name: String, parent: parentType as typeof dynamodel.type.THIS }),
    { ...fast, ...options },
  );
  await User.table().initialize();
  const put = (item: Record<string, unknown>) =>
    localClient().putItem({ TableName: User.table().name, Item: dynamodel.aws.converter().marshall(item) });
  await Promise.all([
    put({ id: 1, name: "Bob", parent: 3 }),
    put({ id: 3, name: "Evan" }),
    put({ id: 2, name: "Tim", parent: 1 }),
    put({ id: 4, name: "Ann" }),
  ]);
  log.length = 0;
  return User;
}

describe("item.populate() (Dynamoose's PopulateItem cases)", () => {
  it("leaves an item without references alone, and populates every level without settings", async () => {
    const User = await users("PopAll");
    expect(plain(await new User({ id: 9, name: "Tim" }).populate())).toEqual({ id: 9, name: "Tim" });
    expect(reads()).toEqual([]);
    const tim = new User({ id: 2, name: "Tim", parent: 1 });
    expect(plain(await tim.populate())).toEqual({ id: 2, name: "Tim", parent: { id: 1, name: "Bob", parent: { id: 3, name: "Evan" } } });
    expect(tim.parent).toBeInstanceOf(User);
    expect(reads()).toEqual(["batchGetItem", "batchGetItem"]); // one per level
  });

  it("populates one level with properties '*' or ['*'], also when the attribute has several types", async () => {
    const User = await users("PopOne");
    for (const properties of ["*", ["*"]]) {
      const tim = await new User({ id: 2, name: "Tim", parent: 1 }).populate({ properties });
      expect(plain(tim)).toEqual({ id: 2, name: "Tim", parent: { id: 1, name: "Bob", parent: 3 } });
    }
    const Multi = await users("PopMulti", {}, [dynamodel.type.THIS, String]);
    const tim = await new Multi({ id: 2, name: "Tim", parent: 1 }).populate({ properties: ["*"] });
    expect(plain(tim)).toEqual({ id: 2, name: "Tim", parent: { id: 1, name: "Bob", parent: 3 } });
  });

  it("keeps a missing item's key and stops at a reference back to an item on its own path", async () => {
    const User = await users("PopCycle");
    await localClient().putItem({ TableName: User.table().name, Item: { id: { N: "5" }, name: { S: "Loop" }, parent: { N: "6" } } });
    await localClient().putItem({ TableName: User.table().name, Item: { id: { N: "6" }, name: { S: "Back" }, parent: { N: "5" } } });
    expect(plain(await new User({ id: 7, name: "Orphan", parent: 99 }).populate())).toEqual({ id: 7, name: "Orphan", parent: 99 });
    const loop = await User.get(5);
    expect(plain(await loop?.populate())).toEqual({ id: 5, name: "Loop", parent: { id: 6, name: "Back", parent: 5 } });
  });
});

describe("result.populate() (Dynamoose's PopulateItems), batched", () => {
  it("populates every item of a scan with one BatchGetItem per level, not one GetItem per reference", async () => {
    const User = await users("PopMany");
    const children = Array.from({ length: 30 }, (_, i) => ({ id: 100 + i, name: `c${i}`, parent: [1, 2, 3, 4][i % 4] }));
    await User.batchPut(children);
    log.length = 0;
    const scanned = await User.scan("id").ge(100).all().exec();
    expect(scanned).toHaveLength(30);
    log.length = 0;
    await scanned.populate();
    // One request per level, 30 references in the first: parents 1-4; their parents 3 and 1; Bob's parent 3 under Tim.
    expect(reads()).toEqual(["batchGetItem", "batchGetItem", "batchGetItem"]);
    expect(
      ((log[0] as Recorded).input as { RequestItems: Record<string, { Keys: unknown[] }> }).RequestItems[User.table().name]?.Keys,
    ).toHaveLength(4);
    const byId = new Map(scanned.map((item) => [item.id, plain(item)]));
    expect(byId.get(101)).toEqual({
      id: 101,
      name: "c1",
      parent: { id: 2, name: "Tim", parent: { id: 1, name: "Bob", parent: { id: 3, name: "Evan" } } },
    });
    expect(byId.get(103)).toEqual({ id: 103, name: "c3", parent: { id: 4, name: "Ann" } });
    const got = await User.batchGet([2, 4]);
    log.length = 0;
    expect(plain(await got.populate({ properties: "*" }))).toEqual([
      { id: 2, name: "Tim", parent: { id: 1, name: "Bob", parent: 3 } },
      { id: 4, name: "Ann" },
    ]);
    expect(reads()).toEqual(["batchGetItem"]);
  });
});

describe("the table option populate", () => {
  it("populates items read by get, batchGet, query and scan", async () => {
    const User = await users("PopAuto", { populate: "*" });
    const tim = await User.get(2);
    expect(plain(tim)).toEqual({ id: 2, name: "Tim", parent: { id: 1, name: "Bob", parent: 3 } });
    expect(reads()).toEqual(["getItem", "batchGetItem"]);
    expect(plain(await User.batchGet([2]))).toEqual([plain(tim)]);
    expect(plain(await User.query("id").eq(2).exec())).toEqual([plain(tim)]);
    expect(plain(await User.scan("id").eq(2).exec())).toEqual([plain(tim)]);
    const deep = await users("PopAutoDeep", { populate: true });
    expect(plain(await deep.get(2))).toEqual({ id: 2, name: "Tim", parent: { id: 1, name: "Bob", parent: { id: 3, name: "Evan" } } });
    const off = await users("PopOff");
    expect(plain(await off.get(2))).toEqual({ id: 2, name: "Tim", parent: 1 });
  });
});

describe("conformToSchema and populate (Dynamoose's prepareForResponse)", () => {
  it("populates with type fromDynamo when the table option asks for it; the setting populate alone populates nothing", async () => {
    const Auto = await users("PopConform", { populate: "*" });
    const tim = new Auto({ id: 2, name: "Tim", parent: 1 }, { type: "fromDynamo" });
    expect(plain(await tim.conformToSchema({ type: "fromDynamo" }))).toEqual({
      id: 2,
      name: "Tim",
      parent: { id: 1, name: "Bob", parent: 3 },
    });
    expect(reads()).toEqual(["batchGetItem"]);
    log.length = 0;
    const written = new Auto({ id: 2, name: "Tim", parent: 1 });
    expect(plain(await written.conformToSchema({ type: "toDynamo", populate: true }))).toEqual({ id: 2, name: "Tim", parent: 1 });
    const off = await users("PopConformOff");
    const read = new off({ id: 2, name: "Tim", parent: 1 }, { type: "fromDynamo" });
    expect(plain(await read.conformToSchema({ type: "fromDynamo", populate: true }))).toEqual({ id: 2, name: "Tim", parent: 1 });
    expect(reads()).toEqual([]);
  });
});

/**
 * Injection: attribute names and values that look like expression syntax (`#`, `:`, `.`, `[`, spaces, unicode,
 * whole expressions) and all 573 of DynamoDB's reserved words are stored, found by a filter and updated exactly.
 * Names and values only ever reach DynamoDB as ExpressionAttributeNames / ExpressionAttributeValues.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Path } from "../../src/expression/index.js";
import dynamodel, { update } from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";
import { RESERVED_WORDS } from "../support/reserved-words.js";

/** A path of one attribute name, whatever characters it holds (`"a.b"` is one name here, not a nested path). */
const named = (...names: string[]): Path => names.map((name) => ({ kind: "name" as const, name }));

/** Names an update object can address as keys: `.`, `[` and `]` make a key a document path. */
const addressable = (name: string) => !/[.[\]]/.test(name);

const NASTY_NAMES = [
  "#",
  "#n0",
  "#n0.#n1",
  ":",
  ":v0",
  "a b",
  " leading and trailing ",
  "日本語",
  "🙂",
  "é",
  "a=b",
  "x OR y",
  "attribute_exists(id)",
  "size",
  "(",
  ")",
  ",",
  "a.b",
  "x[0]",
  "[",
  "]",
  "SET #a = :b REMOVE c",
];

const NASTY_VALUES = [
  ":v0",
  "#n0",
  "a = :v0 OR attribute_exists(id)",
  ") OR (1 = 1",
  "#n0 <> :v0",
  "🙂",
  "日本語",
  "",
  " ",
  "NULL",
  "true",
  "[0]",
  "a.b",
];

let client: ReturnType<typeof localClient>;
const tables: string[] = [];
beforeAll(() => {
  client = localClient();
  dynamodel.aws.ddb.set(client);
});
afterAll(async () => {
  for (const TableName of tables) await client.deleteTable({ TableName }).catch(() => undefined);
});

function model(prefix: string) {
  const name = tableName(prefix);
  tables.push(name);
  return {
    name,
    Model: dynamodel.model(name, new dynamodel.Schema({ id: { type: String, hashKey: true } }, { saveUnknown: true }), {
      throughput: "ON_DEMAND",
    }),
  };
}

const raw = async (TableName: string, id: string): Promise<Record<string, AttributeValue>> =>
  (await client.getItem({ TableName, Key: { id: { S: id } }, ConsistentRead: true })).Item ?? {};

describe("attribute names that look like expression syntax", () => {
  const { name, Model } = model("InjectNames");
  const item: Record<string, unknown> & { id: string } = { id: "names", m: {} };
  NASTY_NAMES.forEach((n, i) => {
    item[n] = `value ${i} of ${n}`;
    (item.m as Record<string, unknown>)[n] = i;
  });

  it("are stored exactly, top level and as map keys", async () => {
    await Model.create(item);
    const stored = await raw(name, "names");
    for (const [i, n] of NASTY_NAMES.entries()) {
      expect(stored[n]).toEqual({ S: `value ${i} of ${n}` });
      expect(stored.m?.M?.[n]).toEqual({ N: String(i) });
    }
  });

  it("are found by a filter, each one alone and all together", async () => {
    const all = new dynamodel.Condition();
    for (const [i, n] of NASTY_NAMES.entries()) {
      all.where(named(n)).eq(`value ${i} of ${n}`).and().where(named("m", n)).eq(i);
      const one = await Model.scan(new dynamodel.Condition().where(named(n)).eq(`value ${i} of ${n}`)).all().exec();
      expect(one.map((x) => x.id), n).toEqual(["names"]);
      const nested = await Model.scan(new dynamodel.Condition().where(named("m", n)).between(i, i)).all().exec();
      expect(nested.map((x) => x.id), `m.${n}`).toEqual(["names"]);
      const none = await Model.scan(new dynamodel.Condition().where(named(n)).eq("other")).all().exec();
      expect(none, n).toHaveLength(0);
    }
    const request = await Model.scan(all).getRequest();
    // only placeholders in the expression; the names are in the names map
    expect(request.FilterExpression).toMatch(/^[#:\w.[\]() =<>,]*$/);
    for (const n of NASTY_NAMES) expect(Object.values(request.ExpressionAttributeNames ?? {})).toContain(n);
    expect((await Model.scan(all).all().exec()).map((x) => x.id)).toEqual(["names"]);
  });

  it("are updated exactly: plain, $SET, $ADD, $REMOVE and update operations, top level and nested", async () => {
    const names = NASTY_NAMES.filter(addressable);
    expect(names.length).toBeGreaterThan(15);
    const [first, second, third, ...rest] = names as [string, string, string, ...string[]];
    const changes: Record<string, unknown> = { $SET: {}, $ADD: {}, $REMOVE: [first] };
    for (const n of rest) (changes.$SET as Record<string, unknown>)[n] = `updated ${n}`;
    (changes.$ADD as Record<string, unknown>)[`m.${second}`] = 10;
    changes[`m.${third}`] = update.increment(5);
    changes[second] = update.ifNotExists("not written");
    const request = await Model.update({ id: "names" }, changes, { return: "request" });
    expect(request.UpdateExpression).toMatch(/^[#:\w.[\]() =+,-]*$/);
    await Model.update({ id: "names" }, changes);
    const stored = await raw(name, "names");
    expect(stored[first]).toBeUndefined();
    expect(stored[second]).toEqual({ S: `value ${NASTY_NAMES.indexOf(second)} of ${second}` });
    for (const n of rest) expect(stored[n], n).toEqual({ S: `updated ${n}` });
    expect(stored.m?.M?.[second]).toEqual({ N: String(NASTY_NAMES.indexOf(second) + 10) });
    expect(stored.m?.M?.[third]).toEqual({ N: String(NASTY_NAMES.indexOf(third) + 5) });
    // names holding ".", "[" or "]" are untouched (an update key with them is a document path)
    for (const n of NASTY_NAMES.filter((x) => !addressable(x))) expect(stored[n], n).toEqual({ S: `value ${NASTY_NAMES.indexOf(n)} of ${n}` });
  });

  it("names holding '.', '[' or ']' are updated by saving the item", async () => {
    const [found] = await Model.scan(new dynamodel.Condition().where(named("a.b")).exists()).all().exec();
    expect(found).toBeDefined();
    const doc = found as unknown as Record<string, unknown> & { save(): Promise<unknown> };
    for (const n of NASTY_NAMES.filter((x) => !addressable(x))) doc[n] = `saved ${n}`;
    await doc.save();
    const stored = await raw(name, "names");
    for (const n of NASTY_NAMES.filter((x) => !addressable(x))) expect(stored[n], n).toEqual({ S: `saved ${n}` });
    const hit = await Model.scan(new dynamodel.Condition().where(named("x[0]")).eq("saved x[0]").and().where(named("a.b")).beginsWith("saved")).all().exec();
    expect(hit.map((x) => x.id)).toEqual(["names"]);
  });
});

describe("values that look like expressions", () => {
  const { name, Model } = model("InjectValues");

  it("are stored, found by eq / beginsWith / contains / in, and updated exactly", async () => {
    for (const [i, v] of NASTY_VALUES.entries()) await Model.create({ id: `v${i}`, v, list: [v], tags: v === "" ? undefined : new Set([v]) });
    for (const [i, v] of NASTY_VALUES.entries()) {
      expect((await raw(name, `v${i}`)).v, v).toEqual({ S: v });
      const eq = await Model.scan(new dynamodel.Condition().where("v").eq(v)).all().exec();
      expect(eq.map((x) => x.id)).toEqual([`v${i}`]);
      const inList = await Model.scan(new dynamodel.Condition().where("list").contains(v)).all().exec();
      expect(inList.map((x) => x.id)).toEqual([`v${i}`]);
      const isIn = await Model.scan(new dynamodel.Condition().where("v").in([v, "nothing like it"])).all().exec();
      expect(isIn.map((x) => x.id)).toEqual([`v${i}`]);
      if (v !== "") {
        const prefix = await Model.scan(new dynamodel.Condition().where("v").beginsWith(v)).all().exec();
        expect(prefix.map((x) => x.id)).toContain(`v${i}`);
        const inSet = await Model.scan(new dynamodel.Condition().where("tags").contains(v)).all().exec();
        expect(inSet.map((x) => x.id)).toEqual([`v${i}`]);
      }
    }
    for (const [i, v] of NASTY_VALUES.entries()) {
      const next = NASTY_VALUES[(i + 1) % NASTY_VALUES.length] as string;
      await Model.update({ id: `v${i}` }, { v: next, list: update.append([v]) });
      // "list" and "list[0]" overlap: DynamoDB refuses both in one update, and so does the compiler, before sending
      await Model.update({ id: `v${i}` }, { $SET: { "list[0]": next } });
      const stored = await raw(name, `v${i}`);
      expect(stored.v).toEqual({ S: next });
      expect(stored.list).toEqual({ L: [{ S: next }, { S: v }] });
    }
  });
});

describe("all 573 reserved words", () => {
  const { name, Model } = model("InjectReserved");
  const words = RESERVED_WORDS;
  const chunks = (size: number) => Array.from({ length: Math.ceil(words.length / size) }, (_, i) => words.slice(i * size, (i + 1) * size));

  it("the list is the documented one", () => {
    expect(words).toHaveLength(573);
    expect(new Set(words).size).toBe(573);
    expect([words[0], words[572]]).toEqual(["ABORT", "ZONE"]);
  });

  it("as attribute names: stored, found by filters and updated exactly", async () => {
    const item: Record<string, unknown> & { id: string } = { id: "reserved" };
    for (const word of words) item[word] = word.toLowerCase();
    // lower-case spellings are reserved too, nested inside a map
    item.map = Object.fromEntries(words.map((word, i) => [word.toLowerCase(), i]));
    await Model.create(item);
    let stored = await raw(name, "reserved");
    for (const [i, word] of words.entries()) {
      expect(stored[word]).toEqual({ S: word.toLowerCase() });
      expect(stored.map?.M?.[word.toLowerCase()]).toEqual({ N: String(i) });
    }

    // filters: 60 words (240 operators) per condition keeps it under DynamoDB's 300 operators and 4 KB
    for (const chunk of chunks(60)) {
      const condition = new dynamodel.Condition();
      for (const word of chunk) condition.where(word).eq(word.toLowerCase()).and().where(`map.${word.toLowerCase()}`).ge(0);
      expect((await Model.scan(condition).all().exec()).map((x) => x.id)).toEqual(["reserved"]);
      const miss = new dynamodel.Condition(condition).and().where(chunk[0] as string).not().exists();
      expect(await Model.scan(miss).all().exec()).toHaveLength(0);
    }

    // updates: 50 words per update keeps the expression under 4 KB
    for (const chunk of chunks(50)) {
      const changes: Record<string, unknown> = {};
      for (const word of chunk) {
        changes[word] = `${word}!`;
        changes[`map.${word.toLowerCase()}`] = update.increment(1);
      }
      await Model.update({ id: "reserved" }, changes);
    }
    stored = await raw(name, "reserved");
    for (const [i, word] of words.entries()) {
      expect(stored[word]).toEqual({ S: `${word}!` });
      expect(stored.map?.M?.[word.toLowerCase()]).toEqual({ N: String(i + 1) });
    }
    await Model.update({ id: "reserved" }, { $REMOVE: words.slice(0, 100) });
    stored = await raw(name, "reserved");
    expect(Object.keys(stored)).toHaveLength(573 - 100 + 2);
  });
});

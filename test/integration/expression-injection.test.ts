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

/** The quoted form of a name in a path string: `["a.b"]` is the one name `a.b`, whatever it holds. */
const quoted = (name: string): string => `[${JSON.stringify(name)}]`;

/** Names that, unquoted, an update key or path string would split: `.`, `[` and `]` are path syntax. */
const pathSyntax = (name: string) => /[.[\]]/.test(name);

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
      const one = await Model.scan(new dynamodel.Condition().where(named(n)).eq(`value ${i} of ${n}`))
        .all()
        .exec();
      expect(
        one.map((x) => x.id),
        n,
      ).toEqual(["names"]);
      const nested = await Model.scan(new dynamodel.Condition().where(named("m", n)).between(i, i))
        .all()
        .exec();
      expect(
        nested.map((x) => x.id),
        `m.${n}`,
      ).toEqual(["names"]);
      const none = await Model.scan(new dynamodel.Condition().where(named(n)).eq("other"))
        .all()
        .exec();
      expect(none, n).toHaveLength(0);
    }
    const request = await Model.scan(all).getRequest();
    // only placeholders in the expression; the names are in the names map
    expect(request.FilterExpression).toMatch(/^[#:\w.[\]() =<>,]*$/);
    for (const n of NASTY_NAMES) expect(Object.values(request.ExpressionAttributeNames ?? {})).toContain(n);
    expect((await Model.scan(all).all().exec()).map((x) => x.id)).toEqual(["names"]);
  });

  it("are updated exactly by quoted paths: $SET, $ADD, $REMOVE and update operations, top level and nested", async () => {
    const expectPlaceholdersOnly = async (changes: Record<string, unknown>) => {
      const request = await Model.update({ id: "names" }, changes, { return: "request" });
      expect(request.UpdateExpression).toMatch(/^[#:\w.[\]() =+,-]*$/);
      expect(Object.values(request.ExpressionAttributeNames ?? {})).toEqual(expect.arrayContaining(NASTY_NAMES));
    };
    const run = async (changes: Record<string, unknown>) => {
      await expectPlaceholdersOnly(changes);
      await Model.update({ id: "names" }, changes);
      return raw(name, "names");
    };
    const each = (make: (n: string, i: number) => [string, unknown]) => Object.fromEntries(NASTY_NAMES.map((n, i) => make(n, i)));

    // $SET at the top level, $ADD of numbers inside the map
    let stored = await run({ $SET: each((n) => [quoted(n), `updated ${n}`]), $ADD: each((n) => [`m${quoted(n)}`, 10]) });
    for (const [i, n] of NASTY_NAMES.entries()) {
      expect(stored[n], n).toEqual({ S: `updated ${n}` });
      expect(stored.m?.M?.[n], `m.${n}`).toEqual({ N: String(i + 10) });
    }

    // update operations, as plain properties: ifNotExists keeps what is there, increment adds
    stored = await run({
      ...each((n) => [quoted(n), update.ifNotExists("not written")]),
      ...each((n) => [`m${quoted(n)}`, update.increment(5)]),
    });
    for (const [i, n] of NASTY_NAMES.entries()) {
      expect(stored[n], n).toEqual({ S: `updated ${n}` });
      expect(stored.m?.M?.[n], `m.${n}`).toEqual({ N: String(i + 15) });
    }

    // $REMOVE, top level and nested
    stored = await run({ $REMOVE: NASTY_NAMES.flatMap((n) => [quoted(n), `m${quoted(n)}`]) });
    expect(Object.keys(stored).sort()).toEqual(["id", "m"]);
    expect(stored.m).toEqual({ M: {} });

    // ifNotExists writes what is missing; $SET puts the map keys back
    stored = await run({
      ...each((n, i) => [quoted(n), update.ifNotExists(`value ${i} of ${n}`)]),
      $SET: each((n, i) => [`m${quoted(n)}`, i]),
    });
    for (const [i, n] of NASTY_NAMES.entries()) {
      expect(stored[n], n).toEqual({ S: `value ${i} of ${n}` });
      expect(stored.m?.M?.[n], `m.${n}`).toEqual({ N: String(i) });
    }
  });

  it("names holding '.', '[' or ']' are updated by saving the item too", async () => {
    const [found] = await Model.scan(new dynamodel.Condition().where(quoted("a.b")).exists())
      .all()
      .exec();
    expect(found).toBeDefined();
    const doc = found as unknown as Record<string, unknown> & { save(): Promise<unknown> };
    for (const n of NASTY_NAMES.filter(pathSyntax)) doc[n] = `saved ${n}`;
    await doc.save();
    const stored = await raw(name, "names");
    for (const n of NASTY_NAMES.filter(pathSyntax)) expect(stored[n], n).toEqual({ S: `saved ${n}` });
    const hit = await Model.scan(
      new dynamodel.Condition().where(quoted("x[0]")).eq("saved x[0]").and().where(named("a.b")).beginsWith("saved"),
    )
      .all()
      .exec();
    expect(hit.map((x) => x.id)).toEqual(["names"]);
    const nested = await Model.scan(new dynamodel.Condition().where(`m${quoted("#n0.#n1")}`).eq(NASTY_NAMES.indexOf("#n0.#n1")))
      .all()
      .exec();
    expect(nested.map((x) => x.id)).toEqual(["names"]);
  });
});

describe("names declared in the schema that hold '[', ']' (or '.' in an alias)", () => {
  const table = tableName("InjectDeclared");
  tables.push(table);
  const Model = dynamodel.model(
    table,
    new dynamodel.Schema({
      id: { type: String, hashKey: true },
      x: { type: Array, schema: [Number] },
      "x[0]": { type: Number, validate: (v: unknown) => typeof v === "number" && v >= 0 },
      "tags[]": { type: Set, schema: [String] },
      dotted: { type: String, map: "a.b", set: (v: unknown) => String(v).toUpperCase() },
      m: {
        type: Object,
        schema: { "k[1]": { type: Number, required: true }, "s]": { type: String, set: (v: unknown) => String(v).trim() } },
      },
    }),
    { throughput: "ON_DEMAND" },
  );
  // Quoted keys are not part of the inferred update type (it takes plain names and "a.b" paths), hence the casts.
  const change = (changes: Record<string, unknown>) => Model.update({ id: "d" }, changes as never);
  const request = (changes: Record<string, unknown>) => Model.update({ id: "d" }, changes as never, { return: "request" });

  it("are updated by their plain name (a declared name wins over path syntax) and by quoted paths", async () => {
    await Model.create({ id: "d", x: [7], "x[0]": 1, "tags[]": new Set(["a"]), "a.b": "first", m: { "k[1]": 1, "s]": "s" } } as never);
    // "a.b" is an alias (map) of `dotted`: the update type takes stored names, hence the cast.
    const params = await Model.update({ id: "d" }, { "x[0]": 2, "a.b": "dot" } as never, { return: "request" });
    expect(params.UpdateExpression).toBe("SET #n0 = :v0, #n1 = :v1");
    expect(params.ExpressionAttributeNames).toEqual({ "#n0": "x[0]", "#n1": "dotted" });
    await change({ "x[0]": 2, "a.b": "dot", 'm["s]"]': "  padded  " });
    let stored = await raw(table, "d");
    expect(stored["x[0]"]).toEqual({ N: "2" });
    expect(stored.x).toEqual({ L: [{ N: "7" }] });
    expect(stored.dotted).toEqual({ S: "DOT" });
    expect(stored.m?.M?.["s]"]).toEqual({ S: "padded" });

    await change({ $ADD: { '["x[0]"]': 3, "tags[]": ["b"], 'm["k[1]"]': 10 } });
    await change({ $DELETE: { '["tags[]"]': ["a"] }, 'm["k[1]"]': update.increment(1), "x[0]": update.decrement(1) });
    stored = await raw(table, "d");
    expect(stored["x[0]"]).toEqual({ N: "4" });
    expect(stored["tags[]"]).toEqual({ SS: ["b"] });
    expect(stored.m?.M?.["k[1]"]).toEqual({ N: "12" });

    await change({ $REMOVE: ['["tags[]"]', 'm["s]"]'] });
    stored = await raw(table, "d");
    expect(stored["tags[]"]).toBeUndefined();
    expect(Object.keys(stored.m?.M ?? {})).toEqual(["k[1]"]);
  });

  it("go through validation, types and the schema-breaking refusals like any other name", async () => {
    await expect(change({ "x[0]": -1 })).rejects.toMatchObject({ name: "ValidationError", path: "x[0]" });
    await expect(change({ '["x[0]"]': "nope" })).rejects.toMatchObject({ name: "TypeMismatch", path: "x[0]" });
    await expect(change({ 'm["k[1]"]': "nope" })).rejects.toMatchObject({ name: "TypeMismatch", path: "m.k[1]" });
    await expect(change({ $REMOVE: ['m["k[1]"]'] })).rejects.toMatchObject({ name: "ValidationError", code: "required", path: "m.k[1]" });
    await expect(change({ $ADD: { "a.b": 1 } })).rejects.toMatchObject({ name: "TypeMismatch", code: "type_mismatch", path: "dotted" });
    await expect(change({ "x[0]": update.append([1]) })).rejects.toMatchObject({ name: "TypeMismatch", path: "x[0]" });
    await expect(change({ $DELETE: { "x[0]": [1] } })).rejects.toMatchObject({ name: "TypeMismatch", path: "x[0]" });
    // not declared and saveUnknown off: dropped, as any unknown attribute
    const params = await request({ '["x[1]"]': 5, 'm["y.z"]': 1, "x[0]": 9 });
    expect(Object.values(params.ExpressionAttributeNames ?? {})).toEqual(["x[0]"]);
    // a quoted root still reaches the list's elements: '["x"][0]' is element 0 of x, "x[0]" the declared attribute
    await change({ '["x"][0]': 8 });
    expect((await raw(table, "d")).x).toEqual({ L: [{ N: "8" }] });
  });
});

describe("values that look like expressions", () => {
  const { name, Model } = model("InjectValues");

  it("are stored, found by eq / beginsWith / contains / in, and updated exactly", async () => {
    for (const [i, v] of NASTY_VALUES.entries())
      await Model.create({ id: `v${i}`, v, list: [v], tags: v === "" ? undefined : new Set([v]) });
    for (const [i, v] of NASTY_VALUES.entries()) {
      expect((await raw(name, `v${i}`)).v, v).toEqual({ S: v });
      const eq = await Model.scan(new dynamodel.Condition().where("v").eq(v)).all().exec();
      expect(eq.map((x) => x.id)).toEqual([`v${i}`]);
      const inList = await Model.scan(new dynamodel.Condition().where("list").contains(v)).all().exec();
      expect(inList.map((x) => x.id)).toEqual([`v${i}`]);
      const isIn = await Model.scan(new dynamodel.Condition().where("v").in([v, "nothing like it"]))
        .all()
        .exec();
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
      const miss = new dynamodel.Condition(condition)
        .and()
        .where(chunk[0] as string)
        .not()
        .exists();
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

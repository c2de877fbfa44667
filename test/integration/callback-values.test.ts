/**
 * What an attribute's `set` and `validate` receive (issue #12), as in Dynamoose (checked by running Dynamoose 4
 * against DynamoDB Local): a Date in its stored form (epoch milliseconds, epoch seconds or ISO text), a Set
 * attribute's array as a `Set`, the same below Objects; `oldValue` is `null` for a new item, the item as stored for
 * one read from DynamoDB, undefined in an update. Then what was stored, read with the raw SDK.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";

const client = localClient();
beforeAll(() => {
  dynamodel.aws.ddb.set(client);
});

/** The stored item, read with the raw SDK. */
async function stored(TableName: string, id: string): Promise<Record<string, AttributeValue>> {
  return (await client.getItem({ TableName, Key: { id: { S: id } }, ConsistentRead: true })).Item ?? {};
}

const show = (v: unknown): string =>
  v === null
    ? "null"
    : v instanceof Set
      ? `Set(${[...v].join(",")})`
      : v instanceof Date
        ? `Date(${v.toISOString()})`
        : Array.isArray(v)
          ? `Array(${v.join(",")})`
          : `${typeof v}:${JSON.stringify(v)}`;

const calls: string[] = [];
const spy = (tag: string) => ({
  set: (v: unknown, old?: unknown) => {
    calls.push(`${tag}.set(${show(v)}, ${old === undefined ? "undefined" : show(old)})`);
    // A spy for attributes of every type: returns what it got.
    return v as never;
  },
  validate: (v: unknown) => {
    calls.push(`${tag}.validate(${show(v)})`);
    return true;
  },
});
const seen = (): string[] => calls.splice(0).sort();

const name = tableName("CbValues");
const Model = dynamodel.model(
  name,
  new dynamodel.Schema({
    id: { type: String, hashKey: true },
    ms: { type: Date, ...spy("ms") },
    iso: { type: { value: Date, settings: { storage: "iso" } }, ...spy("iso") },
    sec: { type: { value: Date, settings: { storage: "seconds" } }, ...spy("sec") },
    tags: { type: Set, schema: [String], ...spy("tags") },
    obj: { type: Object, schema: { d: { type: Date, ...spy("obj.d") } }, ...spy("obj") },
    name: { type: String, ...spy("name") },
  }),
);
const d = new Date("2026-01-02T03:04:05.678Z");
const ms = d.getTime();
const sec = Math.round(ms / 1000);
const iso = d.toISOString();

beforeEach(() => {
  calls.length = 0;
});

describe("set and validate of a new item (create, save)", () => {
  it("receive Dates as stored, arrays of a Set attribute as a Set, and oldValue null", async () => {
    await Model.create({ id: "a", ms: d, iso: d, sec: d, tags: ["x", "y"], obj: { d }, name: "n" });
    expect(seen()).toEqual(
      [
        `iso.set(string:"${iso}", null)`,
        `iso.validate(string:"${iso}")`,
        `ms.set(number:${ms}, null)`,
        `ms.validate(number:${ms})`,
        `name.set(string:"n", null)`,
        `name.validate(string:"n")`,
        `obj.d.set(number:${ms}, null)`,
        `obj.d.validate(number:${ms})`,
        `obj.set(object:{"d":${ms}}, null)`,
        `obj.validate(object:{"d":${ms}})`,
        `sec.set(number:${sec}, null)`,
        `sec.validate(number:${sec})`,
        "tags.set(Set(x,y), null)",
        "tags.validate(Set(x,y))",
      ].sort(),
    );
    expect(await stored(name, "a")).toEqual({
      id: { S: "a" },
      ms: { N: String(ms) },
      iso: { S: iso },
      sec: { N: String(sec) },
      tags: { SS: ["x", "y"] },
      obj: { M: { d: { N: String(ms) } } },
      name: { S: "n" },
    });
    await new Model({ id: "b", ms, name: "n" }).save();
    expect(seen()).toEqual([
      `ms.set(number:${ms}, null)`,
      `ms.validate(number:${ms})`,
      'name.set(string:"n", null)',
      'name.validate(string:"n")',
    ]);
  });

  it("returns the saved item with Dates as Dates", async () => {
    const item = await Model.create({ id: "c", ms: d, iso: d, sec: d });
    expect(item.ms).toEqual(d);
    expect(item.iso).toEqual(d);
    expect(item.sec).toEqual(new Date(sec * 1000));
  });
});

describe("set of an item read from DynamoDB", () => {
  it("receives the item as stored as oldValue (epoch numbers, Sets)", async () => {
    await Model.create({ id: "r", ms: d, iso: d, tags: ["x"], obj: { d }, name: "n" });
    const item = await Model.get({ id: "r" });
    if (!item) throw new Error("not stored");
    seen();
    item.name = "m";
    item.ms = new Date(0);
    await item.save();
    expect(seen()).toEqual(
      [
        `iso.set(string:"${iso}", string:"${iso}")`,
        `iso.validate(string:"${iso}")`,
        `ms.set(number:0, number:${ms})`,
        "ms.validate(number:0)",
        'name.set(string:"m", string:"n")',
        'name.validate(string:"m")',
        `obj.d.set(number:${ms}, number:${ms})`,
        `obj.d.validate(number:${ms})`,
        `obj.set(object:{"d":${ms}}, object:{"d":${ms}})`,
        `obj.validate(object:{"d":${ms}})`,
        "tags.set(Set(x), Set(x))",
        "tags.validate(Set(x))",
      ].sort(),
    );
    expect((await stored(name, "r")).ms).toEqual({ N: "0" });
  });
});

describe("set and validate in an update", () => {
  it("receive the stored form and no oldValue, in plain properties and $SET", async () => {
    await Model.update({ id: "u" }, { ms: d, iso: d, tags: ["z"], name: "q", obj: { d } });
    expect(seen()).toEqual(
      [
        `iso.set(string:"${iso}", undefined)`,
        `iso.validate(string:"${iso}")`,
        `ms.set(number:${ms}, undefined)`,
        `ms.validate(number:${ms})`,
        'name.set(string:"q", undefined)',
        'name.validate(string:"q")',
        `obj.d.set(number:${ms}, undefined)`,
        `obj.d.validate(number:${ms})`,
        `obj.set(object:{"d":${ms}}, undefined)`,
        `obj.validate(object:{"d":${ms}})`,
        "tags.set(Set(z), undefined)",
        "tags.validate(Set(z))",
      ].sort(),
    );
    await Model.update({ id: "u" }, { $SET: { sec: d, tags: new Set(["w"]) } });
    expect(seen()).toEqual([
      `sec.set(number:${sec}, undefined)`,
      `sec.validate(number:${sec})`,
      "tags.set(Set(w), undefined)",
      "tags.validate(Set(w))",
    ]);
    expect(await stored(name, "u")).toMatchObject({ ms: { N: String(ms) }, iso: { S: iso }, sec: { N: String(sec) }, tags: { SS: ["w"] } });
  });
});

describe("what set may return", () => {
  const table = tableName("CbReturns");
  const Doc = dynamodel.model(
    table,
    new dynamodel.Schema({
      id: { type: String, hashKey: true },
      at: { type: Date, set: (v: number | string) => (typeof v === "number" ? v + 1000 : v) },
      day: {
        type: { value: Date, settings: { storage: "iso" } },
        set: (v: number | string) => (typeof v === "string" ? v.slice(0, 10) : v),
      },
      // Code written for a Date still stores (Dynamoose's marshaller throws on the Date it returns).
      legacy: { type: Date, set: () => new Date(5) },
    }),
  );

  it("the stored form, another date string, or a Date", async () => {
    await Doc.create({ id: "x", at: new Date(0), day: d, legacy: new Date(0) });
    expect(await stored(table, "x")).toEqual({ id: { S: "x" }, at: { N: "1000" }, day: { S: "2026-01-02" }, legacy: { N: "5" } });
    const item = await Doc.get({ id: "x" });
    expect(item?.day).toEqual(new Date("2026-01-02"));
    await Doc.update({ id: "x" }, { at: new Date(0) });
    expect((await stored(table, "x")).at).toEqual({ N: "1000" });
  });

  it("a string for an ISO Date is its stored form: kept when it is a date, refused when not (Dynamoose stores it)", async () => {
    await Doc.create({ id: "s", day: "2026-03-04T00:00:00.000Z" as unknown as Date });
    expect((await stored(table, "s")).day).toEqual({ S: "2026-03-04" });
    await expect(Doc.create({ id: "t", day: "hello" as unknown as Date })).rejects.toMatchObject({ name: "TypeMismatch", path: "day" });
  });
});

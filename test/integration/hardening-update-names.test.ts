/**
 * Hostile names in update bodies from `JSON.parse` (issue #13): `__proto__`, `constructor` and `prototype` keys are
 * data exactly where `create` stores them (kept by `saveUnknown`), at the top level, nested and in every operator,
 * and dropped like any unknown attribute elsewhere, never reaching a prototype; a dotted body key (`"meta.isAdmin"`)
 * never passes a `meta.*` / `meta.**` allow-list as a child of `meta` in create and save (in an update a dotted key
 * is a path, as documented; a quoted one is a top-level name and is dropped); and an update whose every attribute is
 * dropped is refused naming them. Refusals send zero requests; what is stored is read back with the raw SDK.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { InvalidParameter } from "../../src/errors.js";
import { localClient, tableName } from "../support/local.js";
import { type Recorded, recordingClient } from "../support/recording-client.js";

const log: Recorded[] = [];
const raw = localClient();
beforeAll(() => {
  dynamodel.aws.ddb.set(recordingClient(localClient(), log));
});
beforeEach(() => {
  log.length = 0;
});

const stored = async (TableName: string, id: string): Promise<Record<string, AttributeValue>> =>
  (await raw.getItem({ TableName, Key: { id: { S: id } }, ConsistentRead: true })).Item ?? {};
const own = (object: object | undefined, key: string): unknown =>
  object ? Object.getOwnPropertyDescriptor(object, key)?.value : undefined;

/** How many items have `name` equal to `value` (the SDK's parser drops the value of an attribute named `__proto__`). */
const countWhere = async (TableName: string, name: string, value: AttributeValue): Promise<number> =>
  (
    await raw.scan({
      TableName,
      FilterExpression: "#p = :v",
      ExpressionAttributeNames: { "#p": name },
      ExpressionAttributeValues: { ":v": value },
      ConsistentRead: true,
    })
  ).Count ?? 0;

const freeName = tableName("UpdHostileFree");
const Free = dynamodel.model(freeName, new dynamodel.Schema({ id: { type: String, hashKey: true } }, { saveUnknown: true }));
const strictName = tableName("UpdHostileStrict");
const Strict = dynamodel.model(
  strictName,
  new dynamodel.Schema({ id: { type: String, hashKey: true }, name: String, isAdmin: { type: Boolean, default: false } }),
);

describe("__proto__, constructor and prototype keys of an update body", () => {
  it("are stored as data where saveUnknown keeps them, as create stores them: top level, nested and in every operator", async () => {
    const body = JSON.parse(
      '{"__proto__":{"polluted":true},"constructor":"c","prototype":["a","b"],"meta":{"__proto__":{"isAdmin":true}}}',
    );
    const request = await Free.update({ id: "f1" }, body, { return: "request" });
    expect(Object.values(request.ExpressionAttributeNames ?? {}).sort()).toEqual(["__proto__", "constructor", "meta", "prototype"]);
    const values = Object.values(request.ExpressionAttributeValues ?? {});
    expect(values.some((value) => own(value.M, "__proto__") !== undefined && own(own(value.M, "__proto__") as object, "M"))).toBe(true);
    await Free.update({ id: "f1" }, body);
    const item = await stored(freeName, "f1");
    expect(Object.keys(item).sort()).toEqual(["__proto__", "constructor", "id", "meta", "prototype"]);
    expect(own(item, "constructor")).toEqual({ S: "c" });
    expect(await countWhere(freeName, "__proto__", { M: { polluted: { BOOL: true } } })).toBe(1);

    // JSON has no Sets: the parsed keys are own "__proto__"/"prototype" keys, given Set values afterwards.
    const set = JSON.parse('{"$SET":{"__proto__":1,"prototype":null}}');
    set.$SET.prototype = new Set(["a", "b"]);
    await Free.update({ id: "f2" }, set);
    const add = JSON.parse('{"$ADD":{"__proto__":2,"constructor":5},"$DELETE":{"prototype":null}}');
    add.$DELETE.prototype = new Set(["a"]);
    await Free.update({ id: "f2" }, add);
    expect(await countWhere(freeName, "__proto__", { N: "3" })).toBe(1);
    const f2 = await stored(freeName, "f2");
    expect(own(f2, "constructor")).toEqual({ N: "5" });
    expect(own(f2, "prototype")).toEqual({ SS: ["b"] });
    await Free.update({ id: "f2" }, JSON.parse('{"$REMOVE":{"__proto__":null,"prototype":null}}'));
    expect(Object.keys(await stored(freeName, "f2")).sort()).toEqual(["constructor", "id"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("are dropped like any unknown attribute where create drops them, never reaching a prototype", async () => {
    await Strict.create(JSON.parse('{"id":"s1","__proto__":{"isAdmin":true}}'));
    await Strict.update({ id: "s1" }, JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}},"name":"n"}'));
    expect(await stored(strictName, "s1")).toEqual({ id: { S: "s1" }, isAdmin: { BOOL: false }, name: { S: "n" } });
    log.length = 0;
    const error = await Strict.update({ id: "s1" }, JSON.parse('{"__proto__":{"isAdmin":true},"$SET":{"prototype":1}}')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidParameter);
    expect(error).toMatchObject({ code: "empty_update", path: "__proto__" });
    expect((error as Error).message).toContain("__proto__, prototype");
    expect(log).toHaveLength(0);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe("a dotted body key and a saveUnknown allow-list", () => {
  for (const pattern of ["meta.**", "meta.*"]) {
    it(`"meta.isAdmin" does not pass ${pattern} as a child of meta (create, save, update)`, async () => {
      const name = tableName("DottedKey");
      const Doc = dynamodel.model(name, new dynamodel.Schema({ id: { type: String, hashKey: true } }, { saveUnknown: [pattern] }));
      await Doc.create(JSON.parse('{"id":"c1","meta.isAdmin":true,"meta":{"ok":1}}'));
      expect(await stored(name, "c1")).toEqual({ id: { S: "c1" }, meta: { M: { ok: { N: "1" } } } });
      await new Doc(JSON.parse('{"id":"s1","meta.isAdmin":true,"meta":{"ok":1}}')).save();
      expect(await stored(name, "s1")).toEqual({ id: { S: "s1" }, meta: { M: { ok: { N: "1" } } } });
      // In an update a quoted key names the top-level attribute "meta.isAdmin": not below meta, so it is dropped.
      log.length = 0;
      await expect(Doc.update({ id: "c1" }, { '["meta.isAdmin"]': true } as never)).rejects.toMatchObject({ code: "empty_update" });
      expect(log).toHaveLength(0);
      // A dotted key is a path (documented): it writes the child of meta the pattern allows, as { meta: {...} } would.
      await Doc.update({ id: "c1" }, { "meta.isAdmin": true } as never);
      const item = await stored(name, "c1");
      expect(Object.keys(item).sort()).toEqual(["id", "meta"]);
      expect(item.meta).toEqual({ M: { ok: { N: "1" }, isAdmin: { BOOL: true } } });
    });
  }
});

describe("an update whose every attribute is dropped", () => {
  it("is refused naming the dropped attribute paths, never their values", async () => {
    log.length = 0;
    const error = await Strict.update({ id: "s1" }, { role: "root-SECRET", $SET: { "plan.tier": "gold-SECRET" } } as never).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: "InvalidParameter", code: "empty_update", path: "role" });
    expect((error as Error).message).toContain("role, plan.tier");
    expect(JSON.stringify(error)).not.toContain("SECRET");
    expect(log).toHaveLength(0);
  });

  it("with timestamps is sent with updatedAt alone, as Dynamoose 4 sends it (a missing item is created with its key)", async () => {
    const table = tableName("DroppedStamped");
    const Stamped = dynamodel.model(
      table,
      new dynamodel.Schema({ id: { type: String, hashKey: true }, name: String }, { timestamps: true }),
    );
    await Stamped.update({ id: "t1" }, { nope: 1 } as never);
    expect(log.filter((entry) => entry.operation === "updateItem")).toHaveLength(1);
    expect(Object.keys(await stored(table, "t1")).sort()).toEqual(["id", "updatedAt"]);
  });
});

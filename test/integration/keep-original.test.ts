/**
 * The model option `keepOriginal: false` (issue #19's memory part): read and saved items keep no stored map, so
 * `original()` refuses, while a save of a read item still counts as a save of a stored item (createdAt kept), a
 * versioned save still checks the version read, and `set` transforms still get their old values. Without the option,
 * `original()` is what it was. Stored items checked with the raw SDK.
 */
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import dynamodel, { type ModelOptions } from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";

beforeAll(() => {
  dynamodel.aws.ddb.set(localClient());
});

const raw = async (table: string, id: string) =>
  (await localClient().getItem({ TableName: table, Key: { id: { S: id } }, ConsistentRead: true })).Item;

const definition = { id: { type: String, hashKey: true }, title: String, n: Number } as const;

describe("keepOriginal", () => {
  it("is a boolean model option", () => {
    expectTypeOf<ModelOptions["keepOriginal"]>().toEqualTypeOf<boolean | undefined>();
  });

  it("keeps original() as it was by default: the item as read, before a change", async () => {
    const Post = dynamodel.model(tableName("KeepDefault"), new dynamodel.Schema(definition));
    await Post.create({ id: "p1", title: "first", n: 1 });
    const post = await Post.get("p1");
    post!.title = "changed";
    expect(post!.original()).toEqual({ id: "p1", title: "first", n: 1 });
  });

  it("false: original() of a read, queried, scanned or created item throws InvalidParameter naming the model and the option", async () => {
    const name = tableName("KeepNone");
    const Post = dynamodel.model(name, new dynamodel.Schema(definition), { keepOriginal: false });
    const created = await Post.create({ id: "p1", title: "first" });
    const read = await Post.get("p1");
    const [queried] = await Post.query("id").eq("p1").exec();
    const [scanned] = await Post.scan().exec();
    for (const item of [created, read, queried, scanned]) {
      const error = (() => {
        try {
          item!.original();
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(dynamodel.error.InvalidParameter);
      expect(error).toMatchObject({ code: "original_not_kept" });
      expect((error as Error).message).toContain(`${name}.original()`);
      expect((error as Error).message).toContain("keepOriginal: false");
    }
    expect(new Post({ id: "p2" }).original()).toBeNull();
  });

  it("false: a read item saved again is not new: its createdAt is kept (a new item's would be now)", async () => {
    const name = tableName("KeepStamps");
    const Post = dynamodel.model(name, new dynamodel.Schema(definition, { timestamps: true }), { keepOriginal: false });
    await Post.create({ id: "p1", title: "first" });
    const createdAt = (await raw(name, "p1"))?.createdAt;
    const post = await Post.get("p1");
    post!.title = "second";
    await post!.save();
    const stored = await raw(name, "p1");
    expect(stored?.title).toEqual({ S: "second" });
    expect(stored?.createdAt).toEqual(createdAt);
  });

  it("false: a versioned save checks the version read, even when the item's version field was removed", async () => {
    const name = tableName("KeepVersion");
    const Doc = dynamodel.model(name, new dynamodel.Schema(definition, { version: true }), { keepOriginal: false });
    await Doc.create({ id: "d1", title: "first" });
    const a = await Doc.get("d1");
    const b = await Doc.get("d1");
    delete (a as unknown as Record<string, unknown>).version;
    a!.title = "from a";
    await a!.save();
    expect((await raw(name, "d1"))?.version).toEqual({ N: "2" });
    b!.title = "from b";
    await expect(b!.save()).rejects.toBeInstanceOf(dynamodel.error.VersionConflict);
    expect((await raw(name, "d1"))?.title).toEqual({ S: "from a" });
  });

  it("false: a schema with a set transform keeps the map: the transform gets its old value, original() answers", async () => {
    const name = tableName("KeepSet");
    const Log = dynamodel.model(
      name,
      new dynamodel.Schema({
        id: { type: String, hashKey: true },
        trail: {
          type: String,
          // oldValue is null for a new item, as in Dynamoose.
          set: (value: unknown, old?: unknown) => (old === null || old === undefined ? String(value) : `${String(old)}>${String(value)}`),
        },
      }),
      { keepOriginal: false },
    );
    await Log.create({ id: "l1", trail: "a" });
    const log = await Log.get("l1");
    expect(log!.original()).toEqual({ id: "l1", trail: "a" });
    log!.trail = "b";
    await log!.save();
    expect((await raw(name, "l1"))?.trail).toEqual({ S: "a>b" });
  });
});

import type { PutItemCommandInput } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";

beforeAll(() => {
  dynamodel.aws.ddb.set(localClient());
  dynamodel.retry.set({ baseDelay: 1, maxDelay: 4 });
});

const { VersionConflict, ConditionalCheckFailed } = dynamodel.error;

describe("optimistic locking (schema setting version)", () => {
  const Doc = dynamodel.model(
    tableName("Doc"),
    new dynamodel.Schema({ id: { type: String, hashKey: true }, title: String, n: Number }, { version: true }),
  );

  it("types the version attribute: always there when read, optional on input", async () => {
    const doc = await Doc.create({ id: "types", title: "a" });
    expectTypeOf(doc.version).toEqualTypeOf<number>();
    expectTypeOf<Parameters<typeof Doc.create>[0]>().toHaveProperty("version").toEqualTypeOf<number | undefined>();
  });

  it("starts at 1, increments on each save, and refuses a stale save with VersionConflict", async () => {
    const created = await Doc.create({ id: "d1", title: "first" });
    expect(created.version).toBe(1);
    const a = await Doc.get("d1");
    const b = await Doc.get("d1");
    expect(a?.version).toBe(1);
    a!.title = "from a";
    await a!.save();
    expect(a!.version).toBe(2);
    b!.title = "from b";
    const error = await b!.save().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VersionConflict);
    expect(error).toBeInstanceOf(ConditionalCheckFailed);
    expect(error).toMatchObject({
      name: "VersionConflict",
      code: "version_conflict",
      key: { id: "d1" },
      expectedVersion: 1,
      storedVersion: 2,
    });
    expect((error as InstanceType<typeof VersionConflict>).item).toMatchObject({ id: "d1", title: "from a", version: 2 });
    expect(await Doc.get("d1")).toMatchObject({ title: "from a", version: 2 });
  });

  it("keeps create on an existing key a ConditionalCheckFailedException, and a new item saved over one a conflict", async () => {
    await Doc.create({ id: "d2" });
    await expect(Doc.create({ id: "d2" })).rejects.toMatchObject({ name: "ConditionalCheckFailedException" });
    await expect(new Doc({ id: "d2", title: "blind" }).save()).rejects.toMatchObject({
      name: "VersionConflict",
      expectedVersion: undefined,
      storedVersion: 1,
    });
  });

  it("pins the requests: a version condition, the incremented version, and the stored item on failure", async () => {
    // item.save's overloads list the item result first: cast the request form.
    const put = (await new Doc({ id: "r1", version: 4 }).save({ return: "request" })) as unknown as PutItemCommandInput;
    expect(put).toMatchObject({ Item: { id: { S: "r1" }, version: { N: "5" } }, ReturnValuesOnConditionCheckFailure: "ALL_OLD" });
    expect(Object.values(put.ExpressionAttributeNames ?? {})).toEqual(["version"]);
    expect(Object.values(put.ExpressionAttributeValues ?? {})).toEqual([{ N: "4" }]);
    const fresh = (await new Doc({ id: "r2" }).save({ return: "request" })) as unknown as PutItemCommandInput;
    expect(fresh.ConditionExpression).toMatch(/^attribute_not_exists\(#\w+\)$/);
    const update = await Doc.update({ id: "r1", version: 4 } as never, { title: "x" }, { return: "request" });
    expect(update.UpdateExpression).toMatch(/ADD #\w+ :\w+/);
    expect(update.ConditionExpression).toMatch(/^#\w+ = :\w+$/);
    const del = await Doc.delete({ id: "r1", version: 4 } as never, { return: "request" });
    expect(del).toMatchObject({
      ReturnValuesOnConditionCheckFailure: "ALL_OLD",
      ExpressionAttributeValues: { [Object.keys(del.ExpressionAttributeValues ?? {})[0] ?? ""]: { N: "4" } },
    });
    const blind = await Doc.delete("r1", { return: "request" });
    expect(blind.ConditionExpression).toBeUndefined();
  });

  it("checks and increments on update: by the item given as key, or the version in the update", async () => {
    const doc = await Doc.create({ id: "u1", n: 1 });
    const updated = await Doc.update(doc, { n: 2 });
    expect(updated).toMatchObject({ n: 2, version: 2 });
    await expect(Doc.update(doc, { n: 3 })).rejects.toMatchObject({ name: "VersionConflict", expectedVersion: 1, storedVersion: 2 });
    await expect(Doc.update({ id: "u1" }, { n: 3, version: 1 })).rejects.toMatchObject({ name: "VersionConflict" });
    expect(await Doc.update({ id: "u1" }, { $SET: { n: 4, version: 2 } })).toMatchObject({ n: 4, version: 3 });
    expect(await Doc.update({ id: "u1" }, { $ADD: { n: 1 } })).toMatchObject({ n: 5, version: 4 }); // no version known: no check, still incremented
  });

  it("checks deletes too, and keeps a failure of the caller's own condition a ConditionalCheckFailedException", async () => {
    const doc = await Doc.create({ id: "x1", n: 1 });
    await Doc.update({ id: "x1" }, { n: 2 });
    await expect(doc.delete()).rejects.toMatchObject({ name: "VersionConflict", expectedVersion: 1, storedVersion: 2 });
    const current = await Doc.get("x1");
    await expect(Doc.delete(current!, { condition: new dynamodel.Condition("n").eq(99) })).rejects.toMatchObject({
      name: "ConditionalCheckFailedException",
    });
    await current!.delete();
    expect(await Doc.get("x1")).toBeUndefined();
  });

  it("refuses batch writes of a versioned model unless forced", async () => {
    await expect(Doc.batchPut([{ id: "b1" }])).rejects.toMatchObject({ name: "InvalidParameter", code: "versioned_batch" });
    await expect(Doc.batchDelete(["b1"])).rejects.toMatchObject({ code: "versioned_batch" });
    expect(await Doc.batchPut([{ id: "b1" }, { id: "b2", version: 7 }], { ignoreVersion: true })).toEqual({ unprocessedItems: [] });
    const read = await Doc.batchGet(["b1", "b2"]);
    expect(read.map((item) => item.version)).toEqual([1, 8]);
  });

  it('names the attribute with { version: "rev" }', async () => {
    const Rev = dynamodel.model(
      tableName("Rev"),
      new dynamodel.Schema({ id: { type: String, hashKey: true }, n: Number }, { version: "rev" }),
    );
    const item = await Rev.create({ id: "a", n: 1 });
    expectTypeOf(item.rev).toEqualTypeOf<number>();
    expect(item.rev).toBe(1);
    item.n = 2;
    await item.save();
    expect(await Rev.get("a")).toMatchObject({ n: 2, rev: 2 });
  });

  it("8 concurrent workers x 25 read-modify-write increments end at exactly 200, version 200", async () => {
    const Counter = dynamodel.model(
      tableName("Counter"),
      new dynamodel.Schema({ id: { type: String, hashKey: true }, count: Number }, { version: true }),
    );
    await Counter.table().initialize();
    let conflicts = 0;
    const increment = async (): Promise<void> => {
      for (;;) {
        const current = await Counter.get("c", { consistent: true });
        const next = current ?? new Counter({ id: "c", count: 0 });
        next.count = (next.count ?? 0) + 1;
        try {
          await next.save();
          return;
        } catch (error) {
          if (!(error instanceof VersionConflict)) throw error;
          conflicts++;
        }
      }
    };
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = 0; i < 25; i++) await increment();
      }),
    );
    const final = await Counter.get("c", { consistent: true });
    expect(final).toMatchObject({ count: 200, version: 200 });
    expect(conflicts).toBeGreaterThanOrEqual(0);
  });
});

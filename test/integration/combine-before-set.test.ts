/**
 * A COMBINE attribute's value, as Dynamoose 4.2 stores it (each expectation checked by running Dynamoose 4.2 against
 * DynamoDB Local and reading the item back with the raw SDK): saves (create, `item.save()` of a new and of a read
 * item, `batchPut`, a transaction's create) combine the parts as given, before their `set` transforms; an update
 * combines them as it stores them, after `set`; a Date part counts in its storage (ISO text, epoch seconds) in both.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
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

describe("COMBINE of parts with a set transform", () => {
  const name = tableName("CombineSet");
  const Model = dynamodel.model(
    name,
    new dynamodel.Schema({
      id: { type: String, hashKey: true },
      a: { type: String, set: (v) => v.toUpperCase() },
      b: String,
      c: dynamodel.type.COMBINE(["a", "b"]),
    }),
  );
  const item = (id: string, c: string) => ({ id: { S: id }, a: { S: "X" }, b: { S: "q" }, c: { S: c } });

  it("create combines the values given, before set", async () => {
    await Model.create({ id: "create", a: "x", b: "q" });
    expect(await stored(name, "create")).toEqual(item("create", "x,q"));
    await Model.create({ id: "one part", a: "x" });
    expect(await stored(name, "one part")).toEqual({ id: { S: "one part" }, a: { S: "X" }, c: { S: "x" } });
  });

  it("save() of a new item combines the values given, before set", async () => {
    await new Model({ id: "new", a: "x", b: "q" }).save();
    expect(await stored(name, "new")).toEqual(item("new", "x,q"));
  });

  it("save() of a read item combines its values, before set", async () => {
    await Model.create({ id: "read", a: "x", b: "q" });
    const unchanged = await Model.get("read");
    await unchanged?.save();
    expect(await stored(name, "read")).toEqual(item("read", "X,q"));
    const changed = await Model.get("read");
    if (!changed) throw new Error("not stored");
    changed.a = "z";
    await changed.save();
    expect(await stored(name, "read")).toEqual({ ...item("read", "z,q"), a: { S: "Z" } });
  });

  it("batchPut combines the values given, before set", async () => {
    await Model.batchPut([{ id: "batch", a: "x", b: "q" }]);
    expect(await stored(name, "batch")).toEqual(item("batch", "x,q"));
  });

  it("a transaction's create combines the values given, before set", async () => {
    await dynamodel.transaction([Model.transaction.create({ id: "transaction", a: "x", b: "q" })]);
    expect(await stored(name, "transaction")).toEqual(item("transaction", "x,q"));
  });

  it("update combines the values as it stores them, after set", async () => {
    await Model.create({ id: "update", a: "x", b: "q" });
    await Model.update({ id: "update" }, { a: "y", b: "r" });
    expect(await stored(name, "update")).toEqual({ id: { S: "update" }, a: { S: "Y" }, b: { S: "r" }, c: { S: "Y,r" } });
    await Model.update({ id: "update" }, { $SET: { a: "v", b: "s" } });
    expect(await stored(name, "update")).toEqual({ id: { S: "update" }, a: { S: "V" }, b: { S: "s" }, c: { S: "V,s" } });
  });
});

describe("COMBINE of Date parts", () => {
  const name = tableName("CombineDate");
  const Model = dynamodel.model(
    name,
    new dynamodel.Schema({
      id: { type: String, hashKey: true },
      iso: { type: { value: Date, settings: { storage: "iso" } } },
      seconds: { type: { value: Date, settings: { storage: "seconds" } } },
      n: { type: Number, set: (v) => v * 2 },
      c: dynamodel.type.COMBINE(["iso", "seconds", "n"]),
    }),
  );
  const when = new Date(1_700_000_000_123);
  const stamp = "2023-11-14T22:13:20.123Z,1700000000";

  it("create combines each Date in its storage, and a number before set", async () => {
    await Model.create({ id: "d", iso: when, seconds: when, n: 3 });
    expect(await stored(name, "d")).toEqual({
      id: { S: "d" },
      iso: { S: "2023-11-14T22:13:20.123Z" },
      seconds: { N: "1700000000" },
      n: { N: "6" },
      c: { S: `${stamp},3` },
    });
  });

  it("update combines each Date in its storage, and a number after set", async () => {
    await Model.update({ id: "d" }, { iso: when, seconds: when, n: 4 });
    expect((await stored(name, "d")).c).toEqual({ S: `${stamp},8` });
  });
});

/**
 * Dynamoose's update semantics (issue #12, "Updates"): `$ADD`/`$DELETE` of one Set element, forced defaults,
 * `type.UNDEFINED` removing an attribute with a default, `$ADD` of a list to an unknown attribute, a combine attribute
 * rebuilt when parts are set and removed (and an update touching none of its parts refused), `$ADD` operands not validated, `$DELETE`
 * setting a default. Each: the exact request, then DynamoDB Local,
 * read back with the raw SDK.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";
import { type Recorded, recordingClient } from "../support/recording-client.js";

const client = localClient();
beforeAll(() => {
  dynamodel.aws.ddb.set(client);
});

/** The stored item, read with the raw SDK. */
async function stored(TableName: string, id: string): Promise<Record<string, AttributeValue>> {
  return (await client.getItem({ TableName, Key: { id: { S: id } }, ConsistentRead: true })).Item ?? {};
}

describe("$ADD and $DELETE of one Set element", () => {
  const name = tableName("UpdSet");
  const User = dynamodel.model(
    name,
    new dynamodel.Schema({ id: { type: String, hashKey: true }, friends: { type: Set, schema: [String] } }),
  );

  it("adds and deletes that element", async () => {
    const add = await User.update({ id: "u1" }, { $ADD: { friends: "Tim" } }, { return: "request" });
    expect(add).toMatchObject({
      UpdateExpression: "ADD #n0 :v0",
      ExpressionAttributeNames: { "#n0": "friends" },
      ExpressionAttributeValues: { ":v0": { SS: ["Tim"] } },
    });
    await User.create({ id: "u1", friends: ["Bob"] });
    await User.update({ id: "u1" }, { $ADD: { friends: "Tim" } });
    expect(new Set((await stored(name, "u1")).friends?.SS)).toEqual(new Set(["Bob", "Tim"]));
    const del = await User.update({ id: "u1" }, { $DELETE: { friends: "Bob" } }, { return: "request" });
    expect(del).toMatchObject({ UpdateExpression: "DELETE #n0 :v0", ExpressionAttributeValues: { ":v0": { SS: ["Bob"] } } });
    await User.update({ id: "u1" }, { $DELETE: { friends: "Bob" } });
    expect((await stored(name, "u1")).friends).toEqual({ SS: ["Tim"] });
  });
});

describe("forceDefault", () => {
  const name = tableName("UpdForce");
  const Doc = dynamodel.model(
    name,
    new dynamodel.Schema({
      id: { type: String, hashKey: true },
      label: { type: String, default: "fixed", forceDefault: true },
      tags: { type: Set, schema: [String], default: () => new Set(["base"]), forceDefault: true },
      note: String,
    }),
  );

  it("stores the default whatever the update gives, and when it leaves the attribute out", async () => {
    const request = await Doc.update({ id: "d1" }, { label: "Tim", $ADD: { tags: ["extra"] } }, { return: "request" });
    expect(request).toMatchObject({
      UpdateExpression: "SET #n0 = :v0, #n1 = :v1",
      ExpressionAttributeNames: { "#n0": "label", "#n1": "tags" },
      ExpressionAttributeValues: { ":v0": { S: "fixed" }, ":v1": { SS: ["base"] } },
    });
    await Doc.update({ id: "d1" }, { label: "Tim", $ADD: { tags: ["extra"] } });
    expect(await stored(name, "d1")).toEqual({ id: { S: "d1" }, label: { S: "fixed" }, tags: { SS: ["base"] } });
    await client.putItem({ TableName: name, Item: { id: { S: "d2" }, label: { S: "old" }, tags: { SS: ["old"] } } });
    await Doc.update({ id: "d2" }, { note: "n" });
    expect(await stored(name, "d2")).toEqual({ id: { S: "d2" }, label: { S: "fixed" }, tags: { SS: ["base"] }, note: { S: "n" } });
  });
});

describe("dynamodel.type.UNDEFINED on an attribute with a default", () => {
  const name = tableName("UpdUndef");
  const Doc = dynamodel.model(name, new dynamodel.Schema({ id: { type: String, hashKey: true }, nick: { type: String, default: "anon" } }));

  it("removes it (plain, in $SET and in $REMOVE); $REMOVE by name still sets the default", async () => {
    await Doc.create({ id: "d0" });
    const { UNDEFINED } = dynamodel.type;
    // Looped as untyped objects (the types of these forms are tested in test/types/).
    const updates: never[] = [{ nick: UNDEFINED }, { $SET: { nick: UNDEFINED } }, { $REMOVE: { nick: UNDEFINED } }] as never[];
    for (const update of updates) {
      expect(await Doc.update({ id: "d1" }, update, { return: "request" })).toMatchObject({
        UpdateExpression: "REMOVE #n0",
        ExpressionAttributeNames: { "#n0": "nick" },
      });
      await client.putItem({ TableName: name, Item: { id: { S: "d1" }, nick: { S: "bob" } } });
      await Doc.update({ id: "d1" }, update);
      expect(await stored(name, "d1")).toEqual({ id: { S: "d1" } });
    }
    await Doc.update({ id: "d1" }, { $REMOVE: ["nick"] });
    expect(await stored(name, "d1")).toEqual({ id: { S: "d1" }, nick: { S: "anon" } });
  });
});

describe("$ADD of a list to an unknown attribute", () => {
  const name = tableName("UpdUnknownList");
  const Doc = dynamodel.model(name, new dynamodel.Schema({ id: { type: String, hashKey: true } }, { saveUnknown: true }));

  it("appends it", async () => {
    expect(await Doc.update({ id: "d1" }, { $ADD: { random: ["hello"] } }, { return: "request" })).toMatchObject({
      UpdateExpression: "SET #n0 = list_append(if_not_exists(#n0, :v0), :v1)",
      ExpressionAttributeNames: { "#n0": "random" },
      ExpressionAttributeValues: { ":v0": { L: [] }, ":v1": { L: [{ S: "hello" }] } },
    });
    await Doc.update({ id: "d1" }, { $ADD: { random: ["hello"] } });
    await Doc.update({ id: "d1" }, { $ADD: { random: ["world"] } });
    expect((await stored(name, "d1")).random).toEqual({ L: [{ S: "hello" }, { S: "world" }] });
  });
});

describe("a combine attribute with parts set and removed", () => {
  const name = tableName("UpdCombine");
  const User = dynamodel.model(
    name,
    new dynamodel.Schema({
      id: { type: String, hashKey: true },
      data1: String,
      data2: String,
      other: String,
      combine: { type: { value: "Combine", settings: { attributes: ["data1", "data2"] } } },
    }),
  );

  it("removes the removed parts and rebuilds the value from the set ones (Dynamoose's own test)", async () => {
    expect(await User.update({ id: "u1" }, { $SET: { data1: "hello" }, $REMOVE: { data2: "world" } }, { return: "request" })).toEqual({
      Key: { id: { S: "u1" } },
      TableName: name,
      UpdateExpression: "SET #n0 = :v0, #n1 = :v1 REMOVE #n2",
      ExpressionAttributeNames: { "#n0": "data1", "#n1": "combine", "#n2": "data2" },
      ExpressionAttributeValues: { ":v0": { S: "hello" }, ":v1": { S: "hello" } },
      ReturnValues: "ALL_NEW",
    });
    await User.create({ id: "u1", data1: "a", data2: "b" });
    expect((await stored(name, "u1")).combine).toEqual({ S: "a,b" });
    await User.update({ id: "u1" }, { $SET: { data1: "hello" }, $REMOVE: ["data2"] });
    expect(await stored(name, "u1")).toEqual({ id: { S: "u1" }, data1: { S: "hello" }, combine: { S: "hello" } });
    await expect(User.update({ id: "u1" }, { data1: "x" })).rejects.toMatchObject({ name: "InvalidParameter", code: "combine_update" });
  });

  it("touching no part of it is refused before sending, as in Dynamoose (Dynamoose's message), also in a transaction", async () => {
    await User.create({ id: "u2", data1: "a", data2: "b" });
    const log: Recorded[] = [];
    dynamodel.aws.ddb.set(recordingClient(client, log));
    try {
      const refusal = {
        name: "InvalidParameter",
        code: "combine_update",
        path: "combine",
        message:
          "You must update all or none of the combine attributes when running Model.update. Missing combine attributes: data1, data2.",
      };
      await expect(User.update({ id: "u2" }, { other: "x" })).rejects.toMatchObject(refusal);
      await expect(User.update({ id: "u2" }, { other: "x" }, { return: "request" })).rejects.toMatchObject(refusal);
      await expect(dynamodel.transaction([User.transaction.update({ id: "u2" }, { other: "x" })])).rejects.toMatchObject(refusal);
      expect(log).toEqual([]);
    } finally {
      dynamodel.aws.ddb.set(client);
    }
    expect(await stored(name, "u2")).toEqual({ id: { S: "u2" }, data1: { S: "a" }, data2: { S: "b" }, combine: { S: "a,b" } });
  });
});

describe("$ADD operands", () => {
  const name = tableName("UpdAddValidate");
  const Doc = dynamodel.model(
    name,
    new dynamodel.Schema({
      id: { type: String, hashKey: true },
      score: { type: Number, validate: (v: unknown) => typeof v === "number" && v >= 10 },
      level: { type: Number, enum: [10, 20] },
    }),
  );

  it("are type-checked, not validated", async () => {
    await Doc.create({ id: "d1", score: 10, level: 10 });
    // `level` is typed 10 | 20, which the types do not let `$ADD` touch; the runtime takes it as Dynamoose does.
    await Doc.update({ id: "d1" }, { $ADD: { score: 5, level: 10 } } as never);
    expect(await stored(name, "d1")).toEqual({ id: { S: "d1" }, score: { N: "15" }, level: { N: "20" } });
    await expect(Doc.update({ id: "d1" }, { $ADD: { score: "5" } } as never)).rejects.toMatchObject({ name: "TypeMismatch" });
    await expect(Doc.update({ id: "d1" }, { score: 5 })).rejects.toMatchObject({ name: "ValidationError" });
  });
});

describe("async validate in an update", () => {
  const Doc = dynamodel.model(
    tableName("UpdAsync"),
    new dynamodel.Schema({ id: { type: String, hashKey: true }, v: { type: String, validate: async (v: unknown) => v !== "bad" } }),
  );

  it("is awaited", async () => {
    await expect(Doc.update({ id: "d1" }, { v: "bad" }, { return: "request" })).rejects.toMatchObject({ name: "ValidationError" });
  });
});

describe("$DELETE on an attribute with a default (not forced)", () => {
  const name = tableName("UpdDeleteDefault");
  const Doc = dynamodel.model(
    name,
    new dynamodel.Schema({ id: { type: String, hashKey: true }, tags: { type: Set, schema: [String], default: () => new Set(["base"]) } }),
  );

  it("sets the default, as Dynamoose's $DELETE (settings `defaults`) does; UNDEFINED and $ADD keep their meaning", async () => {
    expect(await Doc.update({ id: "d1" }, { $DELETE: { tags: ["a"] } }, { return: "request" })).toMatchObject({
      UpdateExpression: "SET #n0 = :v0",
      ExpressionAttributeNames: { "#n0": "tags" },
      ExpressionAttributeValues: { ":v0": { SS: ["base"] } },
    });
    await Doc.create({ id: "d0" });
    await client.putItem({ TableName: name, Item: { id: { S: "d1" }, tags: { SS: ["a", "b"] } } });
    await Doc.update({ id: "d1" }, { $DELETE: { tags: ["a"] } });
    expect((await stored(name, "d1")).tags).toEqual({ SS: ["base"] });
    await Doc.update({ id: "d1" }, { $ADD: { tags: ["c"] } });
    expect(new Set((await stored(name, "d1")).tags?.SS)).toEqual(new Set(["base", "c"]));
    const { UNDEFINED } = dynamodel.type;
    for (const update of [{ $DELETE: { tags: UNDEFINED } }, { $ADD: { tags: UNDEFINED } }] as never[]) {
      expect(await Doc.update({ id: "d1" }, update, { return: "request" })).toMatchObject({ UpdateExpression: "REMOVE #n0" });
    }
    await Doc.update({ id: "d1" }, { $DELETE: { tags: UNDEFINED } } as never);
    expect(await stored(name, "d1")).toEqual({ id: { S: "d1" } });
  });
});

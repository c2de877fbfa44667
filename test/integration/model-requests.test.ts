/**
 * The exact requests the model builds (`{return: "request"}`), then the same operations executed on DynamoDB Local.
 */
import { beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";

beforeAll(() => {
  dynamodel.aws.ddb.set(localClient());
});

const schema = new dynamodel.Schema({
  pk: { type: String, hashKey: true },
  sk: { type: Number, rangeKey: true },
  name: String,
  born: { type: { value: Date, settings: { storage: "seconds" } } },
  tags: { type: Set, schema: [String] },
  log: { type: Array, schema: [String] },
  count: Number,
});
const name = tableName("Requests");
const Thing = dynamodel.model(name, schema, { throughput: "ON_DEMAND" });

describe("requests without sending", () => {
  it("get with attributes and consistent", async () => {
    expect(await Thing.get({ pk: "a", sk: 1 }, { return: "request", attributes: ["pk", "name"], consistent: true })).toEqual({
      Key: { pk: { S: "a" }, sk: { N: "1" } },
      TableName: name,
      ConsistentRead: true,
      ProjectionExpression: "#n0, #n1",
      ExpressionAttributeNames: { "#n0": "pk", "#n1": "name" },
    });
  });

  it("create adds attribute_not_exists on the hash key, and converts values by the schema", async () => {
    const request = await Thing.create({ pk: "a", sk: 1, born: new Date(1_500), tags: ["x", "x", "y"] }, { return: "request" });
    expect(request).toEqual({
      Item: { pk: { S: "a" }, sk: { N: "1" }, born: { N: "2" }, tags: { SS: ["x", "y"] } },
      TableName: name,
      ConditionExpression: "attribute_not_exists(#n0)",
      ExpressionAttributeNames: { "#n0": "pk" },
    });
  });

  it("update: SET, ADD, REMOVE, DELETE, list append and a condition share one registry", async () => {
    const request = await Thing.update(
      { pk: "a", sk: 1 },
      { name: "n", $ADD: { count: 2, log: "x" }, $REMOVE: ["born"], $DELETE: { tags: ["y"] } },
      { return: "request", condition: new dynamodel.Condition("count").gt(1) },
    );
    expect(request).toEqual({
      Key: { pk: { S: "a" }, sk: { N: "1" } },
      TableName: name,
      ConditionExpression: "#n0 > :v0",
      UpdateExpression: "SET #n1 = :v1, #n2 = list_append(if_not_exists(#n2, :v2), :v3) REMOVE #n3 ADD #n0 :v4 DELETE #n4 :v5",
      ExpressionAttributeNames: { "#n0": "count", "#n1": "name", "#n2": "log", "#n3": "born", "#n4": "tags" },
      ExpressionAttributeValues: {
        ":v0": { N: "1" },
        ":v1": { S: "n" },
        ":v2": { L: [] },
        ":v3": { L: [{ S: "x" }] },
        ":v4": { N: "2" },
        ":v5": { SS: ["y"] },
      },
      ReturnValues: "ALL_NEW",
    });
  });

  it("delete with a condition object", async () => {
    expect(await Thing.delete({ pk: "a", sk: 1 }, { return: "request", condition: { name: { eq: "n" } } })).toEqual({
      Key: { pk: { S: "a" }, sk: { N: "1" } },
      TableName: name,
      ConditionExpression: "#n0 = :v0",
      ExpressionAttributeNames: { "#n0": "name" },
      ExpressionAttributeValues: { ":v0": { S: "n" } },
    });
  });

  it("refuses a key of the wrong type or with a missing range key, before sending", async () => {
    await expect(Thing.get({ pk: 1, sk: 1 } as never)).rejects.toMatchObject({ name: "TypeMismatch", path: "pk" });
    await expect(Thing.get({ pk: "a" } as never)).rejects.toMatchObject({ name: "ValidationError", path: "sk" });
  });

  it("refuses updates of key attributes and of a string with $ADD", async () => {
    await expect(Thing.update({ pk: "a", sk: 1 }, { $SET: { pk: "b" } } as never)).rejects.toMatchObject({ name: "InvalidParameter" });
    await expect(Thing.update({ pk: "a", sk: 1 }, { $ADD: { name: "x" } } as never)).rejects.toMatchObject({
      name: "TypeMismatch",
      path: "name",
    });
  });
});

describe("the same operations on DynamoDB Local", () => {
  it("runs them and reads back what the schema stored", async () => {
    await Thing.create({ pk: "a", sk: 1, born: new Date(1_500), tags: ["x", "y"], count: 1 });
    const updated = await Thing.update(
      { pk: "a", sk: 1 },
      { name: "n", $ADD: { count: 2, log: "x" }, $REMOVE: ["born"], $DELETE: { tags: ["y"] } },
      { condition: new dynamodel.Condition("count").eq(1) },
    );
    expect({ ...updated }).toEqual({ pk: "a", sk: 1, name: "n", count: 3, log: ["x"], tags: new Set(["x"]) });
    await expect(
      Thing.update({ pk: "a", sk: 1 }, { name: "m" }, { condition: new dynamodel.Condition("count").eq(1) }),
    ).rejects.toMatchObject({
      name: "ConditionalCheckFailedException",
    });
    await expect(Thing.delete({ pk: "a", sk: 1 }, { condition: { name: { eq: "zzz" } } })).rejects.toMatchObject({
      name: "ConditionalCheckFailedException",
    });
    await Thing.delete({ pk: "a", sk: 1 }, { condition: { name: { eq: "n" } } });
    expect(await Thing.get({ pk: "a", sk: 1 })).toBeUndefined();
  });

  it("stores Dates in seconds and reads them back as Dates", async () => {
    await Thing.create({ pk: "d", sk: 1, born: new Date(1_700_000_000_000) });
    const read = await Thing.get({ pk: "d", sk: 1 });
    expect(read?.born).toEqual(new Date(1_700_000_000_000));
    expect(read?.original()).toEqual({ pk: "d", sk: 1, born: 1_700_000_000 });
  });

  it("returns nothing for ReturnValues NONE", async () => {
    await Thing.create({ pk: "r", sk: 1 });
    expect(await Thing.update({ pk: "r", sk: 1 }, { name: "x" }, { returnValues: "NONE" })).toBeUndefined();
    expect((await Thing.get({ pk: "r", sk: 1 }))?.name).toBe("x");
  });
});

describe("callbacks", () => {
  it("every async method also takes a Node-style callback and then returns undefined", async () => {
    const call = <T>(run: (cb: (error: Error | null | undefined, result?: T) => void) => unknown) =>
      new Promise<{ returned: unknown; result: T | undefined }>((resolve, reject) => {
        let returned: unknown;
        returned = run((error, result) => (error ? reject(error) : resolve({ returned, result })));
      });
    const created = await call<{ name?: string }>((cb) => Thing.create({ pk: "cb", sk: 1, name: "x" }, cb));
    expect(created.returned).toBeUndefined();
    expect(created.result?.name).toBe("x");
    const got = await call<{ name?: string } | undefined>((cb) => Thing.get({ pk: "cb", sk: 1 }, cb));
    expect(got.result?.name).toBe("x");
    const updated = await call<{ name?: string }>((cb) => Thing.update({ pk: "cb", sk: 1 }, { name: "y" }, cb));
    expect(updated.result?.name).toBe("y");
    const item = new Thing({ pk: "cb", sk: 2 });
    const saved = await call((cb) => item.save(cb));
    expect(saved.result).toBe(item);
    await call((cb) => item.delete(cb));
    await call((cb) => Thing.delete({ pk: "cb", sk: 1 }, cb));
    expect(await Thing.get({ pk: "cb", sk: 1 })).toBeUndefined();
    const failed = await new Promise<Error | null | undefined>((resolve) => Thing.create({ pk: 5 } as never, (error) => resolve(error)));
    expect(failed?.name).toBe("TypeMismatch");
  });
});

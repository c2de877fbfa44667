/**
 * A nested update whose parent map does not exist (issue #12): sent first as the plain nested SET (one request when
 * the parent exists), then, when DynamoDB refuses the path, rewritten to create the missing maps under
 * `attribute_not_exists` conditions. Checked on DynamoDB Local with the raw SDK, with concurrent writers.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import dynamodel, { update } from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";
import { recordingClient } from "../support/recording-client.js";

const raw = localClient();
const client = recordingClient(localClient());
beforeAll(() => {
  dynamodel.aws.ddb.set(client);
});

const name = tableName("UpdParent");
const User = dynamodel.model(
  name,
  new dynamodel.Schema(
    {
      id: { type: String, hashKey: true },
      count: Number,
      address: { type: Object, schema: { city: String, zip: Number, geo: { type: Object, schema: { lat: Number, lng: Number } } } },
    },
    { saveUnknown: ["extra", "extra.**"] },
  ),
);

async function stored(id: string): Promise<Record<string, AttributeValue>> {
  return (await raw.getItem({ TableName: name, Key: { id: { S: id } }, ConsistentRead: true })).Item ?? {};
}

/** The operations sent while `run` runs. */
async function sent(run: () => Promise<unknown>): Promise<string[]> {
  const from = client.log.length;
  await run();
  return client.log.slice(from).map((entry) => entry.operation);
}

describe("a nested update", () => {
  it("is first sent as the plain nested SET: one request when the parent exists", async () => {
    expect(await User.update({ id: "p0" }, { "address.city": "Paris" }, { return: "request" })).toEqual({
      Key: { id: { S: "p0" } },
      TableName: name,
      UpdateExpression: "SET #n0.#n1 = :v0",
      ExpressionAttributeNames: { "#n0": "address", "#n1": "city" },
      ExpressionAttributeValues: { ":v0": { S: "Paris" } },
      ReturnValues: "ALL_NEW",
    });
    await User.create({ id: "p0", address: { zip: 1 } });
    expect(await sent(() => User.update({ id: "p0" }, { "address.city": "Paris" }))).toEqual(["updateItem"]);
    expect((await stored("p0")).address).toEqual({ M: { zip: { N: "1" }, city: { S: "Paris" } } });
  });

  it("creates a missing parent map (and a missing item), keeping the other actions", async () => {
    await User.create({ id: "p1", count: 1 });
    expect(await sent(() => User.update({ id: "p1" }, { "address.city": "Paris", count: 2 }))).toEqual([
      "updateItem",
      "getItem",
      "updateItem",
    ]);
    expect(await stored("p1")).toEqual({ id: { S: "p1" }, count: { N: "2" }, address: { M: { city: { S: "Paris" } } } });
    const updated = await User.update({ id: "p2" }, { "address.city": "Lyon" });
    expect(updated.address).toEqual({ city: "Lyon" });
    expect(await stored("p2")).toEqual({ id: { S: "p2" }, address: { M: { city: { S: "Lyon" } } } });
  });

  it("creates missing maps at any depth, with operations evaluated for absent values", async () => {
    await User.create({ id: "p3" });
    await User.update(
      { id: "p3" },
      {
        "address.geo.lat": 1,
        "address.zip": update.increment(5),
        "extra.a.b": update.ifNotExists("x"),
        $ADD: { "extra.n": 2 },
        $REMOVE: ["extra.gone"],
      },
    );
    expect(await stored("p3")).toEqual({
      id: { S: "p3" },
      address: { M: { geo: { M: { lat: { N: "1" } } }, zip: { N: "5" } } },
      extra: { M: { a: { M: { b: { S: "x" } } }, n: { N: "2" } } },
    });
    await User.update({ id: "p3" }, { "address.geo.lng": 2, "address.zip": update.decrement(1) });
    expect((await stored("p3")).address).toEqual({ M: { geo: { M: { lat: { N: "1" }, lng: { N: "2" } } }, zip: { N: "4" } } });
    await raw.updateItem({ TableName: name, Key: { id: { S: "p3" } }, UpdateExpression: "REMOVE address.geo" });
    await User.update({ id: "p3" }, { "address.geo.lng": 3 });
    expect((await stored("p3")).address).toEqual({ M: { geo: { M: { lng: { N: "3" } } }, zip: { N: "4" } } });
  });

  it("keeps every writer's child when concurrent writers create the same missing parent", async () => {
    for (let round = 0; round < 5; round++) {
      const id = `c${round}`;
      await User.create({ id });
      await Promise.all([
        User.update({ id }, { "address.city": `city${round}` }),
        User.update({ id }, { "address.zip": round }),
        User.update({ id }, { "address.geo.lat": round }),
        User.update({ id }, { "extra.w1": 1 }),
        User.update({ id }, { "extra.w2": 2 }),
      ]);
      expect(await stored(id)).toEqual({
        id: { S: id },
        address: { M: { city: { S: `city${round}` }, zip: { N: String(round) }, geo: { M: { lat: { N: String(round) } } } } },
        extra: { M: { w1: { N: "1" }, w2: { N: "2" } } },
      });
    }
  });

  it("keeps a map another writer creates between the read and the rewritten request", async () => {
    await User.create({ id: "p6" });
    const racing = new Proxy(raw, {
      get(target, property) {
        const value = Reflect.get(target, property) as unknown;
        if (property !== "getItem" || typeof value !== "function") return typeof value === "function" ? value.bind(target) : value;
        return async (input: Parameters<typeof raw.getItem>[0]) => {
          const read = await target.getItem(input);
          await raw.updateItem({
            TableName: name,
            Key: { id: { S: "p6" } },
            UpdateExpression: "SET address = :a",
            ExpressionAttributeValues: { ":a": { M: { zip: { N: "9" } } } },
          });
          return read;
        };
      },
    });
    const log = recordingClient(racing as never);
    dynamodel.aws.ddb.set(log);
    try {
      await User.update({ id: "p6" }, { "address.city": "Paris" });
    } finally {
      dynamodel.aws.ddb.set(client);
    }
    // refused (no parent), read (then the other writer creates it), refused by attribute_not_exists, nested SET.
    expect(log.log.map((entry) => entry.operation)).toEqual(["updateItem", "getItem", "updateItem", "updateItem"]);
    expect(log.log[2]?.input).toMatchObject({
      ConditionExpression: "attribute_not_exists(#n0)",
      UpdateExpression: "SET #n0 = :v0",
      ReturnValuesOnConditionCheckFailure: "ALL_OLD",
    });
    expect((await stored("p6")).address).toEqual({ M: { zip: { N: "9" }, city: { S: "Paris" } } });
  });

  it("throws the caller's failed condition, writing nothing", async () => {
    await User.create({ id: "p4", count: 1 });
    const update = () => User.update({ id: "p4" }, { "address.city": "Paris" }, { condition: new dynamodel.Condition("count").eq(1) });
    // DynamoDB checks the condition first: a failing one fails the first attempt.
    await raw.putItem({ TableName: name, Item: { id: { S: "p4" }, count: { N: "2" } } });
    expect(await sent(() => update().catch((error: Error) => expect(error.name).toBe("ConditionalCheckFailedException")))).toEqual([
      "updateItem",
    ]);
    // It holds on the first attempt; another writer changes `count` before the rewritten one, which fails on it.
    await raw.putItem({ TableName: name, Item: { id: { S: "p4" }, count: { N: "1" } } });
    const interfering = new Proxy(raw, {
      get(target, property) {
        const value = Reflect.get(target, property) as unknown;
        if (property !== "getItem" || typeof value !== "function") return typeof value === "function" ? value.bind(target) : value;
        return async (input: Parameters<typeof raw.getItem>[0]) => {
          await raw.putItem({ TableName: name, Item: { id: { S: "p4" }, count: { N: "3" } } });
          return target.getItem(input);
        };
      },
    });
    dynamodel.aws.ddb.set(interfering);
    try {
      await expect(update()).rejects.toMatchObject({ name: "ConditionalCheckFailedException" });
    } finally {
      dynamodel.aws.ddb.set(client);
    }
    expect(await stored("p4")).toEqual({ id: { S: "p4" }, count: { N: "3" } });
  });

  it("still fails, with DynamoDB's error, when a parent is not a map", async () => {
    await raw.putItem({ TableName: name, Item: { id: { S: "p5" }, extra: { S: "text" } } });
    await expect(User.update({ id: "p5" }, { "extra.x": 1 })).rejects.toMatchObject({ name: "ValidationException" });
    expect(await stored("p5")).toEqual({ id: { S: "p5" }, extra: { S: "text" } });
  });
});

describe("a nested update under a missing map inside a transaction", () => {
  it("writes nothing and is refused with InvalidParameter naming the nested path (one request, no retry)", async () => {
    await User.create({ id: "t1", count: 1 });
    await User.create({ id: "t2", address: { zip: 9 } });
    const run = () =>
      dynamodel.transaction([
        User.transaction.update({ id: "t2" }, { "address.city": "Rome" }),
        User.transaction.update({ id: "t1" }, { "address.city": "Paris", count: 2 }),
      ]);
    const from = client.log.length;
    const error = await run().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(client.log.slice(from).map((entry) => entry.operation)).toEqual(["transactWriteItems"]);
    expect(error).toBeInstanceOf(dynamodel.error.InvalidParameter);
    expect(error).toMatchObject({ code: "missing_parent", path: "address.city", cause: { name: "ValidationException" } });
    expect((error as Error).message).toContain("address.city (action 1)");
    expect(await stored("t1")).toEqual({ id: { S: "t1" }, count: { N: "1" } });
    expect((await stored("t2")).address).toEqual({ M: { zip: { N: "9" } } });
    // With every parent present, the nested paths are written as they are.
    await dynamodel.transaction([User.transaction.update({ id: "t2" }, { "address.city": "Rome" })]);
    expect((await stored("t2")).address).toEqual({ M: { zip: { N: "9" }, city: { S: "Rome" } } });
  });
});

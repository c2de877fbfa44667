/**
 * `Model.update` writes the `updatedAt` of nested Schema instances with the top-level one (issue #12), keeping the
 * rest of the nested map, which Dynamoose's `SET address = {updatedAt}` replaces. Checked with the raw SDK.
 */
import { beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";

const client = localClient();
beforeAll(() => {
  dynamodel.aws.ddb.set(client);
});

const raw = async (table: string, id: string) =>
  (await client.getItem({ TableName: table, Key: { id: { S: id } }, ConsistentRead: true })).Item ?? {};

describe("update and the timestamps of a nested Schema", () => {
  const name = tableName("UpdNestedStamps");
  const Order = dynamodel.model(
    name,
    new dynamodel.Schema(
      {
        id: { type: String, hashKey: true },
        note: String,
        address: new dynamodel.Schema({ street: String }, { timestamps: true }),
        lines: { type: Array, schema: [new dynamodel.Schema({ sku: String }, { timestamps: { createdAt: null, updatedAt: "at" } })] },
      },
      { timestamps: true },
    ),
  );

  it("sets the nested updatedAt path, equal to the top-level one, keeping the other children and createdAt", async () => {
    expect(await Order.update({ id: "o1" }, { note: "n" }, { return: "request" })).toMatchObject({
      UpdateExpression: "SET #n0 = :v0, #n1.#n0 = :v1, #n2 = :v2",
      ExpressionAttributeNames: { "#n0": "updatedAt", "#n1": "address", "#n2": "note" },
    });
    await Order.create({ id: "o1", address: { street: "Main" } } as never);
    const before = await raw(name, "o1");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await Order.update({ id: "o1" }, { note: "n" });
    const after = await raw(name, "o1");
    expect(after.updatedAt).not.toEqual(before.updatedAt);
    expect(after.address?.M).toEqual({ street: { S: "Main" }, createdAt: before.address?.M?.createdAt, updatedAt: after.updatedAt });
    expect(after.createdAt).toEqual(before.createdAt);
  });

  it("creates the nested map when the item has none (as Dynamoose's whole-map SET does)", async () => {
    await client.putItem({ TableName: name, Item: { id: { S: "o2" } } });
    await Order.update({ id: "o2" }, { note: "n" });
    const stored = await raw(name, "o2");
    expect(stored.address).toEqual({ M: { updatedAt: stored.updatedAt } });
  });

  it("stamps a nested map or list set whole, and leaves a removed one removed", async () => {
    await Order.update({ id: "o3" }, { address: { street: "Elm" }, lines: [{ sku: "a" }, { sku: "b" }] } as never);
    const stored = await raw(name, "o3");
    expect(stored.address?.M).toEqual({ street: { S: "Elm" }, updatedAt: stored.updatedAt });
    expect(stored.lines?.L).toEqual([{ M: { sku: { S: "a" }, at: stored.updatedAt } }, { M: { sku: { S: "b" }, at: stored.updatedAt } }]);
    await Order.update({ id: "o3" }, { $REMOVE: ["address"] });
    expect((await raw(name, "o3")).address).toBeUndefined();
    await Order.update({ id: "o3" }, { "address.street": "Oak" });
    const nested = await raw(name, "o3");
    expect(nested.address?.M).toEqual({ street: { S: "Oak" }, updatedAt: nested.updatedAt });
  });

  it("in a transaction, stamps only a map the update writes inside, so an item without the map is updated", async () => {
    await client.putItem({ TableName: name, Item: { id: { S: "t1" } } });
    await dynamodel.transaction([Order.transaction.update({ id: "t1" }, { note: "n" })]);
    const stored = await raw(name, "t1");
    expect(stored.note).toEqual({ S: "n" });
    expect(stored.address).toBeUndefined();
    await client.putItem({ TableName: name, Item: { id: { S: "t2" }, address: { M: { street: { S: "Main" } } } } });
    await dynamodel.transaction([Order.transaction.update({ id: "t2" }, { "address.street": "Elm" } as never)]);
    const nested = await raw(name, "t2");
    expect(nested.address?.M).toEqual({ street: { S: "Elm" }, updatedAt: nested.updatedAt });
  });
});

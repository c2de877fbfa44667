/**
 * Several models in one table (single-table design): every index of every model created, entity tags written on
 * create/save/update/batchPut, and stored items read back as the model that wrote them (Dynamoose #1702 parses them
 * with whichever model asked).
 */
import { beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";

beforeAll(() => {
  dynamodel.aws.ddb.set(localClient());
});

const fast = { waitForActive: { check: { frequency: 10 } } } as const;

/** The single-table example of docs/single-table.md. */
function defineApp(table: string) {
  const User = dynamodel.model(
    `${table}_User`,
    new dynamodel.Schema({
      pk: { type: dynamodel.type.COMBINE(["kind", "userId"], "#"), hashKey: true },
      sk: { type: String, rangeKey: true, default: "PROFILE" },
      kind: dynamodel.type.CONSTANT("USER"),
      userId: { type: String, required: true },
      email: { type: String, index: { name: "byEmail", project: ["userId"] } },
    }),
    { entity: "_type" },
  );
  const Order = dynamodel.model(
    `${table}_Order`,
    new dynamodel.Schema({
      pk: { type: String, hashKey: true },
      sk: { type: dynamodel.type.COMBINE(["kind", "placed", "orderId"], "#"), rangeKey: true },
      kind: dynamodel.type.CONSTANT("ORDER"),
      placed: { type: String, required: true },
      orderId: { type: String, required: true },
      total: Number,
      status: { type: String, index: { name: "byStatus", rangeKey: "placed", project: false } },
    }),
    { entity: { attribute: "_type", value: "ORDER" } },
  );
  const app = new dynamodel.Table(table, [User, Order], { throughput: "ON_DEMAND", ...fast });
  return { User, Order, app };
}

describe("models sharing a table", () => {
  it("creates every index of every model", async () => {
    const name = tableName("App");
    const { app } = defineApp(name);
    const request = await app.create({ return: "request" });
    expect(request?.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(["byEmail", "byStatus"]);
    await app.initialize();
    const described = (await localClient().describeTable({ TableName: name })).Table;
    expect(described?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.Projection?.ProjectionType]).sort()).toEqual([
      ["byEmail", "INCLUDE"],
      ["byStatus", "KEYS_ONLY"],
    ]);
    expect(new Set(described?.AttributeDefinitions?.map((d) => d.AttributeName))).toEqual(
      new Set(["pk", "sk", "email", "status", "placed"]),
    );
  });

  it("writes the entity tag on create, save, update and batchPut", async () => {
    const name = tableName("Tags");
    const { User, Order } = defineApp(name);
    await User.create({ userId: "u1", email: "a@b.c" });
    const order = new Order({ pk: "USER#u1", placed: "2026-01-02", orderId: "o1", total: 5 });
    await order.save();
    await User.batchPut([{ userId: "u2" }]);
    const raw = await localClient().scan({ TableName: name });
    const tags = Object.fromEntries((raw.Items ?? []).map((item) => [`${item.pk?.S} ${item.sk?.S}`, item._type?.S]));
    expect(tags).toEqual({ "USER#u1 PROFILE": `${name}_User`, "USER#u1 ORDER#2026-01-02#o1": "ORDER", "USER#u2 PROFILE": `${name}_User` });
    // An update writes the tag too (it may create the item). Order and User are keyed by a COMBINE, so (as in
    // Dynamoose) no update of theirs is accepted: it must touch all or none of the parts, and all would change the key.
    await expect(Order.update({ pk: "USER#u1", sk: "ORDER#2026-01-02#o1" }, { total: 7 })).rejects.toMatchObject({
      code: "combine_update",
    });
    const Note = dynamodel.model(
      `${name}_Note`,
      new dynamodel.Schema({ pk: { type: String, hashKey: true }, sk: { type: String, rangeKey: true }, text: String }),
      { entity: { attribute: "_type", value: "NOTE" } },
    );
    new dynamodel.Table(`${name}_Notes`, [Note], { throughput: "ON_DEMAND", ...fast });
    await Note.update({ pk: "USER#u9", sk: "NOTE#1" }, { text: "hi" });
    const updated = await localClient().getItem({ TableName: `${name}_Notes`, Key: { pk: { S: "USER#u9" }, sk: { S: "NOTE#1" } } });
    expect(updated.Item?._type).toEqual({ S: "NOTE" });
    expect(await Note.update({ pk: "USER#u9", sk: "NOTE#1" }, { text: "ho" }, { return: "request" })).toMatchObject({
      UpdateExpression: expect.stringMatching(/^SET .+, #\w+ = :\w+$/),
    });
  });

  it("reads each stored item as the model that wrote it, whichever model reads it", async () => {
    const name = tableName("Route");
    const { User, Order } = defineApp(name);
    await User.create({ userId: "u1", email: "a@b.c" });
    await Order.create({ pk: "USER#u1", placed: "2026-01-02", orderId: "o1", total: 5, status: "open" });
    const viaUser = await User.get({ pk: "USER#u1", sk: "ORDER#2026-01-02#o1" });
    expect(viaUser).toBeInstanceOf(Order);
    expect(viaUser).toMatchObject({ total: 5, orderId: "o1" });
    const profile = await Order.get({ pk: "USER#u1", sk: "PROFILE" });
    expect(profile).toBeInstanceOf(User);
    expect(profile).toMatchObject({ userId: "u1", email: "a@b.c" });
    // Queries and scans go through the same conversion: a user's partition holds a User and an Order.
    const partition = await User.query("pk").eq("USER#u1").exec();
    expect(partition.map((item) => item.constructor)).toEqual([Order, User]); // sk "ORDER#…" sorts before "PROFILE"
    const everything = await Order.scan().exec();
    expect(new Set(everything.map((item) => item.constructor))).toEqual(new Set([User, Order]));
    const batch = await User.batchGet([
      { pk: "USER#u1", sk: "PROFILE" },
      { pk: "USER#u1", sk: "ORDER#2026-01-02#o1" },
    ]);
    expect(batch.map((item) => item.constructor)).toEqual([User, Order]);
  });

  it("routes through the table by tag, else by the best-fitting schema", async () => {
    const name = tableName("TableRead");
    const { User, Order, app } = defineApp(name);
    expect(await app.fromStored({ pk: { S: "USER#u1" }, sk: { S: "x" }, _type: { S: "ORDER" }, orderId: { S: "o" } })).toBeInstanceOf(
      Order,
    );
    expect(await app.fromStored({ pk: { S: "USER#u1" }, sk: { S: "x" }, orderId: { S: "o" }, total: { N: "1" } })).toBeInstanceOf(Order);
    expect(await app.fromStored({ pk: { S: "USER#u1" }, sk: { S: "x" }, userId: { S: "u" }, email: { S: "e" } })).toBeInstanceOf(User);
  });

  it("queries and scans the whole table: any model's index, each item as its own model", async () => {
    const name = tableName("TableQuery");
    const { User, Order, app } = defineApp(name);
    await User.create({ userId: "u1", email: "a@b.c" });
    await Order.create({ pk: "USER#u1", placed: "2026-01-02", orderId: "o1", total: 5, status: "open" });
    await Order.create({ pk: "USER#u2", placed: "2026-01-03", orderId: "o2", total: 6, status: "open" });
    const partition = await app.query("pk").eq("USER#u1").exec();
    expect(partition.map((item) => item.constructor)).toEqual([Order, User]);
    // byStatus is declared by Order only; it projects keys only, so no tag: the best-fitting schema decides.
    const open = app.query("status").eq("open");
    expect(open.explain().index).toBe("byStatus");
    const found = await open.exec();
    expect(found.map((item) => [item.constructor, (item as unknown as { sk: string }).sk])).toEqual([
      [Order, "ORDER#2026-01-02#o1"],
      [Order, "ORDER#2026-01-03#o2"],
    ]);
    const byEmail = await app.query("email").eq("a@b.c").exec();
    expect(byEmail.map((item) => item.constructor)).toEqual([User]);
    const all = await app.scan().exec();
    expect(all.map((item) => item.constructor.name).sort()).toEqual([`${name}_Order`, `${name}_Order`, `${name}_User`]);
  });

  it("refuses two models with the same tag in one table, and bad entity options", async () => {
    const schema = new dynamodel.Schema({ id: String });
    const A = dynamodel.model(tableName("A"), schema, { entity: { value: "same" } });
    const B = dynamodel.model(tableName("B"), schema, { entity: { value: "same" } });
    expect(() => new dynamodel.Table(tableName("Dup"), [A, B])).toThrow(dynamodel.error.InvalidParameter);
    expect(() => dynamodel.model(tableName("C"), schema, { entity: "" })).toThrow(dynamodel.error.InvalidParameter);
    expect(() => dynamodel.model(tableName("D"), schema, { entity: 3 as never })).toThrow(dynamodel.error.InvalidParameterType);
    const E = dynamodel.model(tableName("E"), schema, { entity: true });
    expect(await E.create({ id: "x" }, { return: "request" })).toMatchObject({ Item: { id: { S: "x" }, _type: { S: E.name } } });
  });

  it("leaves items without a tag to the model that reads them (no entity option)", async () => {
    const name = tableName("Untagged");
    const schema = new dynamodel.Schema({ id: String, n: Number });
    const Plain = dynamodel.model(name, schema, fast);
    await Plain.create({ id: "a", n: 1 });
    const raw = await localClient().getItem({ TableName: name, Key: { id: { S: "a" } } });
    expect(Object.keys(raw.Item ?? {}).sort()).toEqual(["id", "n"]);
    expect(await Plain.get("a")).toBeInstanceOf(Plain);
  });
});

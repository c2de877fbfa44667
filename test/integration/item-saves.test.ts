/**
 * What `save`/`create` write, checked with the raw SDK on DynamoDB Local: timestamps of nested Schema instances,
 * class instances given for Object attributes, numbers given for ISO Dates (Dynamoose's test/Item.js cases).
 */
import { beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";

beforeAll(() => {
  dynamodel.aws.ddb.set(localClient());
});

const raw = async (table: string, id: string) =>
  (await localClient().getItem({ TableName: table, Key: { id: { S: id } }, ConsistentRead: true })).Item;

describe("timestamps of a nested Schema", () => {
  const name = tableName("NestedStamps");
  const Order = dynamodel.model(
    name,
    new dynamodel.Schema(
      {
        id: { type: String, hashKey: true },
        address: new dynamodel.Schema({ street: String }, { timestamps: true }),
        meta: {
          type: Object,
          schema: new dynamodel.Schema(
            { note: String },
            { timestamps: { createdAt: "made", updatedAt: { changed: { type: { value: Date, settings: { storage: "iso" } } } } } },
          ),
        },
        lines: { type: Array, schema: [new dynamodel.Schema({ sku: String }, { timestamps: { createdAt: null, updatedAt: "at" } })] },
      },
      { timestamps: true },
    ),
  );

  it("writes them with the top-level ones, equal to them", async () => {
    await Order.create({ id: "o1", address: { street: "Main" }, meta: { note: "n" }, lines: [{ sku: "a" }, { sku: "b" }] } as never);
    const stored = await raw(name, "o1");
    const created = stored?.createdAt?.N;
    const updated = stored?.updatedAt?.N;
    expect(created).toBeDefined();
    expect(stored?.address?.M).toEqual({ street: { S: "Main" }, createdAt: { N: created }, updatedAt: { N: updated } });
    expect(stored?.meta?.M).toEqual({ note: { S: "n" }, made: { N: created }, changed: { S: new Date(Number(updated)).toISOString() } });
    expect(stored?.lines?.L).toEqual([{ M: { sku: { S: "a" }, at: { N: updated } } }, { M: { sku: { S: "b" }, at: { N: updated } } }]);
  });

  it("reads them as Dates, keeps createdAt on a later save and creates a missing nested object as Dynamoose does", async () => {
    const read = await Order.get("o1");
    const address = read?.address as { createdAt: Date; updatedAt: Date } | undefined;
    expect(address?.createdAt).toBeInstanceOf(Date);
    const before = await raw(name, "o1");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await read?.save();
    const after = await raw(name, "o1");
    expect(after?.address?.M?.createdAt).toEqual(before?.address?.M?.createdAt);
    expect(after?.address?.M?.updatedAt).toEqual(after?.updatedAt);
    expect(after?.address?.M?.updatedAt).not.toEqual(before?.address?.M?.updatedAt);

    const input = { id: "o2" };
    await Order.create(input as never);
    expect(input).toEqual({ id: "o2" });
    const bare = await raw(name, "o2");
    expect(bare?.address?.M).toEqual({ createdAt: bare?.createdAt, updatedAt: bare?.updatedAt });
  });
});

describe("type checks of saves", () => {
  const name = tableName("SaveTypes");
  const User = dynamodel.model(
    name,
    new dynamodel.Schema({
      id: { type: String, hashKey: true },
      address: { type: Object, schema: { data: { type: Object, schema: { country: String }, default: undefined }, name: String } },
      birthday: { type: { value: Date, settings: { storage: "iso" } } },
    }),
  );
  class Address {
    constructor(readonly country: string) {}
  }
  beforeAll(async () => {
    await User.create({ id: "seed" }); // creates the table: a refused save sends nothing
  });

  it("refuses a class instance for an Object attribute, naming its class", async () => {
    const save = User.create({ id: "u1", address: { data: new Address("world") as never, name: "Home" } });
    await expect(save).rejects.toBeInstanceOf(dynamodel.error.TypeMismatch);
    await expect(User.create({ id: "u1", address: { data: new Address("world") as never } })).rejects.toThrow(
      "Expected address.data to be of type object, instead found type Address.",
    );
    expect(await raw(name, "u1")).toBeUndefined();
    await User.create({ id: "u2", address: { data: Object.assign(Object.create(null), { country: "world" }), name: "Home" } });
    expect((await raw(name, "u2"))?.address).toEqual({ M: { data: { M: { country: { S: "world" } } }, name: { S: "Home" } } });
  });

  it("refuses a number for an ISO Date; a condition still compares a number as the ISO string", async () => {
    const when = new Date("2024-05-06T07:08:09.600Z");
    await expect(User.create({ id: "u3", birthday: when.getTime() as never })).rejects.toThrow(
      "Expected birthday to be of type date, instead found type number.",
    );
    expect(await raw(name, "u3")).toBeUndefined();
    await User.create({ id: "u3", birthday: when });
    expect((await raw(name, "u3"))?.birthday).toEqual({ S: when.toISOString() });
    const found = await User.scan("birthday")
      .eq(when.getTime() as never)
      .exec();
    expect(found.map((item) => item.id)).toEqual(["u3"]);
  });
});

describe('an item made with { type: "fromDynamo" }', () => {
  const name = tableName("FromDynamo");
  const Post = dynamodel.model(name, new dynamodel.Schema({ id: { type: String, hashKey: true }, title: String }, { timestamps: true }));

  it("counts as stored: a save keeps its createdAt, and DynamoDB JSON is unmarshalled", async () => {
    const post = new Post({ id: { S: "p1" }, title: { S: "Hello" }, createdAt: { N: "1000" } } as never, { type: "fromDynamo" });
    expect(post.original()).toEqual({ id: "p1", title: "Hello", createdAt: 1000 });
    await post.save();
    const stored = await raw(name, "p1");
    expect(stored?.createdAt).toEqual({ N: "1000" });
    expect(Number(stored?.updatedAt?.N)).toBeGreaterThan(1000);
    await new Post({ id: "p2", createdAt: 2000 } as never).save();
    expect(Number((await raw(name, "p2"))?.createdAt?.N)).toBeGreaterThan(2000);
  });
});

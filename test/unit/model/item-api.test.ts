/**
 * Dynamoose's documented Item API, ported from its test/Item.js: `Model.Item`, `new Model(obj, { type: "fromDynamo" })`,
 * the Item statics (`objectToDynamo`, `fromDynamo`, `isDynamoObject`, `objectFromSchema`, `attributesWithSchema`)
 * and `item.conformToSchema()`.
 */
import { describe, expect, it } from "vitest";
import dynamodel from "../../../src/index.js";
import type { SchemaDefinition } from "../../../src/schema/definition.js";

const unique = () => `ItemApi${Math.random().toString(36).slice(2)}`;
const modelOf = (definition: SchemaDefinition | InstanceType<typeof dynamodel.Schema>) => dynamodel.model(unique(), definition as never);

describe("Model.Item and new Model(obj, settings)", () => {
  const User = modelOf({ id: Number, name: String });

  it("Model.Item is the model", () => {
    expect(User.Item).toBe(User);
    expect(new User.Item({ id: 1 })).toBeInstanceOf(User);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ["a plain object", { id: 1 }, { id: 1 }],
    ["DynamoDB JSON", { id: { N: "1" } }, { id: 1 }],
    ["a DynamoDB JSON list", { id: { N: "1" }, array: { L: [{ S: "1" }] } }, { id: 1, array: ["1"] }],
    ["a DynamoDB JSON map", { id: { N: "1" }, object: { M: { hello: { S: "world" } } } }, { id: 1, object: { hello: "world" } }],
  ])("fromDynamo: %s is the original, kept apart from later changes", (_what, input, original) => {
    const item = new User(input as never, { type: "fromDynamo" }) as unknown as Record<string, unknown> & { original(): unknown };
    expect({ ...item }).toEqual(original);
    expect(item.original()).toEqual(original);
    item.id = 2;
    if (Array.isArray(item.array)) item.array.push("2");
    expect(item.original()).toEqual(original);
  });

  it("without the setting, DynamoDB-JSON-looking input is taken as it is and the item is new", () => {
    const item = new User({ id: { N: "1" } } as never);
    expect({ ...item }).toEqual({ id: { N: "1" } });
    expect(item.original()).toBeNull();
    expect(new User({ id: 1 }, { type: "toDynamo" }).original()).toBeNull();
  });
});

describe("Item statics", () => {
  const User = modelOf({ id: Number, name: String });

  it("objectToDynamo and fromDynamo convert without the schema", () => {
    expect(User.objectToDynamo({})).toEqual({});
    expect(User.objectToDynamo({ id: 1, name: "Charlie", gone: undefined })).toEqual({ id: { N: "1" }, name: { S: "Charlie" } });
    expect(User.objectToDynamo("x", { type: "value" })).toEqual({ S: "x" });
    expect(User.fromDynamo({})).toEqual({});
    expect(User.fromDynamo({ id: { N: "1" }, name: { S: "Charlie" } })).toEqual({ id: 1, name: "Charlie" });
    expect(Buffer.isBuffer(User.fromDynamo({ b: { B: new Uint8Array([1]) } }).b)).toBe(true);
  });

  it.each<[Record<string, unknown>, boolean | null]>([
    [{}, null],
    [{ N: "1" }, false],
    [{ S: "Hello" }, false],
    [{ id: { N: "1" }, name: { S: "Charlie" } }, true],
    [{ id: 1, name: "Charlie" }, false],
    [{ id: { test: "1" }, name: { S: "Charlie" } }, false],
    [{ id: { N: "1" }, map: { M: { test: { N: "1" } } } }, true],
    [{ id: { N: "1" }, map: { M: { test: { other: "1" } } } }, false],
    [{ id: { N: "1" }, map: { L: [{ S: "hello" }, { S: "world" }] } }, true],
    [{ id: { N: "1" }, map: { L: ["hello", "world"] } }, false],
    [{ id: { N: "1" }, map: { L: [{ hello: { S: "world" } }, { test: { N: "1" } }] } }, false],
    [{ id: { N: "1" }, map: { L: [{ M: { hello: { S: "world" } } }, { M: { test: { N: "1" } } }] } }, true],
    [{ id: { N: "1" }, map: { L: [{ hello: "world" }, { test: 1 }] } }, false],
    [{ id: { N: "1" }, friends: { SS: ["Charlie", "Bob"] } }, true],
    [{ id: { N: "1" }, data: { B: Buffer.from("testdata") } }, true],
    [{ id: { N: "1" }, friends: [{ S: "Tim" }, { S: "Bob" }] }, false],
    [{ id: { N: "1" }, friends: { L: [{ S: "Tim" }, { S: "Bob" }] } }, true],
    [{ data: { M: {} } }, true],
    [{ data: { L: [] } }, true],
    [{ prop: undefined }, false],
    [{ prop: null }, false],
    [{ prop: { NULL: true } }, true],
    [{ id: { S: "foo" }, data: { NULL: true } }, true],
  ])("isDynamoObject(%j) is %s", (input, output) => {
    expect(User.isDynamoObject(input)).toBe(output);
  });

  const friends = {
    type: Array,
    schema: [
      {
        type: Object,
        schema: {
          name: String,
          addresses: { type: Array, schema: [{ type: Object, schema: { country: { type: String, required: true }, zip: Number } }] },
        },
      },
    ],
  };
  it.each<[SchemaDefinition, Record<string, unknown>, string[]]>([
    [{ id: Number }, { id: 1 }, ["id"]],
    [
      { id: Number, friends: { type: Array, schema: [{ type: Object, schema: { id: { type: Number, required: true }, name: String } }] } },
      { id: 1, friends: [{ name: "Bob", id: 1 }, { name: "Tim" }] },
      ["id", "friends", "friends.0", "friends.1", "friends.0.id", "friends.1.id", "friends.0.name", "friends.1.name"],
    ],
    [
      { id: Number, address: { type: Object, schema: { street: String, country: { type: String, default: "world" } } } },
      { id: 1 },
      ["id", "address", "address.street", "address.country"],
    ],
    [
      { id: Number, friends },
      {
        id: 1,
        friends: [
          { name: "Bob", addresses: [{ country: "world" }] },
          { name: "Billy", addresses: [] },
        ],
      },
      [
        "id",
        "friends",
        "friends.0",
        "friends.0.name",
        "friends.0.addresses",
        "friends.0.addresses.0",
        "friends.0.addresses.0.country",
        "friends.0.addresses.0.zip",
        "friends.1",
        "friends.1.name",
        "friends.1.addresses",
        "friends.1.addresses.0",
        "friends.1.addresses.0.country",
        "friends.1.addresses.0.zip",
      ],
    ],
    [
      { id: Number, friends: { type: Array, schema: [{ type: Array, schema: [String] }] } },
      { id: 1 },
      ["id", "friends", "friends.0", "friends.0.0"],
    ],
    [
      { id: Number, friends: { type: Array, schema: [{ type: Array, schema: [String] }] } },
      { id: 1, friends: [["Bob", "Tim"], ["Scott"]] },
      ["id", "friends", "friends.0", "friends.0.0", "friends.0.1", "friends.1", "friends.1.0"],
    ],
  ])("attributesWithSchema (%#)", async (definition, input, output) => {
    const model = modelOf(definition);
    expect((await model.attributesWithSchema(input, model.Model)).sort()).toEqual([...output].sort());
    expect((await model.attributesWithSchema(input, model)).sort()).toEqual([...output].sort());
  });

  it("objectFromSchema type-checks, drops unknown attributes and runs what the settings ask", async () => {
    const model = modelOf({ id: Number, name: { type: String, default: "anon" }, born: Date });
    expect(await model.objectFromSchema({ id: 1, extra: true }, model.Model)).toEqual({ id: 1 });
    expect(await model.objectFromSchema({ id: 1 }, model.Model, { type: "toDynamo", defaults: true })).toEqual({ id: 1, name: "anon" });
    expect(await model.objectFromSchema({ id: 1, born: new Date(5) }, model.Model, { type: "toDynamo", customTypesDynamo: true })).toEqual({
      id: 1,
      born: 5,
    });
    expect(await model.objectFromSchema({ id: 1, born: 5 }, model.Model, { type: "fromDynamo" })).toEqual({ id: 1, born: 5 });
    expect(await model.objectFromSchema({ id: 1, born: 5 }, model.Model, { type: "fromDynamo", customTypesDynamo: true })).toEqual({
      id: 1,
      born: new Date(5),
    });
    await expect(model.objectFromSchema({ id: "x" }, model.Model)).rejects.toBeInstanceOf(dynamodel.error.TypeMismatch);
    await expect(model.objectFromSchema({ id: 1 }, {})).rejects.toBeInstanceOf(dynamodel.error.InvalidParameter);
  });
});

describe("item.conformToSchema", () => {
  const parent = () => new dynamodel.Schema({ name: String, age: Number });
  it.each<
    [string, SchemaDefinition | InstanceType<typeof dynamodel.Schema>, Record<string, unknown>, Record<string, unknown>, object | undefined]
  >([
    [
      "drops unknown attributes",
      { id: Number, name: String },
      { id: 1, name: "Charlie", hello: "world" },
      { id: 1, name: "Charlie" },
      undefined,
    ],
    ["keeps what fits", { id: Number, name: String }, { id: 1 }, { id: 1 }, undefined],
    [
      "conforms lists of objects",
      { id: Number, parents: { type: Array, schema: [{ type: Object, schema: { name: String, age: Number } }] } },
      { id: 1, parents: [{ name: "Tim", age: 3 }] },
      { id: 1, parents: [{ name: "Tim", age: 3 }] },
      undefined,
    ],
    [
      "conforms nested Schemas",
      new dynamodel.Schema({ id: Number, parent: parent() }),
      { id: 1, parent: { name: "Tim", age: 3, other: 1 } },
      { id: 1, parent: { name: "Tim", age: 3 } },
      undefined,
    ],
    ["toDynamo", { id: Number, name: String }, { id: 1 }, { id: 1 }, { type: "toDynamo" }],
  ])("%s", async (_what, definition, input, output, settings) => {
    const Model = modelOf(definition);
    const item = new Model(input as never);
    const result = await item.conformToSchema(settings);
    expect({ ...item }).toEqual(output);
    expect(result).toBe(item);
  });

  it("rejects a type mismatch", async () => {
    const Model = modelOf({ id: Number, name: String, age: Number });
    const item = new Model({ id: 1, name: "Charlie", age: "test" } as never);
    await expect(item.conformToSchema()).rejects.toThrow("Expected age to be of type number, instead found type string.");
    await expect(item.conformToSchema({ type: "toDynamo" })).rejects.toBeInstanceOf(dynamodel.error.TypeMismatch);
  });
});

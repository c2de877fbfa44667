import { describe, expect, it } from "vitest";
import { type DynamodelError, InvalidParameter, InvalidParameterType, InvalidType } from "../../../src/errors.js";
import { ANY, NULL, THIS } from "../../../src/schema/attribute-types.js";
import { Schema } from "../../../src/schema/schema.js";
import { thrown } from "./helpers.js";

const build = (definition: unknown, settings?: unknown) => thrown(() => new Schema(definition as never, settings as never));

describe("construction errors", () => {
  it.each<[string, unknown, new (...args: never[]) => DynamodelError, string]>([
    ["not an object", "id", InvalidParameterType, "Schema initialization parameter must be an object."],
    ["null", null, InvalidParameterType, "Schema initialization parameter must be an object."],
    ["an array", [{ id: String }], InvalidParameterType, "Schema initialization parameter must be an object."],
    ["a class instance", new Date(), InvalidParameterType, "Schema initialization parameter must be an object."],
    ["empty", {}, InvalidParameter, "Schema initialization parameter must not be an empty object."],
    ["a dotted name", { id: String, "a.b": String }, InvalidParameter, 'Attributes must not contain dots: "a.b".'],
    [
      "a nested dotted name",
      { id: String, o: { type: Object, schema: { "x.y": String } } },
      InvalidParameter,
      'Attributes must not contain dots: "o.x.y".',
    ],
    ["an empty nested schema", { id: String, o: { type: Object, schema: {} } }, InvalidParameter, "The schema of o must not be empty."],
    [
      "a non-object nested schema",
      { id: String, o: { type: Object, schema: "x" } },
      InvalidParameterType,
      "The schema of o must be an object.",
    ],
    ["an invalid type", { id: String, a: Symbol }, InvalidParameter, "Attribute a does not have a valid type."],
    ["an unknown type name", { id: String, a: "text" }, InvalidParameter, "Attribute a does not have a valid type."],
    ["an empty union", { id: String, a: [] }, InvalidParameter, "Attribute a does not have a valid type."],
    ["an undefined type", { id: String, a: { type: undefined } }, InvalidParameter, "Attribute a does not have a valid type."],
    [
      "a nested invalid type",
      { id: String, o: { type: Object, schema: { b: 5 } } },
      InvalidParameter,
      "Attribute o.b does not have a valid type.",
    ],
    [
      "a Set of Boolean",
      { id: String, s: { type: Set, schema: [Boolean] } },
      InvalidType,
      "s with type: Boolean is not allowed to be a set",
    ],
    ["a Set of NULL", { id: String, s: { type: Set, schema: [NULL] } }, InvalidType, "s with type: Null is not allowed to be a set"],
    ["a Set of ANY", { id: String, s: { type: Set, schema: [ANY] } }, InvalidType, "s with type: Any is not allowed to be a set"],
    [
      "a Set of Object",
      { id: String, s: { type: Set, schema: [{ type: Object }] } },
      InvalidType,
      "s with type: Object is not allowed to be a set",
    ],
    [
      "a Set of 'boolean'",
      { id: String, s: { type: Set, schema: ["boolean"] } },
      InvalidType,
      "s with type: Boolean is not allowed to be a set",
    ],
    [
      "a Set without element type",
      { id: String, s: Set },
      InvalidType,
      "s contains an invalid type: a Set needs schema: [String | Number | Date | Buffer].",
    ],
    [
      "two hashKeys",
      { a: { type: String, hashKey: true }, b: { type: String, hashKey: true } },
      InvalidParameter,
      "Only one hashKey allowed per schema (found a, b).",
    ],
    [
      "two rangeKeys",
      { a: String, b: { type: String, rangeKey: true }, c: { type: String, rangeKey: true } },
      InvalidParameter,
      "Only one rangeKey allowed per schema (found b, c).",
    ],
    [
      "a nested key",
      { id: String, o: { type: Object, schema: { k: { type: String, hashKey: true } } } },
      InvalidParameter,
      "The key attribute o.k must be at the root of the schema, not nested.",
    ],
    [
      "both hash and range",
      { id: { type: String, hashKey: true, rangeKey: true } },
      InvalidParameter,
      "Attribute id must not be both hashKey and rangeKey.",
    ],
    [
      "a multi-type marked key",
      { id: { type: [String, Number], hashKey: true } },
      InvalidParameter,
      "The key attribute id can not have multiple types.",
    ],
    [
      "a multi-type default hashKey",
      { id: [String, Number], name: String },
      InvalidParameter,
      "The key attribute id can not have multiple types.",
    ],
    ["a Boolean key", { id: Boolean }, InvalidParameter, "The key attribute id must be a string, number, Date or Buffer, not boolean."],
    [
      "an Object rangeKey",
      { id: String, r: { type: Object, rangeKey: true } },
      InvalidParameter,
      "The key attribute r must be a string, number, Date or Buffer, not object.",
    ],
    [
      "a nested index",
      { id: String, o: { type: Object, schema: { i: { type: String, index: true } } } },
      InvalidParameter,
      "Index must be at root object and not nested in object or array (o.i).",
    ],
    [
      "an index inside one type of a nested union",
      {
        id: String,
        friends: {
          type: Object,
          schema: {
            names: [
              { type: Array, schema: [String] },
              { type: String, index: true },
            ],
          },
        },
      },
      InvalidParameter,
      "Index must be at root object and not nested in object or array (friends.names).",
    ],
    [
      "defaultMap together with defaultAlias",
      { id: { type: Number, map: ["_id", "userID"], defaultMap: "_id", defaultAlias: "userID" } },
      InvalidParameter,
      "Only defaultMap or defaultAlias can be specified per attribute (id).",
    ],
    [
      "a defaultMap in each type of a union",
      {
        id: String,
        v: [
          { type: Number, map: ["_v", "vv"], defaultMap: "vv" },
          { type: String, map: ["_v", "vv"], defaultMap: "_v" },
        ],
      },
      InvalidParameter,
      "Only defaultMap or defaultAlias can be specified per attribute (v).",
    ],
    [
      "an array schema with two elements",
      { id: String, l: { type: Array, schema: [String, Number] } },
      InvalidParameter,
      "You must only pass one element into schema array (l); use a union inside it.",
    ],
    ["an enum that is not an array", { id: String, e: { type: String, enum: "a" } }, InvalidParameter, "The enum of e must be an array."],
    [
      "a non-boolean required",
      { id: String, r: { type: String, required: "yes" } },
      InvalidParameter,
      "The required setting of r must be a boolean.",
    ],
    ["a non-function get", { id: String, g: { type: String, get: "x" } }, InvalidParameter, "The get setting of g must be a function."],
    ["a non-function set", { id: String, g: { type: String, set: 1 } }, InvalidParameter, "The set setting of g must be a function."],
    [
      "a bad Date storage",
      { id: String, d: { type: { value: Date, settings: { storage: "minutes" } } } },
      InvalidParameter,
      'The Date storage of d must be "milliseconds", "seconds" or "iso", not minutes.',
    ],
    [
      "a bad CONSTANT",
      { id: String, c: { type: { value: "Constant", settings: { value: {} } } } },
      InvalidParameter,
      "The CONSTANT value of c must be a string, finite number or boolean.",
    ],
    [
      "a NaN CONSTANT",
      { id: String, c: { type: { value: "Constant", settings: { value: Number.NaN } } } },
      InvalidParameter,
      "The CONSTANT value of c must be a string, finite number or boolean.",
    ],
    [
      "a bad COMBINE",
      { id: String, c: { type: { value: "Combine", settings: { attributes: "a" } } } },
      InvalidParameter,
      "COMBINE for c needs an array of attribute names.",
    ],
  ])("refuses %s", (_what, definition, errorClass, message) => {
    const error = build(definition);
    expect(error).toBeInstanceOf(errorClass);
    expect(error.name).toBe(errorClass.name);
    expect(error.message).toBe(message);
  });

  it("names the attribute in the error's path", () => {
    expect(build({ id: String, o: { type: Object, schema: { b: 5 } } }).path).toBe("o.b");
    expect(build({ id: String, s: { type: Set, schema: [Boolean] } })).toMatchObject({ path: "s", code: "invalid_set_type" });
  });

  it("refuses THIS outside a model only when it is resolved", () => {
    const schema = new Schema({ id: String, parent: THIS });
    expect(schema.attributes()).toEqual(["id", "parent"]);
    expect(thrown(() => schema.keyType("parent"))).toBeInstanceOf(InvalidParameter);
  });
});

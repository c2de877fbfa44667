import { describe, expect, it } from "vitest";
import { TypeMismatch } from "../../../src/errors.js";
import { ANY } from "../../../src/schema/attribute-types.js";
import { Schema } from "../../../src/schema/schema.js";
import { read, roundTrip, write, writeErrorSync } from "./helpers.js";

describe("Object", () => {
  const schema = new Schema({
    id: String,
    address: { type: Object, schema: { city: String, zip: Number, geo: { type: Object, schema: { lat: Number } } } },
    loose: Object,
    anyChildren: { type: Object, schema: ANY },
  });

  it("stores an Object with schema as M, dropping undeclared children", () => {
    expect(write(schema, { id: "a", address: { city: "Oslo", zip: 150, extra: true, geo: { lat: 59.9 } } })).toEqual({
      id: { S: "a" },
      address: { M: { city: { S: "Oslo" }, zip: { N: "150" }, geo: { M: { lat: { N: "59.9" } } } } },
    });
  });

  it("keeps every child of an Object without schema (dynamodel differs from Dynamoose, which saves {})", () => {
    const value = { a: 1, b: { c: ["x", true, null] }, when: undefined };
    expect(write(schema, { id: "a", loose: value, anyChildren: { z: "z" } })).toEqual({
      id: { S: "a" },
      loose: { M: { a: { N: "1" }, b: { M: { c: { L: [{ S: "x" }, { BOOL: true }, { NULL: true }] } } } } },
      anyChildren: { M: { z: { S: "z" } } },
    });
    expect(roundTrip(schema, { id: "a", loose: value })).toEqual({ id: "a", loose: { a: 1, b: { c: ["x", true, null] } } });
  });

  it("stores an empty object as an empty map", () => {
    expect(write(schema, { id: "a", address: {}, loose: {} })).toEqual({ id: { S: "a" }, address: { M: {} }, loose: { M: {} } });
  });

  it.each([["string"], [[]], [new Date(0)], [new Set(["a"])], [Buffer.from("a")]])("refuses %j for an Object", (value) => {
    expect(writeErrorSync(schema, { id: "a", address: value })).toBeInstanceOf(TypeMismatch);
    expect(writeErrorSync(schema, { id: "a", loose: value })).toBeInstanceOf(TypeMismatch);
  });

  it("reports nested type problems with dotted paths", () => {
    const error = writeErrorSync(schema, { id: "a", address: { city: 1, geo: { lat: "n" } } });
    expect(error.issues.map((issue) => issue.path)).toEqual(["address.city", "address.geo.lat"]);
  });

  it("accepts a nested Schema instance as the type of a value", () => {
    const inner = new Schema({ city: String, zip: { type: Number, required: true } });
    const outer = new Schema({ id: String, home: inner, work: { type: Object, schema: inner } });
    expect(write(outer, { id: "a", home: { city: "x", zip: 1, other: 2 }, work: { zip: 2 } })).toEqual({
      id: { S: "a" },
      home: { M: { city: { S: "x" }, zip: { N: "1" } } },
      work: { M: { zip: { N: "2" } } },
    });
    expect(writeErrorSync(outer, { id: "a", home: { city: "x" } }).issues.map((issue) => issue.path)).toEqual(["home.zip"]);
    expect(outer.attributes()).toEqual(["id", "home", "home.city", "home.zip", "work", "work.city", "work.zip"]);
  });
});

describe("Array", () => {
  const schema = new Schema({
    id: String,
    tags: { type: Array, schema: [String] },
    people: { type: Array, schema: [{ type: Object, schema: { name: String, age: Number } }] },
    matrix: { type: Array, schema: [{ type: Array, schema: [Number] }] },
    loose: Array,
  });

  it("stores Arrays as L, element by element", () => {
    expect(
      write(schema, {
        id: "a",
        tags: ["x", "x", ""],
        people: [{ name: "Ann", age: 3, extra: 1 }, {}],
        matrix: [[1, 2], []],
        loose: [1, "two", { three: [3] }, null],
      }),
    ).toEqual({
      id: { S: "a" },
      tags: { L: [{ S: "x" }, { S: "x" }, { S: "" }] },
      people: { L: [{ M: { name: { S: "Ann" }, age: { N: "3" } } }, { M: {} }] },
      matrix: { L: [{ L: [{ N: "1" }, { N: "2" }] }, { L: [] }] },
      loose: { L: [{ N: "1" }, { S: "two" }, { M: { three: { L: [{ N: "3" }] } } }, { NULL: true }] },
    });
  });

  it("round-trips arrays", () => {
    const item = { id: "a", tags: ["b", "a"], people: [{ name: "Ann" }], matrix: [[1], [2, 3]], loose: [true, "x"] };
    expect(roundTrip(schema, item)).toEqual(item);
  });

  it("reports element problems with their index", () => {
    const error = writeErrorSync(schema, { id: "a", tags: ["a", "b", 3], people: [{ name: 1 }], matrix: [[1, "2"]] });
    expect(error).toBeInstanceOf(TypeMismatch);
    expect(error.issues.map((issue) => issue.path)).toEqual(["tags.2", "people.0.name", "matrix.0.1"]);
    expect(error.message).toMatch(/^Expected tags\.2 to be of type string, instead found type number\./);
  });

  it("refuses holes and undefined elements of a typed array", () => {
    expect(writeErrorSync(schema, { id: "a", tags: ["a", undefined] }).path).toBe("tags.1");
  });

  it("refuses a non-array", () => {
    expect(writeErrorSync(schema, { id: "a", tags: "a" }).message).toBe("Expected tags to be of type array, instead found type string.");
    expect(writeErrorSync(schema, { id: "a", loose: { 0: "a" } }).path).toBe("loose");
  });

  it("accepts the element schema without brackets", () => {
    const s = new Schema({ id: String, tags: { type: Array, schema: String as never } });
    expect(write(s, { id: "a", tags: ["x"] })).toEqual({ id: { S: "a" }, tags: { L: [{ S: "x" }] } });
  });

  it("refuses a stored element or list of an unexpected type, naming its path, as Dynamoose does", () => {
    expect(() => read(schema, { id: { S: "a" }, tags: { L: [{ S: "x" }, { N: "1" }] } })).toThrow(TypeMismatch);
    expect(() => read(schema, { id: { S: "a" }, tags: { L: [{ S: "x" }, { N: "1" }] } })).toThrow(
      "Expected tags.1 to be of type string, instead found type number.",
    );
    expect(() => read(schema, { id: { S: "a" }, tags: { M: {} } })).toThrow(
      "Expected tags to be of type array, instead found type object.",
    );
  });
});

import { describe, expect, it } from "vitest";
import { TypeMismatch } from "../../../src/errors.js";
import { ANY, COMBINE, CONSTANT, NULL, UNDEFINED } from "../../../src/schema/attribute-types.js";
import { Schema } from "../../../src/schema/schema.js";
import { read, roundTrip, write, writeErrorSync } from "./helpers.js";

describe("unions", () => {
  const schema = new Schema({
    id: String,
    multi: [String, Number],
    maybe: [String, NULL],
    shaped: [{ type: Object, schema: { a: String } }, Number] as never,
  });

  it("stores each value with the first type that accepts it", () => {
    expect(write(schema, { id: "a", multi: 1, maybe: null, shaped: { a: "x" } })).toEqual({
      id: { S: "a" },
      multi: { N: "1" },
      maybe: { NULL: true },
      shaped: { M: { a: { S: "x" } } },
    });
    expect(write(schema, { id: "a", multi: "1", maybe: "m", shaped: 2 })).toEqual({
      id: { S: "a" },
      multi: { S: "1" },
      maybe: { S: "m" },
      shaped: { N: "2" },
    });
  });

  it("lists every type of the union when none matches", () => {
    const error = writeErrorSync(schema, { id: "a", multi: true, shaped: { a: 1 } });
    expect(error.message).toMatch(/^Expected multi to be of type string, number, instead found type boolean\./);
    expect(error.issues.map((issue) => issue.path)).toEqual(["multi", "shaped"]);
  });

  it("reads back by stored type", () => {
    expect(roundTrip(schema, { id: "a", multi: 1, maybe: null })).toEqual({ id: "a", multi: 1, maybe: null });
    expect(roundTrip(schema, { id: "a", multi: "1", maybe: "x" })).toEqual({ id: "a", multi: "1", maybe: "x" });
  });

  it("skips enum and validate for null in a nullable union (as Dynamoose)", () => {
    const s = new Schema({ id: String, v: { type: [String, NULL], enum: ["a"], validate: (v: unknown) => typeof v === "string" } });
    expect(write(s, { id: "a", v: null })).toEqual({ id: { S: "a" }, v: { NULL: true } });
    expect(writeErrorSync(s, { id: "a", v: "b" }).code).toBe("enum");
  });
});

describe("NULL, ANY, UNDEFINED", () => {
  it("NULL stores only null", () => {
    const schema = new Schema({ id: String, nothing: NULL });
    expect(write(schema, { id: "a", nothing: null })).toEqual({ id: { S: "a" }, nothing: { NULL: true } });
    expect(read(schema, { id: { S: "a" }, nothing: { NULL: true } })).toEqual({ id: "a", nothing: null });
    expect(writeErrorSync(schema, { id: "a", nothing: 0 }).message).toMatch(
      /^Expected nothing to be of type null, instead found type number\./,
    );
  });

  it("null is refused for other types", () => {
    const schema = new Schema({ id: String, name: String });
    expect(writeErrorSync(schema, { id: "a", name: null }).message).toMatch(
      /^Expected name to be of type string, instead found type null\./,
    );
  });

  it("ANY stores any value generically and reads it back", () => {
    const schema = new Schema({ id: String, anything: ANY });
    const values = ["s", 1, true, null, [1, "a"], { m: { n: [null] } }, new Set(["a"]), new Set([1, 2]), Buffer.from("b")];
    for (const value of values) expect(roundTrip(schema, { id: "a", anything: value })).toEqual({ id: "a", anything: value });
    expect(write(schema, { id: "a", anything: new Date(7) })).toEqual({ id: { S: "a" }, anything: { N: "7" } });
  });

  it("UNDEFINED as a value means absent, also skipping the default", () => {
    const schema = new Schema({ id: String, name: { type: String, default: "d" }, other: String });
    expect(write(schema, { id: "a", name: UNDEFINED, other: UNDEFINED })).toEqual({ id: { S: "a" } });
  });

  it("UNDEFINED in a union lets the attribute be absent", () => {
    const schema = new Schema({ id: String, name: [String, UNDEFINED] });
    expect(write(schema, { id: "a" })).toEqual({ id: { S: "a" } });
    expect(write(schema, { id: "a", name: "x" })).toEqual({ id: { S: "a" }, name: { S: "x" } });
  });
});

describe("CONSTANT", () => {
  const schema = new Schema({ id: String, kind: CONSTANT("order"), version: CONSTANT(2), live: CONSTANT(true) });

  it("is set when absent and stored by its JavaScript type", () => {
    expect(write(schema, { id: "a" })).toEqual({ id: { S: "a" }, kind: { S: "order" }, version: { N: "2" }, live: { BOOL: true } });
    expect(write(schema, { id: "a", kind: "order", version: 2 })).toEqual({
      id: { S: "a" },
      kind: { S: "order" },
      version: { N: "2" },
      live: { BOOL: true },
    });
  });

  it("refuses any other value, naming the constant", () => {
    const error = writeErrorSync(schema, { id: "a", kind: "invoice", version: "2" });
    expect(error).toBeInstanceOf(TypeMismatch);
    expect(error.message).toMatch(/^Expected kind to be of type constant string \(order\), instead found type string\./);
    expect(error.issues.map((issue) => issue.path)).toEqual(["kind", "version"]);
  });

  it("reads back the constant", () => {
    expect(read(schema, { id: { S: "a" }, kind: { S: "order" }, version: { N: "2" }, live: { BOOL: true } })).toEqual({
      id: "a",
      kind: "order",
      version: 2,
      live: true,
    });
  });
});

describe("COMBINE", () => {
  const schema = new Schema({
    id: String,
    first: String,
    last: { type: String, set: (v: unknown) => String(v).toUpperCase() },
    born: Date,
    full: COMBINE(["first", "last"], " "),
    byComma: COMBINE(["first", "born"]),
  });

  it("computes the value from its sources as given (before their set transforms, as Dynamoose 4.2), skipping missing ones", () => {
    expect(write(schema, { id: "a", first: "Ann", last: "lee", born: new Date(9) })).toEqual({
      id: { S: "a" },
      first: { S: "Ann" },
      last: { S: "LEE" },
      born: { N: "9" },
      full: { S: "Ann lee" },
      byComma: { S: "Ann,9" },
    });
    expect(write(schema, { id: "a", last: "lee" })).toEqual({ id: { S: "a" }, last: { S: "LEE" }, full: { S: "lee" } });
  });

  it("reads a Date source in its storage (ISO text, epoch seconds), as Dynamoose 4.2 does", () => {
    const dated = new Schema({
      id: String,
      iso: { type: { value: Date, settings: { storage: "iso" } } },
      seconds: { type: { value: Date, settings: { storage: "seconds" } } },
      both: COMBINE(["iso", "seconds"]),
    });
    const when = new Date(1_700_000_000_123);
    expect(write(dated, { id: "a", iso: when, seconds: when }).both).toEqual({ S: "2023-11-14T22:13:20.123Z,1700000000" });
  });

  it("is not stored when no source is present", () => {
    expect(write(schema, { id: "a" })).toEqual({ id: { S: "a" } });
  });

  it("overrides a value given for it", () => {
    expect(write(schema, { id: "a", first: "x", full: "given", byComma: "given" })).toEqual({
      id: { S: "a" },
      first: { S: "x" },
      full: { S: "x" },
      byComma: { S: "x" },
    });
  });
});

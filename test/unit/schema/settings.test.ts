import { describe, expect, it } from "vitest";
import { TypeMismatch, ValidationError } from "../../../src/errors.js";
import { Schema } from "../../../src/schema/schema.js";
import { write, writeAsync, writeError, writeErrorSync } from "./helpers.js";

describe("default", () => {
  it("applies a value, a function and an async function when the value is undefined", async () => {
    let calls = 0;
    const sync = new Schema({ id: String, n: { type: Number, default: 5 }, s: { type: String, default: () => `d${++calls}` } });
    expect(write(sync, { id: "a" })).toEqual({ id: { S: "a" }, n: { N: "5" }, s: { S: "d1" } });
    expect(write(sync, { id: "a", n: 0, s: "" })).toEqual({ id: { S: "a" }, n: { N: "0" }, s: { S: "" } });
    expect(calls).toBe(1);
    const async = new Schema({ id: String, s: { type: String, default: async () => "later" } });
    expect(await writeAsync(async, { id: "a" })).toEqual({ id: { S: "a" }, s: { S: "later" } });
  });

  it("does not replace null (which then fails the type check)", () => {
    const schema = new Schema({ id: String, n: { type: Number, default: 5 } });
    expect(writeErrorSync(schema, { id: "a", n: null })).toBeInstanceOf(TypeMismatch);
  });

  it("type-checks the default", async () => {
    // @ts-expect-error -- the type refuses a default of another type; this pins the run-time check behind it
    const schema = new Schema({ id: String, n: { type: Number, default: "five" } });
    expect(writeErrorSync(schema, { id: "a" }).message).toMatch(/^Expected n to be of type number, instead found type string\./);
    // @ts-expect-error -- as above, for an async default
    const async = new Schema({ id: String, n: { type: Number, default: async () => "five" } });
    expect(await writeError(async, { id: "a" })).toBeInstanceOf(TypeMismatch);
  });

  it("applies nested defaults only when the parent exists, also when the parent is itself defaulted", () => {
    const schema = new Schema({
      id: String,
      address: { type: Object, schema: { country: { type: String, default: "NO" } } },
      prefs: { type: Object, default: () => ({}), schema: { theme: { type: String, default: "dark" } } },
      list: { type: Array, schema: [{ type: Object, schema: { qty: { type: Number, default: 1 } } }] },
    });
    expect(write(schema, { id: "a" })).toEqual({ id: { S: "a" }, prefs: { M: { theme: { S: "dark" } } } });
    expect(write(schema, { id: "a", address: {}, prefs: { theme: "light" }, list: [{}, { qty: 3 }] })).toEqual({
      id: { S: "a" },
      address: { M: { country: { S: "NO" } } },
      prefs: { M: { theme: { S: "light" } } },
      list: { L: [{ M: { qty: { N: "1" } } }, { M: { qty: { N: "3" } } }] },
    });
  });

  it("applies an async child default inside an async parent default", async () => {
    const schema = new Schema({
      id: String,
      prefs: { type: Object, default: async () => ({}), schema: { theme: { type: String, default: async () => "dark" } } },
    });
    expect(await writeAsync(schema, { id: "a" })).toEqual({ id: { S: "a" }, prefs: { M: { theme: { S: "dark" } } } });
  });

  it("never mutates the input, nor a shared default object", () => {
    const shared = {};
    const schema = new Schema({ id: String, o: { type: Object, default: shared, schema: { x: { type: String, default: "x" } } } });
    const input = { id: "a", nested: undefined };
    write(schema, input);
    expect(input).toEqual({ id: "a", nested: undefined });
    expect(shared).toEqual({});
  });
});

describe("forceDefault", () => {
  it("replaces a given value with the default", () => {
    const schema = new Schema({ id: String, v: { type: Number, default: () => 7, forceDefault: true } });
    expect(write(schema, { id: "a", v: 1 })).toEqual({ id: { S: "a" }, v: { N: "7" } });
    expect(write(schema, { id: "a" })).toEqual({ id: { S: "a" }, v: { N: "7" } });
  });
});

describe("validate", () => {
  const schema = new Schema({
    id: String,
    exact: { type: String, validate: "yes" },
    pattern: { type: String, validate: /^[a-z]+$/g },
    numberPattern: { type: Number, validate: /1/ as never },
    check: { type: Number, validate: (v: unknown) => (v as number) > 0 },
  });

  it("passes valid values (a global RegExp twice in a row)", () => {
    const item = { id: "a", exact: "yes", pattern: "abc", check: 1 };
    expect(write(schema, item)).toEqual({ id: { S: "a" }, exact: { S: "yes" }, pattern: { S: "abc" }, check: { N: "1" } });
    expect(write(schema, item)).toEqual({ id: { S: "a" }, exact: { S: "yes" }, pattern: { S: "abc" }, check: { N: "1" } });
  });

  it("reports each failing validator", () => {
    const error = writeErrorSync(schema, { id: "a", exact: "no", pattern: "ABC", numberPattern: 1, check: -1 });
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((issue) => issue.message)).toEqual([
      'exact with a value of type string of length 2 had a validation error when trying to save the item (must equal "yes").',
      "pattern with a value of type string of length 3 had a validation error when trying to save the item (must match /^[a-z]+$/g).",
      "Trying to pass in number to a RegExp validator for key: numberPattern.",
      "check with a value of type number had a validation error when trying to save the item.",
    ]);
  });

  it("skips absent values", () => {
    expect(write(schema, { id: "a" })).toEqual({ id: { S: "a" } });
  });

  it("awaits an async validator and collects its failure with the others", async () => {
    const s = new Schema({
      id: String,
      name: { type: String, validate: async (v: unknown) => v === "ok" },
      other: { type: String, validate: async (v: unknown) => v === "ok" },
      n: Number,
    });
    expect(await writeAsync(s, { id: "a", name: "ok" })).toEqual({ id: { S: "a" }, name: { S: "ok" } });
    const error = await writeError(s, { id: "a", name: "bad", other: "bad", n: "x" });
    expect(error).toBeInstanceOf(TypeMismatch);
    expect(error.issues.map((issue) => `${issue.code}:${issue.path}`)).toEqual(["type_mismatch:n", "validate:name", "validate:other"]);
  });

  it("lets a validator's own error through", () => {
    const s = new Schema({
      id: String,
      name: {
        type: String,
        validate: () => {
          throw new RangeError("custom");
        },
      },
    });
    expect(() => write(s, { id: "a", name: "x" })).toThrow(RangeError);
  });
});

describe("required", () => {
  const schema = new Schema({
    id: String,
    name: { type: String, required: true },
    address: { type: Object, schema: { city: { type: String, required: true }, zip: String } },
    items: { type: Array, schema: [{ type: Object, schema: { sku: { type: String, required: true } } }] },
  });

  it("refuses undefined and null, naming the path", () => {
    const error = writeErrorSync(schema, { id: "a", name: null });
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe("name is a required property but has no value when trying to save the item.");
    expect(error).toMatchObject({ code: "required", path: "name" });
    expect(writeErrorSync(schema, { id: "a" }).path).toBe("name");
  });

  it("checks nested required attributes only when the parent exists", () => {
    expect(write(schema, { id: "a", name: "n" })).toEqual({ id: { S: "a" }, name: { S: "n" } });
    const error = writeErrorSync(schema, { id: "a", name: "n", address: { zip: "1" }, items: [{ sku: "x" }, {}] });
    expect(error.issues.map((issue) => issue.path)).toEqual(["address.city", "items.1.sku"]);
  });

  it("accepts falsy present values", () => {
    const s = new Schema({
      id: String,
      n: { type: Number, required: true },
      b: { type: Boolean, required: true },
      s: { type: String, required: true },
    });
    expect(write(s, { id: "a", n: 0, b: false, s: "" })).toEqual({ id: { S: "a" }, n: { N: "0" }, b: { BOOL: false }, s: { S: "" } });
  });
});

describe("enum", () => {
  const schema = new Schema({ id: String, role: { type: String, enum: ["admin", "user"] }, level: { type: Number, enum: [1, 2] } });

  it("accepts listed values and refuses others with the list in the message", () => {
    expect(write(schema, { id: "a", role: "user", level: 2 })).toEqual({ id: { S: "a" }, role: { S: "user" }, level: { N: "2" } });
    const error = writeErrorSync(schema, { id: "a", role: "root", level: 3 });
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((issue) => issue.message)).toEqual([
      'role must equal ["admin","user"], but is set to a value of type string of length 4.',
      "level must equal [1,2], but is set to a value of type number.",
    ]);
  });

  it("reports a type problem, not an enum problem, for a wrong type", () => {
    expect(writeErrorSync(schema, { id: "a", level: "1" }).issues.map((issue) => issue.code)).toEqual(["type_mismatch"]);
  });
});

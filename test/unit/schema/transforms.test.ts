import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../src/errors.js";
import { Schema } from "../../../src/schema/schema.js";
import { read, write, writeAsync, writeError, writeErrorSync } from "./helpers.js";

describe("attribute get and set", () => {
  it("applies set on write and get on read", () => {
    const schema = new Schema({
      id: String,
      email: { type: String, set: (v: unknown) => String(v).toLowerCase(), get: (v: unknown) => `<${String(v)}>` },
    });
    const stored = write(schema, { id: "a", email: "A@B.C" });
    expect(stored).toEqual({ id: { S: "a" }, email: { S: "a@b.c" } });
    expect(read(schema, stored)).toEqual({ id: "a", email: "<a@b.c>" });
  });

  it("passes oldValue to set", () => {
    const seen: unknown[] = [];
    const schema = new Schema({
      id: String,
      n: {
        type: Number,
        set: (v: unknown, old?: unknown) => {
          seen.push(old);
          return (v as number) + ((old as number | undefined) ?? 0);
        },
      },
    });
    expect(write(schema, { id: "a", n: 1 }, { isNew: false, old: { id: "a", n: 10 } })).toEqual({ id: { S: "a" }, n: { N: "11" } });
    expect(write(schema, { id: "a", n: 1 })).toEqual({ id: { S: "a" }, n: { N: "1" } });
    expect(seen).toEqual([10, undefined]);
  });

  it("passes oldValue of an aliased attribute (the old item is keyed by stored names, as Dynamoose's original())", () => {
    const schema = new Schema({
      pk: { type: String, alias: "userId" },
      v: { type: String, map: "value", set: (v: unknown, old?: unknown) => `${String(old)}>${String(v)}` },
    });
    expect(write(schema, { userId: "u", value: "new" }, { isNew: false, old: { pk: "u", v: "old" } })).toEqual({
      pk: { S: "u" },
      v: { S: "old>new" },
    });
  });

  it("passes nested oldValues", () => {
    const schema = new Schema({
      id: String,
      o: { type: Object, schema: { n: { type: Number, set: (v: unknown, old?: unknown) => (v as number) * 10 + ((old as number) ?? 0) } } },
    });
    expect(write(schema, { id: "a", o: { n: 1 } }, { isNew: false, old: { o: { n: 5 } } })).toEqual({
      id: { S: "a" },
      o: { M: { n: { N: "15" } } },
    });
  });

  it("awaits async get and set", async () => {
    const schema = new Schema({
      id: String,
      name: { type: String, set: async (v: unknown) => `${String(v)}!`, get: async (v: unknown) => `${String(v)}?` },
    });
    const stored = await writeAsync(schema, { id: "a", name: "x" });
    expect(stored).toEqual({ id: { S: "a" }, name: { S: "x!" } });
    await expect(schema.plan.fromDynamo(stored)).resolves.toEqual({ id: "a", name: "x!?" });
  });

  it("type-checks the result of set", () => {
    // @ts-expect-error -- the type refuses a `set` returning another type; this pins the run-time check behind it
    const schema = new Schema({ id: String, n: { type: Number, set: (v: unknown) => String(v) } });
    expect(writeErrorSync(schema, { id: "a", n: 1 }).message).toMatch(/^Expected n to be of type number, instead found type string\./);
  });

  it("does not call get or set for absent or null values", () => {
    const calls: unknown[] = [];
    const record = <V>(v: V): V => {
      calls.push(v);
      return v;
    };
    const schema = new Schema({ id: String, v: { type: [String, "null"], set: record, get: record } });
    expect(write(schema, { id: "a" })).toEqual({ id: { S: "a" } });
    expect(write(schema, { id: "a", v: null })).toEqual({ id: { S: "a" }, v: { NULL: true } });
    expect(read(schema, { id: { S: "a" }, v: { NULL: true } })).toEqual({ id: "a", v: null });
    expect(calls).toEqual([]);
  });

  it("runs nested transforms inside arrays of objects", () => {
    const schema = new Schema({
      id: String,
      lines: {
        type: Array,
        schema: [
          { type: Object, schema: { sku: { type: String, set: (v: unknown) => String(v).trim(), get: (v: unknown) => `#${String(v)}` } } },
        ],
      },
    });
    const stored = write(schema, { id: "a", lines: [{ sku: " a " }, { sku: "b" }] });
    expect(stored).toEqual({ id: { S: "a" }, lines: { L: [{ M: { sku: { S: "a" } } }, { M: { sku: { S: "b" } } }] } });
    expect(read(schema, stored)).toEqual({ id: "a", lines: [{ sku: "#a" }, { sku: "#b" }] });
  });

  it("never mutates the caller's nested objects", () => {
    const schema = new Schema({ id: String, o: { type: Object, schema: { s: { type: String, set: (v: unknown) => `${String(v)}!` } } } });
    const input = { id: "a", o: { s: "x" } };
    write(schema, input);
    expect(input).toEqual({ id: "a", o: { s: "x" } });
  });
});

describe("schema-level get, set and validate", () => {
  it("runs schema set after attribute sets and schema get after attribute gets", () => {
    const schema = new Schema(
      { id: String, name: { type: String, set: (v: unknown) => String(v).toUpperCase(), get: (v: unknown) => String(v).toLowerCase() } },
      {
        set: (item: Record<string, unknown>) => ({ ...item, name: `${String(item.name)}-set` }),
        get: (item: Record<string, unknown>) => ({ ...item, got: `${String(item.name)}-get` }),
      },
    );
    const stored = write(schema, { id: "a", name: "x" });
    expect(stored).toEqual({ id: { S: "a" }, name: { S: "X-set" } });
    expect(read(schema, stored)).toEqual({ id: "a", name: "x-set", got: "x-set-get" });
  });

  it("awaits async schema set and get", async () => {
    const schema = new Schema(
      { id: String, n: Number },
      {
        set: async (item: Record<string, unknown>) => ({ ...item, n: 1 }),
        get: async (item: Record<string, unknown>) => ({ ...item, read: true }),
      },
    );
    const stored = await writeAsync(schema, { id: "a" });
    expect(stored).toEqual({ id: { S: "a" }, n: { N: "1" } });
    await expect(schema.plan.fromDynamo(stored)).resolves.toEqual({ id: "a", n: 1, read: true });
  });

  it("refuses an item the schema validator rejects, after the attribute checks pass", async () => {
    const schema = new Schema(
      { id: String, a: Number, b: Number },
      { validate: (item: Record<string, unknown>) => (item.a as number) < (item.b as number) },
    );
    expect(write(schema, { id: "x", a: 1, b: 2 })).toEqual({ id: { S: "x" }, a: { N: "1" }, b: { N: "2" } });
    const error = writeErrorSync(schema, { id: "x", a: 2, b: 1 });
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe("The item had a schema validation error when trying to save the item.");
    const async = new Schema({ id: String }, { validate: async () => false });
    expect(await writeError(async, { id: "x" })).toBeInstanceOf(ValidationError);
  });
});

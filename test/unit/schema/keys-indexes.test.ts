import { describe, expect, it } from "vitest";
import { Schema } from "../../../src/schema/schema.js";

describe("hashKey and rangeKey", () => {
  it("defaults the hashKey to the first attribute and the rangeKey to none", () => {
    const schema = new Schema({ id: String, name: String });
    expect(schema.hashKey).toBe("id");
    expect(schema.rangeKey).toBeUndefined();
  });

  it("uses marked keys", () => {
    const schema = new Schema({ name: String, id: { type: Number, hashKey: true }, at: { type: Date, rangeKey: true } });
    expect(schema.hashKey).toBe("id");
    expect(schema.rangeKey).toBe("at");
    expect(schema.keyType("id")).toBe("N");
    expect(schema.keyType("at")).toBe("N");
    expect(schema.keyType("name")).toBe("S");
  });

  it("derives the key type of buffers, ISO dates and constants", () => {
    const schema = new Schema({
      b: { type: Buffer, hashKey: true },
      iso: { type: { value: Date, settings: { storage: "iso" } }, rangeKey: true },
      c: { type: Number, index: true },
    });
    expect([schema.keyType("b"), schema.keyType("iso"), schema.keyType("c")]).toEqual(["B", "S", "N"]);
  });
});

describe("indexes", () => {
  const schema = new Schema({
    id: { type: String, hashKey: true },
    sk: { type: String, rangeKey: true },
    email: { type: String, index: true },
    status: {
      type: String,
      index: [
        { name: "byStatus", rangeKey: "createdOn", project: ["email"], throughput: 5 },
        { type: "local", project: false },
      ],
    },
    createdOn: Number,
    score: { type: Number, index: { type: "global", throughput: { read: 2, write: 3 }, project: true } },
    plain: { type: String, index: false },
  });

  it("lists one index attribute per index", () => {
    expect(schema.indexAttributes).toEqual(["email", "status", "status", "score"]);
  });

  it("normalizes index definitions: names, types, keys, projections, throughput", () => {
    expect(schema.indexes()).toEqual([
      { name: "emailGlobalIndex", type: "global", hashKey: "email", rangeKey: undefined, project: true, throughput: undefined },
      { name: "byStatus", type: "global", hashKey: "status", rangeKey: "createdOn", project: ["email"], throughput: 5 },
      { name: "statusLocalIndex", type: "local", hashKey: "id", rangeKey: "status", project: false, throughput: undefined },
      { name: "scoreGlobalIndex", type: "global", hashKey: "score", rangeKey: undefined, project: true, throughput: { read: 2, write: 3 } },
    ]);
  });

  it("has no indexes when none are declared", () => {
    expect(new Schema({ id: String }).indexes()).toEqual([]);
  });
});

describe("attributes()", () => {
  it("lists every path, nested ones dotted and array elements as 0", () => {
    const schema = new Schema({
      id: String,
      a: { type: Object, schema: { b: String, c: { type: Object, schema: { d: Number } } } },
      l: { type: Array, schema: [{ type: Object, schema: { x: String } }] },
      s: { type: Set, schema: [String] },
    });
    expect(schema.attributes()).toEqual(["id", "a", "a.b", "a.c", "a.c.d", "l", "l.0", "l.0.x", "s"]);
  });

  it("includes timestamp attributes", () => {
    expect(new Schema({ id: String }, { timestamps: true }).attributes()).toEqual(["id", "createdAt", "updatedAt"]);
  });
});

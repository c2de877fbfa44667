import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { InvalidParameter, InvalidType } from "../../../src/errors.js";
import { Schema } from "../../../src/schema/schema.js";
import { read, thrown, write } from "./helpers.js";

const NOW = new Date("2024-01-02T03:04:05.678Z");

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("timestamps", () => {
  it("true adds createdAt and updatedAt as milliseconds", () => {
    const schema = new Schema({ id: String }, { timestamps: true });
    expect(write(schema, { id: "a", createdAt: new Date(0) })).toEqual({
      id: { S: "a" },
      createdAt: { N: "1704164645678" },
      updatedAt: { N: "1704164645678" },
    });
  });

  it("sets only updatedAt on items read from DynamoDB, keeping their createdAt", () => {
    const schema = new Schema({ id: String }, { timestamps: true });
    expect(write(schema, { id: "a", createdAt: new Date(5) }, { isNew: false })).toEqual({
      id: { S: "a" },
      createdAt: { N: "5" },
      updatedAt: { N: "1704164645678" },
    });
  });

  it("can be switched off for one write", () => {
    const schema = new Schema({ id: String }, { timestamps: true });
    expect(write(schema, { id: "a" }, { isNew: true, timestamps: false })).toEqual({ id: { S: "a" } });
  });

  it("reads timestamps back as Dates", () => {
    const schema = new Schema({ id: String }, { timestamps: true });
    expect(read(schema, write(schema, { id: "a" }))).toEqual({ id: "a", createdAt: NOW, updatedAt: NOW });
  });

  it("takes custom names, arrays of names and null", () => {
    const schema = new Schema({ id: String }, { timestamps: { createdAt: ["born", "made"], updatedAt: null } });
    expect(write(schema, { id: "a" })).toEqual({ id: { S: "a" }, born: { N: "1704164645678" }, made: { N: "1704164645678" } });
    const renamed = new Schema({ id: String }, { timestamps: { createdAt: "c", updatedAt: "u" } });
    expect(write(renamed, { id: "a" }, { isNew: false })).toEqual({ id: { S: "a" }, u: { N: "1704164645678" } });
    expect(write(new Schema({ id: String }, { timestamps: { updatedAt: "u" } }), { id: "a" })).toEqual({
      id: { S: "a" },
      u: { N: "1704164645678" },
    });
  });

  it("takes storage forms", () => {
    const schema = new Schema(
      { id: String },
      {
        timestamps: {
          createdAt: { c: { type: { value: Date, settings: { storage: "iso" } } } },
          updatedAt: { u: { type: { value: Date, settings: { storage: "seconds" } } }, ms: Date },
        },
      },
    );
    expect(write(schema, { id: "a" })).toEqual({
      id: { S: "a" },
      c: { S: "2024-01-02T03:04:05.678Z" },
      u: { N: "1704164646" },
      ms: { N: "1704164645678" },
    });
  });

  it("false adds nothing", () => {
    expect(write(new Schema({ id: String }, { timestamps: false }), { id: "a" })).toEqual({ id: { S: "a" } });
  });

  it("refuses a timestamp attribute defined in the schema, and multi-type or non-Date timestamps", () => {
    const defined = thrown(() => new Schema({ id: String, createdAt: Date }, { timestamps: true }));
    expect(defined).toBeInstanceOf(InvalidParameter);
    expect(defined.message).toBe("Timestamp attributes must not be defined in schema (createdAt).");
    const multi = thrown(() => new Schema({ id: String }, { timestamps: { createdAt: { c: [Date, String] as never } } }));
    expect(multi).toBeInstanceOf(InvalidType);
    expect(multi.message).toBe('Not allowed to use an array of types for the timestamps attribute "c".');
    expect(thrown(() => new Schema({ id: String }, { timestamps: { createdAt: { c: String } } }))).toBeInstanceOf(InvalidType);
  });
});

import { describe, expect, it } from "vitest";
import { Schema } from "../../../src/schema/schema.js";
import { read, write } from "./helpers.js";

// What each callback receives at run time: the value their types promise (test/types/callbacks.test-d.ts).
describe("the values callbacks receive", () => {
  it("a Date attribute: set and validate get its stored form (epoch milliseconds), as in Dynamoose; get a Date", () => {
    const seen: unknown[] = [];
    const schema = new Schema({
      id: String,
      at: {
        type: Date,
        set: (v, old) => {
          seen.push(["set", v, old]);
          return v;
        },
        validate: (v) => seen.push(["validate", v]) > 0,
        get: (v) => {
          seen.push(["get", v]);
          return v;
        },
      },
    });
    const stored = write(schema, { id: "a", at: new Date(5) });
    write(schema, { id: "a", at: 7 });
    read(schema, stored);
    expect(seen).toEqual([
      ["set", 5, undefined],
      ["validate", 5],
      ["set", 7, undefined],
      ["validate", 7],
      ["get", new Date(5)],
    ]);
  });

  it("a Set attribute: set gets a Set also when an array was given, as in Dynamoose, get a Set; default's result is used as the value", () => {
    const seen: unknown[] = [];
    const schema = new Schema({
      id: String,
      tags: {
        type: Set,
        schema: [String],
        set: (v) => {
          seen.push(["set", v]);
          return v;
        },
        get: (v) => {
          seen.push(["get", v]);
          return v;
        },
      },
      n: { type: Number, default: () => 3 },
    });
    const stored = write(schema, { id: "a", tags: ["x"] });
    expect(stored.n).toEqual({ N: "3" });
    read(schema, stored);
    expect(seen).toEqual([
      ["set", new Set(["x"])],
      ["get", new Set(["x"])],
    ]);
  });
});

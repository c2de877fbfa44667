import { describe, expect, it } from "vitest";
import { TypeMismatch } from "../../../src/errors.js";
import { Schema } from "../../../src/schema/schema.js";
import { read, roundTrip, write, writeErrorSync } from "./helpers.js";

const schema = new Schema({
  id: String,
  names: { type: Set, schema: [String] },
  counts: { type: Set, schema: [Number] },
  days: { type: Set, schema: [Date] },
  isoDays: { type: Set, schema: [{ value: Date, settings: { storage: "iso" } }] },
  blobs: { type: Set, schema: [Buffer] },
});

describe("Set", () => {
  it("stores SS, NS and BS from arrays", () => {
    expect(
      write(schema, {
        id: "a",
        names: ["b", "a"],
        counts: [3, 1.5],
        days: [new Date(1), new Date(2)],
        isoDays: [new Date(0)],
        blobs: [Buffer.from("x")],
      }),
    ).toEqual({
      id: { S: "a" },
      names: { SS: ["b", "a"] },
      counts: { NS: ["3", "1.5"] },
      days: { NS: ["1", "2"] },
      isoDays: { SS: ["1970-01-01T00:00:00.000Z"] },
      blobs: { BS: [Buffer.from("x")] },
    });
  });

  it("stores from Sets too", () => {
    expect(write(schema, { id: "a", names: new Set(["x"]), counts: new Set([1]), blobs: new Set([Buffer.from("y")]) })).toEqual({
      id: { S: "a" },
      names: { SS: ["x"] },
      counts: { NS: ["1"] },
      blobs: { BS: [Buffer.from("y")] },
    });
  });

  it("de-duplicates (strings, numbers, equal Dates, equal Buffers)", () => {
    expect(
      write(schema, {
        id: "a",
        names: ["x", "x", "y"],
        counts: [1, 1, 2],
        days: [new Date(5), new Date(5)],
        blobs: [Buffer.from("z"), new Uint8Array([122])],
      }),
    ).toEqual({
      id: { S: "a" },
      names: { SS: ["x", "y"] },
      counts: { NS: ["1", "2"] },
      days: { NS: ["5"] },
      blobs: { BS: [Buffer.from("z")] },
    });
  });

  it("omits an empty set (DynamoDB can not store one)", () => {
    expect(write(schema, { id: "a", names: [], counts: new Set(), blobs: [] })).toEqual({ id: { S: "a" } });
  });

  it("reads sets back as Sets of the element type", () => {
    const item = {
      id: "a",
      names: new Set(["b", "a"]),
      counts: new Set([3, -0.5]),
      days: new Set([new Date(1), new Date(2)]),
      isoDays: new Set([new Date(0)]),
      blobs: new Set([Buffer.from("x"), Buffer.from("y")]),
    };
    const back = roundTrip(schema, item);
    expect(back).toEqual(item);
    expect(back.names).toBeInstanceOf(Set);
    expect([...(back.days as Set<unknown>)][0]).toBeInstanceOf(Date);
    expect(Buffer.isBuffer([...(back.blobs as Set<unknown>)][0])).toBe(true);
  });

  it("reports the offending elements by index", () => {
    const error = writeErrorSync(schema, { id: "a", names: ["a", 1], counts: [1, "2", Number.NaN], days: ["2020-01-01"], blobs: "x" });
    expect(error).toBeInstanceOf(TypeMismatch);
    expect(error.issues.map((issue) => `${issue.path}:${issue.expected}:${issue.received}`)).toEqual([
      "names.1:string:number",
      "counts.1:number:string",
      "counts.2:number:NaN",
      "days.0:date:string",
      "blobs:buffer set:string",
    ]);
  });

  it("reads a stored NS of a Number set with numbers", () => {
    expect(read(schema, { id: { S: "a" }, counts: { NS: ["10", "2.5"] } })).toEqual({ id: "a", counts: new Set([10, 2.5]) });
  });

  it("refuses a stored Date set it can not read (strings for a millisecond Date set), never with placeholders inside", () => {
    const stored = { id: { S: "a" }, days: { SS: ["garbage", "2020-01-01T00:00:00.000Z"] } };
    expect(() => read(schema, stored)).toThrow(TypeMismatch);
    expect(() => read(schema, stored)).toThrow("Expected days to be of type date set, instead found type object.");
  });
});

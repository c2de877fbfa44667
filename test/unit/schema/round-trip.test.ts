import { describe, expect, it } from "vitest";
import { ANY, NULL } from "../../../src/schema/attribute-types.js";
import { Schema } from "../../../src/schema/schema.js";
import { read, roundTrip, write } from "./helpers.js";

describe("round trips", () => {
  const schema = new Schema({
    id: String,
    n: Number,
    big: BigInt,
    flag: Boolean,
    when: Date,
    isoWhen: { type: { value: Date, settings: { storage: "iso" } } },
    blob: Buffer,
    tags: { type: Set, schema: [String] },
    days: { type: Set, schema: [Date] },
    blobs: { type: Set, schema: [Buffer] },
    address: { type: Object, schema: { city: String, zip: [String, Number], geo: { type: Object, schema: { lat: Number } } } },
    lines: { type: Array, schema: [{ type: Object, schema: { sku: String, at: Date } }] },
    maybe: [String, NULL],
    anything: ANY,
  });

  it("gives back the original values: Dates as Dates, Sets as Sets, Buffers as Buffers", () => {
    const item = {
      id: "a",
      n: -12.5,
      big: -(2n ** 80n),
      flag: true,
      when: new Date(1_700_000_000_123),
      isoWhen: new Date(0),
      blob: Buffer.from([0, 255]),
      tags: new Set(["x", "y"]),
      days: new Set([new Date(1), new Date(2)]),
      blobs: new Set([Buffer.from("a"), Buffer.from("")]),
      address: { city: "Oslo", zip: 150, geo: { lat: 59.91 } },
      lines: [{ sku: "s", at: new Date(3) }, {}],
      maybe: null,
      anything: { list: [1, "two", [true, null]], map: { "": "" } },
    };
    const back = roundTrip(schema, item);
    expect(back).toEqual(item);
    expect(back.when).toBeInstanceOf(Date);
    expect(back.tags).toBeInstanceOf(Set);
    expect(Buffer.isBuffer(back.blob)).toBe(true);
    expect(((back.lines as { at?: unknown }[])[0] as { at: unknown }).at).toBeInstanceOf(Date);
  });

  it("reads stored attributes of unexpected DynamoDB types generically instead of dropping them", () => {
    expect(read(schema, { id: { S: "a" }, n: { S: "not a number" }, flag: { N: "1" }, when: { BOOL: true } })).toEqual({
      id: "a",
      n: "not a number",
      flag: 1,
      when: true,
    });
  });

  it("writes what it read", () => {
    const stored = {
      id: { S: "a" },
      when: { N: "5" },
      tags: { SS: ["b", "a"] },
      address: { M: { city: { S: "c" }, zip: { S: "z" } } },
      anything: { L: [{ M: { k: { NULL: true } } }] },
    };
    expect(write(schema, read(schema, stored))).toEqual(stored);
  });
});

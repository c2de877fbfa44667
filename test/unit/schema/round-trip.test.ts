import { describe, expect, it } from "vitest";
import { TypeMismatch } from "../../../src/errors.js";
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

  it("refuses stored attributes of unexpected DynamoDB types with TypeMismatch, as Dynamoose does", () => {
    const message = (map: Record<string, unknown>): string => {
      try {
        read(schema, { id: { S: "a" }, ...map } as never);
      } catch (error) {
        expect(error).toBeInstanceOf(TypeMismatch);
        return (error as Error).message;
      }
      return "not refused";
    };
    // Dynamoose's messages (its test/Model.js, and its 4.2.0 run on the same stored maps).
    expect(message({ n: { S: "Hello World" } })).toBe("Expected n to be of type number, instead found type string.");
    expect(message({ n: { NULL: true } })).toBe("Expected n to be of type number, instead found type null.");
    expect(message({ flag: { N: "1" } })).toBe("Expected flag to be of type boolean, instead found type number.");
    expect(message({ when: { BOOL: true } })).toBe("Expected when to be of type date, instead found type boolean.");
    expect(message({ address: { S: "test" } })).toBe("Expected address to be of type object, instead found type string.");
    expect(message({ address: { L: [] } })).toBe("Expected address to be of type object, instead found type object.");
    expect(message({ address: { M: { city: { BOOL: true } } } })).toBe(
      "Expected address.city to be of type string, instead found type boolean.",
    );
    expect(message({ address: { M: { geo: { M: { lat: { S: "x" } } } } } })).toBe(
      "Expected address.geo.lat to be of type number, instead found type string.",
    );
    expect(message({ address: { M: { zip: { BOOL: true } } } })).toBe(
      "Expected address.zip to be of type string, number, instead found type boolean.",
    );
    expect(message({ blob: { S: "x" } })).toBe("Expected blob to be of type buffer, instead found type string.");
    expect(message({ tags: { L: [{ S: "a" }] } })).toBe("Expected tags to be of type string set, instead found type object.");
    expect(message({ lines: { L: [{ M: { at: { S: "x" } } }] } })).toBe(
      "Expected lines.0.at to be of type date, instead found type string.",
    );
  });

  it("reads what the types allow: a union, NULL where declared, ANY, any set for a set", () => {
    expect(read(schema, { id: { S: "a" }, maybe: { NULL: true }, anything: { BOOL: true }, tags: { NS: ["1"] } })).toEqual({
      id: "a",
      maybe: null,
      anything: true,
      tags: new Set([1]),
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

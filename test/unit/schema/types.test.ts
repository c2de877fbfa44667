import { describe, expect, it } from "vitest";
import { TypeMismatch } from "../../../src/errors.js";
import { Schema } from "../../../src/schema/schema.js";
import { read, roundTrip, write, writeErrorSync } from "./helpers.js";

describe("scalar types", () => {
  const schema = new Schema({ id: String, n: Number, big: BigInt, flag: Boolean, data: Buffer });

  it("stores String as S, Number as N, BigInt as N, Boolean as BOOL, Buffer as B", () => {
    const bytes = Buffer.from([1, 2, 3]);
    expect(write(schema, { id: "a", n: 1.5, big: 12345678901234567890n, flag: false, data: bytes })).toEqual({
      id: { S: "a" },
      n: { N: "1.5" },
      big: { N: "12345678901234567890" },
      flag: { BOOL: false },
      data: { B: bytes },
    });
  });

  it("accepts a safe integer for a BigInt attribute and reads BigInts back", () => {
    expect(write(schema, { id: "a", big: 42 })).toEqual({ id: { S: "a" }, big: { N: "42" } });
    expect(read(schema, { id: { S: "a" }, big: { N: "-42" } })).toEqual({ id: "a", big: -42n });
  });

  it("refuses a fractional or unsafe number for a BigInt attribute", () => {
    expect(writeErrorSync(schema, { id: "a", big: 1.5 })).toBeInstanceOf(TypeMismatch);
    expect(writeErrorSync(schema, { id: "a", big: 2 ** 60 })).toBeInstanceOf(TypeMismatch);
  });

  it("stores a Uint8Array as B and reads it back as a Buffer", () => {
    const bytes = new Uint8Array([9, 8, 7]);
    const stored = write(schema, { id: "a", data: bytes });
    expect(stored).toEqual({ id: { S: "a" }, data: { B: bytes } });
    const back = read(schema, stored).data;
    expect(Buffer.isBuffer(back)).toBe(true);
    expect(back).toEqual(Buffer.from([9, 8, 7]));
  });

  it("keeps the empty string and false and 0", () => {
    expect(write(schema, { id: "", n: 0, flag: false })).toEqual({ id: { S: "" }, n: { N: "0" }, flag: { BOOL: false } });
    expect(roundTrip(schema, { id: "", n: 0, flag: false })).toEqual({ id: "", n: 0, flag: false });
  });

  it.each([
    ["id", 1, "string", "number"],
    ["n", "1", "number", "string"],
    ["flag", "true", "boolean", "string"],
    ["data", "AQI=", "buffer", "string"],
    ["n", null, "number", "null"],
    ["n", [1], "number", "array"],
    ["id", new Date(0), "string", "Date"],
  ])("refuses %s = %j with a message naming path, expected and found type", (path, value, expected, found) => {
    const error = writeErrorSync(schema, { id: "a", [path]: value });
    expect(error).toBeInstanceOf(TypeMismatch);
    expect(error.message).toBe(`Expected ${path} to be of type ${expected}, instead found type ${found}.`);
    expect(error).toMatchObject({ name: "TypeMismatch", code: "type_mismatch", path, expected, received: found });
  });

  it("omits undefined attributes", () => {
    expect(write(schema, { id: "a", n: undefined })).toEqual({ id: { S: "a" } });
  });
});

describe("string type names", () => {
  it.each([
    ["string", "x", { S: "x" }],
    ["String", "x", { S: "x" }],
    ["Number", 2, { N: "2" }],
    ["NUMBER", 2, { N: "2" }],
    ["boolean", true, { BOOL: true }],
    ["date", new Date(5), { N: "5" }],
    ["null", null, { NULL: true }],
    ["any", { a: 1 }, { M: { a: { N: "1" } } }],
    ["Any", [1], { L: [{ N: "1" }] }],
    ["buffer", Buffer.from("a"), { B: Buffer.from("a") }],
    ["object", { a: "b" }, { M: { a: { S: "b" } } }],
    ["array", ["b"], { L: [{ S: "b" }] }],
  ])("%s", (name, value, stored) => {
    const schema = new Schema({ id: String, v: name as never });
    expect(write(schema, { id: "a", v: value })).toEqual({ id: { S: "a" }, v: stored });
  });

  it("works in the full form too", () => {
    const schema = new Schema({ id: { type: "string" }, n: { type: "number", required: true } });
    expect(write(schema, { id: "a", n: 1 })).toEqual({ id: { S: "a" }, n: { N: "1" } });
  });
});

describe("Date", () => {
  const schema = new Schema({
    id: String,
    ms: Date,
    sec: { type: { value: Date, settings: { storage: "seconds" } } },
    iso: { type: { value: Date, settings: { storage: "iso" } } },
    explicitMs: { type: { value: Date, settings: { storage: "milliseconds" } } },
  });
  const when = new Date("2024-05-06T07:08:09.600Z");

  it("stores ms, seconds (rounded) and ISO forms", () => {
    expect(write(schema, { id: "a", ms: when, sec: when, iso: when, explicitMs: when })).toEqual({
      id: { S: "a" },
      ms: { N: "1714979289600" },
      sec: { N: "1714979290" },
      iso: { S: "2024-05-06T07:08:09.600Z" },
      explicitMs: { N: "1714979289600" },
    });
  });

  it("reads every form back as a Date", () => {
    const back = read(schema, {
      id: { S: "a" },
      ms: { N: "1714979289600" },
      sec: { N: "1714979289" },
      iso: { S: "2024-05-06T07:08:09.600Z" },
    });
    expect(back).toEqual({ id: "a", ms: when, sec: new Date("2024-05-06T07:08:09.000Z"), iso: when });
    expect(back.ms).toBeInstanceOf(Date);
  });

  it("stores a number given as input as is (ms and seconds) and refuses it for an ISO Date, as Dynamoose does", () => {
    expect(write(schema, { id: "a", ms: 1000, sec: 1714979289 })).toEqual({
      id: { S: "a" },
      ms: { N: "1000" },
      sec: { N: "1714979289" },
    });
    const error = writeErrorSync(schema, { id: "a", iso: 0 });
    expect(error).toBeInstanceOf(TypeMismatch);
    expect(error.message).toBe("Expected iso to be of type date, instead found type number.");
  });

  it("refuses invalid dates, ISO strings given as input and non-finite numbers", () => {
    const error = writeErrorSync(schema, { id: "a", ms: new Date("nope"), sec: "2024-01-01", iso: Number.NaN });
    expect(error).toBeInstanceOf(TypeMismatch);
    expect(error.issues.map((issue) => [issue.path, issue.received])).toEqual([
      ["ms", "invalid Date"],
      ["sec", "string"],
      ["iso", "NaN"],
    ]);
    expect(error.message).toMatch(/^Expected ms to be of type date, instead found type invalid Date\./);
  });

  it("reads a stored number outside Date's range as a number, not as an Invalid Date", () => {
    expect(read(schema, { id: { S: "a" }, ms: { N: "1e20" } })).toEqual({ id: "a", ms: 1e20 });
  });

  it("refuses a stored value its storage does not hold, as Dynamoose does (an N for an ISO Date, an S for a millisecond one)", () => {
    const refused = (map: Record<string, unknown>): TypeMismatch => {
      try {
        read(schema, { id: { S: "a" }, ...map } as never);
      } catch (error) {
        return error as TypeMismatch;
      }
      throw new Error("not refused");
    };
    expect(refused({ iso: { N: "5" } })).toBeInstanceOf(TypeMismatch);
    expect(refused({ iso: { N: "5" } }).message).toBe("Expected iso to be of type date, instead found type number.");
    expect(refused({ ms: { S: "2020-01-01T00:00:00.000Z" } }).message).toBe("Expected ms to be of type date, instead found type string.");
    expect(refused({ sec: { S: "Hello World" } }).message).toBe("Expected sec to be of type date, instead found type string.");
    expect(refused({ iso: { S: "not a date" } })).toMatchObject({
      code: "type_mismatch",
      path: "iso",
      expected: "date",
      received: "string",
    });
  });

  it("round-trips Dates in every storage (ms precision lost only for seconds)", () => {
    const back = roundTrip(schema, { id: "a", ms: when, iso: when, explicitMs: when });
    expect(back).toEqual({ id: "a", ms: when, iso: when, explicitMs: when });
  });
});

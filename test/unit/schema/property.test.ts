import { marshall } from "@aws-sdk/util-dynamodb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANY, NULL } from "../../../src/schema/attribute-types.js";
import { isStorableBigint, isStorableNumber } from "../../../src/marshal/numbers.js";
import { Schema } from "../../../src/schema/schema.js";
import { read, write } from "./helpers.js";

const HOSTILE_KEYS = ["__proto__", "constructor", "toString", "#a", ":v", "a b", "ключ", ""];

/** Builds an object with own properties only (so that `__proto__` stays a key). */
const own = (entries: readonly (readonly [string, unknown])[]): Record<string, unknown> => {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
};

// DynamoDB stores -0 as 0: generate finite doubles without it, in DynamoDB's range (others are refused).
const numberArb = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .map((n) => (Object.is(n, -0) ? 0 : n))
  .filter(isStorableNumber);
const keyArb = (hostile: boolean) =>
  hostile
    ? fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 6 }))
    : fc.string({ maxLength: 6 }).filter((k) => !HOSTILE_KEYS.includes(k) || k === "");

/** Plain data: strings, numbers, booleans, null, nested maps and lists. */
const plainArb = (hostile: boolean) =>
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.string({ unit: "binary", maxLength: 8 }),
      numberArb,
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 3 }),
      fc.uniqueArray(fc.tuple(keyArb(hostile), tie("value")), { maxLength: 3, selector: ([key]) => key }).map(own),
    ),
  })).value;

const uniqueBy = <T>(arb: fc.Arbitrary<T>, key: (value: T) => string) =>
  fc.uniqueArray(arb, { minLength: 1, maxLength: 4, selector: key }).map((list) => new Set(list));

const schema = new Schema({
  id: { type: String, hashKey: true },
  n: Number,
  big: BigInt,
  flag: Boolean,
  when: Date,
  seconds: { type: { value: Date, settings: { storage: "seconds" } } },
  iso: { type: { value: Date, settings: { storage: "iso" } } },
  blob: Buffer,
  tags: { type: Set, schema: [String] },
  nums: { type: Set, schema: [Number] },
  days: { type: Set, schema: [Date] },
  blobs: { type: Set, schema: [Buffer] },
  address: { type: Object, schema: { city: String, zip: [String, Number], geo: { type: Object, schema: { lat: Number } } } },
  lines: { type: Array, schema: [{ type: Object, schema: { sku: String, qty: Number } }] },
  matrix: { type: Array, schema: [{ type: Array, schema: [Number] }] },
  maybe: [String, NULL],
  anything: ANY,
  loose: Object,
});

const dateArb = fc.date({ noInvalidDate: true });
const itemArb = fc.record(
  {
    id: fc.string({ unit: "binary" }),
    n: numberArb,
    big: fc.bigInt().filter(isStorableBigint),
    flag: fc.boolean(),
    when: dateArb,
    seconds: fc.integer({ min: -8_640_000_000_000, max: 8_640_000_000_000 }).map((s) => new Date(s * 1000)),
    iso: dateArb,
    blob: fc.uint8Array({ maxLength: 8 }).map((bytes) => Buffer.from(bytes)),
    tags: uniqueBy(fc.string({ unit: "binary" }), (s) => s),
    nums: uniqueBy(numberArb, String),
    days: uniqueBy(dateArb, (d) => String(d.getTime())),
    blobs: uniqueBy(
      fc.uint8Array({ maxLength: 4 }).map((bytes) => Buffer.from(bytes)),
      (b) => b.toString("hex"),
    ),
    address: fc.record(
      { city: fc.string(), zip: fc.oneof(fc.string(), numberArb), geo: fc.record({ lat: numberArb }, { requiredKeys: [] }) },
      { requiredKeys: [] },
    ),
    lines: fc.array(fc.record({ sku: fc.string(), qty: numberArb }, { requiredKeys: [] }), { maxLength: 3 }),
    matrix: fc.array(fc.array(numberArb, { maxLength: 3 }), { maxLength: 3 }),
    maybe: fc.option(fc.string(), { nil: null }),
    anything: plainArb(true),
    loose: fc.uniqueArray(fc.tuple(keyArb(true), plainArb(true)), { maxLength: 4, selector: ([key]) => key }).map(own),
  },
  { requiredKeys: ["id"] },
);

describe("properties", () => {
  it("toDynamo then fromDynamo gives every item of a rich schema back unchanged", () => {
    fc.assert(
      fc.property(itemArb, (item) => {
        const stored = write(schema, item);
        const back = read(schema, stored);
        expect(back).toEqual(item);
        expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
        // Same item written twice gives the same map.
        expect(write(schema, back)).toEqual(stored);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("toDynamo equals @aws-sdk/util-dynamodb's marshall for plain data", () => {
    const plain = new Schema({
      id: String,
      s: String,
      n: Number,
      b: Boolean,
      any: ANY,
      o: Object,
      l: Array,
      nested: { type: Object, schema: { s: String, n: Number, l: { type: Array, schema: [ANY] } } },
    });
    const dataArb = fc.record(
      {
        id: fc.string(),
        s: fc.string({ unit: "binary" }),
        n: numberArb,
        b: fc.boolean(),
        any: plainArb(false),
        o: fc.dictionary(keyArb(false), plainArb(false), { maxKeys: 3 }),
        l: fc.array(plainArb(false), { maxLength: 3 }),
        nested: fc.record({ s: fc.string(), n: numberArb, l: fc.array(plainArb(false), { maxLength: 3 }) }, { requiredKeys: [] }),
      },
      { requiredKeys: ["id"] },
    );
    fc.assert(
      fc.property(dataArb, (data) => {
        expect(write(plain, data)).toEqual(marshall(data, { allowImpreciseNumbers: true }));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});

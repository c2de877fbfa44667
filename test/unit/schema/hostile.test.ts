import { describe, expect, it } from "vitest";
import { ANY } from "../../../src/schema/attribute-types.js";
import { Schema } from "../../../src/schema/schema.js";
import { read, roundTrip, write } from "./helpers.js";

const HOSTILE = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "#name",
  ":value",
  "a b",
  "SELECT",
  "ключ",
  "😀",
  "名前",
];

/** A definition where every hostile name is a String attribute (built without `__proto__` turning into a prototype). */
function hostileDefinition(): Record<string, unknown> {
  const definition: Record<string, unknown> = { id: String };
  for (const name of HOSTILE)
    Object.defineProperty(definition, name, { value: String, enumerable: true, writable: true, configurable: true });
  return definition;
}

function hostileItem(): Record<string, unknown> {
  const item: Record<string, unknown> = { id: "a" };
  for (const name of HOSTILE)
    Object.defineProperty(item, name, { value: `v:${name}`, enumerable: true, writable: true, configurable: true });
  return item;
}

const pristine = (): void => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.toString).toBe(Object.prototype.toString);
};

describe("hostile attribute names", () => {
  const schema = new Schema(hostileDefinition() as never);

  it("stores and reads them back exactly, as own properties", () => {
    const stored = write(schema, hostileItem());
    expect(Object.keys(stored)).toEqual(["id", ...HOSTILE]);
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(stored, "__proto__")?.value).toEqual({ S: "v:__proto__" });
    const back = read(schema, stored);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(["id", ...HOSTILE]);
    for (const name of HOSTILE) expect(Object.getOwnPropertyDescriptor(back, name)?.value).toBe(`v:${name}`);
    pristine();
  });

  it("treats absent hostile names as absent, not as Object.prototype members", () => {
    expect(write(schema, { id: "a" })).toEqual({ id: { S: "a" } });
    expect(read(schema, { id: { S: "a" } })).toEqual({ id: "a" });
  });

  it("applies defaults, set and get to them", () => {
    const definition: Record<string, unknown> = { id: String };
    for (const name of ["__proto__", "constructor", "toString"]) {
      Object.defineProperty(definition, name, {
        value: { type: String, default: `d:${name}`, set: (v: unknown) => `${String(v)}!`, get: (v: unknown) => `${String(v)}?` },
        enumerable: true,
      });
    }
    const s = new Schema(definition as never);
    const stored = write(s, { id: "a" });
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(Object.entries(stored)).toEqual([
      ["id", { S: "a" }],
      ["__proto__", { S: "d:__proto__!" }],
      ["constructor", { S: "d:constructor!" }],
      ["toString", { S: "d:toString!" }],
    ]);
    const back = read(s, stored);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.entries(back)).toEqual([
      ["id", "a"],
      ["__proto__", "d:__proto__!?"],
      ["constructor", "d:constructor!?"],
      ["toString", "d:toString!?"],
    ]);
    pristine();
  });

  it("accepts hostile aliases", () => {
    const s = new Schema({ pk: { type: String, alias: "__proto__" }, c: { type: String, alias: "constructor" } });
    const input = JSON.parse('{"__proto__": "p", "constructor": "c"}') as Record<string, unknown>;
    const stored = write(s, input);
    expect(stored).toEqual({ pk: { S: "p" }, c: { S: "c" } });
    const back = read(s, stored);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(back, "__proto__")?.value).toBe("p");
    expect(Object.getOwnPropertyDescriptor(back, "constructor")?.value).toBe("c");
  });
});

describe("hostile values and unknown keys", () => {
  it("keeps __proto__ and constructor keys inside ANY values and unknown attributes without touching prototypes", () => {
    const schema = new Schema({ id: String, any: ANY, loose: Object }, { saveUnknown: true });
    const input = JSON.parse(
      '{"id":"a","any":{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}}},"loose":{"__proto__":[1]},"__proto__":{"polluted":3}}',
    );
    const stored = write(schema, input);
    expect(Object.keys(stored)).toEqual(["id", "any", "loose", "__proto__"]);
    expect(Object.getOwnPropertyDescriptor(stored.any?.M, "__proto__")?.value).toEqual({ M: { polluted: { N: "1" } } });
    const back = read(schema, stored);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(back.any)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(back.loose)).toBe(Object.prototype);
    expect(JSON.stringify(back)).toBe(JSON.stringify(input));
    expect((back as { polluted?: unknown }).polluted).toBeUndefined();
    pristine();
  });

  it("stores strings of any content exactly", () => {
    const schema = new Schema({ id: String, s: String, tags: { type: Set, schema: [String] } });
    const strings = ["", " ", "#a", ":v0", "a.b", "a = :v", "\u0000", "\uD83D\uDE00", "\n\t", "'\"`", "$" + "{x}"];
    for (const s of strings) expect(roundTrip(schema, { id: s, s, tags: [s] })).toEqual({ id: s, s, tags: new Set([s]) });
  });

  it("reads an object with only null-prototype values safely", () => {
    const schema = new Schema({ id: String, o: { type: Object, schema: { a: String } } });
    const input = Object.assign(Object.create(null) as Record<string, unknown>, {
      id: "a",
      o: Object.assign(Object.create(null), { a: "x" }),
    });
    expect(roundTrip(schema, input)).toEqual({ id: "a", o: { a: "x" } });
  });
});

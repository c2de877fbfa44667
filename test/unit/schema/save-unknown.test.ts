import { describe, expect, it } from "vitest";
import { Schema } from "../../../src/schema/schema.js";
import { unknownMatcher } from "../../../src/dotted-match.js";
import { keepRuleAt, keepRuleOf } from "../../../src/schema/save-unknown.js";
import { read, write } from "./helpers.js";

const item = { id: "a", known: { x: 1, extra: "e", deep: { y: 2 } }, top: "t", when: new Date(3), tags: new Set(["s"]) };

describe("saveUnknown", () => {
  it("drops unknown attributes by default, on write and on read", () => {
    const schema = new Schema({ id: String, known: { type: Object, schema: { x: Number } } });
    expect(write(schema, item)).toEqual({ id: { S: "a" }, known: { M: { x: { N: "1" } } } });
    expect(read(schema, { id: { S: "a" }, top: { S: "t" } })).toEqual({ id: "a" });
  });

  it("true keeps every unknown attribute at any depth, read back as raw native values", () => {
    const schema = new Schema({ id: String, known: { type: Object, schema: { x: Number } } }, { saveUnknown: true });
    const stored = write(schema, item);
    expect(stored).toEqual({
      id: { S: "a" },
      known: { M: { x: { N: "1" }, extra: { S: "e" }, deep: { M: { y: { N: "2" } } } } },
      top: { S: "t" },
      when: { N: "3" },
      tags: { SS: ["s"] },
    });
    expect(read(schema, stored)).toEqual({ id: "a", known: { x: 1, extra: "e", deep: { y: 2 } }, top: "t", when: 3, tags: new Set(["s"]) });
  });

  it("a list keeps matching paths: * one level, ** any depth", () => {
    const one = new Schema({ id: String, known: { type: Object, schema: { x: Number } } }, { saveUnknown: ["known.*"] });
    // One level: the unknown child `deep` is kept, its own children are not (Dynamoose stores `deep: {}`).
    expect(write(one, item)).toEqual({
      id: { S: "a" },
      known: { M: { x: { N: "1" }, extra: { S: "e" }, deep: { M: {} } } },
    });
    const top = new Schema({ id: String, known: { type: Object, schema: { x: Number } } }, { saveUnknown: ["top", "when"] });
    expect(write(top, item)).toEqual({ id: { S: "a" }, known: { M: { x: { N: "1" } } }, top: { S: "t" }, when: { N: "3" } });
    expect(read(top, { id: { S: "a" }, top: { S: "t" }, other: { S: "o" } })).toEqual({ id: "a", top: "t" });
  });

  it("keeps what Dynamoose's wildcard check keeps (its test table), walking real segments", () => {
    const kept = (setting: boolean | string[], path: string): boolean => keepRuleAt(keepRuleOf(setting), path.split(".")) !== undefined;
    const table: [boolean | string[], string, boolean][] = [
      [true, "random", true],
      [false, "random", false],
      [["random"], "random", true],
      [["other"], "random", false],
      // The one deliberate difference: a pattern ending on a name keeps that attribute whole (Dynamoose: false).
      [["random"], "random.test", true],
      [["random.1"], "random.1", true],
      [["random.1"], "random.2", false],
      [["random.test"], "random", true],
      [["random.*"], "random", true],
      [["random.*"], "random.test", true],
      [["random.*"], "random.test.random", false],
      [["random.*"], "random.0.random", false],
      [["random.*"], "random.1.random", false],
      [["random.*.hello"], "random.test.hello", true],
      [["random.*.hello"], "random.test.random", false],
      [["random.*.hello"], "random.test.hello.test", true], // the same difference (Dynamoose: false)
      [["random.**"], "random.test.random", true],
      [["**"], "random.test.random", true],
      [[], "random", false],
    ];
    expect(table.map(([setting, path]) => kept(setting, path))).toEqual(table.map(([, , expected]) => expected));
    expect(keepRuleAt(keepRuleOf(["a.*"]), ["a", 3])).toBeDefined();
    // A top-level name holding a dot is one segment: it does not pass "meta.**".
    expect(keepRuleAt(keepRuleOf(["meta.**"]), ["meta.isAdmin"])).toBeUndefined();
    expect(keepRuleAt(keepRuleOf(["meta.**"]), ["meta", "isAdmin"])).toBeDefined();
  });

  it("keeps an unknown attribute with one level (*) or all levels (**) of children, maps and lists (Dynamoose's tests)", () => {
    const input = {
      id: "1",
      address: { country: "world", zip: 12345, metadata: { name: "Home" } },
      addresses: [{ country: "world", metadata: [{ name: "Home" }] }],
    };
    const declared = (saveUnknown: string[]) => new Schema({ id: String, address: Object }, { saveUnknown });
    expect(write(declared(["address.*"]), input).address).toEqual({
      M: { country: { S: "world" }, zip: { N: "12345" }, metadata: { M: {} } },
    });
    expect(write(declared(["address.**"]), input).address).toEqual({
      M: { country: { S: "world" }, zip: { N: "12345" }, metadata: { M: { name: { S: "Home" } } } },
    });
    expect(write(declared(["addresses.*"]), input).addresses).toEqual({ L: [{ M: {} }] });
    expect(write(declared(["addresses.**"]), input).addresses).toEqual({
      L: [{ M: { country: { S: "world" }, metadata: { L: [{ M: { name: { S: "Home" } } }] } } }],
    });
    // Undeclared parents, top level and nested; list elements kept by index close up.
    const meta = new Schema(
      { id: String, nested: { type: Object, schema: { a: String } } },
      { saveUnknown: ["meta.*", "nested.meta.**", "data.1", "data.3"] },
    );
    const written = write(meta, {
      id: "1",
      meta: { a: 1, b: { c: 2 }, l: [1, [2]] },
      nested: { a: "a", meta: { x: { y: 1 } } },
      data: ["h", "w", "u", "g"],
    });
    expect(written).toEqual({
      id: { S: "1" },
      meta: { M: { a: { N: "1" }, b: { M: {} }, l: { L: [] } } },
      nested: { M: { a: { S: "a" }, meta: { M: { x: { M: { y: { N: "1" } } } } } } },
      data: { L: [{ S: "w" }, { S: "g" }] },
    });
    expect(read(meta, { id: { S: "1" }, meta: { M: { a: { N: "1" }, b: { M: { c: { N: "2" } } } } } })).toEqual({
      id: "1",
      meta: { a: 1, b: {} },
    });
  });

  it("never takes a name holding a dot for a nested path", () => {
    const schema = new Schema({ id: String }, { saveUnknown: ["meta.**"] });
    expect(write(schema, { id: "1", "meta.isAdmin": true, meta: { isAdmin: false } })).toEqual({
      id: { S: "1" },
      meta: { M: { isAdmin: { BOOL: false } } },
    });
    expect(read(schema, { id: { S: "1" }, "meta.isAdmin": { BOOL: true } })).toEqual({ id: "1" });
  });

  it("matches paths", () => {
    const match = unknownMatcher(["a.*", "b.**", "c", "*.d"]);
    expect(["a.x", "a.x.y", "b", "b.x", "b.x.y", "c", "c.x", "z.d", "d"].map((path) => [path, match(path)])).toEqual([
      ["a.x", true],
      ["a.x.y", false],
      ["b", false],
      ["b.x", true],
      ["b.x.y", true],
      ["c", true],
      ["c.x", false],
      ["z.d", true],
      ["d", false],
    ]);
    expect(unknownMatcher(true)("anything.at.all")).toBe(true);
    expect(unknownMatcher(false)("x")).toBe(false);
    expect(unknownMatcher([])("x")).toBe(false);
  });

  it("keeps unknown attributes inside array elements by their index path", () => {
    const schema = new Schema(
      { id: String, l: { type: Array, schema: [{ type: Object, schema: { k: String } }] } },
      { saveUnknown: ["l.*.extra"] },
    );
    expect(write(schema, { id: "a", l: [{ k: "k", extra: 1, other: 2 }] })).toEqual({
      id: { S: "a" },
      l: { L: [{ M: { k: { S: "k" }, extra: { N: "1" } } }] },
    });
  });

  it("merges a nested Schema's saveUnknown into the parent, re-prefixed with the attribute path", () => {
    const keepAll = new Schema({ a: String }, { saveUnknown: true });
    const keepSome = new Schema({ a: String }, { saveUnknown: ["x"] });
    const schema = new Schema({
      id: String,
      all: keepAll,
      some: { type: Object, schema: keepSome },
      list: { type: Array, schema: [keepSome] },
      none: { type: Object, schema: { a: String } },
    });
    const extra = { a: "a", x: "x", y: { z: 1 } };
    expect(write(schema, { id: "a", all: extra, some: extra, list: [extra, extra], none: extra, top: 1 })).toEqual({
      id: { S: "a" },
      all: { M: { a: { S: "a" }, x: { S: "x" }, y: { M: { z: { N: "1" } } } } },
      some: { M: { a: { S: "a" }, x: { S: "x" } } },
      list: { L: [{ M: { a: { S: "a" }, x: { S: "x" } } }, { M: { a: { S: "a" }, x: { S: "x" } } }] },
      none: { M: { a: { S: "a" } } },
    });
    expect(read(schema, { id: { S: "a" }, some: { M: { x: { S: "x" }, y: { S: "y" } } } })).toEqual({ id: "a", some: { x: "x" } });
  });
});

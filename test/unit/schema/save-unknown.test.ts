import { describe, expect, it } from "vitest";
import { Schema } from "../../../src/schema/schema.js";
import { unknownMatcher } from "../../../src/schema/save-unknown.js";
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
    expect(write(one, item)).toEqual({
      id: { S: "a" },
      known: { M: { x: { N: "1" }, extra: { S: "e" }, deep: { M: { y: { N: "2" } } } } },
    });
    const top = new Schema({ id: String, known: { type: Object, schema: { x: Number } } }, { saveUnknown: ["top", "when"] });
    expect(write(top, item)).toEqual({ id: { S: "a" }, known: { M: { x: { N: "1" } } }, top: { S: "t" }, when: { N: "3" } });
    expect(read(top, { id: { S: "a" }, top: { S: "t" }, other: { S: "o" } })).toEqual({ id: "a", top: "t" });
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
    const schema = new Schema({ id: String, l: { type: Array, schema: [{ type: Object, schema: { k: String } }] } }, { saveUnknown: ["l.*.extra"] });
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

import { describe, expect, it } from "vitest";
import { InvalidParameter } from "../../../src/errors.js";
import { parsePath, pathToString, toPath } from "../../../src/expression/index.js";

describe("parsePath", () => {
  it("parses names, nested names and list indexes", () => {
    expect(parsePath("a")).toEqual([{ kind: "name", name: "a" }]);
    expect(parsePath("a.b[2].c")).toEqual([
      { kind: "name", name: "a" },
      { kind: "name", name: "b" },
      { kind: "index", index: 2 },
      { kind: "name", name: "c" },
    ]);
    expect(parsePath("m[0][10]")).toEqual([
      { kind: "name", name: "m" },
      { kind: "index", index: 0 },
      { kind: "index", index: 10 },
    ]);
  });

  it("keeps any other character in names: spaces, #, :, unicode, __proto__", () => {
    expect(parsePath("first name.#x:y")).toEqual([
      { kind: "name", name: "first name" },
      { kind: "name", name: "#x:y" },
    ]);
    expect(parsePath("ünï.日本")).toEqual([
      { kind: "name", name: "ünï" },
      { kind: "name", name: "日本" },
    ]);
    expect(parsePath("__proto__.x")).toEqual([
      { kind: "name", name: "__proto__" },
      { kind: "name", name: "x" },
    ]);
  });

  it.each([
    ["", "it is empty"],
    ["a..b", "an attribute name is missing at position 2"],
    [".a", "an attribute name is missing at position 0"],
    ["a.", "it ends with a dot"],
    ["a[x]", 'list index "x" is not a non-negative integer'],
    ["a[-1]", 'list index "-1" is not a non-negative integer'],
    ["a[]", 'list index "" is not a non-negative integer'],
    ["a[1", 'the "[" at position 1 is never closed'],
    ["[0]", "an attribute name is missing at position 0"],
    ["a]", 'unexpected "]" at position 1'],
    ["a[1]b", 'unexpected "b" at position 4'],
    ["a[99999999999999999999]", "list index 99999999999999999999 is too large"],
  ])("rejects %j with InvalidParameter (%s)", (text, why) => {
    expect(() => parsePath(text)).toThrow(InvalidParameter);
    expect(() => parsePath(text)).toThrow(`Invalid attribute path ${JSON.stringify(text)}: ${why}.`);
    try {
      parsePath(text);
    } catch (error) {
      expect(error).toMatchObject({ code: "invalid_path", path: text });
    }
  });

  it("returns frozen segments", () => {
    const path = parsePath("a.b");
    expect(Object.isFrozen(path)).toBe(true);
    expect(Object.isFrozen(path[0])).toBe(true);
  });
});

describe("pathToString", () => {
  it.each(["a", "a.b", "a.b[2].c", "m[0][1]", "x y.ü"])("is the inverse of parsePath for %j", (text) => {
    expect(pathToString(parsePath(text))).toBe(text);
  });
});

describe("toPath", () => {
  it("accepts text or segments, including names with dots", () => {
    expect(toPath("a.b")).toEqual(parsePath("a.b"));
    expect(toPath([{ kind: "name", name: "a.b" }])).toEqual([{ kind: "name", name: "a.b" }]);
  });

  it("rejects empty, index-first and malformed segment arrays", () => {
    expect(() => toPath([])).toThrow(InvalidParameter);
    expect(() => toPath([{ kind: "index", index: 0 }])).toThrow("it must start with an attribute name");
    expect(() => toPath([{ kind: "name", name: "a" }, { kind: "index", index: -1 }])).toThrow("bad segment");
    expect(() => toPath([{ kind: "name", name: "" }])).toThrow("bad segment");
  });
});

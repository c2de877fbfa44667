import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidParameter } from "../../../src/errors.js";
import { Condition, type Path, type PathSegment, parsePath, pathToString, toPath } from "../../../src/expression/index.js";
import { compileBuilder } from "./helpers.js";

const name = (text: string) => ({ kind: "name", name: text }) as const;
const index = (at: number) => ({ kind: "index", index: at }) as const;

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
    // quoted names
    ['["a', "the quoted name at position 1 is never closed"],
    ['m["a\\"]', "the quoted name at position 2 is never closed"],
    ['["a"', 'the "[" at position 0 is never closed'],
    ['m["a"x]', 'unexpected "x" at position 5: a quoted name ends with "]"'],
    ['m["a"]x', 'unexpected "x" at position 6'],
    ['m[""]', "the quoted name at position 2 is empty"],
    ['m["\\q"]', 'the quoted name "\\q" at position 2 is not a valid JSON string'],
    ['m["a\nb"]', 'the quoted name "a\nb" at position 2 is not a valid JSON string'],
    ['m.["a"]', "an attribute name is missing at position 2"],
    ['m[ "a"]', 'list index " "a"" is not a non-negative integer'],
    ["m['a']", "list index \"'a'\" is not a non-negative integer"],
  ])("rejects %j with InvalidParameter (%s)", (text, why) => {
    expect(() => parsePath(text)).toThrow(InvalidParameter);
    expect(() => parsePath(text)).toThrow(`Invalid attribute path ${JSON.stringify(text)}: ${why}.`);
    try {
      parsePath(text);
    } catch (error) {
      expect(error).toMatchObject({ code: "invalid_path", path: text });
    }
  });

  it("reads a bracket holding a JSON string as one name, taken literally", () => {
    expect(parsePath('["a.b"]')).toEqual([name("a.b")]);
    expect(parsePath('["x[0]"]')).toEqual([name("x[0]")]);
    expect(parsePath('m["x[0]"]')).toEqual([name("m"), name("x[0]")]);
    expect(parsePath('m["a.b"][2].c')).toEqual([name("m"), name("a.b"), index(2), name("c")]);
    expect(parsePath('["a.b"]["c]"].d[0]["["]')).toEqual([name("a.b"), name("c]"), name("d"), index(0), name("[")]);
    expect(parsePath('["plain"].x')).toEqual([name("plain"), name("x")]);
    expect(parsePath('m["\\""]')).toEqual([name("m"), name('"')]);
  });

  it("unescapes the quoted name as JSON (quote, backslash and unicode escapes)", () => {
    expect(parsePath('["say \\"hi\\""]')).toEqual([name('say "hi"')]);
    expect(parsePath('m["back\\\\slash"]')).toEqual([name("m"), name("back\\slash")]);
    expect(parsePath('m["\\\\"]')).toEqual([name("m"), name("\\")]);
    expect(parsePath('m["\\"]"]')).toEqual([name("m"), name('"]')]);
    expect(parsePath('["\\u00e9\\n"]')).toEqual([name("é\n")]);
  });

  it("keeps the unquoted forms as they were: a quote is part of a plain name", () => {
    expect(parsePath('a"b.c')).toEqual([name('a"b'), name("c")]);
    expect(parsePath('"a"')).toEqual([name('"a"')]);
  });

  it("keeps the JSON error as the cause of an invalid quoted name", () => {
    expect(() => parsePath('m["\\q"]')).toThrow(expect.objectContaining({ cause: expect.any(SyntaxError) }));
  });

  it("returns frozen segments", () => {
    const path = parsePath("a.b");
    expect(Object.isFrozen(path)).toBe(true);
    expect(Object.isFrozen(path[0])).toBe(true);
  });
});

describe("pathToString", () => {
  it.each(["a", "a.b", "a.b[2].c", "m[0][1]", "x y.ü", '["a.b"]', 'm["x[0]"][2].c', '["]"]["\\"."]'])(
    "is the inverse of parsePath for %j",
    (text) => {
      expect(pathToString(parsePath(text))).toBe(text);
    },
  );

  it("quotes the names holding '.', '[' or ']'", () => {
    expect(pathToString([name("a.b")])).toBe('["a.b"]');
    expect(pathToString([name("m"), name("x[0]"), index(1), name('q"]')])).toBe('m["x[0]"][1]["q\\"]"]');
  });

  it("round-trips any path through parsePath, whatever its names hold", () => {
    const nameArb = fc.oneof(
      fc.constantFrom(".", "[", "]", '["a"]', 'a"b', "\\", "[0]", "a.b", "x[0]", "#n0", ":v0", " "),
      fc.string({ minLength: 1, maxLength: 6, unit: "binary" }),
    );
    const segmentArb: fc.Arbitrary<PathSegment> = fc.oneof(nameArb.map(name), fc.nat({ max: 1000 }).map(index));
    fc.assert(
      fc.property(nameArb, fc.array(segmentArb, { maxLength: 5 }), (first, rest) => {
        const path: Path = [name(first), ...rest];
        expect(parsePath(pathToString(path))).toEqual(path);
      }),
    );
  });
});

describe("quoted paths in conditions", () => {
  it.each([
    ['["a.b"]', [name("a.b")]],
    ['m["x[0]"]', [name("m"), name("x[0]")]],
    ['m["a.b"][2].c', [name("m"), name("a.b"), index(2), name("c")]],
  ] as const)("where(%j) compiles as the segment array", (text, segments) => {
    const quoted = compileBuilder(new Condition().where(text).eq(1).and().where(text).exists());
    const array = compileBuilder(new Condition().where(segments).eq(1).and().where(segments).exists());
    expect(quoted).toEqual(array);
    expect(Object.values(quoted.names ?? {})).toEqual(segments.flatMap((s) => (s.kind === "name" ? [s.name] : [])));
  });

  it("condition objects take quoted keys too", () => {
    expect(compileBuilder(new Condition({ '["a.b"]': { eq: 1 } }))).toEqual(compileBuilder(new Condition().where([name("a.b")]).eq(1)));
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
    expect(() =>
      toPath([
        { kind: "name", name: "a" },
        { kind: "index", index: -1 },
      ]),
    ).toThrow("bad segment");
    expect(() => toPath([{ kind: "name", name: "" }])).toThrow("bad segment");
  });
});

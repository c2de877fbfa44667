import { describe, expect, it } from "vitest";
import { InvalidParameter } from "../../../src/errors.js";
import { cond, defaultEncoder, operand, parsePath, type ValueEncoder } from "../../../src/expression/index.js";
import { comparisonCases, compile } from "./helpers.js";

describe("compileCondition: operators", () => {
  it.each(comparisonCases)("%s", (op, expression) => {
    expect(compile(cond[op]("age", 3))).toEqual({ expression, names: { "#n0": "age" }, values: { ":v0": { N: "3" } } });
  });

  it("between", () => {
    expect(compile(cond.between("age", 1, 5))).toEqual({
      expression: "#n0 BETWEEN :v0 AND :v1",
      names: { "#n0": "age" },
      values: { ":v0": { N: "1" }, ":v1": { N: "5" } },
    });
  });

  it("in", () => {
    expect(compile(cond.in("status", ["a", "b"]))).toEqual({
      expression: "#n0 IN (:v0, :v1)",
      names: { "#n0": "status" },
      values: { ":v0": { S: "a" }, ":v1": { S: "b" } },
    });
  });

  it("begins_with and contains", () => {
    expect(compile(cond.beginsWith("sk", "USER#"))).toEqual({
      expression: "begins_with(#n0, :v0)",
      names: { "#n0": "sk" },
      values: { ":v0": { S: "USER#" } },
    });
    expect(compile(cond.contains("tags", "x"))).toEqual({
      expression: "contains(#n0, :v0)",
      names: { "#n0": "tags" },
      values: { ":v0": { S: "x" } },
    });
  });

  it("attribute_exists, attribute_not_exists, attribute_type", () => {
    expect(compile(cond.attributeExists("id"))).toEqual({ expression: "attribute_exists(#n0)", names: { "#n0": "id" }, values: undefined });
    expect(compile(cond.attributeNotExists("id"))).toEqual({
      expression: "attribute_not_exists(#n0)",
      names: { "#n0": "id" },
      values: undefined,
    });
    expect(compile(cond.attributeType("tags", "SS"))).toEqual({
      expression: "attribute_type(#n0, :v0)",
      names: { "#n0": "tags" },
      values: { ":v0": { S: "SS" } },
    });
    // @ts-expect-error not a DynamoDB type
    expect(() => cond.attributeType("tags", "STRING")).toThrow(InvalidParameter);
  });

  it("size() as an operand, on either side and in BETWEEN / IN", () => {
    expect(compile(cond.compare("gt", operand.size("tags"), operand.value(2)))).toEqual({
      expression: "size(#n0) > :v0",
      names: { "#n0": "tags" },
      values: { ":v0": { N: "2" } },
    });
    expect(compile(cond.compare("lt", operand.value(2), operand.size("tags"))).expression).toBe(":v0 < size(#n0)");
    expect(compile(cond.betweenOperands(operand.size("a"), operand.value(1), operand.value(3))).expression).toBe(
      "size(#n0) BETWEEN :v0 AND :v1",
    );
    expect(compile(cond.inOperands(operand.size("a"), [operand.value(1), operand.value(2)])).expression).toBe("size(#n0) IN (:v0, :v1)");
  });

  it("compares two paths, and takes pre-encoded values verbatim", () => {
    expect(compile(cond.compare("eq", operand.path("a"), operand.path("b.c")))).toEqual({
      expression: "#n0 = #n1.#n2",
      names: { "#n0": "a", "#n1": "b", "#n2": "c" },
      values: undefined,
    });
    expect(compile(cond.compare("eq", operand.path("a"), operand.attributeValue({ S: "raw" }))).values).toEqual({ ":v0": { S: "raw" } });
    expect(compile(cond.inOperands(operand.path("a"), [operand.path("b"), operand.value(1)])).expression).toBe("#n0 IN (#n1, :v0)");
  });
});

describe("compileCondition: paths and names", () => {
  it("nested paths with list indexes", () => {
    expect(compile(cond.eq("a.b[2]", 1))).toEqual({
      expression: "#n0.#n1[2] = :v0",
      names: { "#n0": "a", "#n1": "b" },
      values: { ":v0": { N: "1" } },
    });
    expect(compile(cond.eq("m[0][1].x", 1)).expression).toBe("#n0[0][1].#n1 = :v0");
  });

  it("reuses the placeholder of a repeated name, across paths", () => {
    expect(compile(cond.and(cond.eq("a.a", 1), cond.gt("a", 2), cond.lt("b.a", 3)))).toEqual({
      expression: "#n0.#n0 = :v0 AND #n0 > :v1 AND #n1.#n0 < :v2",
      names: { "#n0": "a", "#n1": "b" },
      values: { ":v0": { N: "1" }, ":v1": { N: "2" }, ":v2": { N: "3" } },
    });
  });

  it.each(["with#hash", "with:colon", "with space", "ünïcödé 日本", "__proto__", "constructor", "order", "size", "AND", "(", "a = :v0"])(
    "keeps the name %j out of the expression string",
    (name) => {
      const result = compile(cond.eq([{ kind: "name", name }], 1));
      expect(result).toEqual({ expression: "#n0 = :v0", names: { "#n0": name }, values: { ":v0": { N: "1" } } });
    },
  );

  it("keeps a name containing a dot as one name when given as segments", () => {
    expect(compile(cond.eq([{ kind: "name", name: "a.b" }], 1))).toEqual({
      expression: "#n0 = :v0",
      names: { "#n0": "a.b" },
      values: { ":v0": { N: "1" } },
    });
  });
});

describe("compileCondition: logic, precedence and groups", () => {
  const a = cond.lt("a", 1);
  const b = cond.ge("b", 2);
  const c = cond.eq("c", 3);

  it("an OR inside an AND is parenthesised", () => {
    expect(compile(cond.and(cond.or(a, b), c)).expression).toBe("(#n0 < :v0 OR #n1 >= :v1) AND #n2 = :v2");
  });

  it("an AND inside an OR is not (AND binds tighter)", () => {
    expect(compile(cond.or(a, cond.and(b, c))).expression).toBe("#n0 < :v0 OR #n1 >= :v1 AND #n2 = :v2");
    expect(compile(cond.or(cond.and(a, b), c)).expression).toBe("#n0 < :v0 AND #n1 >= :v1 OR #n2 = :v2");
  });

  it("nested ANDs and ORs flatten in output without changing meaning", () => {
    expect(compile(cond.and(cond.and(a, b), c)).expression).toBe("#n0 < :v0 AND #n1 >= :v1 AND #n2 = :v2");
    expect(compile(cond.or(a, cond.or(b, c))).expression).toBe("#n0 < :v0 OR #n1 >= :v1 OR #n2 = :v2");
  });

  it("NOT: functions bare, everything else parenthesised", () => {
    expect(compile(cond.not(cond.contains("tags", "x"))).expression).toBe("NOT contains(#n0, :v0)");
    expect(compile(cond.not(cond.attributeExists("a"))).expression).toBe("NOT attribute_exists(#n0)");
    expect(compile(cond.not(a)).expression).toBe("NOT (#n0 < :v0)");
    expect(compile(cond.not(cond.between("a", 1, 2))).expression).toBe("NOT (#n0 BETWEEN :v0 AND :v1)");
    expect(compile(cond.not(cond.in("a", [1]))).expression).toBe("NOT (#n0 IN (:v0))");
    expect(compile(cond.not(cond.and(a, b))).expression).toBe("NOT (#n0 < :v0 AND #n1 >= :v1)");
    expect(compile(cond.not(cond.not(a))).expression).toBe("NOT (NOT (#n0 < :v0))");
    expect(compile(cond.and(cond.not(a), cond.not(b))).expression).toBe("NOT (#n0 < :v0) AND NOT (#n1 >= :v1)");
    expect(compile(cond.or(cond.not(a), b)).expression).toBe("NOT (#n0 < :v0) OR #n1 >= :v1");
  });

  it("groups are always parenthesised, once", () => {
    expect(compile(cond.group(a)).expression).toBe("(#n0 < :v0)");
    expect(compile(cond.and(c, cond.group(cond.or(a, b)))).expression).toBe("#n0 = :v0 AND (#n1 < :v1 OR #n2 >= :v2)");
    expect(compile(cond.not(cond.group(cond.or(a, b)))).expression).toBe("NOT (#n0 < :v0 OR #n1 >= :v1)");
    // DynamoDB refuses "((...))" with "The expression has redundant parentheses" (found by the differential test)
    expect(compile(cond.group(cond.group(a))).expression).toBe("(#n0 < :v0)");
    expect(compile(cond.not(cond.group(cond.group(cond.and(a, b))))).expression).toBe("NOT (#n0 < :v0 AND #n1 >= :v1)");
    expect(compile(cond.and(c, cond.group(cond.group(cond.group(cond.or(a, b)))))).expression).toBe(
      "#n0 = :v0 AND (#n1 < :v1 OR #n2 >= :v2)",
    );
    expect(compile(cond.group(cond.raw("(#x = :x)", { "#x": "x" }, { ":x": 1 }))).expression).toBe("(#n0 = :v0)");
    expect(compile(cond.group(cond.raw("(#x = :x) OR (#x = :y)", { "#x": "x" }, { ":x": 1, ":y": 2 }))).expression).toBe(
      "((#n0 = :v0) OR (#n0 = :v1))",
    );
  });

  it("deep nesting", () => {
    const node = cond.or(cond.and(cond.or(a, cond.and(b, cond.not(cond.or(c, a)))), b), c);
    expect(compile(node).expression).toBe("(#n0 < :v0 OR #n1 >= :v1 AND NOT (#n2 = :v2 OR #n0 < :v3)) AND #n1 >= :v4 OR #n2 = :v5");
  });

  it("a one-child AND/OR compiles as its child; an empty one is refused", () => {
    expect(compile({ kind: "and", conditions: [{ kind: "or", conditions: [a] }] }).expression).toBe("#n0 < :v0");
    expect(() => compile({ kind: "and", conditions: [] })).toThrow("An AND condition needs at least one condition.");
    expect(() => compile({ kind: "or", conditions: [] })).toThrow(InvalidParameter);
  });
});

describe("compileCondition: values and the encoder", () => {
  it("passes the compared path to the encoder", () => {
    const seen: string[] = [];
    const encode: ValueEncoder = (path, value) => {
      seen.push(JSON.stringify(path));
      return defaultEncoder(path, value instanceof Date ? value.getTime() : value);
    };
    const result = compile(cond.and(cond.eq("at", new Date(5)), cond.beginsWith("a.b", "x"), cond.in("c", [1, 2])), encode);
    expect(result.values).toEqual({ ":v0": { N: "5" }, ":v1": { S: "x" }, ":v2": { N: "1" }, ":v3": { N: "2" } });
    expect(seen).toEqual([
      JSON.stringify(parsePath("at")),
      JSON.stringify(parsePath("a.b")),
      JSON.stringify(parsePath("c")),
      JSON.stringify(parsePath("c")),
    ]);
  });

  it("does not pass size() comparisons to the model's encoder", () => {
    const encode: ValueEncoder = () => {
      throw new Error("must not be called");
    };
    expect(compile(cond.compare("gt", operand.size("tags"), operand.value(2)), encode).values).toEqual({ ":v0": { N: "2" } });
  });

  it("encodes sets, lists, maps, null and binary with the default encoder", () => {
    const result = compile(
      cond.and(
        cond.eq("s", new Set(["x", "y"])),
        cond.eq("l", [1, "a"]),
        cond.eq("m", { k: true }),
        cond.eq("n", null),
        cond.eq("b", new Uint8Array([1])),
      ),
    );
    expect(result.values).toEqual({
      ":v0": { SS: ["x", "y"] },
      ":v1": { L: [{ N: "1" }, { S: "a" }] },
      ":v2": { M: { k: { BOOL: true } } },
      ":v3": { NULL: true },
      ":v4": { B: new Uint8Array([1]) },
    });
  });

  it("refuses undefined values, naming the path", () => {
    expect(() => compile(cond.eq("a.b", undefined))).toThrow('eq on "a.b" was given undefined; pass a value.');
  });

  it("user text never reaches the expression string", () => {
    const result = compile(cond.eq("name", "x OR 1 = 1"));
    expect(result.expression).toBe("#n0 = :v0");
    expect(result.values).toEqual({ ":v0": { S: "x OR 1 = 1" } });
  });
});

describe("compileCondition: raw nodes", () => {
  it("re-maps a raw expression's placeholders into the registry", () => {
    const raw = cond.raw("#a = :a OR #b > :b", { "#a": "id", "#b": "age" }, { ":a": { S: "x" }, ":b": 3 });
    expect(compile(raw)).toEqual({
      expression: "#n0 = :v0 OR #n1 > :v1",
      names: { "#n0": "id", "#n1": "age" },
      values: { ":v0": { S: "x" }, ":v1": { N: "3" } },
    });
  });

  it("does not collide with placeholders the registry already allocated, and reuses shared names", () => {
    const raw = cond.raw("#n0 = :v0 AND #n0 <> :v1", { "#n0": "age" }, { ":v0": { N: "1" }, ":v1": { N: "2" } });
    expect(compile(cond.and(cond.eq("id", "a"), raw, cond.eq("age", 5)))).toEqual({
      expression: "#n0 = :v0 AND (#n1 = :v1 AND #n1 <> :v2) AND #n1 = :v3",
      names: { "#n0": "id", "#n1": "age" },
      values: { ":v0": { S: "a" }, ":v1": { N: "1" }, ":v2": { N: "2" }, ":v3": { N: "5" } },
    });
  });

  it("sends a Date value as epoch milliseconds, at any depth (not as an empty map)", () => {
    const raw = cond.raw(
      "#b > :d AND #m = :m",
      { "#b": "born", "#m": "meta" },
      { ":d": new Date(5), ":m": { at: new Date(7), list: [new Date(9)] } },
    );
    expect(compile(raw).values).toEqual({
      ":v0": { N: "5" },
      ":v1": { M: { at: { N: "7" }, list: { L: [{ N: "9" }] } } },
    });
  });

  it("maps a placeholder used twice to one placeholder", () => {
    expect(compile(cond.raw("#a = :x OR #a = :x", { "#a": "k" }, { ":x": { N: "1" } }))).toEqual({
      expression: "#n0 = :v0 OR #n0 = :v0",
      names: { "#n0": "k" },
      values: { ":v0": { N: "1" } },
    });
  });

  it("refuses placeholders that are not defined", () => {
    expect(() => compile(cond.raw("#a = :a", {}, { ":a": 1 }))).toThrow(
      'The raw condition "#a = :a" uses #a, which is not defined in ExpressionAttributeNames.',
    );
    expect(() => compile(cond.raw("#a = :a", { "#a": "x" }, {}))).toThrow("uses :a, which is not defined in ExpressionAttributeValues");
    expect(() => compile(cond.raw("#a = :toString", { "#a": "x" }, {}))).toThrow(InvalidParameter);
    expect(() => compile(cond.raw("  "))).toThrow("A raw condition needs a non-empty expression string.");
  });

  it("is parenthesised under NOT", () => {
    expect(compile(cond.not(cond.raw("attribute_exists(#a)", { "#a": "x" }))).expression).toBe("NOT (attribute_exists(#n0))");
  });
});

describe("compileCondition: malformed nodes", () => {
  it("refuses an unknown node kind", () => {
    // @ts-expect-error deliberately malformed
    expect(() => compile({ kind: "xor", conditions: [] })).toThrow('Unknown condition node kind: "xor".');
    // @ts-expect-error deliberately malformed
    expect(() => compile(cond.compare("eq", { kind: "nope" }, operand.value(1)))).toThrow('Unknown operand kind: "nope".');
  });

  it("refuses an empty IN", () => {
    expect(() => cond.in("a", [])).toThrow('IN on "a" needs a non-empty array of values.');
    expect(() => compile(cond.inOperands(operand.path("a"), []))).toThrow('IN on "a" needs at least one value.');
  });
});

describe("compileCondition: operand types DynamoDB refuses", () => {
  it("<, <=, >, >= and BETWEEN take strings, numbers and binary only", () => {
    for (const op of ["lt", "le", "gt", "ge"] as const) {
      expect(() => compile(cond[op]("flag", true))).toThrow(
        expect.objectContaining({
          name: "TypeMismatch",
          code: "invalid_operand_type",
          path: "flag",
          expected: "S | N | B",
          received: "BOOL",
        }),
      );
    }
    expect(() => compile(cond.between("a", null, 1))).toThrow(expect.objectContaining({ code: "invalid_operand_type", received: "NULL" }));
    expect(() => compile(cond.between("a", 1, ["x"]))).toThrow(expect.objectContaining({ code: "invalid_operand_type", received: "L" }));
    expect(() => compile(cond.lt("a", { b: 1 }))).toThrow(
      'lt on "a" takes a string, number, binary value, not a map (DynamoDB refuses it).',
    );
    expect(() => compile(cond.compare("gt", operand.size("a"), operand.attributeValue({ BOOL: true })))).toThrow(
      expect.objectContaining({ code: "invalid_operand_type", path: "" }),
    );
    expect(compile(cond.lt("a", Buffer.from("x"))).expression).toBe("#n0 < :v0");
    expect(compile(cond.between("a", "a", "b")).expression).toBe("#n0 BETWEEN :v0 AND :v1");
  });

  it("begins_with takes strings and binary only; =, <>, IN and contains take anything", () => {
    expect(() => compile(cond.beginsWith("a", 1 as never))).toThrow(
      expect.objectContaining({ code: "invalid_operand_type", received: "N" }),
    );
    expect(compile(cond.beginsWith("a", Buffer.from("x") as never)).expression).toBe("begins_with(#n0, :v0)");
    expect(compile(cond.eq("a", true)).expression).toBe("#n0 = :v0");
    expect(compile(cond.ne("a", null)).expression).toBe("#n0 <> :v0");
    expect(compile(cond.in("a", [true, null, ["x"]])).expression).toBe("#n0 IN (:v0, :v1, :v2)");
    expect(compile(cond.contains("a", 1)).expression).toBe("contains(#n0, :v0)");
  });
});

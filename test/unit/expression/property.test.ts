import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ConditionNode, cond, operand, type Path, type PathSegment, parsePath, pathToString } from "../../../src/expression/index.js";
import { compile } from "./helpers.js";

const NASTY_NAMES = [
  "__proto__",
  "constructor",
  "toString",
  "order",
  "size",
  "AND",
  "NOT",
  "a = :v0",
  "#n0",
  ":v0",
  "x.y",
  "a[0]",
  "(",
  " ",
];

const nameArb = fc.oneof(fc.constantFrom(...NASTY_NAMES), fc.string({ minLength: 1, maxLength: 8, unit: "binary" }));
const segmentArb: fc.Arbitrary<PathSegment> = fc.oneof(
  nameArb.map((name) => ({ kind: "name", name }) as const),
  fc.nat({ max: 50 }).map((index) => ({ kind: "index", index }) as const),
);
const pathArb: fc.Arbitrary<Path> = fc
  .tuple(nameArb, fc.array(segmentArb, { maxLength: 3 }))
  .map(([first, rest]) => [{ kind: "name", name: first } as const, ...rest]);
const valueArb = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
);
const opArb = fc.constantFrom("eq", "ne", "lt", "le", "gt", "ge" as const);
// DynamoDB orders strings, numbers and binary only (the compiler refuses other values for <, <=, >, >=, BETWEEN)
const orderedValueArb = fc.oneof(fc.string({ unit: "binary" }), fc.integer());
const orderedOpArb = fc.constantFrom("lt", "le", "gt", "ge" as const);

const leafArb: fc.Arbitrary<ConditionNode> = fc.oneof(
  fc.tuple(fc.constantFrom("eq", "ne" as const), pathArb, valueArb).map(([op, path, value]) => cond[op](path, value)),
  fc.tuple(orderedOpArb, pathArb, orderedValueArb).map(([op, path, value]) => cond[op](path, value)),
  fc.tuple(opArb, pathArb, fc.nat()).map(([op, path, n]) => cond.compare(op, operand.size(path), operand.value(n))),
  fc.tuple(opArb, pathArb, pathArb).map(([op, a, b]) => cond.compare(op, operand.path(a), operand.path(b))),
  fc.tuple(pathArb, orderedValueArb, orderedValueArb).map(([path, low, high]) => cond.between(path, low, high)),
  fc.tuple(pathArb, fc.array(valueArb, { minLength: 1, maxLength: 4 })).map(([path, values]) => cond.in(path, values)),
  fc.tuple(pathArb, fc.string({ unit: "binary" })).map(([path, v]) => cond.beginsWith(path, v)),
  fc.tuple(pathArb, valueArb).map(([path, v]) => cond.contains(path, v)),
  pathArb.map((path) => cond.attributeExists(path)),
  pathArb.map((path) => cond.attributeNotExists(path)),
  fc.tuple(pathArb, fc.constantFrom("S", "N", "SS", "M", "L" as const)).map(([path, t]) => cond.attributeType(path, t)),
  fc.tuple(nameArb, valueArb).map(([name, v]) => cond.raw("#x = :x OR attribute_exists(#x)", { "#x": name }, { ":x": v })),
);

const treeArb: fc.Arbitrary<ConditionNode> = fc.letrec<{ node: ConditionNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leafArb,
    fc.array(tie("node"), { minLength: 1, maxLength: 3 }).map((children) => cond.and(...children)),
    fc.array(tie("node"), { minLength: 1, maxLength: 3 }).map((children) => cond.or(...children)),
    tie("node").map((child) => cond.not(child)),
    tie("node").map((child) => cond.group(child)),
  ),
})).node;

const KEYWORDS = /\b(?:AND|OR|NOT|BETWEEN|IN|begins_with|contains|attribute_exists|attribute_not_exists|attribute_type|size)\b/g;
const PLACEHOLDERS = /[#:][nv]\d+/g;

describe("compileCondition: properties", () => {
  it("random trees compile to strings with only placeholders, operators, functions and parentheses", () => {
    fc.assert(
      fc.property(treeArb, (node) => {
        const { expression, names = {}, values = {} } = compile(node);
        const leftover = expression
          .replace(PLACEHOLDERS, "")
          .replace(KEYWORDS, "")
          .replace(/\[\d+\]/g, "")
          .replace(/<>|<=|>=|[<>=(),.\s]/g, "");
        expect(leftover).toBe("");
        const used = new Set(expression.match(PLACEHOLDERS) ?? []);
        for (const placeholder of used) {
          expect(placeholder.startsWith("#") ? Object.hasOwn(names, placeholder) : Object.hasOwn(values, placeholder)).toBe(true);
        }
        // every allocated placeholder is used (DynamoDB refuses unused names and values)
        expect(new Set([...Object.keys(names), ...Object.keys(values)])).toEqual(used);
      }),
      { numRuns: 500 },
    );
  });

  it("parentheses preserve the tree's meaning under DynamoDB precedence", () => {
    // leaves are comparisons whose value placeholder :vK identifies the K-th leaf; evaluate both sides
    const shapeArb: fc.Arbitrary<ConditionNode> = fc.letrec<{ node: ConditionNode }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constant(cond.eq("a", 0)),
        fc.array(tie("node"), { minLength: 2, maxLength: 3 }).map((children) => cond.and(...children)),
        fc.array(tie("node"), { minLength: 2, maxLength: 3 }).map((children) => cond.or(...children)),
        tie("node").map((child) => cond.not(child)),
        tie("node").map((child) => cond.group(child)),
      ),
    })).node;
    fc.assert(
      fc.property(shapeArb, fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }), (node, truth) => {
        const { expression } = compile(node);
        let leaf = 0;
        const evalTree = (n: ConditionNode): boolean => {
          switch (n.kind) {
            case "and":
              return n.conditions.map(evalTree).every(Boolean);
            case "or":
              return n.conditions.map(evalTree).some(Boolean);
            case "not":
              return !evalTree(n.condition);
            case "group":
              return evalTree(n.condition);
            default:
              return truth[leaf++ % 64] ?? false;
          }
        };
        expect(evaluate(expression, truth)).toBe(evalTree(node));
      }),
      { numRuns: 500 },
    );
  });

  it("parsePath and pathToString round-trip", () => {
    const plainName = fc.string({ minLength: 1, maxLength: 6, unit: "binary" }).filter((s) => !/[.[\]]/.test(s));
    const plainSegment: fc.Arbitrary<PathSegment> = fc.oneof(
      plainName.map((name) => ({ kind: "name", name }) as const),
      fc.nat({ max: 1000 }).map((index) => ({ kind: "index", index }) as const),
    );
    fc.assert(
      fc.property(plainName, fc.array(plainSegment, { maxLength: 5 }), (first, rest) => {
        const path: Path = [{ kind: "name", name: first }, ...rest];
        expect(parsePath(pathToString(path))).toEqual(path);
      }),
    );
  });
});

/** A tiny DynamoDB-precedence evaluator for expressions made of `#n0 = :vK`, AND, OR, NOT and parentheses. */
function evaluate(expression: string, truth: readonly boolean[]): boolean {
  const tokens = expression.match(/\(|\)|AND|OR|NOT|#n\d+ = :v\d+/g) ?? [];
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const orExpr = (): boolean => {
    let value = andExpr();
    while (peek() === "OR") {
      i++;
      const right = andExpr();
      value = value || right;
    }
    return value;
  };
  const andExpr = (): boolean => {
    let value = notExpr();
    while (peek() === "AND") {
      i++;
      const right = notExpr();
      value = value && right;
    }
    return value;
  };
  const notExpr = (): boolean => {
    if (peek() === "NOT") {
      i++;
      return !notExpr();
    }
    return atom();
  };
  const atom = (): boolean => {
    const token = tokens[i++];
    if (token === "(") {
      const value = orExpr();
      if (tokens[i++] !== ")") throw new Error(`unbalanced: ${expression}`);
      return value;
    }
    const k = Number(/:v(\d+)/.exec(token ?? "")?.[1]);
    return truth[k % 64] ?? false;
  };
  const result = orExpr();
  if (i !== tokens.length) throw new Error(`trailing tokens in ${expression}`);
  return result;
}

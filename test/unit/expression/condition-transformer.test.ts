/** The one walk over the condition node kinds, the alias pass written on it, and the one freezing rule of the AST (paths). */
import { describe, expect, it } from "vitest";
import { resolveAliases } from "../../../src/bind/alias-pass.js";
import { ConditionTransformer } from "../../../src/expression/condition-transformer.js";
import { type ConditionNode, cond, operand, type Path, parsePath, pathToString } from "../../../src/expression/index.js";
import { Schema } from "../../../src/schema/schema.js";
import { compile } from "./helpers.js";

/** Every node kind once, with paths on every side that can hold one. */
const everyKind: ConditionNode = cond.and(
  cond.eq("a", 1),
  cond.compare("gt", operand.size("b"), operand.path("c")),
  cond.between("d", 1, 2),
  cond.betweenOperands(operand.size("e"), operand.value(1), operand.value(2)),
  cond.in("f", [1, 2]),
  cond.inOperands(operand.path("g"), [operand.path("h"), operand.value(3)]),
  cond.beginsWith("i.j", "x"),
  cond.contains("k[0]", "y"),
  cond.attributeExists("l"),
  cond.attributeNotExists("m"),
  cond.attributeType("n", "S"),
  cond.or(cond.not(cond.eq("o", 1)), cond.group(cond.eq("p", 2))),
  cond.raw("#q = :q", { "#q": "q" }, { ":q": { S: "z" } }),
);

/** Upper-cases every attribute name: shows which paths the walk reaches. */
class Upper extends ConditionTransformer {
  protected override transformPath(path: Path): Path {
    return parsePath(pathToString(path).toUpperCase());
  }
}

/**
 * Whether every path in the AST below `value` is frozen (the template cache keys path ids by identity). Nodes
 * themselves are readonly by type, not frozen: `Object.freeze` is a runtime call per node, ≈1 µs per query.
 */
function pathsFrozen(value: unknown): boolean {
  if (value === null || typeof value !== "object") return true;
  const node = value as { kind?: string; path?: unknown };
  if (node.kind === "value" || node.kind === "attribute_value" || node.kind === "raw") return true;
  if (node.path !== undefined) {
    const path = node.path as readonly object[];
    if (!Object.isFrozen(path) || !path.every((segment) => Object.isFrozen(segment))) return false;
  }
  return Object.entries(value).every(([key, child]) => key === "path" || pathsFrozen(child));
}

describe("ConditionTransformer", () => {
  it("returns the very node when no hook changes anything (nothing is rebuilt)", () => {
    expect(new ConditionTransformer().transformCondition(everyKind)).toBe(everyKind);
  });

  it("reaches every path of every node kind, in document order, and leaves raw expressions alone", () => {
    const { expression, names } = compile(new Upper().transformCondition(everyKind));
    expect(expression).toBe(compile(everyKind).expression);
    expect(Object.values(names ?? {})).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "q"]);
  });

  it("builds rewritten nodes with frozen paths, as the factories do", () => {
    expect(pathsFrozen(new Upper().transformCondition(everyKind))).toBe(true);
  });
});

describe("paths are frozen at creation", () => {
  it("every factory's paths are frozen, at every depth of the tree", () => {
    expect(pathsFrozen(cond.and(cond.eq("a", 1), cond.eq("b", 2)))).toBe(true);
    expect(pathsFrozen(everyKind)).toBe(true);
    expect(pathsFrozen(operand.path("a.b"))).toBe(true);
    expect(pathsFrozen({ kind: "path", path: [{ kind: "name", name: "a" }] })).toBe(false);
  });
});

describe("the alias pass", () => {
  const schema = new Schema({
    id: String,
    email: { type: String, alias: "mail" },
    profile: { type: Object, map: "p", schema: { age: Number } },
  });

  it("rewrites aliased first segments on every side and returns the node itself when nothing is aliased", () => {
    const node = cond.and(cond.eq("mail", "x"), cond.compare("gt", operand.size("p.age"), operand.path("mail")), cond.eq("id", 1));
    const { names } = compile(resolveAliases(node, schema));
    expect(Object.values(names ?? {})).toEqual(["email", "profile", "age", "id"]);
    const plain = cond.eq("id", 1);
    expect(resolveAliases(plain, schema)).toBe(plain);
    expect(pathsFrozen(resolveAliases(node, schema))).toBe(true);
  });
});

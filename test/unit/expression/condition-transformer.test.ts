/** The one walk over the condition node kinds, the alias pass written on it, and the one freezing rule of the AST. */
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

/** Whether a node and everything of the AST below it is frozen (user values inside are the user's, and not looked into). */
function frozenDeep(value: unknown): boolean {
  if (value === null || typeof value !== "object") return true;
  if (!Object.isFrozen(value)) return false;
  const node = value as { kind?: string; values?: unknown };
  if (node.kind === "value" || node.kind === "attribute_value") return true;
  if (node.kind === "raw") return Object.isFrozen(node.values) && frozenDeep((value as { names: unknown }).names);
  return Object.values(value).every(frozenDeep);
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

  it("builds rewritten nodes frozen, as the factories do", () => {
    expect(frozenDeep(new Upper().transformCondition(everyKind))).toBe(true);
  });
});

describe("the AST is frozen at creation", () => {
  it("every factory freezes its node, operands, paths and child lists", () => {
    expect(frozenDeep(cond.and(cond.eq("a", 1), cond.eq("b", 2)))).toBe(true);
    expect(frozenDeep(everyKind)).toBe(true);
    expect(frozenDeep(operand.path("a.b"))).toBe(true);
    expect(frozenDeep(operand.value(3))).toBe(true);
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
    expect(frozenDeep(resolveAliases(node, schema))).toBe(true);
  });
});

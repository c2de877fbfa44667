/**
 * Index selection for a query: which key (the table's or a secondary index's) the conditions fit, and which
 * top-level AND conjuncts become the key condition. Pure: no I/O, no compiling.
 *
 * @module
 * @internal
 */
import { factOf, type SchemaFact } from "../bind/schema-facts.js";
import { InvalidParameter } from "../errors.js";
import { conjuncts, mentionedAttributes } from "../expression/conjuncts.js";
import type { ConditionNode } from "../expression/index.js";
import type { Schema } from "../schema/schema.js";
import { leadingComparison, withoutLeading } from "./leading-comparison.js";

/**
 * A key a query can use: the table's (`name` undefined), a secondary index's, or (`type: "undeclared"`) an index
 * named by `using()` but not declared in the schema, whose keys are taken to be the table's (as Dynamoose does).
 *
 * @example
 * ```ts
 * const key: KeySpec = { name: "nameIdx", type: "global", hashKey: "name", rangeKey: "age" };
 * ```
 */
export interface KeySpec {
  /** The index name; `undefined` for the table's own key. */
  readonly name: string | undefined;
  readonly type: "table" | "global" | "local" | "undeclared";
  readonly hashKey: string;
  readonly rangeKey: string | undefined;
}

/**
 * How one key fared against the conditions.
 *
 * @example
 * ```ts
 * const c: Candidate = { key, fits: false, usesRange: false, why: 'no top-level "name" = value condition' };
 * ```
 */
export interface Candidate {
  readonly key: KeySpec;
  /** A top-level `hashKey = value` conjunct exists. */
  readonly fits: boolean;
  /** A top-level range key conjunct exists too. */
  readonly usesRange: boolean;
  /** Why it fits or does not. */
  readonly why: string;
}

/**
 * The outcome of index selection: the key used, the key condition's parts, the rest (the filter) and why.
 *
 * @example
 * ```ts
 * const { key, hash, range, filter, reason } = selectKey(schema, node, undefined);
 * ```
 */
export interface KeySelection {
  readonly key: KeySpec;
  readonly hash: ConditionNode;
  readonly range: ConditionNode | undefined;
  /** The conjuncts left for the FilterExpression, in their original order. */
  readonly filter: readonly ConditionNode[];
  readonly reason: string;
  readonly candidates: readonly Candidate[];
}

/** Schemas are immutable: their keys are listed once, frozen, and shared by every query. */
const keySpecsFact: SchemaFact<readonly KeySpec[]> = {
  name: "key specs",
  build(schema) {
    const table: KeySpec = Object.freeze({ name: undefined, type: "table", hashKey: schema.hashKey, rangeKey: schema.rangeKey });
    const indexes = schema
      .indexes()
      .map((i): KeySpec => Object.freeze({ name: i.name, type: i.type, hashKey: i.hashKey, rangeKey: i.rangeKey }));
    return Object.freeze([table, ...indexes]);
  },
};

/**
 * The table's key followed by every secondary index of the schema, in declaration order.
 *
 * @example
 * ```ts
 * keySpecs(schema); // [{name: undefined, type: "table", hashKey: "id", rangeKey: "sk"}, {name: "nameIdx", ...}]
 * ```
 */
export function keySpecs(schema: Schema): readonly KeySpec[] {
  return factOf(schema, keySpecsFact);
}

/**
 * The key of an index `using()` names that the schema does not declare (managed elsewhere, e.g. by CloudFormation):
 * `IndexName` is sent as given and its keys are taken to be the table's, which is right for a local index.
 *
 * @example
 * ```ts
 * undeclaredKey(schema, "byStatus"); // { name: "byStatus", type: "undeclared", hashKey: "id", rangeKey: "sk" }
 * ```
 */
export function undeclaredKey(schema: Schema, name: string): KeySpec {
  return Object.freeze({ name, type: "undeclared", hashKey: schema.hashKey, rangeKey: schema.rangeKey });
}

/** Why a query on an undeclared index uses the keys it uses (its `explain()` reason). */
function undeclaredAssumption(key: KeySpec): string {
  const keys = key.rangeKey === undefined ? key.hashKey : `${key.hashKey}, ${key.rangeKey}`;
  return `index "${key.name}" is not declared in the schema: its keys are taken to be the table's (${keys}); declare it in the schema if they differ`;
}

/**
 * Describes a key for messages.
 *
 * @example
 * ```ts
 * describeKey({ name: "nameIdx", type: "global", hashKey: "name", rangeKey: "age" }); // 'index "nameIdx" (global; hash "name", range "age")'
 * ```
 */
export function describeKey(key: KeySpec): string {
  if (key.type === "undeclared") return `index "${key.name}" (not declared in the schema)`;
  const range = key.rangeKey === undefined ? "" : `, range "${key.rangeKey}"`;
  return key.name === undefined
    ? `the table key (hash "${key.hashKey}"${range})`
    : `index "${key.name}" (${key.type}; hash "${key.hashKey}"${range})`;
}

const isTopAttribute = (path: readonly { kind: string; name?: string }[], name: string): boolean =>
  path.length === 1 && path[0]?.kind === "name" && path[0].name === name;

/** `name = value` (a comparison of the bare attribute with a value). */
function isHashCondition(node: ConditionNode, name: string): boolean {
  return (
    node.kind === "comparison" &&
    node.operator === "eq" &&
    node.left.kind === "path" &&
    isTopAttribute(node.left.path, name) &&
    node.right.kind === "value"
  );
}

/** A comparison DynamoDB accepts on a range key: `= < <= > >=`, BETWEEN, begins_with, against values. */
function isRangeCondition(node: ConditionNode, name: string): boolean {
  switch (node.kind) {
    case "comparison":
      return node.operator !== "ne" && node.left.kind === "path" && isTopAttribute(node.left.path, name) && node.right.kind === "value";
    case "between":
      return (
        node.subject.kind === "path" && isTopAttribute(node.subject.path, name) && node.low.kind === "value" && node.high.kind === "value"
      );
    case "begins_with":
      return isTopAttribute(node.path, name) && node.value.kind === "value";
    default:
      return false;
  }
}

function whyNot(key: KeySpec, parts: readonly ConditionNode[]): string {
  const hash = key.hashKey;
  const mentioned = parts.filter((p) => mentionedAttributes(p).has(hash));
  if (mentioned.length === 0) return `no condition on "${hash}"`;
  if (mentioned.some((p) => p.kind === "in"))
    return `"${hash}" is compared with in(); a key condition needs one value (query each value separately)`;
  if (mentioned.some((p) => p.kind === "or" || p.kind === "group" || p.kind === "not")) {
    return `"${hash}" is only compared inside or()/not()/a group; the hash key equality must be joined with AND to the rest (group the alternatives: query("${hash}").eq(v).parenthesis((c) => c.where(...).or().where(...)))`;
  }
  return `"${hash}" is not compared with eq(value)`;
}

interface Evaluation {
  readonly candidate: Candidate;
  readonly hashAt: number;
  readonly rangeAt: number;
}

/** Evaluates one key against the conjuncts. */
function evaluate(key: KeySpec, parts: readonly ConditionNode[]): Evaluation {
  const hashAt = parts.findIndex((p) => isHashCondition(p, key.hashKey));
  if (hashAt < 0) return { candidate: { key, fits: false, usesRange: false, why: whyNot(key, parts) }, hashAt, rangeAt: -1 };
  const rangeKey = key.rangeKey;
  const rangeAt = rangeKey === undefined ? -1 : parts.findIndex((p, i) => i !== hashAt && isRangeCondition(p, rangeKey));
  const usesRange = rangeAt >= 0;
  const why = usesRange
    ? `"${key.hashKey}" = value and a key comparison on range "${rangeKey}"`
    : rangeKey === undefined
      ? `"${key.hashKey}" = value`
      : `"${key.hashKey}" = value; no key comparison on range "${rangeKey}"`;
  return { candidate: { key, fits: true, usesRange, why }, hashAt, rangeAt };
}

function notFound(message: string, candidates: readonly Candidate[]): InvalidParameter {
  const lines = candidates.map((c) => `  - ${describeKey(c.key)}: ${c.fits ? "fits" : "does not fit"}: ${c.why}`);
  return new InvalidParameter(`${message}\n${lines.join("\n")}`, {
    code: "index_not_found",
    expected: 'a top-level "<hash key> = value" condition on the table key or an index',
    received: candidates.map((c) => `${c.key.name ?? "table"}: ${c.why}`).join("; "),
  });
}

/**
 * Chooses the key of a query and splits the condition into key condition and filter. Top-level AND
 * conjuncts become key conditions, so `or()` anywhere else is fine. Without `using`, keys whose hash key
 * has an `eq` are candidates; one whose range key is also compared wins, then the table key, then the first
 * declared. When none fits but the chain's first comparison is a hash key equality (`query("id").eq(x)`
 * followed by `or()`), it keys the query and the rest of the condition is the filter, as in Dynamoose
 * (see {@link hoistLeading}). `using` may name an index the schema does not declare ({@link undeclaredKey}).
 * Throws `InvalidParameter` ("Index can't be found for query.") listing every key and why it did not fit.
 *
 * @example
 * ```ts
 * selectKey(schema, new Condition("name").eq("bob").where("age").gt(3).toNode(), undefined);
 * // { key: nameIdx, hash: name = bob, range: age > 3, filter: [], reason: 'index "nameIdx" ...' }
 * ```
 */
export function selectKey(schema: Schema, node: ConditionNode | undefined, using: string | undefined): KeySelection {
  const parts = conjuncts(node);
  const specs = keySpecs(schema);
  if (using !== undefined) {
    const key = specs.find((s) => s.name === using) ?? undeclaredKey(schema, using);
    const evaluation = evaluate(key, parts);
    const { candidate } = evaluation;
    const chosenBy = key.type === "undeclared" ? undeclaredAssumption(key) : `${describeKey(key)} chosen by using()`;
    if (candidate.fits) return split(evaluation, parts, `${chosenBy}; ${candidate.why}`, [candidate]);
    const hoisted =
      hoistLeading(node, [key], [candidate], `${chosenBy}; `) ?? (key.type === "undeclared" ? keyedByLeading(node, key) : undefined);
    if (hoisted !== undefined) return hoisted;
    throw notFound(`Index can't be found for query: using("${using}") does not fit the condition.`, [candidate]);
  }
  const evaluations = specs.map((key) => evaluate(key, parts));
  const candidates = evaluations.map((e) => e.candidate);
  const fitting = evaluations.filter((e) => e.candidate.fits);
  const withRange = fitting.find((e) => e.candidate.usesRange);
  const chosen = withRange ?? fitting.find((e) => e.candidate.key.type === "table") ?? fitting[0];
  if (chosen === undefined) {
    // Only when no top-level AND part fits: the common path does none of this work.
    const hoisted = hoistLeading(node, specs, candidates, "");
    if (hoisted !== undefined) return hoisted;
    const message =
      parts.length === 0 ? "Index can't be found for query: a query needs a condition on a hash key." : "Index can't be found for query.";
    throw notFound(message, candidates);
  }
  const { key, why } = chosen.candidate;
  const rule = withRange
    ? "its hash and range keys are both compared"
    : key.type === "table"
      ? "the table key is preferred"
      : "the first index that fits";
  return split(chosen, parts, `${describeKey(key)}: ${rule} (${why})${alsoFitting(fitting, chosen)}`, candidates);
}

/** The indexes on another hash key that fit too, and how to read one of them instead (Dynamoose chooses the same way, whatever the chain starts with). */
function alsoFitting(fitting: readonly Evaluation[], chosen: Evaluation): string {
  const hash = chosen.candidate.key.hashKey;
  const others = fitting
    .filter((e) => e.candidate.key.hashKey !== hash && e.candidate.key.name !== undefined)
    .map((e) => `"${e.candidate.key.name}"`);
  if (others.length === 0) return "";
  return `; ${others.length === 1 ? "index" : "indexes"} ${others.join(", ")} ${others.length === 1 ? "fits" : "fit"} too (as in Dynamoose, the order of the chain does not choose the key): using(${others[0]}) reads it instead`;
}

function split(chosen: Evaluation, parts: readonly ConditionNode[], reason: string, candidates: readonly Candidate[]): KeySelection {
  const hash = parts[chosen.hashAt] as ConditionNode;
  const range = chosen.rangeAt >= 0 ? parts[chosen.rangeAt] : undefined;
  const filter = parts.filter((_, i) => i !== chosen.hashAt && i !== chosen.rangeAt);
  return { key: chosen.candidate.key, hash, range, filter, reason, candidates };
}

/**
 * A query on an index `using()` names but the schema does not declare, whose condition does not fit the table's
 * keys: Dynamoose sends it with `IndexName` as given. Its key is unknown, so the chain's first comparison, when it
 * is `attribute = value`, is taken to be the index's hash key condition (keys the query) and the rest filters, as
 * for a declared index the chain starts with. `undefined` when the first comparison is no equality (nothing here
 * can key the query; DynamoDB would refuse a query without a key condition).
 */
function keyedByLeading(node: ConditionNode | undefined, undeclared: KeySpec): KeySelection | undefined {
  const first = node === undefined ? undefined : leadingComparison(node);
  if (first?.kind !== "comparison" || first.operator !== "eq" || first.left.kind !== "path" || first.right.kind !== "value")
    return undefined;
  const [segment, ...more] = first.left.path;
  if (segment?.kind !== "name" || more.length > 0) return undefined;
  const key: KeySpec = Object.freeze({ name: undeclared.name, type: "undeclared", hashKey: segment.name, rangeKey: undefined });
  const tableKeys = undeclared.rangeKey === undefined ? undeclared.hashKey : `${undeclared.hashKey}, ${undeclared.rangeKey}`;
  const prefix = `index "${key.name}" is not declared in the schema and the condition does not fit the table's keys (${tableKeys}), so its hash key is taken to be "${key.hashKey}" (declare the index for range key conditions); `;
  return hoistLeading(
    node,
    [key],
    [{ key, fits: false, usesRange: false, why: `no top-level "${undeclared.hashKey}" = value condition` }],
    prefix,
  );
}

/**
 * Dynamoose's reading of a query whose chain starts with a hash key equality and goes on with `or()`: that first
 * comparison keys the query (the first of `keys`, in preference order, whose hash key it compares) and the rest of
 * the condition, without it, filters the partition: `(id = x AND a = 1) OR a = 2` reads partition `x` and filters
 * `a = 1 OR a = 2`. `undefined` when the first comparison is no hash key equality, is alone in an alternative, or
 * when the rest compares the hash key again (a filter on it is refused by DynamoDB).
 * Decided from node kinds, operators, paths and operand kinds only, so the request template cache (whose shape
 * holds exactly these) makes the same decision.
 */
function hoistLeading(
  node: ConditionNode | undefined,
  keys: readonly KeySpec[],
  candidates: readonly Candidate[],
  prefix: string,
): KeySelection | undefined {
  const first = node === undefined ? undefined : leadingComparison(node);
  if (node === undefined || first === undefined) return undefined;
  const key = keys.find((k) => isHashCondition(first, k.hashKey));
  const rest = key === undefined ? null : withoutLeading(node);
  // The hash key compared again in the rest would be a filter on a key attribute, which DynamoDB refuses.
  if (key === undefined || rest === null || mentionedAttributes(rest).has(key.hashKey)) return undefined;
  const why = `the first comparison, "${key.hashKey}" = value, is the hash key: it keys the query and the rest of the chain (with its or()) filters the partition, as in Dynamoose`;
  const chosen: Candidate = { key, fits: true, usesRange: false, why };
  return {
    key,
    hash: first,
    range: undefined,
    filter: rest === undefined ? [] : [rest],
    reason: prefix === "" ? `${describeKey(key)}: ${why}` : `${prefix}${why}`,
    candidates: candidates.map((c) => (c.key === key ? chosen : c)),
  };
}

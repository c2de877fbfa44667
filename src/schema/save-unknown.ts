/**
 * The `saveUnknown` rule: which attributes the schema does not define are kept, walked segment by segment along the
 * real nesting of the item (never along joined strings, so a top-level name `"meta.isAdmin"` is one segment and does
 * not pass `"meta.**"`). As in Dynamoose: `true` keeps all; a list of dotted patterns keeps an attribute when some
 * pattern matches its path or starts with it (`"meta.*"` keeps `meta` and its children; `"meta.a"` keeps `meta` with
 * only the child `a`), `*` matching one segment (a name or a list index) and `**` everything below. Unlike Dynamoose,
 * a pattern ending on a name keeps that attribute whole (`"extra"` keeps `extra` with its children; Dynamoose stores
 * `{}`) unless other patterns name its children (`"data"` with `"data.1"` keeps only `data.1`, as Dynamoose does);
 * only `*` cuts below.
 *
 * The rules are built once per schema (one object per distinct set of pattern positions): finding a child's rule is
 * a map lookup.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { fromGenericAttributeValue } from "../marshal/from-attribute-value.js";
import { checkNesting } from "../marshal/nesting.js";
import { defineOwn } from "../marshal/own-properties.js";
import { toGenericAttributeValue } from "../marshal/to-attribute-value.js";

/** What `saveUnknown` keeps at one place of an item. */
export interface KeepRule {
  /** True when everything below is kept (`saveUnknown: true`, or a `**` reached). */
  readonly all: boolean;
  /** The rule of a child name or list index; undefined when the child is dropped. */
  child(segment: string | number): KeepRule | undefined;
  /** True when the rule names list positions (`"data.1"`): a stored list, already closed up, is read whole. */
  readonly positional: boolean;
}

/** Keeps everything below. */
export const keepAll: KeepRule = { all: true, child: () => keepAll, positional: false };

class PatternRule implements KeepRule {
  readonly all: boolean;
  readonly positional: boolean;
  private readonly exact = new Map<string, KeepRule | undefined>();
  private readonly other: KeepRule | undefined;

  constructor(
    patterns: readonly (readonly string[])[],
    positions: readonly (readonly [number, number])[],
    rules: Map<string, PatternRule>,
  ) {
    // `**` keeps everything below; so does a pattern ending here on a name (`"extra"`, `"meta.a"`) when no other
    // pattern names what is below: that attribute is kept whole (Dynamoose would keep it and drop its children; see
    // docs/migration.md). With patterns below (`"data"` beside `"data.1"`), only what they name is kept, as in
    // Dynamoose. `*` keeps exactly one level.
    const continues = positions.some(([i, p]) => p < (patterns[i]?.length ?? 0));
    this.all = positions.some(([i, p]) => {
      const pattern = patterns[i];
      if (pattern === undefined) return false;
      const last = pattern[pattern.length - 1];
      return pattern[p] === "**" || (!continues && p === pattern.length && last !== "*" && last !== "**");
    });
    rules.set(stateKey(positions), this);
    const next = (accept: (token: string) => boolean): KeepRule | undefined => {
      const moved = positions.filter(([i, p]) => {
        const token = patterns[i]?.[p];
        return token !== undefined && accept(token);
      });
      if (moved.length === 0) return undefined;
      const state = moved.map(([i, p]) => [i, p + 1] as const);
      return rules.get(stateKey(state)) ?? new PatternRule(patterns, state, rules);
    };
    this.other = this.all ? keepAll : next((token) => token === "*");
    this.positional = false;
    if (this.all) return;
    for (const [i, p] of positions) {
      const token = patterns[i]?.[p];
      if (token !== undefined && token !== "*" && !this.exact.has(token))
        this.exact.set(
          token,
          next((t) => t === token || t === "*"),
        );
    }
    this.positional = [...this.exact.keys()].some((name) => /^\d+$/.test(name));
  }

  child(segment: string | number): KeepRule | undefined {
    if (this.all) return keepAll;
    const name = typeof segment === "number" ? String(segment) : segment;
    return this.exact.has(name) ? this.exact.get(name) : this.other;
  }
}

const stateKey = (positions: readonly (readonly [number, number])[]): string => positions.map(([i, p]) => `${i}:${p}`).join(",");

/** The rule at the item's top level for a `saveUnknown` setting; undefined when nothing unknown is kept. */
export function keepRuleOf(setting: boolean | readonly string[] | undefined): KeepRule | undefined {
  if (setting === true) return keepAll;
  if (!setting || setting.length === 0) return undefined;
  const patterns = setting.map((pattern) => pattern.split("."));
  return new PatternRule(
    patterns,
    patterns.map((_, i) => [i, 0] as const),
    new Map(),
  );
}

/** The rule at a path below `rule` (its segments as names and list indexes); undefined when that path is dropped. */
export function keepRuleAt(rule: KeepRule | undefined, segments: readonly (string | number)[]): KeepRule | undefined {
  let current = rule;
  for (const segment of segments) {
    if (current === undefined) return undefined;
    current = current.child(segment);
  }
  return current;
}

/**
 * The function compiled for each list index below `rule` (elements may be kept differently: `"list.1"`), compiled
 * once per distinct rule; one function for all indexes when the rule does not tell them apart.
 */
export function perIndex<F>(rule: KeepRule | undefined, compile: (rule: KeepRule | undefined) => F): (index: number) => F {
  if (rule === undefined || rule.all) {
    const one = compile(rule);
    return () => one;
  }
  const compiled = new Map<KeepRule | undefined, F>();
  return (index) => {
    const below = rule.child(index);
    let found = compiled.get(below);
    if (found === undefined) compiled.set(below, (found = compile(below)));
    return found;
  };
}

const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] =>
  Array.isArray(value) ||
  (typeof value === "object" &&
    value !== null &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array) &&
    !(value instanceof ArrayBuffer) &&
    !(value instanceof Set) &&
    !(value instanceof Map));

/**
 * Converts an unknown (or schema-less) value, keeping of its maps and lists only what `rule` keeps (all of it when
 * `rule.all`); dropped list elements close up, as in Dynamoose. Throws like `toGenericAttributeValue`.
 */
export function keptValue(value: unknown, rule: KeepRule, path: string, level = 2): AttributeValue | undefined {
  if (rule.all || !isContainer(value)) return toGenericAttributeValue(value, path, level);
  checkNesting(level, path);
  if (Array.isArray(value)) {
    const list: AttributeValue[] = [];
    for (let i = 0; i < value.length; i++) {
      const below = rule.child(i);
      if (below !== undefined) list.push(keptValue(value[i], below, `${path}.${i}`, level + 1) ?? { NULL: true });
    }
    return { L: list };
  }
  const map: Record<string, AttributeValue> = {};
  for (const key of Object.keys(value)) {
    const below = rule.child(key);
    const item = below === undefined ? undefined : keptValue(value[key], below, `${path}.${key}`, level + 1);
    if (item !== undefined) defineOwn(map, key, item);
  }
  return { M: map };
}

/**
 * Reads a stored unknown value, keeping of its maps and lists only what `rule` keeps (as {@link keptValue} writes). A
 * list under a rule naming positions is read whole: it was closed up when written, so its positions are no longer
 * the ones named (Dynamoose filters it again and loses elements it kept).
 */
export function keptStoredValue(value: AttributeValue, rule: KeepRule, path: string): unknown {
  if (rule.all || (rule.positional && value.L !== undefined)) return fromGenericAttributeValue(value, path);
  if (value.L !== undefined) {
    const list: unknown[] = [];
    for (let i = 0; i < value.L.length; i++) {
      const below = rule.child(i);
      if (below !== undefined) list.push(keptStoredValue(value.L[i] as AttributeValue, below, `${path}.${i}`));
    }
    return list;
  }
  if (value.M !== undefined) {
    const object: Record<string, unknown> = {};
    for (const key of Object.keys(value.M)) {
      const below = rule.child(key);
      if (below !== undefined) defineOwn(object, key, keptStoredValue(value.M[key] as AttributeValue, below, `${path}.${key}`));
    }
    return object;
  }
  return fromGenericAttributeValue(value, path);
}

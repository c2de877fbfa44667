/**
 * Dynamoose's choice among several types, made the way its `objectFromSchema` makes it: per attribute, by how well
 * the value's own entries (at every depth) fit each candidate type, and among a model's schemas, by how well the
 * item's attributes fit each schema. Only `conformToSchema` / `objectFromSchema` use it (their compiled variants):
 * the save and read paths keep the first type that takes the value.
 *
 * An entry fits with 1 (its attribute takes its type), 0.5 (no such attribute) or 0 (another type); a candidate
 * ranks by its worst entry, then by the sum of its entries, then by declaration order.
 *
 * @module
 * @internal
 */
import type { ObjectShape, TypeNode } from "./nodes.js";
import { isPlainObject } from "./parse.js";

/** Whether `value` is of `type` at its top level (Dynamoose's `isOfType`; nested values are not looked at). */
function isOfType(type: TypeNode, value: unknown): boolean {
  switch (type.kind) {
    case "string":
    case "combine":
      return typeof value === "string";
    case "number":
      return typeof value === "number";
    case "bigint":
      return typeof value === "bigint" || Number.isSafeInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "date":
      return value instanceof Date || typeof value === "number" || (type.storage === "iso" && typeof value === "string");
    case "buffer":
      return value instanceof Uint8Array;
    case "null":
      return value === null;
    case "undefined":
      return value === undefined;
    case "any":
    case "model":
      return true;
    case "constant":
      return value === type.value;
    case "object":
      return isPlainObject(value);
    case "array":
      return Array.isArray(value);
    case "set": {
      if (!(value instanceof Set || Array.isArray(value))) return false;
      const element = setElementTypes(type)[0] as TypeNode;
      for (const item of value) if (!isOfType(element, item)) return false;
      return true;
    }
  }
}

const elementTypes = new Map<string, readonly TypeNode[]>([
  ["string", [{ kind: "string" }]],
  ["number", [{ kind: "number" }]],
  ["buffer", [{ kind: "buffer" }]],
  ["model", [{ kind: "any" }]],
]);
const dateElements = new Map<string, readonly TypeNode[]>();

/** The type of a Set's elements. */
function setElementTypes(type: TypeNode & { kind: "set" }): readonly TypeNode[] {
  if (type.element !== "date") return elementTypes.get(type.element) as readonly TypeNode[];
  let found = dateElements.get(type.storage);
  if (!found) dateElements.set(type.storage, (found = [{ kind: "date", storage: type.storage }]));
  return found;
}

/** Whether one of `types` takes `value`. */
const fits = (types: readonly TypeNode[], value: unknown): boolean => types.some((type) => isOfType(type, value));

/** Whether `value` is walked into: an object that is not a Buffer (Dynamoose's `utils.object.entries`). */
const hasEntries = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !(value instanceof Uint8Array);

/** Every entry of `value` at every depth, as relative dotted paths (`a`, `a.b`, `list.0`), parents first. */
function deepEntries(value: Record<string, unknown>, out: [string[], unknown][], segments: string[]): void {
  for (const [key, child] of Object.entries(value)) {
    const path = [...segments, key];
    out.push([path, child]);
    if (hasEntries(child)) deepEntries(child, out, path);
  }
}

/** The types of what `segment` names under `type` (a list or Set position names the element), or undefined. */
function childOf(type: TypeNode | undefined, segment: string): readonly TypeNode[] | undefined {
  if (type?.kind === "object") return type.shape?.byName.get(segment)?.types;
  if (!/^\d+$/.test(segment)) return undefined;
  if (type?.kind === "array") return type.element?.types;
  return type?.kind === "set" ? setElementTypes(type) : undefined;
}

/** The type of `types` that declares `segment`: the only one, else the first whose schema has it (Dynamoose's lookup). */
const typeDeclaring = (types: readonly TypeNode[], segment: string): TypeNode | undefined =>
  types.length === 1 ? types[0] : types.find((type) => childOf(type, segment) !== undefined);

/** The types of the attribute at `segments` below `type`, or undefined when the schema has none there. */
function typesAt(type: TypeNode | undefined, segments: readonly string[]): readonly TypeNode[] | undefined {
  let types: readonly TypeNode[] | undefined;
  let current = type;
  for (let i = 0; i < segments.length; i++) {
    types = childOf(current, segments[i] as string);
    if (types === undefined) return undefined;
    const next = segments[i + 1];
    if (next !== undefined) current = typeDeclaring(types, next);
  }
  return types;
}

/** How well `value`'s entries fit below `type`: its worst entry and the sum (no entry: worst is Infinity). */
function fitOf(type: TypeNode | undefined, entries: readonly [string[], unknown][]): { worst: number; sum: number } {
  let worst = Number.POSITIVE_INFINITY;
  let sum = 0;
  for (const [segments, child] of entries) {
    const types = typesAt(type, segments);
    const score = types === undefined ? 0.5 : fits(types, child) ? 1 : 0;
    if (score < worst) worst = score;
    sum += score;
  }
  return { worst, sum };
}

/** The best of several fits: the highest worst entry, then the highest sum, then the first. */
function best<T>(candidates: readonly T[], fitOfCandidate: (candidate: T) => { worst: number; sum: number }): T | undefined {
  let chosen: T | undefined;
  let chosenFit = { worst: Number.NEGATIVE_INFINITY, sum: Number.NEGATIVE_INFINITY };
  for (const candidate of candidates) {
    const fit = fitOfCandidate(candidate);
    if (fit.worst > chosenFit.worst || (fit.worst === chosenFit.worst && fit.sum > chosenFit.sum)) [chosen, chosenFit] = [candidate, fit];
  }
  return chosen;
}

/**
 * The index of the type of `types` Dynamoose conforms `value` with, when it chooses by the value's entries (an
 * object or list that several types take); -1 otherwise (the first type that takes the value is used).
 */
export function chooseType(types: readonly TypeNode[], value: unknown): number {
  if (!hasEntries(value) || value instanceof Date || value instanceof Set) return -1;
  const candidates: number[] = [];
  for (let i = 0; i < types.length; i++) if (isOfType(types[i] as TypeNode, value)) candidates.push(i);
  if (candidates.length < 2) return -1;
  const entries: [string[], unknown][] = [];
  deepEntries(value, entries, []);
  return best(candidates, (index) => fitOf(types[index], entries)) ?? -1;
}

/**
 * How well `object` fits `shape` (Dynamoose's schema correctness): every entry at every depth, an attribute of
 * several types fitting when one of them takes the value. Higher is better; Infinity for an empty object.
 */
function schemaFit(shape: ObjectShape, entries: readonly [string[], unknown][]): { worst: number; sum: number } {
  const { worst } = fitOf({ kind: "object", shape }, entries);
  return { worst, sum: 0 };
}

/** The schema (by its shape) Dynamoose conforms `object` with among several: the best fit, the first on ties. */
export function chooseShape<S>(candidates: readonly S[], shapeOf: (candidate: S) => ObjectShape, object: Record<string, unknown>): S {
  if (candidates.length === 1) return candidates[0] as S;
  const entries: [string[], unknown][] = [];
  deepEntries(object, entries, []);
  return best(candidates, (candidate) => schemaFit(shapeOf(candidate), entries)) ?? (candidates[0] as S);
}

/**
 * The request template cache of Query and Scan: a chain's *shape* (every node kind, operator, path and operand
 * kind, in order, plus the settings that change the request except its values) compiles to the same expressions,
 * names, key selection and placeholder order whatever the values are. A template records them once; each later
 * request of that shape only encodes its values, in the order the compiler allocates `:vN`, with the encoder,
 * path and checks the compiler would use ({@link encodeOperandValue}). Raw expressions bypass the cache.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import {
  type OperandTypes,
  ORDERED_TYPES,
  PREFIX_TYPES,
  contextPath,
  contextPathOf,
  encodeOperandValue,
} from "../expression/compile-operand.js";
import type { ConditionNode, Operand, Path, ValueEncoder } from "../expression/index.js";
import type { Schema } from "../schema/schema.js";
import type { Candidate, KeySpec } from "./index-selection.js";
import type { RetrieverSettings } from "./settings.js";

/** One value of the chain, in the order the walk meets it: its operand, the path it is encoded for, the operator and the types it takes. */
export interface ValueRef {
  readonly operand: Operand;
  readonly context: Path | undefined;
  readonly what: string;
  readonly accept: OperandTypes | undefined;
}

/** A slot of `ExpressionAttributeValues` in allocation order: the index of a {@link ValueRef}, or the type name of an `attribute_type`. */
type Slot = number | { readonly type: string };

/** A compiled request shape. */
export interface RequestTemplate {
  readonly tokens: readonly number[];
  readonly schema: Schema;
  readonly key: KeySpec;
  readonly reason: string;
  readonly candidates: readonly Candidate[];
  readonly keyCondition: string | undefined;
  readonly filter: string | undefined;
  readonly projection: string | undefined;
  readonly names: Readonly<Record<string, string>> | undefined;
  readonly slots: readonly Slot[];
}

const MAX_TEMPLATES = 256;
const MAX_INTERNED = 4096;

/**
 * A shape is a sequence of numbers (node kinds, operators, operand kinds, counts, and ids of interned strings and
 * paths): templates are found by its hash and compared in full, so a hash collision is only a miss. Interned ids and
 * templates are dropped together, so an id never changes meaning while a template uses it.
 */
let templates = new WeakMap<ValueEncoder, Map<number, RequestTemplate[]>>();
let interned = new Map<string, number>();
let pathIds = new WeakMap<Path, number>();
let templateCount = 0;

function reset(): void {
  templates = new WeakMap();
  interned = new Map();
  pathIds = new WeakMap();
  templateCount = 0;
}

function intern(text: string): number {
  let id = interned.get(text);
  if (id === undefined) {
    id = interned.size;
    interned.set(text, id);
  }
  return id;
}

/** The id of a path's content (`-1`: not keyable). */
function pathId(path: Path): number {
  const cached = pathIds.get(path);
  if (cached !== undefined) return cached;
  let text = "";
  for (const segment of path) {
    if (segment.kind === "name" && typeof segment.name === "string") text += `.${segment.name.length}:${segment.name}`;
    else if (segment.kind === "index" && typeof segment.index === "number") text += `[${segment.index}]`;
    else return -1;
  }
  const id = intern(text);
  if (Object.isFrozen(path)) pathIds.set(path, id);
  return id;
}

const OPERATORS: Readonly<Record<string, number>> = { eq: 1, ne: 2, lt: 3, le: 4, gt: 5, ge: 6 };

/** Pushes an operand's tokens (and its value to `refs`); false when it cannot be keyed. */
function operandShape(
  o: Operand,
  context: Path | undefined,
  what: string,
  accept: OperandTypes | undefined,
  tokens: number[],
  refs: ValueRef[],
): boolean {
  switch (o.kind) {
    case "path":
    case "size": {
      const id = pathId(o.path);
      tokens.push(o.kind === "path" ? 10 : 11, id);
      return id >= 0;
    }
    case "value":
      refs.push({ operand: o, context, what, accept });
      tokens.push(12);
      return true;
    case "attribute_value":
      refs.push({ operand: o, context, what, accept });
      tokens.push(13);
      return true;
    default:
      return false;
  }
}

/**
 * Pushes the shape of `node` to `tokens` and its values to `refs` in the order the compiler allocates them
 * (document order); `slots`/`index`, when recording a template, receive the allocation slots. False for anything
 * not safely keyed (raw expressions, unknown kinds or operators).
 */
export function shapeOf(node: ConditionNode, tokens: number[], refs: ValueRef[], slots?: Slot[], index?: Map<Operand, number>): boolean {
  switch (node.kind) {
    case "comparison": {
      const operator = OPERATORS[node.operator];
      if (operator === undefined) return false;
      const context = contextPathOf(node.left, node.right);
      const accept = node.operator === "eq" || node.operator === "ne" ? undefined : ORDERED_TYPES;
      const start = refs.length;
      tokens.push(1, operator);
      if (
        !operandShape(node.left, context, node.operator, accept, tokens, refs) ||
        !operandShape(node.right, context, node.operator, accept, tokens, refs)
      )
        return false;
      mark(refs, start, slots, index);
      return true;
    }
    case "between": {
      const context = contextPath([node.subject, node.low, node.high]);
      const start = refs.length;
      tokens.push(2);
      if (
        !operandShape(node.subject, context, "between", ORDERED_TYPES, tokens, refs) ||
        !operandShape(node.low, context, "between", ORDERED_TYPES, tokens, refs) ||
        !operandShape(node.high, context, "between", ORDERED_TYPES, tokens, refs)
      ) {
        return false;
      }
      mark(refs, start, slots, index);
      return true;
    }
    case "in": {
      const context = contextPath([node.subject, ...node.values]);
      const start = refs.length;
      tokens.push(3, node.values.length);
      if (!operandShape(node.subject, context, "in", undefined, tokens, refs)) return false;
      for (const value of node.values) if (!operandShape(value, context, "in", undefined, tokens, refs)) return false;
      mark(refs, start, slots, index);
      return true;
    }
    case "begins_with":
    case "contains": {
      const start = refs.length;
      const id = pathId(node.path);
      tokens.push(node.kind === "begins_with" ? 4 : 5, id);
      if (id < 0 || !operandShape(node.value, node.path, node.kind, node.kind === "begins_with" ? PREFIX_TYPES : undefined, tokens, refs))
        return false;
      mark(refs, start, slots, index);
      return true;
    }
    case "attribute_exists":
    case "attribute_not_exists": {
      const id = pathId(node.path);
      tokens.push(node.kind === "attribute_exists" ? 6 : 7, id);
      return id >= 0;
    }
    case "attribute_type": {
      const id = pathId(node.path);
      if (typeof node.type !== "string" || id < 0) return false;
      slots?.push({ type: node.type });
      tokens.push(8, id, intern(node.type));
      return true;
    }
    case "and":
    case "or":
      tokens.push(node.kind === "and" ? 20 : 21, node.conditions.length);
      for (const child of node.conditions) if (!shapeOf(child, tokens, refs, slots, index)) return false;
      return true;
    case "not":
    case "group":
      tokens.push(node.kind === "not" ? 22 : 23);
      return shapeOf(node.condition, tokens, refs, slots, index);
    default:
      return false;
  }
}

/** While recording a template: the slots of the values `refs[start..]`, as indexes of the current call's refs. */
function mark(refs: readonly ValueRef[], start: number, slots: Slot[] | undefined, index: Map<Operand, number> | undefined): void {
  if (slots === undefined || index === undefined) return;
  for (let i = start; i < refs.length; i++) slots.push(index.get((refs[i] as ValueRef).operand) ?? -1);
}

/** Pushes the settings that shape the request (limit and startAt are applied per request); false when not keyable. */
export function settingsShape(operation: string, tableName: string, settings: RetrieverSettings, tokens: number[]): boolean {
  // The first tokens of a request: ids are only dropped here, never while a shape is being read.
  if (interned.size >= MAX_INTERNED) reset();
  const { index, attributes, sort, segments } = settings;
  tokens.push(operation === "query" ? 1 : 2, intern(tableName), index === undefined ? -1 : intern(index));
  if (attributes === undefined) tokens.push(-1);
  else {
    tokens.push(attributes.length);
    for (const name of attributes) {
      if (typeof name !== "string") return false;
      tokens.push(intern(name));
    }
  }
  if (segments !== undefined && !(Number.isSafeInteger(segments) && segments >= 0)) return false;
  tokens.push(settings.count ? 1 : 0, settings.consistent ? 1 : 0, sort === undefined ? -1 : intern(sort), segments ?? -1);
  return true;
}

function hashOf(tokens: readonly number[]): number {
  let hash = tokens.length;
  for (let i = 0; i < tokens.length; i++) hash = (Math.imul(hash, 31) + (tokens[i] as number)) | 0;
  return hash;
}

function sameTokens(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The template of this shape for this encoder and schema, if any. */
export function findTemplate(encoder: ValueEncoder, schema: Schema, tokens: readonly number[]): RequestTemplate | undefined {
  const bucket = templates.get(encoder)?.get(hashOf(tokens));
  if (bucket === undefined) return undefined;
  for (const template of bucket) if (template.schema === schema && sameTokens(template.tokens, tokens)) return template;
  return undefined;
}

/** Stores a template (the cache is bounded: dropped, with the interned ids, when full). */
export function storeTemplate(encoder: ValueEncoder, template: RequestTemplate): void {
  if (templateCount >= MAX_TEMPLATES) {
    reset();
    return;
  }
  let map = templates.get(encoder);
  if (map === undefined) {
    map = new Map();
    templates.set(encoder, map);
  }
  const hash = hashOf(template.tokens);
  const bucket = map.get(hash);
  if (bucket === undefined) map.set(hash, [template]);
  else bucket.push(template);
  templateCount++;
}

/**
 * The slots of the compiled nodes (in compile order) as indexes of `refs` (the chain's values in document order);
 * `undefined` when an operand is shared between places of the tree (its context could differ) or is missing.
 */
export function recordSlots(compiled: readonly ConditionNode[], refs: readonly ValueRef[]): Slot[] | undefined {
  const index = new Map<Operand, number>();
  for (let i = 0; i < refs.length; i++) {
    const operand = (refs[i] as ValueRef).operand;
    if (index.has(operand)) return undefined;
    index.set(operand, i);
  }
  const slots: Slot[] = [];
  const scratch: ValueRef[] = [];
  const tokens: number[] = [];
  for (const node of compiled) if (!shapeOf(node, tokens, scratch, slots, index)) return undefined;
  if (slots.some((s) => s === -1)) return undefined;
  return slots;
}

/** Encodes the values of a request of the template's shape, in allocation order, as the compiler would. */
export function fillValues(
  slots: readonly Slot[],
  refs: readonly ValueRef[],
  encode: ValueEncoder,
): Record<string, AttributeValue> | undefined {
  if (slots.length === 0) return undefined;
  const values: Record<string, AttributeValue> = {};
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i] as Slot;
    let value: AttributeValue;
    if (typeof slot === "number") {
      const ref = refs[slot] as ValueRef;
      value = encodeOperandValue(ref.operand, ref.context, encode, ref.what, ref.accept);
    } else value = { S: slot.type };
    values[VALUE_PLACEHOLDERS[i] ?? `:v${i}`] = value;
  }
  return values;
}

const VALUE_PLACEHOLDERS: readonly string[] = Array.from({ length: 64 }, (_, i) => `:v${i}`);

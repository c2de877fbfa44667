/**
 * The user-function passes of a schema plan, compiled to touch only the attributes that have them:
 * aliases and defaults, then COMBINE and `set` transforms (before serializing), and `get` transforms (after
 * deserializing). A pass copies each object it writes into (never the caller's objects) and collects promises
 * from async functions so the caller awaits only when something was async.
 *
 * @module
 * @internal
 */
import { InvalidParameter } from "../errors.js";
import { UNDEFINED } from "./attribute-types.js";
import type { AttributeNode, ObjectShape } from "./nodes.js";

/** Promises started by a pass; `undefined` when everything was synchronous. */
export interface PassContext {
  pending: Promise<unknown>[] | undefined;
}

/** A compiled pass over one object; `old` is the same object as last read from DynamoDB, if known. */
export type ObjectPass = (target: Record<string, unknown>, old: Record<string, unknown> | undefined, context: PassContext) => void;

const isThenable = (value: unknown): value is Promise<unknown> =>
  value !== null && (typeof value === "object" || typeof value === "function") && typeof (value as Promise<unknown>).then === "function";

/** Stores `value` at `target[key]`, or once it resolves. */
function assign(target: Record<string, unknown>, key: string, value: unknown, context: PassContext): void {
  if (isThenable(value)) {
    (context.pending ??= []).push(
      value.then((resolved) => {
        target[key] = resolved;
      }),
    );
  } else target[key] = value;
}

const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Uint8Array) && !(value instanceof Set);

type NestedPass = (value: unknown, old: unknown, context: PassContext) => unknown;
type AttributeStep = (target: Record<string, unknown>, key: string, old: unknown, context: PassContext) => void;

/** Which pass is being compiled. */
type PassKind = "defaults" | "transforms" | "get";

/** Compiles a pass into an attribute's children (objects and arrays of them); undefined when there is nothing to do. */
function compileNested(attribute: AttributeNode, kind: PassKind): NestedPass | undefined {
  for (const type of attribute.types) {
    if (type.kind === "object" && type.shape) {
      const pass = compileShapePass(type.shape, kind);
      if (!pass) continue;
      return (value, old, context) => {
        if (!isPlainRecord(value)) return value;
        const copy = { ...value };
        pass(copy, isPlainRecord(old) ? old : undefined, context);
        return copy;
      };
    }
    if (type.kind === "array" && type.element) {
      const step = compileAttributeStep(type.element, kind);
      if (!step) continue;
      return (value, old, context) => {
        if (!Array.isArray(value)) return value;
        const copy = value.slice() as unknown as Record<string, unknown>;
        const oldList = Array.isArray(old) ? old : undefined;
        for (let i = 0; i < value.length; i++) step(copy, String(i), oldList?.[i], context);
        return copy;
      };
    }
  }
  return undefined;
}

function compileDefaultsStep(attribute: AttributeNode, nested: NestedPass | undefined): AttributeStep | undefined {
  const { hasDefault, forceDefault } = attribute;
  if (!hasDefault && !forceDefault && !nested) return undefined;
  const defaultValue = attribute.default;
  const make = typeof defaultValue === "function" ? (defaultValue as () => unknown) : () => defaultValue;
  return (target, key, old, context) => {
    const value = target[key];
    if (value === UNDEFINED) {
      delete target[key];
      return;
    }
    if (forceDefault || (value === undefined && hasDefault)) {
      assign(target, key, make(), context);
      return;
    }
    if (nested && value !== undefined) target[key] = nested(value, old, context);
  };
}

function compileTransformsStep(attribute: AttributeNode, nested: NestedPass | undefined): AttributeStep | undefined {
  const set = attribute.set;
  const combine = attribute.types.find((type) => type.kind === "combine");
  if (!set && !nested && !combine) return undefined;
  return (target, key, old, context) => {
    if (combine?.kind === "combine") {
      const parts: string[] = [];
      for (const name of combine.attributes) {
        const part = target[name];
        if (part !== undefined && part !== null) parts.push(part instanceof Date ? String(part.getTime()) : String(part));
      }
      if (parts.length > 0) target[key] = parts.join(combine.separator);
    }
    let value = target[key];
    if (value === undefined) return;
    if (nested) value = target[key] = nested(value, old, context);
    if (set) assign(target, key, set(value, old), context);
  };
}

function compileGetStep(attribute: AttributeNode, nested: NestedPass | undefined): AttributeStep | undefined {
  const get = attribute.get;
  if (!get && !nested) return undefined;
  return (target, key, _old, context) => {
    let value = target[key];
    if (value === undefined) return;
    if (nested) value = target[key] = nested(value, undefined, context);
    if (get) assign(target, key, get(value), context);
  };
}

/** One attribute's step in a pass. */
function compileAttributeStep(attribute: AttributeNode, kind: PassKind): AttributeStep | undefined {
  const nested = compileNested(attribute, kind);
  if (kind === "defaults") return compileDefaultsStep(attribute, nested);
  if (kind === "transforms") return compileTransformsStep(attribute, nested);
  return compileGetStep(attribute, nested);
}

const isCombine = (attribute: AttributeNode): boolean => attribute.types.some((type) => type.kind === "combine");

function compileShapePass(shape: ObjectShape, kind: PassKind): ObjectPass | undefined {
  // COMBINE attributes read their sources after those have been transformed: they go last.
  const ordered = [...shape.attributes].sort((a, b) => Number(isCombine(a)) - Number(isCombine(b)));
  const steps: { key: string; aliases: readonly string[]; step: AttributeStep | undefined }[] = [];
  for (const attribute of ordered) {
    const step = compileAttributeStep(attribute, kind);
    const aliases = kind === "defaults" ? attribute.aliases : [];
    if (step || aliases.length > 0) steps.push({ key: kind === "get" ? attribute.readName : attribute.name, aliases, step });
  }
  if (steps.length === 0) return undefined;
  return (target, old, context) => {
    for (const { key, aliases, step } of steps) {
      for (const alias of aliases) {
        if (!Object.hasOwn(target, alias)) continue;
        if (target[key] !== undefined) {
          throw new InvalidParameter(`Cannot map attribute ${alias} to ${key} because both are defined.`, { code: "alias_conflict", path: key });
        }
        target[key] = target[alias];
        delete target[alias];
      }
      step?.(target, key, old?.[key], context);
    }
  };
}

/** Compiles the aliases-and-defaults pass (run first on save). */
export const compileDefaultsPass = (shape: ObjectShape): ObjectPass | undefined => compileShapePass(shape, "defaults");

/** Compiles the COMBINE-and-`set` pass (run after defaults on save). */
export const compileTransformsPass = (shape: ObjectShape): ObjectPass | undefined => compileShapePass(shape, "transforms");

/** Compiles the `get` pass (run on read), over objects keyed by read names. */
export const compileGetPass = (shape: ObjectShape): ObjectPass | undefined => compileShapePass(shape, "get");

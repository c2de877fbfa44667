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
import { defineOwn, ownValue } from "../marshal/own-properties.js";
import type { AttributeNode, ObjectShape } from "./nodes.js";
import { isPlainObject } from "./parse.js";
import { combineInUnion } from "./combine-in-union.js";
import { type StoredForm, callbackForm, compileStoredForm } from "./stored-form.js";

/** Promises started by a pass; `undefined` when everything was synchronous. */
export interface PassContext {
  pending: Promise<unknown>[] | undefined;
}

/**
 * A compiled pass over one object; `old` is the same object as last stored (the `oldValue` of `set`), `null` for a
 * new item (as in Dynamoose), undefined when not known.
 */
export type ObjectPass = (target: Record<string, unknown>, old: Record<string, unknown> | null | undefined, context: PassContext) => void;

const isThenable = (value: unknown): value is Promise<unknown> =>
  value !== null && (typeof value === "object" || typeof value === "function") && typeof (value as Promise<unknown>).then === "function";

/**
 * Whether reads of `key` must check own properties: names such as `constructor`, `toString` or `__proto__` would
 * otherwise read `Object.prototype`'s members when the attribute is absent.
 */
const isGuarded = (key: string): boolean => key in Object.prototype;

/** `target[key]` if it is an own property (for guarded names), else undefined. */

/** Stores `value` at `target[key]`, or once it resolves; an async result goes through `then` first if given. */
function assign(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
  context: PassContext,
  then?: NestedPass,
  old?: unknown,
): void {
  if (isThenable(value)) {
    (context.pending ??= []).push(
      value.then((resolved): unknown => {
        if (!then) return defineOwn(target, key, resolved);
        // The nested pass of an async default may itself start promises: await them before this one settles.
        const inner: PassContext = { pending: undefined };
        defineOwn(target, key, then(resolved, old, inner));
        return inner.pending ? Promise.all(inner.pending) : undefined;
      }),
    );
  } else defineOwn(target, key, then ? then(value, old, context) : value);
}

/** A plain object (a class instance is left as it is, for the type check to refuse). */
const isPlainRecord = isPlainObject;

type NestedPass = (value: unknown, old: unknown, context: PassContext) => unknown;
type AttributeStep = (target: Record<string, unknown>, key: string, guarded: boolean, old: unknown, context: PassContext) => void;

/**
 * Which pass is being compiled: `transforms` is COMBINE and `set` in one pass (saves); `combine` and `set` are each
 * half of it, for `objectFromSchema`, which runs them as two steps.
 */
type PassKind = "defaults" | "transforms" | "combine" | "set" | "get";

/** Compiles a pass into an attribute's children (objects and arrays of them); undefined when there is nothing to do. */
function compileNested(attribute: AttributeNode, kind: PassKind): NestedPass | undefined {
  for (const type of attribute.types) {
    if (type.kind === "object" && type.shape) {
      const pass = compileShapePass(type.shape, kind);
      if (!pass) continue;
      return (value, old, context) => {
        if (!isPlainRecord(value)) return value;
        const copy = { ...value };
        pass(copy, isPlainRecord(old) ? old : old === null ? null : undefined, context);
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
        for (let i = 0; i < value.length; i++) step(copy, String(i), false, old === null ? null : oldList?.[i], context);
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
  return (target, key, _guarded, old, context) => {
    const value = ownValue(target, key);
    if (value === UNDEFINED) {
      delete target[key];
      return;
    }
    // A defaulted parent object gets its children's defaults too.
    if (forceDefault || (value === undefined && hasDefault)) assign(target, key, make(), context, nested, old);
    else if (nested && value !== undefined) defineOwn(target, key, nested(value, old, context));
  };
}

/** A part a COMBINE reads: its name, and the stored form of its sibling attribute (undefined: the value as given). */
interface CombinePart {
  readonly name: string;
  readonly form: StoredForm | undefined;
}

/**
 * The parts of a COMBINE, each read in its stored form as Dynamoose's `customTypesDynamo` gives it (a Date as epoch
 * milliseconds, epoch seconds or ISO text, per its `storage`). Compiled once per schema.
 */
function combineParts(names: readonly string[], siblings: ObjectShape | undefined): readonly CombinePart[] {
  return names.map((name) => {
    const node = siblings?.attributes.find((attribute) => attribute.name === name);
    return { name, form: node ? compileStoredForm(node) : undefined };
  });
}

function compileTransformsStep(
  attribute: AttributeNode,
  nested: NestedPass | undefined,
  withCombine: boolean,
  withSet: boolean,
  siblings: ObjectShape | undefined,
): AttributeStep | undefined {
  const set = withSet ? attribute.set : undefined;
  const combine = withCombine ? attribute.types.find((type) => type.kind === "combine") : undefined;
  if (combine && attribute.types.length > 1) {
    return () => {
      throw combineInUnion(attribute.path);
    };
  }
  const parts = combine?.kind === "combine" ? combineParts(combine.attributes, siblings) : undefined;
  const separator = combine?.kind === "combine" ? combine.separator : "";
  // As in Dynamoose, `set` and `validate` receive the stored form (a Date as its epoch number or ISO text, a Set).
  const stored = withSet ? callbackForm(attribute) : undefined;
  if (!set && !nested && !combine && !stored) return undefined;
  return (target, key, _guarded, old, context) => {
    if (parts) {
      // The parts as given (their `set` transforms run after, as in Dynamoose), in their stored form.
      const texts: string[] = [];
      for (const { name, form } of parts) {
        const given = ownValue(target, name);
        if (given === undefined || given === null) continue;
        const part = form ? form(given) : given;
        texts.push(part instanceof Date ? String(part.getTime()) : String(part));
      }
      if (texts.length > 0) defineOwn(target, key, texts.join(separator));
    }
    let value = ownValue(target, key);
    // As in Dynamoose, `set` is not called for absent or null values.
    if (value === undefined || value === null) return;
    if (nested) defineOwn(target, key, (value = nested(value, old, context)));
    if (stored) defineOwn(target, key, (value = stored(value)));
    if (set) assign(target, key, set(value, old), context);
  };
}

function compileGetStep(attribute: AttributeNode, nested: NestedPass | undefined): AttributeStep | undefined {
  const get = attribute.get;
  if (!get && !nested) return undefined;
  return (target, key, _guarded, _old, context) => {
    let value = ownValue(target, key);
    if (value === undefined || value === null) return;
    if (nested) defineOwn(target, key, (value = nested(value, undefined, context)));
    if (get) assign(target, key, get(value), context);
  };
}

/** One attribute's step in a pass; `siblings` is the shape it belongs to (the parts of a COMBINE are read there). */
function compileAttributeStep(attribute: AttributeNode, kind: PassKind, siblings?: ObjectShape): AttributeStep | undefined {
  const nested = compileNested(attribute, kind);
  if (kind === "defaults") return compileDefaultsStep(attribute, nested);
  if (kind === "get") return compileGetStep(attribute, nested);
  return compileTransformsStep(attribute, nested, kind !== "set", kind !== "combine", siblings);
}

const isCombine = (attribute: AttributeNode): boolean => attribute.types.some((type) => type.kind === "combine");

function compileShapePass(shape: ObjectShape, kind: PassKind): ObjectPass | undefined {
  // COMBINE attributes read their parts as given, before the parts' `set` transforms (Dynamoose's order): they go
  // first, so one pass does what `objectFromSchema` does in two steps (COMBINE, then `set`).
  const ordered = [...shape.attributes].sort((a, b) => Number(isCombine(b)) - Number(isCombine(a)));
  const steps: { key: string; guarded: boolean; aliases: readonly string[]; step: AttributeStep | undefined }[] = [];
  for (const attribute of ordered) {
    const step = compileAttributeStep(attribute, kind, shape);
    const aliases = kind === "defaults" ? attribute.aliases : [];
    const key = kind === "get" ? attribute.readName : attribute.name;
    // The old item (the `oldValue` of `set`) is the item as stored (Dynamoose's `original()`): keyed by stored names.
    if (step || aliases.length > 0) steps.push({ key, guarded: isGuarded(key), aliases, step });
  }
  if (steps.length === 0) return undefined;
  return (target, old, context) => {
    for (const { key, guarded, aliases, step } of steps) {
      for (const alias of aliases) {
        if (!Object.hasOwn(target, alias)) continue;
        if (ownValue(target, key) !== undefined) {
          throw new InvalidParameter(`Cannot map attribute ${alias} to ${key} because both are defined.`, {
            code: "alias_conflict",
            path: key,
          });
        }
        defineOwn(target, key, target[alias]);
        delete target[alias];
      }
      step?.(target, key, guarded, old === undefined || old === null ? old : ownValue(old, key), context);
    }
  };
}

/** Compiles the aliases-and-defaults pass (run first on save). */
export const compileDefaultsPass = (shape: ObjectShape): ObjectPass | undefined => compileShapePass(shape, "defaults");

/** Compiles the COMBINE-and-`set` pass (run after defaults on save). */
export const compileTransformsPass = (shape: ObjectShape): ObjectPass | undefined => compileShapePass(shape, "transforms");

/** Compiles the COMBINE half of the transforms pass (`objectFromSchema` with `combine`). */
export const compileCombinePass = (shape: ObjectShape): ObjectPass | undefined => compileShapePass(shape, "combine");

/** Compiles the `set` half of the transforms pass (`objectFromSchema` with `modifiers: ["set"]`). */
export const compileSetPass = (shape: ObjectShape): ObjectPass | undefined => compileShapePass(shape, "set");

/** Compiles the `get` pass (run on read), over objects keyed by read names. */
export const compileGetPass = (shape: ObjectShape): ObjectPass | undefined => compileShapePass(shape, "get");

const valueTransforms = new WeakMap<AttributeNode, AttributeStep | null>();

/**
 * One value of `attribute` through the COMBINE-and-`set` pass alone (an update's value): its children's `set`
 * transforms, its stored form, its own `set`. Compiled once per attribute; a promise only when a `set` was async.
 */
export function transformValue(attribute: AttributeNode, value: unknown): unknown {
  let step = valueTransforms.get(attribute);
  if (step === undefined) valueTransforms.set(attribute, (step = compileAttributeStep(attribute, "transforms") ?? null));
  if (!step) return value;
  const holder: Record<string, unknown> = { value };
  const context: PassContext = { pending: undefined };
  step(holder, "value", false, undefined, context);
  return context.pending ? Promise.all(context.pending).then(() => holder.value) : holder.value;
}

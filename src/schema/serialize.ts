/**
 * Compiles a schema into serializers: functions that type-check a conformed item, check `required`, `enum` and
 * `validate`, and build its AttributeValue map, in one pass, collecting every problem instead of stopping at the
 * first. Compiled once per schema; the hot path never re-reads the definition.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { DynamodelError, type Issue, LimitExceeded, describeRejected, describeType, describeValue } from "../errors.js";
import { UNDEFINED } from "./attribute-types.js";
import { checkNesting } from "../marshal/nesting.js";
import { describeReceived, isStorableBigint, isStorableNumber, numberToString } from "../marshal/numbers.js";
import { defineOwn, ownValue } from "../marshal/own-properties.js";
import { toGenericAttributeValue } from "../marshal/to-attribute-value.js";
import type { AttributeNode, ObjectShape, SetElement, TypeNode } from "./nodes.js";
import { isPlainObject } from "./parse.js";
import { type KeepRule, keptValue, perIndex } from "./save-unknown.js";

/** Collects problems and pending async validations during one serialization. */
export interface SerializeContext {
  readonly issues: Issue[];
  pending: Promise<void>[] | undefined;
  /** Whether `required` is enforced (off for partial values such as update paths' parents). */
  readonly checkRequired: boolean;
  /** Nesting level of the map being serialized (the item is 1; absent means 1): DynamoDB allows 32. */
  level?: number;
}

/** Converts one present value; returns `undefined` when the attribute is to be left out (an empty set). */
export type ValueSerializer = (value: unknown, path: string, context: SerializeContext) => AttributeValue | undefined;

/** Converts a whole object (the item, or a nested Object). */
export type ShapeSerializer = (value: Record<string, unknown>, path: string, context: SerializeContext) => Record<string, AttributeValue>;

const MISMATCH = Symbol("mismatch");
type Converter = (value: unknown, path: string, context: SerializeContext) => AttributeValue | undefined | typeof MISMATCH;

/** Adds a type-mismatch issue. */
export function typeIssue(context: SerializeContext, path: string, expected: string, value: unknown): undefined {
  const received = describeReceived(value);
  context.issues.push({
    code: "type_mismatch",
    path,
    expected,
    received,
    message: `Expected ${path} to be of type ${expected}, instead found type ${received}.`,
  });
  return undefined;
}

/**
 * Converts a schema-free value (ANY, an Object or Array without schema, an unknown attribute), adding its problem
 * (a NaN deep inside, a function) to the issues instead of throwing, so that every problem is reported at once.
 * With a `saveUnknown` rule, only what it keeps below the value is converted.
 */
function genericValue(value: unknown, path: string, context: SerializeContext, rule?: KeepRule): AttributeValue | undefined {
  try {
    const level = (context.level ?? 1) + 1;
    return rule === undefined || rule.all ? toGenericAttributeValue(value, path, level) : keptValue(value, rule, path, level);
  } catch (error) {
    if (!(error instanceof DynamodelError) || error instanceof LimitExceeded) throw error;
    context.issues.push({
      code: error.code,
      path: error.path ?? path,
      message: error.message,
      ...(error.expected === undefined ? {} : { expected: error.expected }),
      ...(error.received === undefined ? {} : { received: error.received }),
    });
    return undefined;
  }
}

/** The name of a type node in messages. */
export function typeName(type: TypeNode): string {
  switch (type.kind) {
    case "constant":
      return `constant ${typeof type.value} (${String(type.value)})`;
    case "set":
      return `${type.element} set`;
    case "model":
      return `model ${safeModelName(type.model.resolve)}`;
    case "undefined":
      return "undefined";
    default:
      return type.kind;
  }
}

function safeModelName(resolve: () => { name: string }): string {
  try {
    return resolve().name;
  } catch {
    return "reference";
  }
}

function serializeDate(value: unknown, storage: TypeNode & { kind: "date" }): AttributeValue | typeof MISMATCH {
  let time: number;
  if (value instanceof Date) time = value.getTime();
  // A number is the stored form of a milliseconds or seconds Date; for an ISO Date it is refused, as in Dynamoose.
  else if (typeof value === "number" && storage.storage !== "iso") time = value;
  else return MISMATCH;
  if (!Number.isFinite(time)) return MISMATCH;
  if (storage.storage === "iso") return { S: new Date(time).toISOString() };
  if (storage.storage === "seconds") return { N: String(value instanceof Date ? Math.round(time / 1000) : time) };
  return { N: String(time) };
}

function setConverter(type: TypeNode & { kind: "set" }): Converter {
  const element = type.element;
  const convert = setElementConverter(element, type);
  return (value, valuePath, context) => {
    let values: Iterable<unknown>;
    if (value instanceof Set) values = value;
    else if (Array.isArray(value)) values = value;
    else return MISMATCH;
    const out = new Set<string>();
    const binaries: Uint8Array[] = [];
    let index = 0;
    for (const item of values) {
      const converted = convert(item);
      if (converted === MISMATCH) {
        typeIssue(
          context,
          `${valuePath}.${index}`,
          element === "model" && type.model ? typeName({ kind: "model", model: type.model }) : element,
          item,
        );
      } else if (typeof converted === "string") out.add(converted);
      else if (!binaries.some((b) => Buffer.compare(b, converted) === 0)) binaries.push(converted);
      index++;
    }
    if (binaries.length > 0) return out.size > 0 ? MISMATCH : { BS: binaries };
    if (out.size === 0) return undefined;
    const list = [...out];
    const strings =
      element === "model" ? referenceKind(type.model) !== "N" : element === "string" || (element === "date" && type.storage === "iso");
    return strings ? { SS: list } : { NS: list };
  };
}

function setElementConverter(
  element: SetElement,
  type: TypeNode & { kind: "set" },
): (value: unknown) => string | Uint8Array | typeof MISMATCH {
  switch (element) {
    case "string":
      return (v) => (typeof v === "string" ? v : MISMATCH);
    case "number":
      return (v) => (isStorableNumber(v) ? String(v) : typeof v === "bigint" && isStorableBigint(v) ? v.toString() : MISMATCH);
    case "buffer":
      return (v) => (v instanceof Uint8Array ? v : MISMATCH);
    case "date": {
      const dateType = { kind: "date", storage: type.storage } as const;
      return (v) => {
        const converted = serializeDate(v, dateType);
        return converted === MISMATCH ? MISMATCH : ((converted.S ?? converted.N) as string);
      };
    }
    case "model": {
      const model = type.model;
      return (v) => {
        const key = model ? referenceKey(v, model.resolve) : MISMATCH;
        return key === MISMATCH || key.M !== undefined ? MISMATCH : ((key.S ?? key.N ?? key.B) as string | Uint8Array);
      };
    }
  }
}

type KeyLetter = "S" | "N" | "B";

/** The DynamoDB type of a referenced model's hash key. */
function referenceKind(model: { resolve: () => { hashKeyKind: string } } | undefined): KeyLetter {
  const kind = model?.resolve().hashKeyKind;
  return kind === "number" || kind === "bigint" ? "N" : kind === "buffer" ? "B" : "S";
}

/** A key value of the given DynamoDB type (any scalar key type when `letter` is undefined). */
function keyValue(value: unknown, letter: KeyLetter | undefined): AttributeValue | typeof MISMATCH {
  if (typeof value === "string") return letter === undefined || letter === "S" ? { S: value } : MISMATCH;
  if (isStorableNumber(value) || (typeof value === "bigint" && isStorableBigint(value))) {
    return letter === undefined || letter === "N" ? { N: String(value) } : MISMATCH;
  }
  if (value instanceof Uint8Array) return letter === undefined || letter === "B" ? { B: value } : MISMATCH;
  return MISMATCH;
}

/**
 * The stored form of a reference: the referenced item's hash key value (of the hash key's type), or
 * `{hash, range}` as a map when the referenced model has a range key. Accepts a key value or an item / key object.
 */
function referenceKey(
  value: unknown,
  resolve: () => { hashKey: string; rangeKey: string | undefined; hashKeyKind: string },
): AttributeValue | typeof MISMATCH {
  const model = resolve();
  const letter = referenceKind({ resolve: () => model });
  const isRecord = typeof value === "object" && value !== null && !(value instanceof Uint8Array);
  if (model.rangeKey === undefined) {
    return keyValue(
      isRecord ? (Object.hasOwn(value, model.hashKey) ? (value as Record<string, unknown>)[model.hashKey] : undefined) : value,
      letter,
    );
  }
  if (!isRecord) return MISMATCH;
  const record = value as Record<string, unknown>;
  const hashValue = keyValue(Object.hasOwn(record, model.hashKey) ? record[model.hashKey] : undefined, letter);
  const rangeValue = keyValue(Object.hasOwn(record, model.rangeKey) ? record[model.rangeKey] : undefined, undefined);
  if (hashValue === MISMATCH || rangeValue === MISMATCH) return MISMATCH;
  const map: Record<string, AttributeValue> = {};
  defineOwn(map, model.hashKey, hashValue);
  defineOwn(map, model.rangeKey, rangeValue);
  return { M: map };
}

/** The converter of one type; `rule` is what `saveUnknown` keeps below the attribute (undefined: nothing unknown). */
function converterFor(type: TypeNode, attribute: AttributeNode, rule: KeepRule | undefined, checks: boolean): Converter {
  switch (type.kind) {
    case "string":
      return (v) => (typeof v === "string" ? { S: v } : MISMATCH);
    case "number":
      return (v) => (isStorableNumber(v) ? { N: String(v) } : MISMATCH);
    case "bigint":
      return (v) =>
        typeof v === "bigint"
          ? isStorableBigint(v)
            ? { N: v.toString() }
            : MISMATCH
          : Number.isSafeInteger(v)
            ? { N: String(v) }
            : MISMATCH;
    case "boolean":
      return (v) => (typeof v === "boolean" ? { BOOL: v } : MISMATCH);
    case "date":
      return (v) => serializeDate(v, type);
    case "buffer":
      return (v) => (v instanceof Uint8Array ? { B: v } : MISMATCH);
    case "null":
      return (v) => (v === null ? { NULL: true } : MISMATCH);
    case "undefined":
      return () => MISMATCH;
    case "any":
      return (v, path, context) => genericValue(v, path, context);
    case "constant": {
      const expected = type.value;
      const stored: AttributeValue =
        typeof expected === "string"
          ? { S: expected }
          : typeof expected === "number"
            ? { N: numberToString(expected, attribute.path) }
            : { BOOL: expected };
      return (v) => (v === expected ? stored : MISMATCH);
    }
    case "combine":
      return (v) => (typeof v === "string" ? { S: v } : MISMATCH);
    case "object": {
      // Without a schema, children are stored as they are, unless a saveUnknown pattern names what to keep below.
      if (type.shape === undefined) {
        return (v, path, context) => (isObjectValue(v) ? genericValue(v, path, context, rule) : MISMATCH);
      }
      const shape = compileShapeSerializer(type.shape, rule, false, checks);
      return (v, path, context) => (isObjectValue(v) ? { M: nested(shape, v, path, context) } : MISMATCH);
    }
    case "array": {
      const element = type.element;
      if (element === undefined) return (v, path, context) => (Array.isArray(v) ? genericValue(v, path, context, rule) : MISMATCH);
      const serializerAt = perIndex(rule, (below) => compileAttributeSerializer(element, below, checks));
      return (v, path, context) => {
        if (!Array.isArray(v)) return MISMATCH;
        const level = context.level ?? 1;
        checkNesting(level + 1, path);
        context.level = level + 1;
        const list: AttributeValue[] = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          const elementPath = `${path}.${i}`;
          const item: unknown = v[i];
          if (item === undefined) {
            typeIssue(context, elementPath, element.types.map(typeName).join(", "), item);
            continue;
          }
          list[i] = serializerAt(i)(item, elementPath, context) ?? { NULL: true };
        }
        context.level = level;
        return { L: list };
      };
    }
    case "set":
      return setConverter(type);
    case "model": {
      const resolve = type.model.resolve;
      return (v) => referenceKey(v, resolve);
    }
  }
}

/** Serializes a nested map one nesting level down, refusing it past DynamoDB's 32 levels. */
function nested(
  shape: ShapeSerializer,
  value: Record<string, unknown>,
  path: string,
  context: SerializeContext,
): Record<string, AttributeValue> {
  const level = context.level ?? 1;
  checkNesting(level + 1, path);
  context.level = level + 1;
  const map = shape(value, path, context);
  context.level = level;
  return map;
}

/**
 * A value an Object attribute takes: a plain object (`{}` or `Object.create(null)`). A class instance is refused, as
 * in Dynamoose (`TypeMismatch` naming its class): one prototype compare.
 */
const isObjectValue = isPlainObject;

/**
 * Compiles the check-and-convert function of one attribute (for a present, non-undefined value); `rule` is what
 * `saveUnknown` keeps below it (undefined: no unknown attribute). With `checks` false, `enum` and `validate` are left
 * out at every depth (the operands of `$ADD`, whose stored result is unknown).
 */
export function compileAttributeSerializer(attribute: AttributeNode, rule: KeepRule | undefined, checks = true): ValueSerializer {
  const converters = attribute.types.map((type) => converterFor(type, attribute, rule, checks));
  const expected = attribute.types.map(typeName).join(", ");
  const allowsNull = attribute.types.some((type) => type.kind === "null" || type.kind === "any");
  const enumSet = checks ? attribute.enum : undefined;
  const enumText = attribute.enumList ? JSON.stringify(attribute.enumList) : "";
  const validate = checks ? attribute.validate : undefined;
  const required = attribute.required;
  const single = converters.length === 1 ? converters[0] : undefined;

  const convert: Converter = single
    ? single
    : (value, path, context) => {
        for (const converter of converters) {
          const mark = context.issues.length;
          const converted = converter(value, path, context);
          if (converted !== MISMATCH && context.issues.length === mark) return converted;
          context.issues.length = mark;
        }
        return MISMATCH;
      };

  return (value, path, context) => {
    if (value === null && !allowsNull) {
      if (required && context.checkRequired) return requiredIssue(context, path);
      return typeIssue(context, path, expected, value);
    }
    const converted = convert(value, path, context);
    if (converted === MISMATCH) return typeIssue(context, path, expected, value);
    // As in Dynamoose, `enum` and `validate` apply to present values: a null allowed by the type skips them.
    if (value === null) return converted;
    if (enumSet !== undefined && !enumSet.has(value)) {
      context.issues.push({
        code: "enum",
        path,
        expected: enumText,
        received: describeRejected(value),
        message: `${path} must equal ${enumText}, but is set to a value of type ${describeRejected(value)}.`,
      });
    } else if (validate !== undefined) {
      runValidator(validate, value, path, context);
    }
    return converted;
  };
}

/** Adds a `required` issue. */
export function requiredIssue(context: SerializeContext, path: string): undefined {
  context.issues.push({
    code: "required",
    path,
    expected: "a value",
    received: "undefined",
    message: `${path} is a required property but has no value when trying to save the item.`,
  });
  return undefined;
}

function validationIssue(context: SerializeContext, path: string, value: unknown, detail: string): void {
  context.issues.push({
    code: "validate",
    path,
    received: describeRejected(value),
    message: `${path} with a value of type ${describeRejected(value)} had a validation error when trying to save the item${detail}.`,
  });
}

function runValidator(validate: unknown, value: unknown, path: string, context: SerializeContext): void {
  if (validate instanceof RegExp) {
    if (typeof value !== "string") {
      context.issues.push({
        code: "validate",
        path,
        expected: "string",
        received: describeType(value),
        message: `Trying to pass in ${describeType(value)} to a RegExp validator for key: ${path}.`,
      });
    } else {
      validate.lastIndex = 0;
      if (!validate.test(value)) validationIssue(context, path, value, ` (must match ${String(validate)})`);
    }
    return;
  }
  if (typeof validate === "function") {
    const result: unknown = validate(value);
    if (result !== null && typeof result === "object" && typeof (result as Promise<unknown>).then === "function") {
      (context.pending ??= []).push(
        (result as Promise<unknown>).then((ok) => {
          if (!ok) validationIssue(context, path, value, "");
        }),
      );
    } else if (!result) validationIssue(context, path, value, "");
    return;
  }
  if (validate !== value) validationIssue(context, path, value, ` (must equal ${describeValue(validate)})`);
}

/**
 * Compiles an object serializer. At the root (and in nested Objects not inside arrays) attribute paths are
 * static; inside arrays they are built from the element path.
 */
export function compileShapeSerializer(shape: ObjectShape, rule: KeepRule | undefined, root: boolean, checks = true): ShapeSerializer {
  const entries = shape.attributes.map((attribute) => ({
    name: attribute.name,
    guarded: attribute.name in Object.prototype,
    required: attribute.required,
    serialize: compileAttributeSerializer(attribute, rule?.child(attribute.name), checks),
  }));
  const count = entries.length;
  const known = shape.byName;
  return (value, path, context) => {
    const out: Record<string, AttributeValue> = {};
    for (let i = 0; i < count; i++) {
      const entry = entries[i] as (typeof entries)[number];
      const name = entry.name;
      const attributeValue = ownValue(value, name);
      const attributePath = root ? name : `${path}.${name}`;
      if (attributeValue === undefined || attributeValue === UNDEFINED) {
        if (entry.required && context.checkRequired) requiredIssue(context, attributePath);
        continue;
      }
      const converted = entry.serialize(attributeValue, attributePath, context);
      if (converted === undefined) continue;
      if (entry.guarded) defineOwn(out, name, converted);
      else out[name] = converted;
    }
    if (rule !== undefined) {
      for (const name of Object.keys(value)) {
        if (known.has(name)) continue;
        // Matched on this name as one segment: a name holding "." is never taken for a nested path.
        const below = rule.child(name);
        if (below === undefined) continue;
        const unknownPath = root ? name : `${path}.${name}`;
        const converted = genericValue(value[name], unknownPath, context, below);
        if (converted !== undefined) defineOwn(out, name, converted);
      }
    }
    return out;
  };
}

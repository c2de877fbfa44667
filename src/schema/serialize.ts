/**
 * Compiles a schema into serializers: functions that type-check a conformed item, check `required`, `enum` and
 * `validate`, and build its AttributeValue map, in one pass, collecting every problem instead of stopping at the
 * first. Compiled once per schema; the hot path never re-reads the definition.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { DynamodelError, LimitExceeded, describeRejected } from "../errors.js";
import { UNDEFINED } from "./attribute-types.js";
import { checkNesting } from "../marshal/nesting.js";
import { isStorableBigint, isStorableNumber, numberToString } from "../marshal/numbers.js";
import { defineOwn, ownValue } from "../marshal/own-properties.js";
import { toGenericAttributeValue } from "../marshal/to-attribute-value.js";
import type { AttributeNode, ObjectShape, TypeNode } from "./nodes.js";
import { isPlainObject } from "./parse.js";
import { type KeepRule, keptValue, perIndex } from "./save-unknown.js";
import {
  type Converter,
  MISMATCH,
  requiredIssue,
  type SerializeContext,
  type ShapeSerializer,
  typeIssue,
  typeName,
  type ValueSerializer,
} from "./serialize-context.js";
import { referenceKey } from "./serialize-references.js";
import { serializeDate, setConverter } from "./serialize-sets.js";
import { chooseType } from "./type-choice.js";
import { runValidator } from "./validate.js";

export { requiredIssue, typeIssue, typeName, type SerializeContext, type ShapeSerializer, type ValueSerializer };

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

/** What a serializer checks beyond types, at every depth. */
export interface SerializerChecks {
  /** Check `enum`. */
  readonly enum: boolean;
  /** Run `validate`. */
  readonly validate: boolean;
  /** Convert an object or list several types take with the type Dynamoose's `objectFromSchema` chooses. */
  readonly choose: boolean;
}

/** The checks of saves: `enum` and `validate`, the first type that takes a value. */
export const ALL_CHECKS: SerializerChecks = { enum: true, validate: true, choose: false };
/** No `enum` nor `validate` (the operands of `$ADD` and `$DELETE`). */
export const NO_CHECKS: SerializerChecks = { enum: false, validate: false, choose: false };

/** The converter of one type; `rule` is what `saveUnknown` keeps below the attribute (undefined: nothing unknown). */
function converterFor(type: TypeNode, attribute: AttributeNode, rule: KeepRule | undefined, checks: SerializerChecks): Converter {
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
 * `saveUnknown` keeps below it (undefined: no unknown attribute). `checks` says, for every depth, whether `enum` and
 * `validate` run (neither for the operands of `$ADD`, whose stored result is unknown) and whether an object or list
 * that several types take is converted with the type Dynamoose's `objectFromSchema` chooses (`type-choice.ts`).
 */
export function compileAttributeSerializer(
  attribute: AttributeNode,
  rule: KeepRule | undefined,
  checks: SerializerChecks = ALL_CHECKS,
): ValueSerializer {
  const types = attribute.types;
  const converters = types.map((type) => converterFor(type, attribute, rule, checks));
  const expected = attribute.types.map(typeName).join(", ");
  const allowsNull = attribute.types.some((type) => type.kind === "null" || type.kind === "any");
  const enumSet = checks.enum ? attribute.enum : undefined;
  const enumText = attribute.enumList ? JSON.stringify(attribute.enumList) : "";
  const validate = checks.validate ? attribute.validate : undefined;
  const required = attribute.required;
  const single = converters.length === 1 ? converters[0] : undefined;

  const firstFit: Converter = (value, path, context) => {
    for (const converter of converters) {
      const mark = context.issues.length;
      const converted = converter(value, path, context);
      if (converted !== MISMATCH && context.issues.length === mark) return converted;
      context.issues.length = mark;
    }
    return MISMATCH;
  };
  const chosen: Converter = (value, path, context) => {
    const index = chooseType(types, value);
    return index < 0 ? firstFit(value, path, context) : (converters[index] as Converter)(value, path, context);
  };
  const convert: Converter = single ?? (checks.choose ? chosen : firstFit);

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

/**
 * Compiles an object serializer. At the root (and in nested Objects not inside arrays) attribute paths are
 * static; inside arrays they are built from the element path.
 */
export function compileShapeSerializer(
  shape: ObjectShape,
  rule: KeepRule | undefined,
  root: boolean,
  checks: SerializerChecks = ALL_CHECKS,
): ShapeSerializer {
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

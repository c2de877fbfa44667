/**
 * Compiles a schema into deserializers: AttributeValue maps to items, with Dates, Sets and Buffers restored
 * and aliases applied. A stored value whose DynamoDB type the schema does not expect (an `S` for a Number, an `N`
 * for an ISO-string Date, `NULL` for a String) is refused with `TypeMismatch`, as Dynamoose refuses it: the item
 * type promises the schema's types. The check is the AttributeValue tag test each reader does anyway.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { TypeMismatch } from "../errors.js";
import { fromGenericAttributeValue, mapToObject, toBuffer } from "../marshal/from-attribute-value.js";
import { defineOwn, ownValue } from "../marshal/own-properties.js";
import { parseNumber } from "../marshal/parse-number.js";
import { typeMismatch } from "../marshal/numbers.js";
import type { AttributeNode, ObjectShape, TypeNode } from "./nodes.js";
import { type KeepRule, keptStoredValue, perIndex } from "./save-unknown.js";
import { typeName } from "./serialize.js";
import { chooseType } from "./type-choice.js";

/** Reads one stored value. */
export type ValueDeserializer = (value: AttributeValue, path: string) => unknown;
/** Reads a stored map into an object (a new one, or `into`, which it returns). */
export type ShapeDeserializer = (
  map: Record<string, AttributeValue>,
  path: string,
  into?: Record<string, unknown>,
) => Record<string, unknown>;

const NO_MATCH = Symbol("no-match");

/**
 * `${parent}.${child}`, remembered for the last parent seen. Paths are only read by errors but passed down with every
 * value, and a parent path is usually the same string item after item: built once, not once per value read.
 */
function childPath(child: string | number): (parent: string) => string {
  let lastParent: string | undefined;
  let last = "";
  return (parent) => {
    if (parent !== lastParent) {
      lastParent = parent;
      last = `${parent}.${child}`;
    }
    return last;
  };
}
type Reader = (value: AttributeValue, path: string) => unknown;

/** A Date as its storage keeps it: an `N` (milliseconds or seconds) or an ISO `S`; an out-of-range number is read as the number. */
function readDate(type: TypeNode & { kind: "date" }): Reader {
  if (type.storage === "iso") {
    return (value) => {
      if (value.S === undefined) return NO_MATCH;
      const date = new Date(value.S);
      return Number.isNaN(date.getTime()) ? NO_MATCH : date;
    };
  }
  const seconds = type.storage === "seconds";
  return (value, path) => {
    if (value.N === undefined) return NO_MATCH;
    const number = parseNumber(value.N, path);
    const date = new Date(seconds ? number * 1000 : number);
    // Out of Date's range: read it as the number it is rather than as an Invalid Date.
    return Number.isNaN(date.getTime()) ? number : date;
  };
}

/** The type Dynamoose names for a stored value in a mismatch (`typeof` of the value it reads: a list, map, set or binary is "object"). */
function storedTypeName(value: AttributeValue): string {
  if (value.S !== undefined) return "string";
  if (value.N !== undefined) return "number";
  if (value.BOOL !== undefined) return "boolean";
  if (value.NULL !== undefined) return "null";
  return "object";
}

/** The `TypeMismatch` of a stored value none of the attribute's types reads (the message never holds the value). */
function storedMismatch(types: readonly TypeNode[], value: AttributeValue, path: string): TypeMismatch {
  return typeMismatch(path, types.map(typeName).join(", "), storedTypeName(value));
}

function readerFor(type: TypeNode, rule: KeepRule | undefined, choose: boolean): Reader {
  switch (type.kind) {
    case "string":
    case "combine":
      return (v) => (v.S !== undefined ? v.S : NO_MATCH);
    case "number":
      return (v, path) => (v.N !== undefined ? parseNumber(v.N, path) : NO_MATCH);
    case "bigint":
      return (v, path) => (v.N === undefined ? NO_MATCH : /^-?\d+$/.test(v.N) ? BigInt(v.N) : parseNumber(v.N, path));
    case "boolean":
      return (v) => (v.BOOL !== undefined ? v.BOOL : NO_MATCH);
    case "date":
      return readDate(type);
    case "buffer":
      return (v) => (v.B !== undefined ? toBuffer(v.B) : NO_MATCH);
    case "null":
      return (v) => (v.NULL !== undefined ? null : NO_MATCH);
    case "undefined":
      return () => NO_MATCH;
    case "any":
      return (v, path) => fromGenericAttributeValue(v, path);
    case "constant": {
      const expected = type.value;
      return (v, path) => {
        const read = fromGenericAttributeValue(v, path);
        return read === expected ? read : NO_MATCH;
      };
    }
    case "object": {
      if (type.shape === undefined) return (v, path) => (v.M !== undefined ? mapToObject(v.M, path) : NO_MATCH);
      const shape = compileShapeDeserializer(type.shape, rule, false, choose);
      return (v, path) => (v.M !== undefined ? shape(v.M, path) : NO_MATCH);
    }
    case "array": {
      const element = type.element;
      if (element === undefined) return (v, path) => (v.L !== undefined ? fromGenericAttributeValue(v, path) : NO_MATCH);
      const readerAt = perIndex(rule, (below) => compileAttributeDeserializer(element, below, choose));
      const paths: ((parent: string) => string)[] = [];
      return (v, path) => {
        if (v.L === undefined) return NO_MATCH;
        const list = v.L;
        const out: unknown[] = new Array(list.length);
        for (let i = 0; i < list.length; i++) out[i] = readerAt(i)(list[i] as AttributeValue, (paths[i] ??= childPath(i))(path));
        return out;
      };
    }
    case "set": {
      if (type.element === "date") {
        const readOne = readDate({ kind: "date", storage: type.storage });
        return (v, path) => {
          const list = v.NS ?? v.SS;
          if (list === undefined) return NO_MATCH;
          const out = new Set<unknown>();
          for (const item of list) {
            const date = readOne(v.NS ? { N: item } : { S: item }, path);
            if (date === NO_MATCH) return NO_MATCH;
            out.add(date);
          }
          return out;
        };
      }
      return (v, path) => (v.SS !== undefined || v.NS !== undefined || v.BS !== undefined ? fromGenericAttributeValue(v, path) : NO_MATCH);
    }
    case "model":
      return (v, path) => fromGenericAttributeValue(v, path);
  }
}

/**
 * Compiles the reader of one attribute; it throws `TypeMismatch` for a stored value none of the attribute's types
 * reads. `rule` is what `saveUnknown` keeps below the attribute (undefined: nothing unknown). With `choose`, a map or
 * list that several types take is read with the type Dynamoose's `objectFromSchema` chooses (see `type-choice.ts`).
 */
export function compileAttributeDeserializer(attribute: AttributeNode, rule: KeepRule | undefined, choose = false): ValueDeserializer {
  const types = attribute.types;
  const readers = types.map((type) => readerFor(type, rule, choose));
  if (readers.length === 1) {
    const reader = readers[0] as Reader;
    return (value, path) => {
      const read = reader(value, path);
      if (read === NO_MATCH) throw storedMismatch(types, value, path);
      return read;
    };
  }
  const firstFit: ValueDeserializer = (value, path) => {
    for (const reader of readers) {
      const read = reader(value, path);
      if (read !== NO_MATCH) return read;
    }
    throw storedMismatch(types, value, path);
  };
  if (!choose) return firstFit;
  return (value, path) => {
    const index = value.M === undefined && value.L === undefined ? -1 : chooseType(types, fromGenericAttributeValue(value, path));
    if (index < 0) return firstFit(value, path);
    const read = (readers[index] as Reader)(value, path);
    if (read === NO_MATCH) throw storedMismatch(types, value, path);
    return read;
  };
}

/** Compiles the reader of an object: known attributes under their read names, unknown ones kept per `saveUnknown`. */
export function compileShapeDeserializer(shape: ObjectShape, rule: KeepRule | undefined, root: boolean, choose = false): ShapeDeserializer {
  const entries = shape.attributes.map((attribute) => ({
    name: attribute.name,
    path: childPath(attribute.name),
    readName: attribute.readName,
    guarded: attribute.name in Object.prototype || attribute.readName === "__proto__",
    read: compileAttributeDeserializer(attribute, rule?.child(attribute.name), choose),
  }));
  const count = entries.length;
  const known = shape.byName;
  return (map, path, into) => {
    const out: Record<string, unknown> = into ?? {};
    for (let i = 0; i < count; i++) {
      const entry = entries[i] as (typeof entries)[number];
      // Own properties only: a member of a polluted Object.prototype is not a stored attribute.
      const stored = ownValue(map, entry.name) as AttributeValue | undefined;
      if (stored === undefined) continue;
      const value = entry.read(stored, root ? entry.name : entry.path(path));
      if (entry.guarded) defineOwn(out, entry.readName, value);
      else out[entry.readName] = value;
    }
    if (rule !== undefined) {
      for (const name of Object.keys(map)) {
        if (known.has(name)) continue;
        const below = rule.child(name);
        const stored = map[name];
        if (stored === undefined || below === undefined) continue;
        const unknownPath = root ? name : `${path}.${name}`;
        defineOwn(out, name, keptStoredValue(stored, below, unknownPath));
      }
    }
    return out;
  };
}

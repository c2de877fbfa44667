/**
 * The form an attribute's `set` and `validate` receive, as in Dynamoose (which converts custom types before running
 * them): a Date as stored (epoch milliseconds, epoch seconds or ISO text, per its `storage`), a Set attribute's
 * array as a `Set`, and the same below an Object or Array attribute. Compiled once per attribute that has a `set`
 * or `validate`; attributes without Dates or Sets below them get no converter (no work per item).
 *
 * @module
 * @internal
 */
import type { DateStorage } from "./definition.js";
import type { AttributeNode, ObjectShape } from "./nodes.js";
import { defineOwn } from "../marshal/own-properties.js";
import { isPlainObject } from "./parse.js";

/** Converts a value to its stored form (a new object or array when something below changed, never the caller's). */
export type StoredForm = (value: unknown) => unknown;

/** A Date in its storage; an invalid Date is left for the type check to refuse. */
function dateForm(storage: DateStorage): StoredForm {
  return (value) => {
    if (!(value instanceof Date)) return value;
    const time = value.getTime();
    if (!Number.isFinite(time)) return value;
    return storage === "iso" ? value.toISOString() : storage === "seconds" ? Math.round(time / 1000) : time;
  };
}

function shapeForm(shape: ObjectShape): StoredForm | undefined {
  const children: { name: string; form: StoredForm }[] = [];
  for (const attribute of shape.attributes) {
    const form = compileStoredForm(attribute);
    if (form) children.push({ name: attribute.name, form });
  }
  if (children.length === 0) return undefined;
  return (value) => {
    if (!isPlainObject(value)) return value;
    let copy: Record<string, unknown> | undefined;
    for (const { name, form } of children) {
      if (!Object.hasOwn(value, name)) continue;
      const before = value[name];
      const after = form(before);
      if (after === before) continue;
      copy ??= { ...value };
      defineOwn(copy, name, after);
    }
    return copy ?? value;
  };
}

function listForm(element: AttributeNode): StoredForm | undefined {
  const form = compileStoredForm(element);
  if (!form) return undefined;
  return (value) => (Array.isArray(value) ? value.map((item: unknown) => form(item)) : value);
}

/** The stored-form converter of an attribute's value; undefined when no type of it has one. */
export function compileStoredForm(attribute: AttributeNode): StoredForm | undefined {
  const forms: StoredForm[] = [];
  let hasArray = false;
  for (const type of attribute.types) {
    if (type.kind === "array") hasArray = true;
    const form =
      type.kind === "date"
        ? dateForm(type.storage)
        : type.kind === "object" && type.shape
          ? shapeForm(type.shape)
          : type.kind === "array" && type.element
            ? listForm(type.element)
            : undefined;
    if (form) forms.push(form);
  }
  // A Set attribute given an array receives a Set (unless the attribute may also be a list).
  if (!hasArray && attribute.types.some((type) => type.kind === "set")) {
    forms.push((value) => (Array.isArray(value) ? new Set(value) : value));
  }
  if (forms.length === 0) return undefined;
  if (forms.length === 1) return forms[0];
  return (value) => {
    for (const form of forms) {
      const after = form(value);
      if (after !== value) return after;
    }
    return value;
  };
}

const cache = new WeakMap<AttributeNode, StoredForm | null>();

/**
 * The converter `set` and `validate` of `attribute` see values through (compiled once per attribute); undefined when
 * the attribute has neither, or when its value has no Date or Set to convert.
 */
export function callbackForm(attribute: AttributeNode): StoredForm | undefined {
  if (!attribute.set && attribute.validate === undefined) return undefined;
  let form = cache.get(attribute);
  if (form === undefined) cache.set(attribute, (form = compileStoredForm(attribute) ?? null));
  return form ?? undefined;
}

/**
 * Serializing Dates and Sets: a Date in its storage (milliseconds, seconds or ISO text), a Set or array to an SS,
 * NS or BS (duplicates dropped; an empty set leaves the attribute out), elements checked one by one.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { isStorableBigint, isStorableNumber } from "../marshal/numbers.js";
import type { SetElement, TypeNode } from "./nodes.js";
import { type Converter, MISMATCH, typeIssue, typeName } from "./serialize-context.js";
import { referenceKey, referenceKind } from "./serialize-references.js";

/** The stored form of a Date (or of a number in a milliseconds or seconds Date's storage, or a date string in an ISO one). */
export function serializeDate(value: unknown, storage: TypeNode & { kind: "date" }): AttributeValue | typeof MISMATCH {
  let time: number;
  // A string is the stored form of an ISO Date (what its `set` receives and may return), kept as given when it is a
  // date; Dynamoose stores any string, which reads back as an Invalid Date.
  if (typeof value === "string") return storage.storage === "iso" && Number.isFinite(Date.parse(value)) ? { S: value } : MISMATCH;
  if (value instanceof Date) time = value.getTime();
  // A number is the stored form of a milliseconds or seconds Date; for an ISO Date it is refused, as in Dynamoose.
  else if (typeof value === "number" && storage.storage !== "iso") time = value;
  else return MISMATCH;
  if (!Number.isFinite(time)) return MISMATCH;
  if (storage.storage === "iso") return { S: new Date(time).toISOString() };
  if (storage.storage === "seconds") return { N: String(value instanceof Date ? Math.round(time / 1000) : time) };
  return { N: String(time) };
}

/** The converter of a Set type. */
export function setConverter(type: TypeNode & { kind: "set" }): Converter {
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

/**
 * Turns a schema definition into normalized nodes, refusing misuse with an error that names the attribute.
 *
 * @module
 * @internal
 */
import { InvalidParameter, InvalidParameterType, InvalidType } from "../errors.js";
import { ANY, NULL, THIS, UNDEFINED } from "./attribute-types.js";
import type { AttributeDefinition, DateStorage, IndexDefinition, SchemaDefinition } from "./definition.js";
import type { AttributeNode, ModelRef, NestedStamp, ObjectShape, ReferencedModel, SetElement, TypeNode } from "./nodes.js";

/** A Schema instance, as the parser sees one nested in a definition. @internal */
export interface NestedSchema {
  readonly __dynamodelSchema: true;
  readonly definition: SchemaDefinition;
  readonly settings?: { readonly saveUnknown?: boolean | readonly string[] };
  /** Its own timestamps (names and storage), written at its place in the parent. */
  readonly plan?: { readonly timestamps: { readonly createdAt: readonly StampName[]; readonly updatedAt: readonly StampName[] } };
}

/** A timestamp attribute's name and Date storage. */
interface StampName {
  readonly name: string;
  readonly storage: DateStorage;
}

/** A model, as the parser sees one used as a type. @internal */
export interface ModelLike {
  readonly __dynamodelModel: true;
  readonly describeReference: () => ReferencedModel;
}

/** Context for parsing: how to resolve `THIS`. @internal */
export interface ParseContext {
  readonly self: ModelRef;
  /** `saveUnknown` patterns of nested Schema instances, prefixed with their path (merged into the root setting). */
  readonly nestedUnknown?: string[];
  /** Paths of array elements (`list.0`), which match any index in `saveUnknown` patterns. */
  readonly arrayElements?: Set<string>;
  /** Timestamps of nested Schema instances, placed in the root (written with the root's). */
  readonly nestedStamps?: NestedStamp[];
  /** The type being parsed is one of several types of its attribute. */
  readonly inUnion?: boolean;
}

/** The segments of `path` with `*` for array elements (any index). */
function patternSegments(path: string, context: ParseContext): string[] {
  const segments = path.split(".");
  return segments.map((segment, i) => (context.arrayElements?.has(segments.slice(0, i + 1).join(".")) ? "*" : segment));
}

/**
 * Parses a nested Schema instance, keeping its `saveUnknown` setting re-prefixed with the attribute path and its
 * timestamps as attributes of the nested object (set where the root's are, as Dynamoose merges them into the root).
 */
function parseNestedSchema(schema: NestedSchema, path: string, context: ParseContext): TypeNode {
  const saveUnknown = schema.settings?.saveUnknown;
  if (saveUnknown && context.nestedUnknown) {
    const prefix = patternSegments(path, context).join(".");
    for (const pattern of saveUnknown === true ? ["**"] : saveUnknown) context.nestedUnknown.push(`${prefix}.${pattern}`);
  }
  const shape = parseShape(schema.definition, path, context);
  const stamps = schema.plan?.timestamps;
  if (!stamps || stamps.createdAt.length + stamps.updatedAt.length === 0) return { kind: "object", shape };
  const prefix = patternSegments(path, context);
  const stamped: AttributeNode[] = [];
  for (const [list, created] of [
    [stamps.createdAt, true],
    [stamps.updatedAt, false],
  ] as const) {
    for (const stamp of list) {
      context.nestedStamps?.push({ segments: [...prefix, stamp.name], storage: stamp.storage, created });
      stamped.push(timestampNode(stamp.name, `${path}.${stamp.name}`, stamp.storage));
    }
  }
  const attributes = [...shape.attributes, ...stamped];
  return { kind: "object", shape: { attributes, byName: new Map(attributes.map((a) => [a.name, a])) } };
}

/** The attribute node of a timestamp: a Date of the given storage. @internal */
export function timestampNode(name: string, path: string, storage: DateStorage): AttributeNode {
  return {
    name,
    path,
    types: [{ kind: "date", storage }],
    hasDefault: false,
    forceDefault: false,
    required: false,
    indexes: [],
    hashKey: false,
    rangeKey: false,
    aliases: [],
    readName: name,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A plain object (`{}` literal or `Object.create(null)`). */
export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (!isRecord(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

const isNestedSchema = (value: unknown): value is NestedSchema =>
  (typeof value === "object" || typeof value === "function") &&
  value !== null &&
  (value as { __dynamodelSchema?: unknown }).__dynamodelSchema === true;

/** Whether `value` is a model (returned by `dynamodel.model`). */
export const isModelLike = (value: unknown): value is ModelLike =>
  (typeof value === "function" || typeof value === "object") &&
  value !== null &&
  (value as { __dynamodelModel?: unknown }).__dynamodelModel === true;

const typeNames: Record<string, unknown> = {
  string: String,
  number: Number,
  boolean: Boolean,
  date: Date,
  buffer: Buffer,
  object: Object,
  array: Array,
  any: ANY,
  null: NULL,
  bigint: BigInt,
};

function fail(path: string, message: string): never {
  throw new InvalidParameter(message, { code: "invalid_schema", path });
}

/** Parses a whole definition (the item, or an Object's `schema`). */
export function parseShape(definition: unknown, prefix: string, context: ParseContext): ObjectShape {
  if (!isPlainObject(definition)) {
    throw new InvalidParameterType(
      prefix === "" ? "Schema initialization parameter must be an object." : `The schema of ${prefix} must be an object.`,
      { code: "invalid_schema", path: prefix, expected: "object" },
    );
  }
  const names = Object.keys(definition);
  if (names.length === 0)
    fail(
      prefix,
      prefix === "" ? "Schema initialization parameter must not be an empty object." : `The schema of ${prefix} must not be empty.`,
    );
  const attributes: AttributeNode[] = [];
  const byName = new Map<string, AttributeNode>();
  for (const name of names) {
    const path = prefix === "" ? name : `${prefix}.${name}`;
    if (name.includes(".")) fail(path, `Attributes must not contain dots: "${path}".`);
    const attribute = parseAttribute(name, path, definition[name], context);
    attributes.push(attribute);
    byName.set(name, attribute);
  }
  return { attributes, byName };
}

/** Parses one attribute's definition value. */
export function parseAttribute(name: string, path: string, value: unknown, context: ParseContext): AttributeNode {
  const settings: AttributeDefinition =
    isPlainObject(value) && "type" in value ? (value as unknown as AttributeDefinition) : ({ type: value } as AttributeDefinition);
  const rawTypes: readonly unknown[] = Array.isArray(settings.type) ? settings.type : [settings.type];
  if (rawTypes.length === 0) fail(path, `Attribute ${path} does not have a valid type.`);
  const typeContext: ParseContext = { ...context, inUnion: rawTypes.length > 1 };
  const types = rawTypes.map((raw) => parseType(raw, settings, path, typeContext));

  const hashKey = settings.hashKey === true;
  const rangeKey = settings.rangeKey === true;
  if (hashKey && rangeKey) fail(path, `Attribute ${path} must not be both hashKey and rangeKey.`);
  const nested = path.includes(".");
  if (nested && (hashKey || rangeKey)) fail(path, `The key attribute ${path} must be at the root of the schema, not nested.`);
  if (nested && (hasIndex(settings) || rawTypes.some((raw) => isPlainObject(raw) && hasIndex(raw)))) {
    fail(path, `Index must be at root object and not nested in object or array (${path}).`);
  }
  if ((hashKey || rangeKey) && types.length > 1) fail(path, `The key attribute ${path} can not have multiple types.`);
  if (settings.enum !== undefined && !Array.isArray(settings.enum)) fail(path, `The enum of ${path} must be an array.`);
  if (settings.required !== undefined && typeof settings.required !== "boolean")
    fail(path, `The required setting of ${path} must be a boolean.`);
  for (const key of ["get", "set"] as const) {
    if (settings[key] !== undefined && typeof settings[key] !== "function") fail(path, `The ${key} setting of ${path} must be a function.`);
  }

  const aliasSettings = [settings.map, settings.alias, settings.aliases].filter((v) => v !== undefined);
  if (aliasSettings.length > 1) fail(path, `Attribute ${path} may use only one of map, alias and aliases.`);
  const aliases: string[] = aliasSettings.length === 0 ? [] : ([] as string[]).concat(aliasSettings[0] as string | string[]);
  for (const alias of aliases)
    if (typeof alias !== "string" || alias === "") fail(path, `The aliases of ${path} must be non-empty strings.`);
  const defaultAlias = defaultAliasOf(settings, rawTypes, path);
  if (defaultAlias !== undefined && defaultAlias !== name && !aliases.includes(defaultAlias)) {
    fail(path, `The defaultMap of ${path} (${defaultAlias}) must be one of its aliases or its own name.`);
  }

  const indexes: IndexDefinition[] =
    settings.index === undefined || settings.index === false
      ? []
      : settings.index === true
        ? [{}]
        : Array.isArray(settings.index)
          ? (settings.index as IndexDefinition[])
          : [settings.index as IndexDefinition];

  // A CONSTANT attribute defaults to its constant.
  const constant = types.length === 1 && types[0]?.kind === "constant" ? types[0].value : undefined;
  const defaultValue = settings.default !== undefined ? settings.default : constant;
  const hasDefault = defaultValue !== undefined;
  return {
    name,
    path,
    types,
    hasDefault,
    ...(hasDefault ? { default: defaultValue } : {}),
    forceDefault: settings.forceDefault === true,
    ...(settings.validate !== undefined ? { validate: settings.validate } : {}),
    required: settings.required === true,
    ...(settings.enum ? { enum: new Set<unknown>(settings.enum), enumList: settings.enum } : {}),
    ...(settings.get ? { get: settings.get as (value: unknown) => unknown } : {}),
    ...(settings.set ? { set: settings.set as (value: unknown, old?: unknown) => unknown } : {}),
    indexes,
    hashKey,
    rangeKey,
    aliases,
    readName: defaultAlias ?? aliases[0] ?? name,
  };
}

/** Whether a definition (or one type of a union) declares an index. */
const hasIndex = (definition: { readonly index?: unknown }): boolean => definition.index !== undefined && definition.index !== false;

/**
 * The `defaultMap` / `defaultAlias` of an attribute: one at most, counting the definition and each type of a union
 * (Dynamoose refuses two, even equal ones).
 */
function defaultAliasOf(settings: AttributeDefinition, rawTypes: readonly unknown[], path: string): string | undefined {
  const found: unknown[] = [];
  for (const definition of [settings, ...rawTypes]) {
    if (!isPlainObject(definition)) continue;
    if (definition.defaultMap) found.push(definition.defaultMap);
    if (definition.defaultAlias) found.push(definition.defaultAlias);
  }
  if (found.length > 1) fail(path, `Only defaultMap or defaultAlias can be specified per attribute (${path}).`);
  return found[0] as string | undefined;
}

function modelRef(model: ModelLike): ModelRef {
  return { resolve: () => model.describeReference() };
}

function dateStorage(raw: unknown, path: string): DateStorage {
  const storage = isRecord(raw) && isRecord(raw.settings) ? raw.settings.storage : undefined;
  if (storage === undefined) return "milliseconds";
  if (storage === "milliseconds" || storage === "seconds" || storage === "iso") return storage;
  return fail(path, `The Date storage of ${path} must be "milliseconds", "seconds" or "iso", not ${String(storage)}.`);
}

function parseType(raw: unknown, settings: AttributeDefinition, path: string, context: ParseContext): TypeNode {
  if (typeof raw === "string") {
    // "Combine" by name, without settings (Dynamoose accepts it; see the COMBINE branch below).
    const resolved = raw.toLowerCase() === "combine" ? { value: "Combine" } : typeNames[raw.toLowerCase()];
    if (resolved === undefined) fail(path, `Attribute ${path} does not have a valid type.`);
    raw = resolved;
  }
  if (raw === String) return { kind: "string" };
  if (raw === Number) return { kind: "number" };
  if (raw === BigInt) return { kind: "bigint" };
  if (raw === Boolean) return { kind: "boolean" };
  if (raw === Date) return { kind: "date", storage: "milliseconds" };
  if (raw === Buffer) return { kind: "buffer" };
  if (raw === NULL) return { kind: "null" };
  if (raw === ANY) return { kind: "any" };
  if (raw === UNDEFINED) return { kind: "undefined" };
  if (raw === THIS) return { kind: "model", model: context.self };
  if (isModelLike(raw)) return { kind: "model", model: modelRef(raw) };
  if (isNestedSchema(raw)) return parseNestedSchema(raw, path, context);
  if (raw === Object) {
    const schema = settings.schema;
    if (schema === undefined || schema === ANY) return { kind: "object", shape: undefined };
    if (isNestedSchema(schema)) return parseNestedSchema(schema, path, context);
    return { kind: "object", shape: parseShape(schema, path, context) };
  }
  if (raw === Array) {
    const schema = settings.schema;
    if (schema === undefined || schema === ANY) return { kind: "array", element: undefined };
    const elements: readonly unknown[] = Array.isArray(schema) ? schema : [schema];
    if (elements.length !== 1) fail(path, `You must only pass one element into schema array (${path}); use a union inside it.`);
    context.arrayElements?.add(`${path}.0`);
    return { kind: "array", element: parseAttribute("0", `${path}.0`, elements[0], context) };
  }
  if (raw === Set) return parseSet(settings, path, context);
  // A union of full definitions (`[{ type: Object, schema }, { type: String }]`): each element brings its own schema.
  if (isPlainObject(raw) && "type" in raw && !Array.isArray(raw.type)) {
    return parseType(raw.type, raw as unknown as AttributeDefinition, path, context);
  }
  if (isRecord(raw)) {
    if (raw.value === Date) return { kind: "date", storage: dateStorage(raw, path) };
    const typeSettings = isRecord(raw.settings) ? raw.settings : {};
    if (raw.value === "Constant") {
      const value = typeSettings.value;
      if (typeof value !== "string" && !(typeof value === "number" && Number.isFinite(value)) && typeof value !== "boolean") {
        fail(path, `The CONSTANT value of ${path} must be a string, finite number or boolean.`);
      }
      return { kind: "constant", value };
    }
    if (raw.value === "Combine") {
      const attributes = typeSettings.attributes;
      // Among several types a COMBINE is refused on every write, as in Dynamoose (`combine-in-union.ts`): unchecked here.
      if (context.inUnion) {
        const names = Array.isArray(attributes) ? attributes.filter((a): a is string => typeof a === "string") : [];
        return { kind: "combine", attributes: names, separator: typeof typeSettings.separator === "string" ? typeSettings.separator : "," };
      }
      if (!Array.isArray(attributes) || attributes.some((a) => typeof a !== "string")) {
        fail(path, `COMBINE for ${path} needs an array of attribute names.`);
      }
      const separator = typeSettings.separator ?? ",";
      if (typeof separator !== "string") fail(path, `The COMBINE separator of ${path} must be a string.`);
      return { kind: "combine", attributes: attributes as string[], separator };
    }
  }
  return fail(path, `Attribute ${path} does not have a valid type.`);
}

const setElements = new Map<unknown, SetElement>([
  [String, "string"],
  [Number, "number"],
  [Date, "date"],
  [Buffer, "buffer"],
]);

function parseSet(settings: AttributeDefinition, path: string, context: ParseContext): TypeNode {
  const schema = settings.schema;
  const element: unknown = Array.isArray(schema) ? (schema.length === 1 ? schema[0] : undefined) : schema;
  let raw: unknown = isPlainObject(element) && "type" in element ? element.type : element;
  if (typeof raw === "string") raw = typeNames[raw.toLowerCase()];
  if (raw === Boolean || raw === NULL || raw === ANY || raw === Object || raw === Array) {
    const name = raw === Boolean ? "Boolean" : raw === NULL ? "Null" : raw === ANY ? "Any" : raw === Object ? "Object" : "Array";
    throw new InvalidType(`${path} with type: ${name} is not allowed to be a set`, { code: "invalid_set_type", path, received: name });
  }
  if (isRecord(raw) && raw.value === Date) return { kind: "set", element: "date", storage: dateStorage(raw, path) };
  if (isModelLike(raw) || raw === THIS) {
    const model = raw === THIS ? context.self : modelRef(raw as ModelLike);
    return { kind: "set", element: "model", storage: "milliseconds", model };
  }
  const kind = setElements.get(raw);
  if (kind === undefined) {
    throw new InvalidType(`${path} contains an invalid type: a Set needs schema: [String | Number | Date | Buffer].`, {
      code: "invalid_set_type",
      path,
    });
  }
  return { kind: "set", element: kind, storage: "milliseconds" };
}

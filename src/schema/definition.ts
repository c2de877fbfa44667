/**
 * The shapes a schema definition may take: what `new dynamodel.Schema(definition, settings)` accepts.
 * These types are read by both the runtime parser (`parse.ts`) and the inference types (`infer.ts`).
 *
 * @module
 */
import type { ANY, CombineType, ConstantType, NULL, THIS, UNDEFINED } from "./attribute-types.js";

/**
 * Node's `Buffer` constructor, as a schema type (`blob: Buffer`). Read from `globalThis` so that the declarations do
 * not need `@types/node`: without it (where `Buffer` can not be written anyway) it is `never`, and no other type
 * degrades to `any` through an unresolved name.
 */
export type BufferConstructorType = typeof globalThis extends { readonly Buffer: infer C } ? C : never;

/** What a Buffer attribute reads as: Node's `Buffer` (what `Buffer.isBuffer` narrows to) with `@types/node`, else `Uint8Array`. */
export type BufferInstance = [BufferConstructorType] extends [never]
  ? Uint8Array
  : BufferConstructorType extends { isBuffer(value: unknown): value is infer B }
    ? B
    : Uint8Array;

/** How a `Date` attribute is stored: epoch milliseconds (N, default), epoch seconds (N), or an ISO-8601 string (S). */
export type DateStorage = "milliseconds" | "seconds" | "iso";

/** `{ value: Date, settings: { storage } }`: a Date type with its storage. */
export interface DateType {
  readonly value: DateConstructor;
  readonly settings?: { readonly storage?: DateStorage };
}

/**
 * A model usable as an attribute type (a reference). Anything with this brand is a model; the brand is set by
 * `dynamodel.model`. @internal
 */
export interface ModelReference {
  readonly __dynamodelModel: true;
}

/** Type names accepted as strings (matched case-insensitively at run time). */
export type TypeName =
  | "string"
  | "String"
  | "number"
  | "Number"
  | "boolean"
  | "Boolean"
  | "date"
  | "Date"
  | "buffer"
  | "Buffer"
  | "object"
  | "Object"
  | "array"
  | "Array"
  | "any"
  | "Any"
  | "null"
  | "Null";

/** A single attribute type. */
export type TypeSpec =
  | StringConstructor
  | NumberConstructor
  | BooleanConstructor
  | DateConstructor
  | BufferConstructorType
  | ObjectConstructor
  | ArrayConstructor
  | SetConstructor
  | BigIntConstructor
  | DateType
  | ConstantType
  | CombineType
  | typeof NULL
  | typeof ANY
  | typeof UNDEFINED
  | typeof THIS
  | ModelReference
  | TypeName;

/** Index projection: `true`/absent = ALL, `false` = KEYS_ONLY, a list = INCLUDE those attributes. */
export type IndexProjection = boolean | readonly string[];

/** Provisioned throughput: a number for both, or read and write. */
export type Throughput = number | { readonly read: number; readonly write: number };

/** A secondary index declared on an attribute (`index: {...}`). */
export interface IndexDefinition {
  /** Index name; default `<attribute>GlobalIndex` or `<attribute>LocalIndex`. */
  readonly name?: string;
  /** `"global"` (default) or `"local"`. */
  readonly type?: "global" | "local";
  /** Range key attribute of a global index. */
  readonly rangeKey?: string;
  /** Projected attributes. */
  readonly project?: IndexProjection;
  /** Provisioned throughput of a global index. */
  readonly throughput?: Throughput;
}

/** A `validate` setting: a value to equal, a RegExp to match, or a function returning (a promise of) a boolean. */
export type Validator = string | number | boolean | RegExp | ValidatorFunction;

/** A validator function (method-style so that a function typed for the attribute's value is accepted). */
export type ValidatorFunction = {
  bivarianceHack(value: unknown): boolean | Promise<boolean>;
}["bivarianceHack"];

/** The full form of an attribute: `{ type, ...settings }`. */
export interface AttributeDefinition {
  /** The attribute type, or several types for a union. */
  readonly type: TypeSpec | readonly TypeSpec[];
  /** Children of an Object (a definition), of an Array (one element definition) or of a Set (one element type). */
  readonly schema?: SchemaDefinition | SchemaLike | readonly AttributeValueDefinition[] | typeof ANY;
  /** Value used when the attribute is `undefined` on save: a value, or a (possibly async) function. */
  readonly default?: unknown;
  /** Always replace the value with the default, on save and on every update. */
  readonly forceDefault?: boolean;
  /** A check run when the value is present: a value to equal, a RegExp, or a (possibly async) predicate. */
  readonly validate?: Validator;
  /** The attribute must have a value (not `undefined` nor `null`). */
  readonly required?: boolean;
  /** Allowed values. */
  readonly enum?: readonly (string | number | boolean)[];
  /** Transform on read. */
  get?(value: unknown): unknown;
  /** Transform on save (also applied to keys and condition values). */
  set?(value: unknown, oldValue?: unknown): unknown;
  /** Secondary index(es) on this attribute. */
  readonly index?: boolean | IndexDefinition | readonly IndexDefinition[];
  /** This attribute is the table's hash (partition) key. */
  readonly hashKey?: boolean;
  /** This attribute is the table's range (sort) key. */
  readonly rangeKey?: boolean;
  /** App-side name(s) for this attribute (e.g. `pk` stored, `userId` in the app). */
  readonly map?: string | readonly string[];
  /** Same as `map`. */
  readonly alias?: string | readonly string[];
  /** Same as `map`. */
  readonly aliases?: string | readonly string[];
  /** Which name reads use when there are several. */
  readonly defaultMap?: string;
  /** Same as `defaultMap`. */
  readonly defaultAlias?: string;
}

/** What a key of a schema definition may hold: a type, a union of types, or the full form. */
export type AttributeValueDefinition = TypeSpec | readonly (TypeSpec | AttributeDefinition)[] | AttributeDefinition | SchemaLike;

/** A nested `Schema` used as an attribute value (becomes an Object with that schema). */
export interface SchemaLike {
  readonly __dynamodelSchema: true;
}

/** A schema definition: attribute name → definition. */
export interface SchemaDefinition {
  readonly [attribute: string]: AttributeValueDefinition;
}

/** A timestamp attribute name, several names, or `{ name: definition }` to choose the Date storage; `null` disables it. */
export type TimestampSetting = string | readonly string[] | { readonly [name: string]: AttributeValueDefinition } | null;

/** Schema-wide settings. */
export interface SchemaSettings {
  /** `true` adds `createdAt` and `updatedAt` (Date, stored as ms); or choose the names. */
  readonly timestamps?:
    | boolean
    | {
        /** The creation timestamp's name(s), or `null` for none. */
        readonly createdAt?: TimestampSetting;
        /** The last-update timestamp's name(s), or `null` for none. */
        readonly updatedAt?: TimestampSetting;
      };
  /**
   * Optimistic locking: `true` adds a numeric `version` attribute, a string names it. Every `save`, `update`,
   * `delete` and transaction write checks the version read and increments it; a lost race throws `VersionConflict`.
   * @example `new Schema({ id: String, n: Number }, { version: true })`
   */
  readonly version?: boolean | string;
  /** Keep attributes the schema does not define: `true` for all, or dotted paths with `*` (one level) and `**` (any depth). */
  readonly saveUnknown?: boolean | readonly string[];
  /** Item-level transform on read, after attribute `get`s. */
  get?(item: Record<string, unknown>): unknown;
  /** Item-level transform on save, after attribute `set`s. */
  set?(item: Record<string, unknown>): unknown;
  /** Item-level check on save. */
  validate?(item: Record<string, unknown>): boolean | Promise<boolean>;
}

/**
 * The settings an item's methods take: `save`, `populate`, the item constructor and `conformToSchema`.
 *
 * @module
 */
import type { CapacitySettings } from "../aws/capacity.js";

/** Settings of `item.save()`. */
export interface SaveSettings extends CapacitySettings {
  /** Replace an existing item with the same key (default `true`); `false` fails when the key exists. */
  readonly overwrite?: boolean;
  /** `"request"`: resolve the PutItem input without sending it. */
  readonly return?: "item" | "request";
  /** A condition the stored item must meet (a `Condition`, or its object form). */
  readonly condition?: unknown;
  /** `false`: run none of the model's hooks (`Model.pre` / `Model.post`) for this call. */
  readonly hooks?: boolean;
}

/** Settings of `item.populate()`. */
export interface PopulateSettings {
  /** Which reference attributes to fetch: `true` (all), a dotted path or paths with `*`/`**`. */
  readonly properties?: boolean | string | readonly string[];
}

/** Settings of `new Model(object, settings)`. */
export interface ItemSettings {
  /**
   * `"fromDynamo"`: the object was read from DynamoDB: an AttributeValue map is unmarshalled, and the item counts
   * as stored (`original()` returns it; a save keeps `createdAt`). `"toDynamo"` (or none): a new item.
   */
  readonly type?: "fromDynamo" | "toDynamo";
}

/**
 * Settings of `item.conformToSchema()` and `Item.objectFromSchema()` (Dynamoose's), each running its own step of the
 * write pipeline, as in Dynamoose. `type: "fromDynamo"` reads the object as stored (types checked; Dates made of
 * stored numbers or strings only with `customTypesDynamo`; `modifiers: ["get"]` runs `get`); `"toDynamo"` checks it
 * for writing, and `customTypesDynamo` / `mapAttributes` give the stored forms and names.
 */
export interface ItemConformSettings {
  /** `"fromDynamo"`: read the object as stored; `"toDynamo"`: check it for writing. */
  readonly type?: "fromDynamo" | "toDynamo";
  /**
   * Resolve `undefined` for an expired item: one whose TTL attribute (seconds, as stored) has passed, when the
   * table's `expires` leaves expired items out (`items: { returnExpired: false }`).
   */
  readonly checkExpiredItem?: boolean;
  /** Keep the unknown attributes the schema's `saveUnknown` keeps (without it, every unknown attribute is dropped). */
  readonly saveUnknown?: boolean;
  /**
   * Accepted as in Dynamoose, where it populates nothing: `conformToSchema` with `type: "fromDynamo"` populates the
   * item's references when the table option `populate` asks for it (as every read does), with or without this.
   */
  readonly populate?: boolean;
  /** Apply `default`s. */
  readonly defaults?: boolean;
  /** Apply `forceDefault`s (with `default`s: one step). */
  readonly forceDefault?: boolean;
  /** `"toDynamo"`: give the stored forms of Dates, Sets and Buffers; `"fromDynamo"`: make Dates of stored values. */
  readonly customTypesDynamo?: boolean;
  /** Run `validate`, and the schema's `validate` (`enum` is its own setting). */
  readonly validate?: boolean;
  /** Check `required` (`"nested"`: only inside the attributes given, not those missing at the top level). */
  readonly required?: boolean | "nested";
  /** Check `enum`. */
  readonly enum?: boolean;
  /** Compute `COMBINE` attributes, before `modifiers: ["set"]` runs (from the values given). */
  readonly combine?: boolean;
  /** Run the `get` (reading) or `set` (writing) transforms. */
  readonly modifiers?: readonly ("get" | "set")[];
  /** Set the timestamps; an object chooses `createdAt` and `updatedAt`. */
  readonly updateTimestamps?:
    | boolean
    | {
        /** Set `createdAt`. */
        readonly createdAt?: boolean;
        /** Set `updatedAt`. */
        readonly updatedAt?: boolean;
      };
  /** Check the types (always done: the plan checks types while it converts). */
  readonly typeCheck?: boolean;
  /** Give the stored attribute names (`map` / alias resolved). */
  readonly mapAttributes?: boolean;
}

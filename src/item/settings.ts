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
 * Settings of `item.conformToSchema()` and `Item.objectFromSchema()` (Dynamoose's). `type: "fromDynamo"` reads the
 * object as stored (types checked, stored forms turned into Dates, Sets, Buffers; `modifiers: ["get"]` runs `get`);
 * `"toDynamo"` checks it for writing (`defaults`, `forceDefault`, `validate`, `enum`, `combine`, `modifiers: ["set"]`
 * or `updateTimestamps` run the whole save pipeline) and `customTypesDynamo` / `mapAttributes` give the stored forms
 * and names.
 */
export interface ItemConformSettings {
  /** `"fromDynamo"`: read the object as stored; `"toDynamo"`: check it for writing. */
  readonly type?: "fromDynamo" | "toDynamo";
  /** Accepted for Dynamoose's sake; unknown attributes are kept as the schema's own `saveUnknown` says. */
  readonly saveUnknown?: boolean;
  /** Apply `default`s (runs the save pipeline). */
  readonly defaults?: boolean;
  /** Apply `forceDefault`s (runs the save pipeline). */
  readonly forceDefault?: boolean;
  /** Give the stored forms of Dates, Sets and Buffers (`"toDynamo"`). */
  readonly customTypesDynamo?: boolean;
  /** Run `validate` (runs the save pipeline). */
  readonly validate?: boolean;
  /** Check `required` (`"nested"`: also inside nested objects). */
  readonly required?: boolean | "nested";
  /** Check `enum` (runs the save pipeline). */
  readonly enum?: boolean;
  /** Compute `COMBINE` attributes (runs the save pipeline). */
  readonly combine?: boolean;
  /** Run the `get` (reading) or `set` (writing) transforms. */
  readonly modifiers?: readonly ("get" | "set")[];
  /** Set the timestamps (runs the save pipeline); an object chooses `createdAt` and `updatedAt`. */
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

/**
 * The settings an item's methods take: `save`, `populate`, the item constructor and `conformToSchema`.
 *
 * @module
 */

/** Settings of `item.save()`. */
export interface SaveSettings {
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
  readonly type?: "fromDynamo" | "toDynamo";
  readonly saveUnknown?: boolean;
  readonly defaults?: boolean;
  readonly forceDefault?: boolean;
  readonly customTypesDynamo?: boolean;
  readonly validate?: boolean;
  readonly required?: boolean | "nested";
  readonly enum?: boolean;
  readonly combine?: boolean;
  readonly modifiers?: readonly ("get" | "set")[];
  readonly updateTimestamps?: boolean | { readonly createdAt?: boolean; readonly updatedAt?: boolean };
  readonly typeCheck?: boolean;
  readonly mapAttributes?: boolean;
}

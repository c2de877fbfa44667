/**
 * The port: what query, batch and transaction need of a store — one model's ({@link ModelStore}) or one table's of
 * several models ({@link TableStore}) — and what a store needs of its table ({@link TableLink}, which `Table`
 * implements). Nothing below `model/` and `table/` knows those two.
 *
 * @module
 * @internal
 */
import type { DataOperation, Operation, Operations } from "../aws/client.js";
import type { ValueEncoder } from "../expression/index.js";
import type { Item } from "../item/item.js";
import type { AttributeMap } from "../schema/plan.js";
import type { Schema } from "../schema/schema.js";
import type { EntityTag } from "./entity.js";
import type { ExpiresSettings } from "./expires.js";
import type { CapacityMeter, CapacitySettings } from "../aws/capacity.js";
import type { Hooked } from "./hooks.js";

/** What a store needs of the table it writes to and reads from. */
export interface TableLink {
  /** The table name, with prefix and suffix. */
  readonly name: string;
  /** The instance whose client the table's requests go through (one transaction takes one). */
  readonly instance: object;
  /** The resolved `expires` option. */
  readonly expires: ExpiresSettings | undefined;
  /**
   * The table options stores read: `populate` (applied to the items of a read) and `returnConsumedCapacity` (the
   * default of every call).
   */
  readonly options: { readonly populate?: boolean | string | readonly string[] } & CapacitySettings;
  /** The stores of the models that tag their items (reads route by tag only when there are some). */
  readonly taggedReaders: readonly StoredReader[];
  /** Resolves once the table is ready for requests. */
  ready(): Promise<void>;
  /** Sends one operation through the table's instance. */
  send<K extends Operation>(operation: K, input: Operations[K][0]): Promise<Operations[K][1]>;
  /** Turns a stored item into an item of the model of the table that owns it (see `ownerOf`). */
  fromStored(map: AttributeMap): Promise<unknown>;
}

/** What deciding the owner of a stored item needs of a model's store. */
export interface StoredReader {
  /** The entity tag the model writes on its items. */
  readonly entity: EntityTag | undefined;
  /** The model's schemas. */
  readonly schemas: readonly Schema[];
  /** Reads a stored item as an item of this model. */
  fromStored(map: AttributeMap): Promise<Item>;
}

/** What query, scan, batch and transaction talk to. */
export interface StorePort extends Hooked {
  /** The model's name (the table's, for a table store): error messages name it. */
  readonly name: string;
  /** The schema of keys, indexes and attribute declarations. */
  readonly schema: Schema;
  /** Encodes a condition value with the schema that declares its attribute. */
  readonly encoder: ValueEncoder;
  /** The version attribute (optimistic locking), if any. */
  readonly versionName: string | undefined;
  /** The table (created, and its setup started, when the model has none yet). */
  table(): TableLink;
  /**
   * Sends one data operation once the table is ready; a failed condition becomes `ConditionalCheckFailed`. With a
   * meter, the consumed capacity is asked for and summed in it.
   */
  send<K extends DataOperation>(operation: K, input: Operations[K][0], meter?: CapacityMeter): Promise<Operations[K][1]>;
  /** Turns a stored item into an item: synchronously unless a `get` transform returned a promise. */
  readStored(map: AttributeMap): Item | Promise<Item>;
  /** `object` as an item of the model (itself when it is one). */
  toItem(object: unknown): Item;
  /** The stored form of an item, with what the table writes beside it (entity tag, expiry). */
  toStored(item: Item): Promise<AttributeMap>;
  /** The table option `populate` applied to items just read; without it, the items as they are (no promise). */
  populateRead<T extends readonly Item[]>(items: T): T | Promise<T>;
}

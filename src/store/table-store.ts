/**
 * The store of a whole table of several models, what `table.query()` and `table.scan()` read through: the key
 * schema and the indexes of every model, values encoded by the schema that declares the attribute, and each stored
 * item read by the model that owns it (`ownerOf`).
 *
 * @module
 * @internal
 */
import type { DataOperation, Operations } from "../aws/client.js";
import type { ValueEncoder } from "../expression/index.js";
import type { Item } from "../item/item.js";
import type { AttributeMap } from "../schema/plan.js";
import type { Schema } from "../schema/schema.js";
import type { ModelStore } from "./model-store.js";
import { ownerOf } from "./owner.js";
import type { StorePort, TableLink } from "./port.js";
import { sendThrough } from "./send.js";
import type { CapacityMeter } from "../aws/capacity.js";
import { TableSchema, mergedEncoder } from "./table-schema.js";

/** The store of a table: reads through it return each item as the model that owns it. */
export class TableStore implements StorePort {
  readonly schema: Schema;
  readonly encoder: ValueEncoder;
  readonly #first: ModelStore;
  /** A table's reads (`table.query()`, `table.scan()`) run no model's hooks. */
  readonly hooks = undefined;

  constructor(
    private readonly link: TableLink,
    readonly stores: readonly ModelStore[],
  ) {
    const schemas = stores.flatMap((store) => store.schemas);
    this.schema = new TableSchema(schemas);
    this.encoder = mergedEncoder(schemas);
    this.#first = stores[0] as ModelStore;
  }

  /** The table's name (error messages name it). */
  get name(): string {
    return this.link.name;
  }

  /** The first model's version attribute. */
  get versionName(): string | undefined {
    return this.#first.versionName;
  }

  table(): TableLink {
    return this.link;
  }

  send<K extends DataOperation>(operation: K, input: Operations[K][0], meter?: CapacityMeter): Promise<Operations[K][1]> {
    return sendThrough(this.link, operation, input, operation, this.name, meter);
  }

  /** Reads a stored item as the model that owns it: its entity tag, else the best-fitting schema (the first on ties). */
  readStored(map: AttributeMap): Item | Promise<Item> {
    return (ownerOf(this.stores, map) ?? this.#first).readStored(map);
  }

  /** As the first model. */
  toItem(object: unknown): Item {
    return this.#first.toItem(object);
  }

  /** As the first model. */
  toStored(item: Item): Promise<AttributeMap> {
    return this.#first.toStored(item);
  }

  /** The table option `populate`, as the first model applies it (the option is the table's). */
  populateRead<T extends readonly Item[]>(items: T): T | Promise<T> {
    return this.#first.populateRead(items);
  }
}

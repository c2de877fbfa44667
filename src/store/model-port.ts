/**
 * The store of one model as transactions and the request builders (`getParams`, `saveParams`, ...) see it: the port
 * plus the model's facts (first schema, version, entity tag, unknown attributes) and how it conforms an item.
 *
 * @module
 * @internal
 */
import type { UnknownAttributes } from "../bind/unknown-names.js";
import type { ValueEncoder } from "../expression/index.js";
import type { Item } from "../item/item.js";
import type { AttributeMap } from "../schema/plan.js";
import type { Schema } from "../schema/schema.js";
import type { EntityTag } from "./entity.js";
import type { StorePort, TableLink } from "./port.js";

/** An item conformed to the schema that accepted it, and its stored form. */
export interface Conformed {
  readonly schema: Schema;
  readonly map: AttributeMap;
}

/** What the request builders of a model's operations (`getParams`, `saveParams`, ...) need of its store. */
export interface ModelFacts {
  /** The model's name. */
  readonly name: string;
  /** The first schema (keys and updates use it). */
  readonly schema: Schema;
  /** The encoder of the first schema. */
  readonly encoder: ValueEncoder;
  /** The version attribute (optimistic locking), if any. */
  readonly versionName: string | undefined;
  /** The entity tag the model writes on its items. */
  readonly entity: EntityTag | undefined;
  /** What writes do with names the schema does not declare. */
  readonly unknownAttributes: UnknownAttributes;
  /** The table. */
  table(): TableLink;
  /** The name of the model's table, without creating the table (nor starting its setup). */
  tableName(): string;
  /** Conforms an item with the best-matching schema that accepts it; its stored form, with the table's attributes. */
  conform(item: Item, isNew: boolean): Promise<Conformed>;
}

/** The store of one model, as transactions see it: the port and what its request builders need. */
export type ModelPort = StorePort & ModelFacts;

/**
 * The engine behind a model as its items see it: the model's store (`store/model-store.ts`) plus what `Item`
 * methods need of the Dynamoose facade (serializers, populate, `objectFromSchema`, `withDefaults`).
 *
 * @module
 * @internal
 */
import type { PutItemCommandInput } from "@aws-sdk/client-dynamodb";
import { type Item, type ItemConformSettings, type ItemModel, type PopulateSettings, type SaveSettings, storedOf } from "../item/item.js";
import type { AttributeMap } from "../schema/plan.js";
import type { Schema } from "../schema/schema.js";
import type { EntityTag } from "../store/entity.js";
import { type ItemClass, ModelStore } from "../store/model-store.js";
import { schemasByMatch } from "../store/owner.js";
import type { TableLink } from "../store/port.js";
import { indexesOfSchema, withEstimate } from "../store/capacity-estimate.js";
import { saveParams } from "../store/save-params.js";
import { isExpiredObject } from "../store/expires.js";
import { attributesWithSchema, conformObject, schemaForObject } from "./conform.js";
import { withExpiry } from "./expiry-schema.js";
import { populateItems } from "./populate.js";
import { Serializers } from "./serializers.js";
import type { UnknownAttributes } from "../bind/unknown-names.js";

/** The engine of one model. */
export class ModelCore extends ModelStore implements ItemModel {
  readonly serializer = new Serializers();

  constructor(
    name: string,
    schemas: readonly Schema[],
    itemClass: ItemClass,
    resolveTable: () => TableLink,
    entity: EntityTag | undefined = undefined,
    peekTableName: () => string = () => resolveTable().name,
    unknownAttributes: UnknownAttributes = "drop",
    keepOriginal = true,
  ) {
    super(
      name,
      schemas,
      itemClass,
      resolveTable,
      entity,
      peekTableName,
      unknownAttributes,
      (items, properties) => populateItems(items, { properties }),
      keepOriginal,
    );
  }

  /** PutItem of an item (`item.save()`, `Model.create`: `operation`), or with `{return: "request"}` its input. */
  async saveItem(item: Item, settings: SaveSettings, operation: "create" | "save" = "save"): Promise<Item | PutItemCommandInput> {
    if (settings.return !== "request") return this.save(item, settings, operation);
    return withEstimate(
      "putItem",
      saveParams(this, item, await this.conform(item, storedOf(item) === null), settings).input,
      indexesOfSchema(this.schema),
    );
  }

  /** Deletes an item by its own key. */
  async deleteItem(item: Item): Promise<void> {
    await this.delete(item);
  }

  /** The stored form of an item. */
  toDynamo(item: Item): Promise<AttributeMap> {
    return this.toStored(item);
  }

  /** A plain copy with defaults applied (no checks). */
  async withDefaults(item: Item): Promise<Record<string, unknown>> {
    const fields = { ...item } as Record<string, unknown>;
    for (const node of this.schema.root.attributes) {
      if (fields[node.name] === undefined && node.hasDefault) {
        fields[node.name] = typeof node.default === "function" ? await (node.default as () => unknown)() : node.default;
      }
    }
    return fields;
  }

  /** Dynamoose's `objectFromSchema`: `object` conformed to the schema Dynamoose chooses for it, with Dynamoose's settings. */
  objectFromSchema(
    object: Record<string, unknown>,
    settings: ItemConformSettings,
    isNew: boolean,
  ): Promise<Record<string, unknown> | undefined> {
    const expires = this.table().expires;
    if (settings.checkExpiredItem && isExpiredObject(expires, object)) return Promise.resolve(undefined);
    return conformObject(withExpiry(schemaForObject(this.schemas, object), expires), object, settings, isNew);
  }

  /** Dynamoose's `attributesWithSchema`: the schema paths `object` has or could have. */
  attributesWithSchema(object: Record<string, unknown>): string[] {
    return attributesWithSchema(schemaForObject(this.schemas, object), object);
  }

  serializeItem(item: Item, nameOrOptions: unknown): Record<string, unknown> {
    return this.serializer.serialize({ ...item } as Record<string, unknown>, nameOrOptions);
  }

  populateItems(items: readonly Item[], settings: PopulateSettings): Promise<void> {
    return populateItems(items, settings);
  }

  schemaForItem(item: Item): Schema {
    return schemasByMatch(this.schemas, item)[0] as Schema;
  }
}

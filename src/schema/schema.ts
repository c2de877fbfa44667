/**
 * `dynamodel.Schema`: an item's attributes, their types and rules, compiled once into a plan.
 *
 * @module
 */
import { InvalidParameter } from "../errors.js";
import type { IndexProjection, SchemaDefinition, SchemaSettings, Throughput } from "./definition.js";
import { type ParseContext, parseShape, timestampNode } from "./parse.js";
import type { AttributeNode, NestedStamp, ObjectShape, ReferencedModel, TypeNode } from "./nodes.js";
import { SchemaPlan } from "./plan.js";
import type { AttributeCallbacks, DefinitionInput, TypedDefinition } from "./infer/callbacks.js";
import { parseTimestamps } from "./timestamps.js";

/** A secondary index as the table needs it. */
export interface IndexSpec {
  readonly name: string;
  readonly type: "global" | "local";
  readonly hashKey: string;
  readonly rangeKey: string | undefined;
  readonly project: IndexProjection;
  readonly throughput: Throughput | undefined;
}

/** DynamoDB's scalar type letter for a key attribute. */
export type KeyType = "S" | "N" | "B";

/** The DynamoDB key type of a type node. @internal */
export function keyTypeOf(type: TypeNode | undefined): KeyType {
  if (!type) return "S";
  switch (type.kind) {
    case "number":
    case "bigint":
      return "N";
    case "date":
      return type.storage === "iso" ? "S" : "N";
    case "buffer":
      return "B";
    case "constant":
      return typeof type.value === "number" ? "N" : "S";
    case "model":
      return keyTypeOfModel(type.model.resolve());
    default:
      return "S";
  }
}

function keyTypeOfModel(model: ReferencedModel): KeyType {
  return model.hashKeyKind === "number" ? "N" : model.hashKeyKind === "buffer" ? "B" : "S";
}

/** The `Schema` class; its public type is the {@link Schema} interface and its constructor {@link SchemaConstructor}. @internal */
export class SchemaBase<D extends SchemaDefinition = SchemaDefinition, S extends SchemaSettings = {}> {
  /** Brand recognised when a schema is nested in another definition. @internal */
  readonly __dynamodelSchema = true as const;
  /** The definition, as given. */
  readonly definition: D;
  /** The settings, as given. */
  readonly settings: S;
  /** Type-only phantom that lets a nested schema's type be inferred; never set at run time. @internal */
  declare readonly "~types"?: { readonly definition: D; readonly settings: S };
  /** The compiled plan. @internal */
  readonly plan: SchemaPlan;
  /** @internal */
  readonly shape: ObjectShape;
  /** @internal */
  owner: (() => ReferencedModel) | undefined;

  constructor(definition: D, settings?: S) {
    this.definition = definition;
    this.settings = (settings ?? {}) as S;
    const nestedUnknown: string[] = [];
    const nestedStamps: NestedStamp[] = [];
    const context: ParseContext = {
      nestedUnknown,
      nestedStamps,
      arrayElements: new Set(),
      self: {
        resolve: () => {
          if (!this.owner)
            throw new InvalidParameter("dynamodel.type.THIS can only be used in the schema of a model.", { code: "invalid_schema" });
          return this.owner();
        },
      },
    };
    const parsed = parseShape(definition, "", context);
    const timestamps = parseTimestamps(this.settings, new Set(parsed.byName.keys()));
    const stamped = [...timestamps.createdAt, ...timestamps.updatedAt].map((stamp) => timestampNode(stamp.name, stamp.name, stamp.storage));
    const attributes = [...parsed.attributes, ...stamped];
    this.shape = { attributes, byName: new Map(attributes.map((a) => [a.name, a])) };
    checkKeys(this.shape);
    checkAliases(this.shape);
    this.plan = new SchemaPlan(this.shape, withNestedUnknown(this.settings, nestedUnknown), timestamps, nestedStamps);
  }

  /** The hash (partition) key attribute: the one marked `hashKey: true`, else the first attribute. */
  get hashKey(): string {
    this.cachedHashKey ??= (this.shape.attributes.find((a) => a.hashKey) ?? (this.shape.attributes[0] as AttributeNode)).name;
    return this.cachedHashKey;
  }
  /** @internal */
  cachedHashKey: string | undefined;

  /** The range (sort) key attribute, if any. */
  get rangeKey(): string | undefined {
    if (this.cachedRangeKey === undefined) this.cachedRangeKey = { name: this.shape.attributes.find((a) => a.rangeKey)?.name };
    return this.cachedRangeKey.name;
  }
  /** @internal */
  cachedRangeKey: { readonly name: string | undefined } | undefined;

  /** One attribute name per index (an attribute with two indexes appears twice). */
  get indexAttributes(): string[] {
    return this.shape.attributes.flatMap((a) => a.indexes.map(() => a.name));
  }

  /** Every attribute path, nested ones dotted (`"address"`, `"address.city"`, `"tags.0"`). */
  attributes(): string[] {
    const paths: string[] = [];
    const walk = (shape: ObjectShape): void => {
      for (const attribute of shape.attributes) {
        paths.push(attribute.path);
        for (const type of attribute.types) walkType(type);
      }
    };
    const walkType = (type: TypeNode): void => {
      if (type.kind === "object" && type.shape) walk(type.shape);
      if (type.kind === "array" && type.element) {
        paths.push(type.element.path);
        for (const inner of type.element.types) walkType(inner);
      }
    };
    walk(this.shape);
    return paths;
  }

  /** The secondary indexes declared on attributes (computed once: the schema never changes). */
  indexes(): readonly IndexSpec[] {
    this.cachedIndexes ??= this.computeIndexes();
    return this.cachedIndexes;
  }
  /** @internal */
  cachedIndexes: readonly IndexSpec[] | undefined;

  /** @internal */
  computeIndexes(): IndexSpec[] {
    const hashKey = this.hashKey;
    return this.shape.attributes.flatMap((attribute) =>
      attribute.indexes.map((index): IndexSpec => {
        const type = index.type ?? "global";
        return {
          name: index.name ?? `${attribute.name}${type === "global" ? "GlobalIndex" : "LocalIndex"}`,
          type,
          hashKey: type === "global" ? attribute.name : hashKey,
          rangeKey: type === "global" ? index.rangeKey : attribute.name,
          project: index.project ?? true,
          throughput: index.throughput,
        };
      }),
    );
  }

  /** The normalized attribute of a root name or alias. @internal */
  attribute(name: string): AttributeNode | undefined {
    return this.shape.byName.get(name) ?? this.shape.attributes.find((a) => a.aliases.includes(name));
  }

  /** The normalized root shape. @internal */
  get root(): ObjectShape {
    return this.shape;
  }

  /** The DynamoDB type of a key attribute (`S`, `N` or `B`). @internal */
  keyType(name: string): KeyType {
    return keyTypeOf(this.shape.byName.get(name)?.types[0]);
  }

  /** Binds the model whose schema this is, for `dynamodel.type.THIS`. @internal */
  bindOwner(owner: () => ReferencedModel): void {
    this.owner ??= owner;
  }
}

/**
 * A schema: the attributes of the items of a model, with their types, defaults, validation and indexes.
 * The definition is kept as a `const` type parameter, so the item type is inferred from it; the callbacks of its
 * attributes (`validate`, `set`, `get`, `default`) are typed from each attribute's `type` ({@link AttributeCallbacks}).
 *
 * @example
 * ```ts
 * const schema = new dynamodel.Schema({
 *   id: { type: String, hashKey: true },
 *   email: { type: String, required: true, validate: /@/ },
 *   age: Number,
 * }, { timestamps: true });
 * ```
 */
export interface Schema<D extends SchemaDefinition = SchemaDefinition, S extends SchemaSettings = {}> extends SchemaBase<D, S> {}

/**
 * `new Schema(definition, settings)`: infers the definition `D` as written and types its callbacks from each
 * attribute ({@link TypedDefinition}).
 *
 * @example
 * ```ts
 * const schema = new dynamodel.Schema({ id: String, price: { type: Number, validate: (v) => v >= 0 } }); // v: number
 * ```
 */
export interface SchemaConstructor {
  // Two signatures rather than an optional `settings` with a default for `S`: the default would be resolved while the
  // callbacks are typed, before the definition is inferred (TS7023 on `default: () => ({})`).
  // Every type parameter has a default all the same, so that `class MySchema extends Schema {}` finds these signatures
  // (a heritage clause only sees construct signatures callable without type arguments, instantiated with the defaults:
  // its `super(definition, settings)` is checked against `SchemaDefinition` and `SchemaSettings`). The default of `D`
  // is its constraint, which gives the callbacks no contextual type of its own in `new Schema(...)`.
  new <const D extends DefinitionInput = DefinitionInput, const T = unknown>(
    definition: TypedDefinition<D, T>,
  ): Schema<DefinitionOf<D>, {}>;
  new <const D extends DefinitionInput = DefinitionInput, const S extends SchemaSettings = SchemaSettings, const T = unknown>(
    definition: TypedDefinition<D, T>,
    settings: S,
  ): Schema<DefinitionOf<D>, SettingsOf<S>>;
  /** The prototype of every schema (what `instanceof Schema` checks). */
  readonly prototype: Schema;
}

/**
 * The definition type of a schema built from the inferred definition `D`: `SchemaDefinition` when `D` is left to its
 * default (a class that `extends Schema`), else `D`. @internal
 */
type DefinitionOf<D> = string extends keyof D ? SchemaDefinition : Extract<D, SchemaDefinition>;

/** The settings type of a schema built with the inferred settings `S`: `{}` when `S` is left to its default. @internal */
type SettingsOf<S> = SchemaSettings extends S ? {} : S;

/** The schema class (see the {@link Schema} interface). */
export const Schema: SchemaConstructor = SchemaBase as unknown as SchemaConstructor;

/** A schema of a definition not known at compile time (a model given a plain definition). @internal */
export function schemaOf(definition: SchemaDefinition, settings?: SchemaSettings): Schema {
  return new SchemaBase(definition, settings);
}

/** The settings with the `saveUnknown` patterns of nested Schema instances added. */
function withNestedUnknown(settings: SchemaSettings, nested: readonly string[]): SchemaSettings {
  if (nested.length === 0 || settings.saveUnknown === true) return settings;
  return { ...settings, saveUnknown: [...(settings.saveUnknown || []), ...nested] };
}

function checkKeys(shape: ObjectShape): void {
  const hashKeys = shape.attributes.filter((a) => a.hashKey);
  const rangeKeys = shape.attributes.filter((a) => a.rangeKey);
  if (hashKeys.length > 1) {
    throw new InvalidParameter(`Only one hashKey allowed per schema (found ${hashKeys.map((a) => a.name).join(", ")}).`, {
      code: "invalid_schema",
    });
  }
  if (rangeKeys.length > 1) {
    throw new InvalidParameter(`Only one rangeKey allowed per schema (found ${rangeKeys.map((a) => a.name).join(", ")}).`, {
      code: "invalid_schema",
    });
  }
  const hash = hashKeys[0] ?? shape.attributes[0];
  if (hash && hash.types.length > 1) {
    throw new InvalidParameter(`The key attribute ${hash.name} can not have multiple types.`, { code: "invalid_schema", path: hash.name });
  }
  for (const key of [hash, rangeKeys[0]]) {
    const kind = key?.types[0]?.kind;
    if (key && kind && !["string", "number", "bigint", "date", "buffer", "constant", "combine", "model"].includes(kind)) {
      throw new InvalidParameter(`The key attribute ${key.name} must be a string, number, Date or Buffer, not ${kind}.`, {
        code: "invalid_schema",
        path: key.name,
      });
    }
  }
}

function checkAliases(shape: ObjectShape): void {
  const seen = new Set<string>();
  for (const attribute of shape.attributes) {
    for (const alias of attribute.aliases) {
      if (shape.byName.has(alias) || seen.has(alias)) {
        throw new InvalidParameter(`The alias ${alias} of ${attribute.name} is already used by another attribute or alias.`, {
          code: "invalid_schema",
          path: attribute.name,
        });
      }
      seen.add(alias);
    }
  }
}

/**
 * The compiled plan of a schema: everything the hot paths need, built once per schema: the read half by
 * `new Schema()`, the write half (defaults, transforms, serializer) on the first write, so that a cold start that
 * only reads compiles none of it.
 *
 * write: input → aliases/defaults → timestamps → COMBINE/`set` → schema `set` → check + serialize → schema `validate`
 * read:  AttributeValue map → deserialize → `get` → schema `get`
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { SchemaSettings } from "./definition.js";
import { type ShapeDeserializer, compileShapeDeserializer } from "./deserialize.js";
import {
  type ObjectPass,
  type PassContext,
  compileCombinePass,
  compileDefaultsPass,
  compileGetPass,
  compileSetPass,
  compileTransformsPass,
} from "./hooks.js";
import { issuesError } from "./issues.js";
import type { NestedStamp, ObjectShape } from "./nodes.js";
import { type KeepRule, keepRuleOf } from "./save-unknown.js";
import { type SerializeContext, type ShapeSerializer, compileShapeSerializer } from "./serialize.js";
import { type Timestamps, stampAt } from "./timestamps.js";
import { ValidationError } from "../errors.js";

/** A stored item: attribute name → AttributeValue. */
export type AttributeMap = Record<string, AttributeValue>;

/** How an item is being written. */
export interface WriteOptions {
  /** The item was not read from DynamoDB: creation timestamps are set. */
  readonly isNew: boolean;
  /**
   * The item as last read from DynamoDB, converted schema-free (numbers, Sets: Dynamoose's `original()`), the
   * `oldValue` of `set` transforms; `null` for an item never read (as in Dynamoose), undefined when not known.
   */
  readonly old?: Record<string, unknown> | null | undefined;
  /** Set timestamps (default true). */
  readonly timestamps?: boolean;
}

const then = <T, R>(value: T | Promise<T>, next: (value: T) => R | Promise<R>): R | Promise<R> =>
  value instanceof Promise ? value.then(next) : next(value);

const settlePending = (context: PassContext): Promise<unknown> | undefined =>
  context.pending ? Promise.all(context.pending).then(() => undefined) : undefined;

/** Runs a pass over `item` and waits for what it started. */
async function runPass(pass: ObjectPass, item: Record<string, unknown>, old: Record<string, unknown> | null | undefined): Promise<void> {
  const context: PassContext = { pending: undefined };
  pass(item, old, context);
  await settlePending(context);
}

/** Whether any attribute of a shape, at any depth, has a `set` transform. */
function hasSetTransform(shape: ObjectShape): boolean {
  return shape.attributes.some((attribute) => attributeHasSet(attribute));
}

function attributeHasSet(attribute: ObjectShape["attributes"][number]): boolean {
  if (attribute.set) return true;
  return attribute.types.some(
    (type) =>
      (type.kind === "object" && type.shape !== undefined && hasSetTransform(type.shape)) ||
      (type.kind === "array" && type.element !== undefined && attributeHasSet(type.element)),
  );
}

/** The write half of a plan: the passes and the serializer a write runs. */
interface Writer {
  readonly defaults: ObjectPass | undefined;
  readonly transforms: ObjectPass | undefined;
  readonly serialize: ShapeSerializer;
}

/**
 * Which steps of the write pipeline {@link SchemaPlan.conformSteps} runs: Dynamoose's `objectFromSchema` settings,
 * each asking for its own step.
 */
export interface ConformSteps {
  /** Apply `default`s and `forceDefault`s. */
  readonly defaults: boolean;
  /** Set the timestamps (`createdAt` only when `isNew`). */
  readonly timestamps: boolean;
  /** The object is a new item: its `createdAt` is set, `set` gets `null` as its old value. */
  readonly isNew: boolean;
  /** Compute `COMBINE` attributes (before `set`, from the values given). */
  readonly combine: boolean;
  /** Run `set` transforms and the schema's `set`. */
  readonly set: boolean;
  /** Run `validate` and the schema's `validate`. */
  readonly validate: boolean;
  /** Check `enum`. */
  readonly enum: boolean;
  /** Check `required`; `"nested"` leaves out attributes missing at the top level (Dynamoose's `required: "nested"`). */
  readonly checkRequired: boolean | "nested";
  /** Keep the unknown attributes the schema's `saveUnknown` keeps; false drops every unknown attribute. */
  readonly keepUnknown: boolean;
}

/** The schema's own `validate` returned false. */
const schemaValidationError = (): ValidationError =>
  new ValidationError("The item had a schema validation error when trying to save the item.", { code: "schema_validate" });

/** A timestamp in its storage's unit. */
const stampValue = (storage: string, now: number): number | Date =>
  storage === "milliseconds" ? now : storage === "seconds" ? Math.round(now / 1000) : new Date(now);

/** The compiled plan. */
export class SchemaPlan {
  /** What `saveUnknown` keeps at the item's top level (undefined: no unknown attribute). */
  readonly keep: KeepRule | undefined;
  /** Whether some attribute has a `set` transform (the only reader of the item's previous values). */
  readonly usesOldValues: boolean;
  private readonly getters: ObjectPass | undefined;
  private readonly deserializeShape: ShapeDeserializer;
  /** The write half, compiled on first use (see {@link writer}). */
  private compiledWriter: Writer | undefined;

  constructor(
    readonly shape: ObjectShape,
    readonly settings: SchemaSettings,
    readonly timestamps: Timestamps,
    /** Timestamps of nested Schema instances. */
    readonly nestedStamps: readonly NestedStamp[] = [],
  ) {
    this.keep = keepRuleOf(settings.saveUnknown);
    this.usesOldValues = hasSetTransform(shape);
    this.getters = compileGetPass(shape);
    this.deserializeShape = compileShapeDeserializer(shape, this.keep, true);
  }

  /** The write half of the plan, compiled on the first write (compiling never throws: nothing moves to that write). */
  private get writer(): Writer {
    this.compiledWriter ??= {
      defaults: compileDefaultsPass(this.shape),
      transforms: compileTransformsPass(this.shape),
      serialize: compileShapeSerializer(this.shape, this.keep, true),
    };
    return this.compiledWriter;
  }

  /** Conforms and serializes an item; synchronous unless a user function returned a promise. */
  toDynamo(input: Record<string, unknown>, options: WriteOptions): AttributeMap | Promise<AttributeMap> {
    const item: Record<string, unknown> = { ...input };
    const context: PassContext = { pending: undefined };
    this.writer.defaults?.(item, options.old, context);
    return then(settlePending(context), () => this.afterDefaults(item, options));
  }

  private afterDefaults(item: Record<string, unknown>, options: WriteOptions): AttributeMap | Promise<AttributeMap> {
    if (options.timestamps !== false) this.stamp(item, options.isNew);
    const context: PassContext = { pending: undefined };
    this.writer.transforms?.(item, options.old, context);
    return then(settlePending(context), () => {
      const schemaSet = this.settings.set;
      if (!schemaSet) return this.check(item);
      return then(schemaSet(item) as Record<string, unknown> | Promise<Record<string, unknown>>, (result) => this.check(result ?? item));
    });
  }

  /** Sets the timestamp attributes of a write. */
  stamp(item: Record<string, unknown>, isNew: boolean): void {
    // Numbers in the storage's unit: serialized as they are, read back as Dates (no Date is made to be taken apart).
    const now = Date.now();
    if (isNew) for (const stamp of this.timestamps.createdAt) item[stamp.name] = stampValue(stamp.storage, now);
    for (const stamp of this.timestamps.updatedAt) item[stamp.name] = stampValue(stamp.storage, now);
    for (const stamp of this.nestedStamps) if (isNew || !stamp.created) stampAt(item, stamp.segments, 0, stampValue(stamp.storage, now));
  }

  private check(item: Record<string, unknown>): AttributeMap | Promise<AttributeMap> {
    const context: SerializeContext = { issues: [], pending: undefined, checkRequired: true };
    const map = this.writer.serialize(item, "", context);
    const finish = (): AttributeMap | Promise<AttributeMap> => {
      if (context.issues.length > 0) throw issuesError(context.issues);
      const validate = this.settings.validate;
      if (!validate) return map;
      return then(validate(item), (ok) => {
        if (!ok) {
          throw schemaValidationError();
        }
        return map;
      });
    };
    return context.pending ? Promise.all(context.pending).then(finish) : finish();
  }

  /**
   * Runs the steps of the write pipeline `steps` asks for, then type-checks and serializes (Dynamoose's
   * `objectFromSchema` with settings; not the save path, which runs {@link toDynamo}). Throws on problems.
   */
  async conformSteps(input: Record<string, unknown>, steps: ConformSteps): Promise<AttributeMap> {
    let item: Record<string, unknown> = { ...input };
    const writer = this.writer;
    const old = steps.isNew ? null : undefined;
    if (steps.defaults && writer.defaults) await runPass(writer.defaults, item, old);
    if (steps.timestamps) this.stamp(item, steps.isNew);
    const halves = steps.combine || steps.set ? this.conformPasses : undefined;
    if (steps.combine && halves?.combine) await runPass(halves.combine, item, old);
    if (steps.set) {
      if (halves?.set) await runPass(halves.set, item, old);
      if (this.settings.set) item = ((await this.settings.set(item)) as Record<string, unknown> | undefined) ?? item;
    }
    const context: SerializeContext = { issues: [], pending: undefined, checkRequired: steps.checkRequired !== false };
    const map = this.variantSerializer(steps.validate, steps.enum, steps.keepUnknown)(item, "", context);
    if (context.pending) await Promise.all(context.pending);
    const issues =
      steps.checkRequired === "nested"
        ? context.issues.filter((issue) => !(issue.code === "required" && !issue.path.includes(".") && item[issue.path] === undefined))
        : context.issues;
    if (issues.length > 0) throw issuesError(issues);
    if (steps.validate && this.settings.validate && !(await this.settings.validate(item))) {
      throw schemaValidationError();
    }
    return map;
  }

  /**
   * The serializers of {@link conformSteps}, with or without `validate`/`enum` and unknown attributes, choosing among
   * several types as Dynamoose does; compiled on first use.
   */
  private variants: Map<string, ShapeSerializer> | undefined;

  private variantSerializer(validate: boolean, enumCheck: boolean, keepUnknown: boolean): ShapeSerializer {
    const key = `${validate}:${enumCheck}:${keepUnknown}`;
    this.variants ??= new Map();
    let found = this.variants.get(key);
    if (!found) {
      const checks = { validate, enum: enumCheck, choose: true };
      this.variants.set(key, (found = compileShapeSerializer(this.shape, keepUnknown ? this.keep : undefined, true, checks)));
    }
    return found;
  }

  /** The COMBINE and `set` halves of the transforms pass, for {@link conformSteps}; compiled on first use. */
  private get conformPasses(): { readonly combine: ObjectPass | undefined; readonly set: ObjectPass | undefined } {
    this.compiledHalves ??= { combine: compileCombinePass(this.shape), set: compileSetPass(this.shape) };
    return this.compiledHalves;
  }
  private compiledHalves: { readonly combine: ObjectPass | undefined; readonly set: ObjectPass | undefined } | undefined;

  /** The reader of {@link readChosen}, compiled on first use. */
  private chosenReader: ShapeDeserializer | undefined;

  /**
   * Reads a stored item choosing among several types as Dynamoose's `objectFromSchema` does (not the read path, which
   * reads with the first type that takes a value); `withGet` runs the `get` transforms.
   */
  readChosen(map: AttributeMap, withGet: boolean): Record<string, unknown> | Promise<Record<string, unknown>> {
    this.chosenReader ??= compileShapeDeserializer(this.shape, this.keep, true, true);
    const item = this.chosenReader(map, "");
    return withGet ? this.applyGetters(item) : item;
  }

  /** Serializes without user functions or timestamps (already-conformed values). Throws on type problems. */
  serializeConformed(item: Record<string, unknown>, checkRequired: boolean): AttributeMap {
    const context: SerializeContext = { issues: [], pending: undefined, checkRequired };
    const map = this.writer.serialize(item, "", context);
    if (context.issues.length > 0) throw issuesError(context.issues);
    return map;
  }

  /** True when reading runs no `get` transform: {@link fromDynamoInto} may then fill an existing object. */
  get readsInPlace(): boolean {
    return !this.getters && !this.settings.get;
  }

  /**
   * Reads a stored item into `target` (own properties, plain assignment; see `Item`), for a schema whose
   * {@link readsInPlace} is true. Returns `target`.
   */
  fromDynamoInto(map: AttributeMap, target: Record<string, unknown>): Record<string, unknown> {
    return this.deserializeShape(map, "", target);
  }

  /** Reads a stored item; synchronous unless a `get` returned a promise. */
  fromDynamo(map: AttributeMap): Record<string, unknown> | Promise<Record<string, unknown>> {
    const item = this.deserializeShape(map, "");
    // No call on the common path (no `get`): the read hot path stays as it was.
    return this.getters || this.settings.get ? this.applyGetters(item) : item;
  }

  /** Runs the `get` transforms and the schema's `get` on an item read. */
  private applyGetters(item: Record<string, unknown>): Record<string, unknown> | Promise<Record<string, unknown>> {
    if (!this.getters && !this.settings.get) return item;
    const context: PassContext = { pending: undefined };
    this.getters?.(item, undefined, context);
    return then(settlePending(context), () => {
      const schemaGet = this.settings.get;
      if (!schemaGet) return item;
      return then(schemaGet(item) as Record<string, unknown> | Promise<Record<string, unknown>>, (result) => result ?? item);
    });
  }

  /** Reads a stored item without `get` transforms (Dynamoose's `update` results). */
  fromDynamoRaw(map: AttributeMap): Record<string, unknown> {
    return this.deserializeShape(map, "");
  }
}

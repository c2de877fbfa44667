/**
 * The request template cache: a request's *shape* (see {@link RequestShape}) compiles to the same expressions,
 * names and placeholder order whatever its values are. The first request of a shape is compiled with the compiler
 * recording the value slots it allocates ({@link ValueSlot}); a template keeps them, and each later request of that
 * shape only encodes its values into those slots, with the encoder, path and checks the compiler used
 * ({@link encodeOperandValue}). There is one compiler: the cache never compiles anything itself.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { encodeOperandValue, type OperandTypes, type ValueSlot } from "./compile-operand.js";
import type { ConditionNode } from "./condition-node.js";
import { addConditionShape, type RequestShape, type ShapeIds } from "./condition-shape.js";
import type { ValueEncoder } from "./encoder.js";
import type { Operand } from "./operand.js";
import type { Path } from "./path.js";
import { valuePlaceholder } from "./registry.js";

/** A value slot of a template: the index of the shape's value operand and how it is encoded, or an `attribute_type` name. */
type TemplateSlot =
  | { readonly ref: number; readonly context: Path | undefined; readonly what: string; readonly accept: OperandTypes | undefined }
  | { readonly type: string };

/** A compiled request shape: what the caller keeps (`payload`) and the value slots in allocation order. */
export interface RequestTemplate<P> {
  readonly owner: object;
  readonly tokens: readonly number[];
  readonly slots: readonly TemplateSlot[];
  readonly payload: P;
}

const MAX_TEMPLATES = 256;
const MAX_INTERNED = 4096;

/**
 * Templates by encoder, owner (the schema) and shape. A shape is a sequence of numbers (node kinds, operators,
 * counts, ids of interned strings and paths): templates are found by its hash and compared in full, so a hash
 * collision is only a miss. Interned ids and templates are dropped together, so an id never changes meaning while
 * a template uses it; ids are only dropped when a shape starts ({@link shape}).
 *
 * @example
 * ```ts
 * const cache = new RequestTemplateCache<string>();
 * const shape = cache.shape();
 * cache.addCondition(shape, node);
 * const hit = cache.find(encoder, schema, shape); // then cache.values(hit, shape, encoder)
 * ```
 * @internal
 */
export class RequestTemplateCache<P> implements ShapeIds {
  #templates = new WeakMap<ValueEncoder, Map<number, RequestTemplate<P>[]>>();
  #interned = new Map<string, number>();
  #pathIds = new WeakMap<Path, number>();
  #count = 0;

  /** Starts the shape of a request (and drops every id and template once the interned strings are too many). */
  shape(): RequestShape {
    if (this.#interned.size >= MAX_INTERNED) this.#reset();
    return { tokens: [], values: [], keyable: true };
  }

  /** Appends a condition's shape; false once the shape can not be cached. */
  addCondition(shape: RequestShape, node: ConditionNode): boolean {
    addConditionShape(this, shape, node);
    return shape.keyable;
  }

  /** The id of a string (a table, index or attribute name) within this cache. */
  intern(text: string): number {
    let id = this.#interned.get(text);
    if (id === undefined) {
      id = this.#interned.size;
      this.#interned.set(text, id);
    }
    return id;
  }

  /** The id of a path's content (`-1`: not keyable); paths are frozen at creation, so a path's id is kept by identity. */
  pathId(path: Path): number {
    const cached = this.#pathIds.get(path);
    if (cached !== undefined) return cached;
    let text = "";
    for (const segment of path) {
      if (segment.kind === "name" && typeof segment.name === "string") text += `.${segment.name.length}:${segment.name}`;
      else if (segment.kind === "index" && typeof segment.index === "number") text += `[${segment.index}]`;
      else return -1;
    }
    const id = this.intern(text);
    this.#pathIds.set(path, id);
    return id;
  }

  /** The template of this shape for this encoder and owner, if any. */
  find(encoder: ValueEncoder, owner: object, shape: RequestShape): RequestTemplate<P> | undefined {
    const bucket = this.#templates.get(encoder)?.get(hashOf(shape.tokens));
    if (bucket === undefined) return undefined;
    for (const template of bucket) if (template.owner === owner && sameTokens(template.tokens, shape.tokens)) return template;
    return undefined;
  }

  /**
   * Keeps the template of a shape just compiled: `recorded` are the slots the compiler allocated, `allocated` the
   * number of values the request holds (more than recorded: a value the compiler could not record, not cached).
   * A value operand met twice in the tree is not cached either (its encoding could differ by place).
   */
  store(encoder: ValueEncoder, owner: object, shape: RequestShape, recorded: readonly ValueSlot[], allocated: number, payload: P): void {
    if (recorded.length !== allocated) return;
    const slots = templateSlots(shape.values, recorded);
    if (slots === undefined) return;
    if (this.#count >= MAX_TEMPLATES) {
      this.#reset();
      return;
    }
    let map = this.#templates.get(encoder);
    if (map === undefined) this.#templates.set(encoder, (map = new Map()));
    const template: RequestTemplate<P> = { owner, tokens: shape.tokens, slots, payload };
    const hash = hashOf(shape.tokens);
    const bucket = map.get(hash);
    if (bucket === undefined) map.set(hash, [template]);
    else bucket.push(template);
    this.#count++;
  }

  /** Encodes the values of a request of the template's shape, in allocation order, as the compiler would. */
  values(template: RequestTemplate<P>, shape: RequestShape, encode: ValueEncoder): Record<string, AttributeValue> | undefined {
    const { slots } = template;
    if (slots.length === 0) return undefined;
    const values: Record<string, AttributeValue> = {};
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as TemplateSlot;
      values[valuePlaceholder(i)] =
        "ref" in slot
          ? encodeOperandValue(shape.values[slot.ref] as Operand, slot.context, encode, slot.what, slot.accept)
          : { S: slot.type };
    }
    return values;
  }

  #reset(): void {
    this.#templates = new WeakMap();
    this.#interned = new Map();
    this.#pathIds = new WeakMap();
    this.#count = 0;
  }
}

/** The recorded slots with each operand replaced by its index among the shape's values; undefined if one is missing or shared. */
function templateSlots(values: readonly Operand[], recorded: readonly ValueSlot[]): TemplateSlot[] | undefined {
  const index = new Map<Operand, number>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as Operand;
    if (index.has(value)) return undefined;
    index.set(value, i);
  }
  const slots: TemplateSlot[] = [];
  for (const slot of recorded) {
    if ("type" in slot) slots.push(slot);
    else {
      const ref = index.get(slot.operand);
      if (ref === undefined) return undefined;
      slots.push({ ref, context: slot.context, what: slot.what, accept: slot.accept });
    }
  }
  return slots;
}

function hashOf(tokens: readonly number[]): number {
  let hash = tokens.length;
  for (let i = 0; i < tokens.length; i++) hash = (Math.imul(hash, 31) + (tokens[i] as number)) | 0;
  return hash;
}

function sameTokens(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The normalized form of a schema: what `parse.ts` makes of a definition and what the plan compilers read.
 * Internal: users see `SchemaDefinition`.
 *
 * @module
 * @internal
 */
import type { DateStorage, IndexDefinition } from "./definition.js";

/** A Set's element type. */
export type SetElement = "string" | "number" | "date" | "buffer" | "model";

/** One type an attribute may have (a union has several). */
export type TypeNode =
  | { readonly kind: "string" }
  | { readonly kind: "number" }
  | { readonly kind: "bigint" }
  | { readonly kind: "boolean" }
  | { readonly kind: "date"; readonly storage: DateStorage }
  | { readonly kind: "buffer" }
  | { readonly kind: "null" }
  | { readonly kind: "any" }
  | { readonly kind: "undefined" }
  | { readonly kind: "constant"; readonly value: string | number | boolean }
  | { readonly kind: "combine"; readonly attributes: readonly string[]; readonly separator: string }
  | { readonly kind: "object"; readonly shape: ObjectShape | undefined }
  | { readonly kind: "array"; readonly element: AttributeNode | undefined }
  | { readonly kind: "set"; readonly element: SetElement; readonly storage: DateStorage; readonly model?: ModelRef }
  | { readonly kind: "model"; readonly model: ModelRef };

/** The part of a model a reference attribute needs: its name and how to read its key. @internal */
export interface ModelRef {
  /** Resolves the referenced model (deferred so that `THIS` and models defined later work). */
  readonly resolve: () => ReferencedModel;
}

/** What a referenced model exposes to the schema. @internal */
export interface ReferencedModel {
  readonly name: string;
  readonly hashKey: string;
  readonly rangeKey: string | undefined;
  readonly hashKeyKind: TypeNode["kind"];
  /**
   * Fetches the referenced items by their stored key values, in one batchGet (for `populate`): the item of each key,
   * in order, `undefined` where it does not exist.
   */
  readonly fetchMany: (keys: readonly unknown[]) => Promise<readonly unknown[]>;
}

/** A normalized attribute: its types and settings. */
export interface AttributeNode {
  /** The stored attribute name. */
  readonly name: string;
  /** Dotted path from the root (array elements as `0`), for messages. */
  readonly path: string;
  readonly types: readonly TypeNode[];
  readonly default?: unknown;
  readonly hasDefault: boolean;
  readonly forceDefault: boolean;
  readonly validate?: unknown;
  readonly required: boolean;
  readonly enum?: ReadonlySet<unknown>;
  readonly enumList?: readonly unknown[];
  readonly get?: (value: unknown) => unknown;
  readonly set?: (value: unknown, oldValue?: unknown) => unknown;
  readonly indexes: readonly IndexDefinition[];
  readonly hashKey: boolean;
  readonly rangeKey: boolean;
  /** App-side names of this attribute. */
  readonly aliases: readonly string[];
  /** The name reads use. */
  readonly readName: string;
}

/** The attributes of an Object (or of the whole item). */
export interface ObjectShape {
  readonly attributes: readonly AttributeNode[];
  readonly byName: ReadonlyMap<string, AttributeNode>;
}

/**
 * A timestamp of a Schema nested in another (`address: new Schema(def, { timestamps: true })`): where it goes from
 * the root (`*` for every element of a list) and how it is stored. Written with the root's timestamps, same time.
 */
export interface NestedStamp {
  readonly segments: readonly string[];
  readonly storage: DateStorage;
  /** A `createdAt` (set on new items only), else an `updatedAt`. */
  readonly created: boolean;
}

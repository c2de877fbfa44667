/**
 * What an update needs to know of a schema beyond its entries, built once per schema: the `updatedAt`
 * timestamps it sets, and the root attributes with a forced default or a combine type.
 *
 * @module
 * @internal
 */
import { operand, updateAction } from "../../expression/index.js";
import type { AttributeNode } from "../../schema/nodes.js";
import type { SchemaFact } from "../schema-facts.js";
import { serializerOf } from "../schema-encoder.js";
import type { CombineType } from "./combine.js";
import type { UpdateRun } from "./run.js";
import { type NestedUpdateStamp, nestedUpdateStamps } from "./timestamps.js";

/** The update plan of a schema. */
export interface UpdatePlan {
  /** The names of the `updatedAt` timestamps. */
  readonly updatedAt: readonly string[];
  /** The `updatedAt` timestamps of nested Schema instances. */
  readonly nestedUpdatedAt: readonly NestedUpdateStamp[];
  /** Root attributes with a forced default or a combine type, in declaration order (the others need nothing). */
  readonly special: readonly { readonly node: AttributeNode; readonly combine: CombineType | undefined }[];
}

/** The update plan, as a per-schema fact. */
export const updatePlan: SchemaFact<UpdatePlan> = {
  name: "update plan",
  build(schema) {
    const special: { node: AttributeNode; combine: CombineType | undefined }[] = [];
    for (const node of schema.root.attributes) {
      const combine = node.types.find((type): type is CombineType => type.kind === "combine");
      if (node.forceDefault || combine) special.push({ node, combine });
    }
    return { updatedAt: schema.plan.timestamps.updatedAt.map((t) => t.name), nestedUpdatedAt: nestedUpdateStamps(schema), special };
  },
};

/** Sets each top-level `updatedAt` timestamp to `now` (the first actions of an update). */
export function setTimestamps(run: UpdateRun, plan: UpdatePlan, now: Date): void {
  for (const name of plan.updatedAt) {
    const node = run.schema.attribute(name) as AttributeNode;
    const encoded = serializerOf(run.schema, node, [{ kind: "name", name }])(now, name, run.context) ?? { NULL: true };
    run.actions.push(updateAction.setTo(name, operand.attributeValue(encoded)));
    run.touched.add(name);
  }
}

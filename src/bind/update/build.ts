/**
 * Turns a Dynamoose-style update object (`{name: "x"}`, `$SET`, `$ADD`, `$REMOVE`, `$DELETE`) into validated
 * update actions: the combiner of the operators of this folder, one file each. Beyond Dynamoose: dotted paths
 * (`"address.city"`, `"list[2]"`) update that path only, names holding `.`, `[` or `]` are addressed by quoted
 * segments (`'["a.b"]'`, `'m["x[0]"]'`) or, when declared at the top level of the schema, by their plain name;
 * values may be update markers (`update.increment(1)`), and an update that would break the schema is refused
 * before sending.
 *
 * @module
 * @internal
 */
import type { UpdateAction } from "../../expression/index.js";
import { ownValue } from "../../marshal/own-properties.js";
import { UNDEFINED } from "../../schema/attribute-types.js";
import { issuesError } from "../../schema/issues.js";
import type { Schema } from "../../schema/schema.js";
import { factOf } from "../schema-facts.js";
import { applyAdd } from "./add.js";
import { combineAction, type UpdateWrites } from "./combine.js";
import { applyDelete } from "./delete.js";
import type { UpdateEntry } from "./entry.js";
import { collectEntries, entryOf, refuseKeyUpdates } from "./keys.js";
import { refuseNestedOperations } from "./operation.js";
import { setTimestamps, updatePlan } from "./plan.js";
import { applyRemove } from "./remove.js";
import { UpdateRun } from "./run.js";
import { applySet } from "./set.js";
import { stampNested } from "./timestamps.js";

const operators = new Set(["$SET", "$ADD", "$REMOVE", "$DELETE"]);

/**
 * Builds the actions of an update object. As in Dynamoose: an attribute with `forceDefault` is set to its default
 * whatever the update does with it (`$SET`, `$ADD`, `$DELETE`) and when the update leaves it out; `undefined`,
 * `$REMOVE` and `$DELETE` set an attribute with a default to its default, while `dynamodel.type.UNDEFINED` removes
 * it; the `updatedAt` of a nested Schema is written with the top-level one (see `timestamps.ts`). `createsParents`
 * is false where nothing creates a missing parent map after a refusal (a transaction).
 */
export async function buildUpdateActions(schema: Schema, update: Record<string, unknown>, createsParents = true): Promise<UpdateAction[]> {
  const sets: UpdateEntry[] = [];
  for (const key of Object.keys(update)) {
    // An own "__proto__" key (from JSON.parse) is data, as in create: kept where saveUnknown keeps it, else dropped.
    if (!operators.has(key)) sets.push(entryOf(schema, key, update[key]));
  }
  // Own properties only: an operator inherited from a polluted Object.prototype is not part of this update.
  collectEntries(schema, ownValue(update, "$SET"), "$SET", sets);
  const adds = collectEntries(schema, ownValue(update, "$ADD"), "$ADD", []);
  const removes = collectEntries(schema, ownValue(update, "$REMOVE"), "$REMOVE", []);
  const deletes = collectEntries(schema, ownValue(update, "$DELETE"), "$DELETE", []);
  for (const item of adds) refuseNestedOperations(item.value, item.text, "$ADD");
  for (const item of removes) refuseNestedOperations(item.value, item.text, "$REMOVE");
  for (const item of deletes) refuseNestedOperations(item.value, item.text, "$DELETE");
  for (const list of [sets, adds, removes, deletes]) refuseKeyUpdates(list, schema.hashKey, schema.rangeKey);

  const run = new UpdateRun(schema);
  const plan = factOf(schema, updatePlan);
  const now = new Date();
  setTimestamps(run, plan, now);
  // `undefined` and dynamodel.type.UNDEFINED given to $ADD or $DELETE remove the attribute, as in $SET (Dynamoose).
  for (const list of [adds, deletes]) moveRemovals(list, removes);
  if (plan.nestedUpdatedAt.length > 0) {
    for (const action of stampNested(
      schema,
      plan.nestedUpdatedAt,
      { sets, others: [adds, removes, deletes] },
      now,
      run.context,
      createsParents,
    )) {
      run.actions.push(action);
    }
  }
  for (const set of sets) await applySet(run, set, removes);
  for (const add of adds) await applyAdd(run, add);
  for (const remove of removes) await applyRemove(run, remove);
  for (const del of deletes) await applyDelete(run, del);

  const writes: UpdateWrites = { sets, removes, defaults: run.defaults, actions: run.actions };
  for (const { node, combine } of plan.special) {
    if (node.forceDefault && !run.touched.has(node.name))
      await run.setDefault({ path: [{ kind: "name", name: node.name }], text: node.name }, node);
    if (combine) run.push(combineAction(node, combine, writes));
  }

  if (run.context.pending) await Promise.all(run.context.pending);
  if (run.issues.length > 0) throw issuesError(run.issues);
  return run.actions;
}

/** Moves the entries of `list` whose value is `undefined` or `dynamodel.type.UNDEFINED` to `removes` (unknown ones are dropped). */
function moveRemovals(list: UpdateEntry[], removes: UpdateEntry[]): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const item = list[i] as UpdateEntry;
    if (item.value !== undefined && item.value !== UNDEFINED) continue;
    list.splice(i, 1);
    if (item.node) removes.push(item);
  }
}

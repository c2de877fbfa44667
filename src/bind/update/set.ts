/**
 * A plain property or `$SET` entry: `undefined` (or `dynamodel.type.UNDEFINED`) removes the attribute, an update
 * marker (`update.increment(1)`) becomes its `SET`, a value is set through the attribute's `set` transform and
 * checks, and an unknown path that `saveUnknown` keeps is stored as given.
 *
 * @module
 * @internal
 */
import { operand, updateAction } from "../../expression/index.js";
import { UNDEFINED } from "../../schema/attribute-types.js";
import { keptValue } from "../../schema/save-unknown.js";
import { transformValue } from "../../schema/hooks.js";
import { isUpdateOperation } from "../../update-operations.js";
import { setToValue, type UpdateEntry } from "./entry.js";
import { operationAction, refuseNestedOperations } from "./operation.js";
import type { UpdateRun } from "./run.js";

/** Builds the action of one `$SET` entry; an entry that removes its attribute is appended to `removes` instead. */
export async function applySet(run: UpdateRun, set: UpdateEntry, removes: UpdateEntry[]): Promise<void> {
  run.touched.add(set.text);
  if (set.value === undefined || set.value === UNDEFINED) {
    if (set.node) removes.push(set);
    return;
  }
  if (isUpdateOperation(set.value)) {
    if (run.writable(set) && !(await run.forced(set))) run.push(await operationAction(run.schema, set, set.value, run.issues));
    return;
  }
  refuseNestedOperations(set.value, set.text);
  if (set.node) {
    if (await run.forced(set)) return;
    // As in Dynamoose, `set` and `validate` receive the stored form (epoch number or ISO text for a Date, a Set), and
    // the `set` transforms of the value's children run first.
    const value = await transformValue(set.node, set.value);
    run.push(setToValue(run.schema, set, set.node, value, run.context));
  } else {
    const rule = run.keep(set);
    const encoded = rule === undefined ? undefined : keptValue(set.value, rule, set.text);
    if (encoded) run.push(updateAction.setTo(set.path, operand.attributeValue(encoded)));
  }
}

/**
 * `$REMOVE` (and a `$SET` to `undefined`): a required attribute can not be removed; one with a default is set to
 * it, as in Dynamoose, unless the value is `dynamodel.type.UNDEFINED`, which removes even that.
 *
 * @module
 * @internal
 */
import { ValidationError } from "../../errors.js";
import { updateAction } from "../../expression/index.js";
import { UNDEFINED } from "../../schema/attribute-types.js";
import type { UpdateEntry } from "./entry.js";
import type { UpdateRun } from "./run.js";

/** Builds the action of one `$REMOVE` entry. */
export async function applyRemove(run: UpdateRun, remove: UpdateEntry): Promise<void> {
  run.touched.add(remove.text);
  const node = remove.node;
  if (node?.required) {
    throw new ValidationError(`${remove.text} is a required property and can not be removed.`, { code: "required", path: remove.text });
  }
  // dynamodel.type.UNDEFINED removes even an attribute with a default (Dynamoose skips the default for it).
  if (node?.hasDefault && remove.value !== UNDEFINED) {
    await run.setDefault(remove, node);
    return;
  }
  if (run.writable(remove)) run.push(updateAction.remove(remove.path));
}

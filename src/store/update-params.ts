/**
 * The UpdateItem request of `Model.update` (what `{return: "request"}` resolves and `Model.transaction.update`
 * carries): the update object's actions, with the expiry, the version increment and the entity tag the table adds,
 * the given condition and the version check.
 *
 * @module
 * @internal
 */
import type { UpdateItemCommandInput } from "@aws-sdk/client-dynamodb";
import { InvalidParameter } from "../errors.js";
import { type ConditionNode, type UpdateAction, updateAction } from "../expression/index.js";
import { allOf, conditionNode } from "../bind/conditions.js";
import { type Key, keyOf } from "../bind/keys.js";
import { refuseUnknown, unknownUpdatePaths } from "../bind/unknown-names.js";
import { buildUpdateActions } from "../bind/update/build.js";
import type { ModelFacts } from "./model-port.js";
import type { UpdateSettings } from "./settings.js";
import { updateInput } from "./update-input.js";
import { tableUpdate } from "./stored-item.js";
import { carriedVersion, versionCondition } from "./versioning.js";

/** An UpdateItem input and what a resend (a missing parent map, a version conflict) needs. */
export interface UpdateParams {
  readonly input: UpdateItemCommandInput;
  readonly Key: Key;
  readonly actions: UpdateAction[];
  /** The given condition, with the version check. */
  readonly condition: ConditionNode | undefined;
  /** The version the stored item must have, when the key or the update carried one. */
  readonly expected: number | undefined;
}

/**
 * The UpdateItem input of `update` on the item of `key`. `createsParents` is false for a transaction, which cannot
 * resend with a missing parent map created: nested timestamps are then written only inside maps the update writes.
 */
export async function updateParams(
  model: ModelFacts,
  key: unknown,
  given: Record<string, unknown>,
  settings: UpdateSettings = {},
  createsParents = true,
): Promise<UpdateParams> {
  const version = model.versionName;
  let update = given;
  let expected: number | undefined;
  if (version !== undefined) [update, expected] = expectedOfUpdate(key, update, version);
  const added = tableUpdate(model.table(), model.entity, model.schema, update);
  if (model.unknownAttributes === "throw") refuseUnknown(model.name, unknownUpdatePaths(model.schema, added.update));
  const actions = await buildUpdateActions(model.schema, added.update, createsParents);
  for (const action of added.expiry) actions.push(action);
  if (actions.length === 0) {
    // Only on this refusal: the paths the schema dropped (never their values).
    const dropped = unknownUpdatePaths(model.schema, added.update);
    const why = dropped.length > 0 ? `: ${dropped.join(", ")} ${dropped.length === 1 ? "is" : "are"} not in the schema and dropped` : "";
    throw new InvalidParameter(`The update of ${model.name} changes nothing${why}.`, { code: "empty_update", path: dropped[0] });
  }
  if (version !== undefined) actions.push(updateAction.add(version, 1));
  for (const action of added.tag) actions.push(action);
  const Key: Key = await keyOf(model.schema, key);
  const checked = version !== undefined && expected !== undefined;
  const conditionGiven = conditionNode(settings.condition, model.schema);
  const condition = checked ? allOf(conditionGiven, versionCondition(version, expected)) : conditionGiven;
  return { input: updateInput(model, Key, actions, condition, settings, checked), Key, actions, condition, expected };
}

/**
 * The version an update expects: the version attribute of the key object (an item read earlier), else the one in the
 * update object (plain or `$SET`), which is taken out of the update (the version is never set by hand).
 */
function expectedOfUpdate(key: unknown, update: Record<string, unknown>, version: string): [Record<string, unknown>, number | undefined] {
  let expected = carriedVersion(key, version);
  const rest = { ...update };
  if (Object.hasOwn(rest, version)) {
    expected ??= carriedVersion(rest, version);
    delete rest[version];
  }
  const set = Object.hasOwn(rest, "$SET") ? rest.$SET : undefined;
  if (typeof set === "object" && set !== null && Object.hasOwn(set, version)) {
    expected ??= carriedVersion(set, version);
    const { [version]: _, ...others } = set as Record<string, unknown>;
    rest.$SET = others;
  }
  return [rest, expected];
}

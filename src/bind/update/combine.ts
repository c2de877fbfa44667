/**
 * A `combine` attribute in an update: rebuilt from its parts when the update sets or removes every part, refused when
 * it touches only some or none of them (as in Dynamoose, whose message this keeps). A part set to a value counts as
 * the update stores it (after its `set` transform, a Date in its storage), as in Dynamoose; a removed part is left out
 * of the combined value (a part removed to its default counts with the default).
 *
 * @module
 * @internal
 */
import { InvalidParameter } from "../../errors.js";
import { operand, type UpdateAction, updateAction } from "../../expression/index.js";
import { UNDEFINED } from "../../schema/attribute-types.js";
import { combineInUnion } from "../../schema/combine-in-union.js";
import type { AttributeNode } from "../../schema/nodes.js";
import { isUpdateOperation } from "../../update-operations.js";
import type { UpdateEntry } from "./entry.js";

/** A combine type node. */
export type CombineType = Extract<AttributeNode["types"][number], { kind: "combine" }>;

/** What an update wrote to each path: the entries set to a value, the entries removed, and the defaults written. */
export interface UpdateWrites {
  readonly sets: readonly UpdateEntry[];
  readonly removes: readonly UpdateEntry[];
  /** The default written to a path instead of the value given (removed to its default, or a forced default). */
  readonly defaults: ReadonlyMap<string, unknown>;
  /** The actions built so far: a part set to a value is read as its `SET` stores it. */
  readonly actions: readonly UpdateAction[];
}

/** The text or number a `SET <name> = <value>` among `actions` stores; undefined when there is none (or another type). */
function storedScalar(actions: readonly UpdateAction[], name: string): string | undefined {
  for (let i = actions.length - 1; i >= 0; i--) {
    const action = actions[i];
    if (action?.kind !== "set" || action.path.length !== 1 || action.value.kind !== "attribute_value") continue;
    const head = action.path[0];
    if (head?.kind === "name" && head.name === name) return action.value.value.S ?? action.value.value.N;
  }
  return undefined;
}

const hasValue = (entry: UpdateEntry): boolean => entry.value !== undefined && entry.value !== UNDEFINED;

/** `SET <combine> = <parts joined>` when the update sets or removes all parts of `combine`; throws when it misses any. */
export function combineAction(node: AttributeNode, combine: CombineType, writes: UpdateWrites): UpdateAction {
  if (node.types.length > 1) throw combineInUnion(node.path);
  const parts = combine.attributes;
  const setOf = (name: string): UpdateEntry | undefined => writes.sets.find((s) => s.text === name && hasValue(s));
  const touched = (name: string): boolean =>
    setOf(name) !== undefined || writes.removes.some((r) => r.text === name) || writes.defaults.has(name);
  const missing = parts.filter((name) => !touched(name));
  if (missing.length > 0) {
    throw new InvalidParameter(
      `You must update all or none of the combine attributes when running Model.update. Missing combine attributes: ${missing.join(", ")}.`,
      { code: "combine_update", path: node.name },
    );
  }
  const operation = parts.map(setOf).find((s) => s !== undefined && isUpdateOperation(s.value));
  if (operation) {
    throw new InvalidParameter(
      `${operation.text} is part of the combine attribute ${node.name}; set it to a value, not an update operation.`,
      {
        code: "misplaced_update_operation",
        path: operation.text,
      },
    );
  }
  const values = parts
    .map((name) => (writes.defaults.has(name) ? writes.defaults.get(name) : (storedScalar(writes.actions, name) ?? setOf(name)?.value)))
    .filter((v) => v !== undefined && v !== null);
  return updateAction.setTo(node.name, operand.attributeValue({ S: values.map(String).join(combine.separator) }));
}

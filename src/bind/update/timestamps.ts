/**
 * The `updatedAt` timestamps of nested Schema instances (`address: new Schema({...}, {timestamps: true})`) in an
 * update, equal to the top-level ones. Dynamoose writes them as `SET address = {updatedAt: now}`, which replaces the
 * rest of `address` (and collides with an update of `address` itself, which DynamoDB refuses); here a stamp goes
 * into the value when the update sets `address` (or an ancestor) whole, and is otherwise `SET address.updatedAt = now`,
 * which keeps the other children (a missing `address` is created by the missing-parent fallback of `Model.update`).
 * A stamp the update removes or writes itself, or one below a list element (`lines.*.at`) that is not set whole, is
 * left alone. Where no fallback can create a missing map (a transaction), a stamp is written only when the update
 * writes inside its map, so an item without the map is updated, not refused. `createdAt` is never written by an
 * update, as in Dynamoose.
 *
 * @module
 * @internal
 */
import type { Path, UpdateAction } from "../../expression/index.js";
import { isUpdateOperation } from "../../update-operations.js";
import { UNDEFINED } from "../../schema/attribute-types.js";
import type { AttributeNode, NestedStamp } from "../../schema/nodes.js";
import type { Schema } from "../../schema/schema.js";
import type { SerializeContext } from "../../schema/serialize.js";
import { stampAt } from "../../schema/timestamps.js";
import { pathText, resolveAttribute } from "../attribute-path.js";
import { setToValue, type UpdateEntry } from "./entry.js";

/** A nested `updatedAt` stamp, resolved once per schema. */
export interface NestedUpdateStamp {
  readonly segments: readonly string[];
  /** Its path and attribute; undefined when it lies below a list element (`*`). */
  readonly path: Path | undefined;
  readonly text: string;
  readonly node: AttributeNode | undefined;
}

/** The nested `updatedAt` stamps of a schema (computed once per schema, by the update plan). */
export function nestedUpdateStamps(schema: Schema): NestedUpdateStamp[] {
  return schema.plan.nestedStamps
    .filter((stamp: NestedStamp) => !stamp.created)
    .map(({ segments }) => {
      const path: Path | undefined = segments.includes("*")
        ? undefined
        : Object.freeze(segments.map((name) => Object.freeze({ kind: "name", name } as const)));
      return { segments, path, text: path ? pathText(path) : segments.join("."), node: path && resolveAttribute(schema, path) };
    });
}

/** Whether a path and the stamp's segments overlap: one is the other or lies below it (`*` matches any index). */
function overlaps(path: Path, segments: readonly string[]): boolean {
  const length = Math.min(path.length, segments.length);
  for (let i = 0; i < length; i++) {
    const segment = path[i];
    const expected = segments[i];
    if (segment?.kind === "name" ? segment.name !== expected : expected !== "*") return false;
  }
  return true;
}

/** Whether some entry of the update writes below the map at `parent` (so the map must exist for the update anyway). */
function writesInside(
  entries: { readonly sets: readonly UpdateEntry[]; readonly others: readonly (readonly UpdateEntry[])[] },
  parent: readonly string[],
): boolean {
  const inside = (entry: UpdateEntry): boolean => entry.path.length > parent.length && overlaps(entry.path, parent);
  return entries.sets.some(inside) || entries.others.some((list) => list.some(inside));
}

const setsValue = (entry: UpdateEntry): boolean =>
  entry.value !== undefined && entry.value !== UNDEFINED && entry.value !== null && !isUpdateOperation(entry.value);

/**
 * Applies the nested stamps to an update: `sets` entries that set a stamp's ancestor whole get a stamped copy of their
 * value (in place in `sets`); the actions of the other stamps are returned.
 */
export function stampNested(
  schema: Schema,
  stamps: readonly NestedUpdateStamp[],
  entries: { readonly sets: UpdateEntry[]; readonly others: readonly (readonly UpdateEntry[])[] },
  now: Date,
  context: SerializeContext,
  createsParents = true,
): UpdateAction[] {
  const actions: UpdateAction[] = [];
  const { sets } = entries;
  for (const stamp of stamps) {
    const { segments } = stamp;
    const index = sets.findIndex((set) => overlaps(set.path, segments));
    const set = sets[index];
    if (set) {
      // Set whole at an ancestor: stamp a copy of the value (never the caller's); else the update writes it itself.
      if (set.path.length < segments.length && setsValue(set) && typeof set.value === "object") {
        const holder: Record<string, unknown> = {};
        const at = set.path.length - 1;
        holder[segments[at] as string] = set.value;
        stampAt(holder, segments, at, now);
        sets[index] = { ...set, value: holder[segments[at] as string] };
      }
      continue;
    }
    if (!stamp.path || !stamp.node || entries.others.some((list) => list.some((entry) => overlaps(entry.path, segments)))) continue;
    if (!createsParents && !writesInside(entries, segments.slice(0, -1))) continue;
    const action = setToValue(schema, { path: stamp.path, text: stamp.text }, stamp.node, now, context);
    if (action) actions.push(action);
  }
  return actions;
}

/**
 * What one update object's operators share while its actions are built: the issues found, the actions so far,
 * the paths written and the defaults written in place of what was asked.
 *
 * @module
 * @internal
 */
import type { Issue } from "../../errors.js";
import type { UpdateAction } from "../../expression/index.js";
import type { KeepRule } from "../../schema/save-unknown.js";
import type { Schema } from "../../schema/schema.js";
import type { SerializeContext } from "../../schema/serialize.js";
import { keepRuleAtPath } from "../attribute-path.js";
import { defaultOf, setToValue, type UpdateEntry } from "./entry.js";

/**
 * The state of one update's build, handed to each operator.
 *
 * @example
 * ```ts
 * const run = new UpdateRun(schema);
 * await applySet(run, entry); // run.actions: [SET ...]
 * ```
 */
export class UpdateRun {
  /** Every problem found, reported together at the end. */
  readonly issues: Issue[] = [];
  /** The serialization context of the values written (`required` enforced). */
  readonly context: SerializeContext = { issues: this.issues, pending: undefined, checkRequired: true };
  /** The actions built so far, in the order they are sent. */
  readonly actions: UpdateAction[] = [];
  /** Every path the update writes (a forced default fills in the root attributes it leaves out). */
  readonly touched = new Set<string>();
  /** The default written to a path instead of the value given (removed to its default, or a forced default). */
  readonly defaults = new Map<string, unknown>();

  constructor(readonly schema: Schema) {}

  /** Adds an action, if there is one (a value with issues or an empty Set gives none). */
  push(action: UpdateAction | undefined): void {
    if (action) this.actions.push(action);
  }

  /** What `saveUnknown` keeps at an unknown entry's path, matched segment by segment; undefined when it is dropped. */
  keep(entry: UpdateEntry): KeepRule | undefined {
    return keepRuleAtPath(this.schema, entry.path);
  }

  /** Whether the entry's attribute is declared, or kept by `saveUnknown`. */
  writable(entry: UpdateEntry): boolean {
    return entry.node !== undefined || this.keep(entry) !== undefined;
  }

  /** Sets the attribute of `entry` to its default, remembered as what was written there. */
  async setDefault(
    entry: { readonly path: UpdateEntry["path"]; readonly text: string },
    node: NonNullable<UpdateEntry["node"]>,
  ): Promise<void> {
    const value = await defaultOf(node);
    this.defaults.set(entry.text, value);
    this.push(setToValue(this.schema, entry, node, value, this.context));
  }

  /** Sets a forced default instead of what the entry asked for; false when the entry's attribute forces none. */
  async forced(entry: UpdateEntry): Promise<boolean> {
    if (!entry.node?.forceDefault) return false;
    await this.setDefault(entry, entry.node);
    return true;
  }
}

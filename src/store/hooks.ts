/**
 * A model's hooks (middleware): `Model.pre(event, fn)` and `Model.post(event, fn)`. Every read and write of a model
 * passes through its store, so the store runs them: pre hooks in registration order before the item or update is
 * validated and serialized (a throw aborts the call before anything is sent), post hooks after a success only.
 * A model without hooks has no `HookList` at all (`hooks` is `undefined`): its calls take the path they took before.
 *
 * @module
 * @internal
 */
import { InvalidParameter, describeType } from "../errors.js";

/** The events a hook can be registered for. */
export const HOOK_EVENTS = Object.freeze(["save", "delete", "get", "query", "scan"] as const);

/**
 * What a hook is registered for: `"save"` (create, save, update, batchPut, transaction create and update),
 * `"delete"` (delete, batchDelete, transaction delete), `"get"`, `"query"` and `"scan"`.
 *
 * @example
 * ```ts
 * const event: HookEvent = "save";
 * ```
 */
export type HookEvent = (typeof HOOK_EVENTS)[number];

/** Before the request (`"pre"`) or after its success (`"post"`). */
export type HookPhase = "pre" | "post";

/** A hook as the store keeps it: it gets the context of the call and may return a promise. */
type HookFunction = (context: never) => unknown;

/** The settings that can turn a call's hooks off (`{ hooks: false }`). */
export interface HookSetting {
  /** `false`: run no hook (pre or post) for this call. */
  readonly hooks?: boolean;
}

/** The hooks of one model, by phase and event, in registration order. */
export class HookList {
  private readonly lists = new Map<string, HookFunction[]>();

  /** Adds `fn` after the hooks already registered for `phase` and `event`. */
  add(phase: HookPhase, event: unknown, fn: unknown, model: string): void {
    if (!(HOOK_EVENTS as readonly unknown[]).includes(event)) {
      throw new InvalidParameter(`${model}.${phase}: the event must be one of ${HOOK_EVENTS.join(", ")}.`, {
        code: "invalid_hook",
        path: phase,
        expected: HOOK_EVENTS.join(" | "),
        received: describeType(event),
      });
    }
    if (typeof fn !== "function") {
      throw new InvalidParameter(`${model}.${phase}("${String(event)}", fn): fn must be a function.`, {
        code: "invalid_hook",
        path: `${phase}.${String(event)}`,
        expected: "function",
        received: describeType(fn),
      });
    }
    const key = `${phase}:${String(event)}`;
    const list = this.lists.get(key);
    if (list) list.push(fn as HookFunction);
    else this.lists.set(key, [fn as HookFunction]);
  }

  /** Runs the hooks of `phase` and `event` one after the other with `context`, awaiting each; the first throw stops them. */
  async run(phase: HookPhase, event: HookEvent, context: object): Promise<void> {
    const list = this.lists.get(`${phase}:${event}`);
    if (list === undefined) return;
    // A copy: a hook that registers another hook does not change this run.
    for (const fn of [...list]) await (fn as (context: object) => unknown)(context);
  }
}

/** What has hooks: a model's store (`undefined` until its first hook is registered). */
export interface Hooked {
  readonly hooks: HookList | undefined;
}

/** The hooks a call runs: the store's, unless it has none or the call's settings say `{ hooks: false }`. */
export function hooksOf(store: Hooked, settings: HookSetting | undefined): HookList | undefined {
  const hooks = store.hooks;
  return hooks === undefined || settings?.hooks === false ? undefined : hooks;
}

/**
 * One call's (or one item's) hooks and context. Made only when the model has hooks
 * (`const call = hooks && new HookCall(hooks, {...})`), so a call without hooks allocates nothing.
 */
export class HookCall<C extends { readonly event: HookEvent }> {
  constructor(
    private readonly hooks: HookList,
    /** The context the pre hooks get (and may change). */
    readonly context: C,
  ) {}

  /** Runs the pre hooks. */
  pre(): Promise<void> {
    return this.hooks.run("pre", this.context.event, this.context);
  }

  /** Runs the post hooks with the context, the call's `result` and the SDK `response`. */
  post(result: unknown, response: unknown): Promise<void> {
    return this.hooks.run("post", this.context.event, { ...this.context, result, response });
  }
}

/**
 * Polling with a deadline, shared by the waits of the setup flow (table ACTIVE, TTL no longer DISABLING).
 *
 * @module
 * @internal
 */
import { WaitForActiveTimeout } from "../errors.js";
import type { TableOptions } from "./options.js";

/** How long and how often to poll. */
export interface PollSettings {
  readonly timeout: number;
  readonly frequency: number;
}

/** Waits `ms` milliseconds (`0`: the next turn of the event loop). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => (ms <= 0 ? setImmediate(resolve) : setTimeout(resolve, ms)));

/**
 * Calls `check` every `frequency` ms until it resolves a value other than `undefined`; rejects with
 * `WaitForActiveTimeout` once `timeout` ms have passed.
 *
 * @example
 * ```ts
 * const table = await poll(async () => active(await describe()), { timeout: 180_000, frequency: 1000 }, "table T");
 * ```
 */
export async function poll<T>(check: () => Promise<T | undefined>, settings: PollSettings, what: string): Promise<T> {
  const started = Date.now();
  for (;;) {
    const result = await check();
    if (result !== undefined) return result;
    if (Date.now() - started >= settings.timeout) {
      throw new WaitForActiveTimeout(`Wait for active timed out after ${settings.timeout} milliseconds (${what}).`, {
        code: "wait_for_active_timeout",
      });
    }
    await sleep(settings.frequency);
  }
}

/** How `waitForActive` polls (its `check`, else 3 minutes every second). */
export function pollSettingsOf(options: TableOptions): PollSettings {
  const wait = options.waitForActive;
  return typeof wait === "object" ? wait.check : { timeout: 180_000, frequency: 1000 };
}

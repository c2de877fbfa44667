/**
 * Splitting into DynamoDB-sized requests, running them with bounded concurrency, and re-sending what DynamoDB left
 * unprocessed until nothing is left or the retry budget runs out.
 *
 * @module
 * @internal
 */
import { InvalidParameter } from "../errors.js";
import { type RetryClock, isRetryable } from "../aws/retry.js";
import type { ProgressCounter } from "../store/progress.js";

/** Splits `list` into pieces of at most `size`. */
export function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < list.length; start += size) out.push(list.slice(start, start + size));
  return out;
}

/** The concurrency setting, checked. */
export function concurrencyOf(value: unknown, fallback = 4): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new InvalidParameter(`concurrency must be a positive integer, not ${String(value)}.`, {
      code: "invalid_concurrency",
      received: String(value),
    });
  }
  return value;
}

/**
 * Runs `run` on every task, at most `concurrency` at once. After a failure no new task starts; the running ones
 * finish, then the first failure is thrown.
 */
export async function runBounded<T>(tasks: readonly T[], concurrency: number, run: (task: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < tasks.length) {
      const task = tasks[next++] as T;
      try {
        await run(task);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  if (failure) throw failure.error;
}

/** What one chunk left after its last attempt, and the retryable error of that attempt if it failed. */
export interface ChunkOutcome<E> {
  readonly left: readonly E[];
  readonly error: unknown;
}

/**
 * Sends `entries` and re-sends what `send` reports as left (unprocessed, or all of them after a retryable error),
 * with backoff, until nothing is left or the clock says stop. Errors that are not worth retrying are thrown. With a
 * progress counter, each attempt reports the entries it got done (a re-send counts as a retry).
 */
export async function sendUntilDone<E>(
  entries: readonly E[],
  clock: RetryClock,
  send: (entries: readonly E[]) => Promise<readonly E[]>,
  progress?: ProgressCounter,
): Promise<ChunkOutcome<E>> {
  let left = entries;
  for (let attempt = 1; ; attempt++) {
    let error: unknown;
    const before = left.length;
    if (attempt > 1) progress?.retried(1);
    try {
      left = await send(left);
    } catch (caught) {
      if (!isRetryable(caught)) throw caught;
      error = caught;
    }
    progress?.step(before - left.length);
    if (left.length === 0 || !(await clock.next(attempt))) return { left, error };
  }
}

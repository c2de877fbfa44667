/**
 * Progress of a long call (`onProgress`): how many items are done, how many are left, and how many requests were
 * re-sent so far, reported after every request.
 *
 * @module
 */
import { InvalidParameter } from "../errors.js";

/** What `onProgress` receives after every request of a batch, an `all()` query or scan, or a parallel scan. */
export interface Progress {
  /** Items done: a batch's items written or read (found or not), a query's or scan's items received so far. */
  readonly done: number;
  /**
   * Items left: a batch's items not done yet (after the retries, the ones left unprocessed); a query or scan can not
   * know before its last page, so `undefined` until then, and 0 in its last report.
   */
  readonly left: number | undefined;
  /** Requests re-sent so far: a batch's re-sends of unprocessed items or after a retryable error, and the SDK's own retries. */
  readonly retries: number;
}

/** The `onProgress` setting: called after every request of the call, and synchronously (keep it quick). */
export type OnProgress = (progress: Progress) => void;

/** The SDK's own retries of one request (its `$metadata.attempts` less the first). @internal */
export const sdkRetries = (output: { readonly $metadata?: { readonly attempts?: number } }): number =>
  Math.max(0, (output.$metadata?.attempts ?? 1) - 1);

/** Counts one call's progress and reports it. @internal */
export class ProgressCounter {
  #done = 0;
  #retries = 0;

  constructor(
    readonly total: number | undefined,
    readonly report: OnProgress,
  ) {}

  /** Counts `count` more retries (reported with the next step). */
  retried(count: number): void {
    this.#retries += count;
  }

  /** Counts `done` more items done and reports. */
  step(done: number): void {
    this.#done += done;
    this.report({ done: this.#done, left: this.total === undefined ? undefined : this.total - this.#done, retries: this.#retries });
  }

  /** Reports the end of a query or scan: nothing left. */
  finish(): void {
    this.report({ done: this.#done, left: 0, retries: this.#retries });
  }
}

/** The counter of a call with `onProgress` (checked: a function), else `undefined`. @internal */
export function progressFor(onProgress: unknown, total: number | undefined): ProgressCounter | undefined {
  if (onProgress === undefined) return undefined;
  if (typeof onProgress !== "function") {
    throw new InvalidParameter("onProgress must be a function.", {
      code: "invalid_setting",
      path: "onProgress",
      expected: "a function",
      received: typeof onProgress,
    });
  }
  return new ProgressCounter(total, onProgress as OnProgress);
}

/**
 * Retries with exponential backoff and full jitter, within a time budget: what batches use for unprocessed items,
 * throttling and dropped connections, and what transactions use (with one `ClientRequestToken`) for the latter two.
 * `dynamodel.retry.set({...})` changes the defaults; every batch and transaction also takes `retry` per call.
 *
 * @module
 */

/** How hard dynamodel retries. */
export interface RetryOptions {
  /** Requests per chunk (or per transaction) at most, the first included. Default 10. */
  readonly maxAttempts: number;
  /** The first delay's ceiling, in ms; it doubles with each attempt. Default 50. */
  readonly baseDelay: number;
  /** No delay is longer than this, in ms. Default 2,000. */
  readonly maxDelay: number;
  /**
   * The whole call gives up retrying once this many ms have passed since it started (a delay that would end past the
   * budget is not waited). Default 10,000: a Lambda behind API Gateway's 29 s limit still answers.
   */
  readonly budget: number;
}

const builtIn: RetryOptions = Object.freeze({ maxAttempts: 10, baseDelay: 50, maxDelay: 2000, budget: 10_000 });
let current: RetryOptions = builtIn;

/**
 * `dynamodel.retry`: the default retry options of batches and transactions.
 *
 * @example
 * ```ts
 * dynamodel.retry.set({ maxAttempts: 5, budget: 3000 }); // per call: User.batchPut(items, { retry: { budget: 500 } })
 * dynamodel.retry.set({}); // back to the built-in defaults
 * ```
 */
export const retry = {
  /** Sets the defaults (missing options take the built-in values; `set({})` resets). */
  set(options: Partial<RetryOptions>): void {
    current = resolveRetry(options, builtIn);
  },
  /** The defaults in force. */
  get(): RetryOptions {
    return current;
  },
};

/** The options of one call: per-call options over the defaults. @internal */
export function resolveRetry(options: Partial<RetryOptions> | undefined, base: RetryOptions = current): RetryOptions {
  const pick = (name: keyof RetryOptions, min: number): number => {
    const value = options?.[name];
    return typeof value === "number" && Number.isFinite(value) && value >= min ? value : base[name];
  };
  return Object.freeze({
    maxAttempts: Math.floor(pick("maxAttempts", 1)),
    baseDelay: pick("baseDelay", 0),
    maxDelay: pick("maxDelay", 0),
    budget: pick("budget", 0),
  });
}

/** The delay before retry number `attempt` (1 for the first retry): full jitter, `random(0, min(max, base·2^(n-1)))`. @internal */
export function backoffDelay(attempt: number, options: RetryOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelay, options.baseDelay * 2 ** Math.min(attempt - 1, 30));
  return Math.floor(random() * ceiling);
}

const THROTTLING = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "Throttling",
  "TooManyRequestsException",
  "TransactionInProgressException",
  "InternalServerError",
  "ServiceUnavailable",
  "ServiceUnavailableException",
]);
const NETWORK = new Set([
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EAI_AGAIN",
  "ENOTFOUND",
  "ERR_HTTP2_STREAM_ERROR",
]);

/** True for failures worth retrying: throttling, 5xx, dropped connections and timeouts. @internal */
export function isRetryable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number }; $retryable?: unknown };
  if (e.name && THROTTLING.has(e.name)) return true;
  if (e.code && NETWORK.has(e.code)) return true;
  if (e.name === "TimeoutError" || e.name === "RequestTimeout") return true;
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return true;
  return e.$retryable !== undefined && e.$retryable !== null;
}

/** Waits `ms` milliseconds. @internal */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => (ms <= 0 ? setImmediate(resolve) : setTimeout(resolve, ms)));

/** Tracks the attempts and the budget of one call. @internal */
export class RetryClock {
  private readonly deadline: number;

  constructor(readonly options: RetryOptions) {
    this.deadline = Date.now() + options.budget;
  }

  /**
   * After attempt number `attempt` failed (wholly or partly): waits the backoff and resolves true when another attempt
   * may be made; resolves false when attempts or budget are used up.
   */
  async next(attempt: number): Promise<boolean> {
    if (attempt >= this.options.maxAttempts) return false;
    const delay = backoffDelay(attempt, this.options);
    if (Date.now() + delay > this.deadline) return false;
    await sleep(delay);
    return true;
  }
}

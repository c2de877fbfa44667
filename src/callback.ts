/**
 * The one promise/callback adapter. Every async public method is written as a promise function and wrapped
 * here once: the last argument, when it is a function, receives `(error, result)` and the method returns
 * `undefined`; otherwise the promise is returned.
 *
 * @module
 */

/** A Node-style callback. */
export type Callback<T> = (error: Error | null | undefined, result?: T) => void;

/** Runs `promise`, reporting its outcome to `callback` when one is given; otherwise returns the promise. */
export function settle<T>(promise: Promise<T>, callback: Callback<T> | undefined): Promise<T> | undefined {
  if (typeof callback !== "function") return promise;
  promise.then(
    (result) => callback(null, result),
    (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
  );
  return undefined;
}

/** Splits a trailing callback off an argument list. @internal */
export function splitCallback<A extends unknown[], T>(args: A): [A, Callback<T> | undefined] {
  const last = args[args.length - 1];
  if (typeof last === "function") return [args.slice(0, -1) as A, last as Callback<T>];
  return [args, undefined];
}

/** Starts `run` inside a promise so that synchronous throws become rejections. @internal */
export function attempt<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error);
  }
}

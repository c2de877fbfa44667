/**
 * `Model.methods`: custom static and item methods, with Dynamoose's calling convention (a trailing callback,
 * or a returned promise).
 *
 * @module
 */

/** A custom method: any function; `this` is the model (statics) or the item (item methods). */
export type MethodFunction = (this: never, ...args: never[]) => unknown;

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  value !== null &&
  (typeof value === "object" || typeof value === "function") &&
  typeof (value as PromiseLike<unknown>).then === "function";

/** Installs functions on a target, never over built-ins (but over the `replaceable` ones, restored on delete). */
export class MethodRegistry {
  private readonly custom = new Set<string>();
  /** The replaceable built-ins a custom method took the place of, to restore. */
  private readonly replaced = new Map<string, PropertyDescriptor>();

  constructor(
    private readonly target: () => Record<string, unknown>,
    /** Built-ins that are not Dynamoose's (so a Dynamoose app may have a custom method of that name). */
    private readonly replaceable: readonly string[] = [],
  ) {}

  /**
   * Adds (or replaces) a custom method. Called with a trailing callback, `fn` gets it and may call it or return a
   * promise (which then settles the callback: `callback(null, result)` or `callback(error)`); called without one,
   * the method returns a promise and `fn` receives a callback as its last argument (or may return a promise itself).
   * @example `User.methods.set("byEmail", async function (email) { ... })`
   */
  set(name: string, fn: MethodFunction): void {
    const target = this.target();
    if (name in target && !this.custom.has(name)) {
      const builtIn = this.replaceable.includes(name) ? Object.getOwnPropertyDescriptor(target, name) : undefined;
      if (builtIn === undefined) return;
      this.replaced.set(name, builtIn);
    }
    this.custom.add(name);
    Object.defineProperty(target, name, {
      configurable: true,
      writable: true,
      enumerable: false,
      value: function (this: unknown, ...args: unknown[]) {
        const call = fn as (this: unknown, ...args: unknown[]) => unknown;
        const callback = args[args.length - 1];
        if (typeof callback === "function") {
          // An async function given a callback: its promise settles the callback (as in Dynamoose).
          const result = call.apply(this, args);
          if (isThenable(result))
            result.then(
              (value) => callback(null, value),
              (error: unknown) => callback(error),
            );
          return undefined;
        }
        return new Promise((resolve, reject) => {
          const result = call.apply(this, [...args, (error: unknown, value: unknown) => (error ? reject(error) : resolve(value))]);
          if (isThenable(result)) result.then(resolve, reject);
        });
      },
    });
  }

  /** Removes a custom method (built-ins are never removed). */
  delete(name: string): void {
    if (!this.custom.has(name)) return;
    this.custom.delete(name);
    const target = this.target();
    delete target[name];
    const builtIn = this.replaced.get(name);
    if (builtIn) Object.defineProperty(target, name, builtIn);
    this.replaced.delete(name);
  }
}

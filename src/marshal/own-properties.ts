/**
 * Reading and writing own properties only, so a polluted `Object.prototype` is never read as data and a key named
 * `__proto__` never replaces a prototype.
 *
 * @module
 * @internal
 */

/**
 * `object[key]` when it is an own property, else undefined: a member of a polluted `Object.prototype`
 * (`Object.prototype.isAdmin = true` set by other code) is never read as data. Only present values pay the check.
 */
export function ownValue(object: Readonly<Record<string, unknown>>, key: string): unknown {
  const value = object[key];
  return value === undefined || Object.hasOwn(object, key) ? value : undefined;
}

/** Sets `object[key] = value` as an own property, even for `__proto__`. */
export function defineOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

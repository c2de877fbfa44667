/**
 * Every error a user of dynamodel can cause or catch. Class names (`err.name`) follow Dynamoose v4, so code
 * that checks `err.name` keeps working; each error also carries a stable `code`, the attribute `path` where it
 * applies, and what was `expected` and `received`.
 *
 * @module
 */

/** Where and why an item failed: one entry per problem found. */
export interface Issue {
  /** Stable machine-readable code, e.g. `"type_mismatch"`, `"required"`, `"enum"`, `"validate"`. */
  readonly code: string;
  /** Dotted attribute path, e.g. `"address.city"` or `"roles.2"`. Empty for item-level problems. */
  readonly path: string;
  /** Human-readable message that names the path, what was expected and what was found. */
  readonly message: string;
  /** What the schema expected, when it says. */
  readonly expected?: string;
  /** What was found (a type name or a short rendering of the value). */
  readonly received?: string;
}

/** Options every dynamodel error accepts. */
export interface DynamodelErrorOptions {
  /** Stable machine-readable code (default `"error"`). */
  readonly code?: string;
  /** The attribute path concerned. */
  readonly path?: string;
  /** What was expected. */
  readonly expected?: string;
  /** What was found: a type name, never the value itself. */
  readonly received?: string;
  /** Every problem found, when several were collected. */
  readonly issues?: readonly Issue[];
  /** The underlying error. */
  readonly cause?: unknown;
}

/**
 * Base class of every error dynamodel throws itself.
 *
 * @example
 * ```ts
 * try { await User.create({ id: 1 }); } catch (e) { if (e instanceof dynamodel.error.TypeMismatch) console.log(e.path); }
 * ```
 */
export class DynamodelError extends Error {
  /** Stable machine-readable code. */
  readonly code: string;
  /** The attribute path concerned, if any. */
  readonly path: string | undefined;
  /** What was expected, if known. */
  readonly expected: string | undefined;
  /** What was received, if known. */
  readonly received: string | undefined;
  /** Every problem found, when several were collected (item validation reports all of them). */
  readonly issues: readonly Issue[];

  constructor(message: string, options: DynamodelErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code ?? "error";
    this.path = options.path;
    this.expected = options.expected;
    this.received = options.received;
    this.issues = options.issues ?? [];
  }

  /**
   * What `JSON.stringify(error)` gives: name, message, code, path, expected, received and issues (never the value).
   *
   * @example
   * ```ts
   * JSON.stringify(error); // {"name":"ValidationError","message":"password with a value of type string ...","code":"validate",...}
   * ```
   */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      code: this.code,
      path: this.path,
      expected: this.expected,
      received: this.received,
      issues: this.issues,
    };
  }
}

/** A model was asked for by name, but no schema was registered for it. */
export class MissingSchemaError extends DynamodelError {}
/** A parameter has an invalid value (schema misuse, bad options, bad query). */
export class InvalidParameter extends DynamodelError {}
/** A parameter has the wrong JavaScript type. */
export class InvalidParameterType extends DynamodelError {}
/** An attribute is not part of the schema. */
export class UnknownAttribute extends DynamodelError {}
/** A schema names a type that does not exist or is not allowed there. */
export class InvalidType extends DynamodelError {}
/** Waiting for a table to become ACTIVE took longer than `waitForActive.check.timeout`. */
export class WaitForActiveTimeout extends DynamodelError {}
/** A value does not have the type the schema declares for its attribute. */
export class TypeMismatch extends DynamodelError {}
/** A condition uses an operator that is unknown or not allowed where it is used. */
export class InvalidFilterComparison extends DynamodelError {}
/** A value failed `required`, `enum`, `validate` or the schema-level validator. */
export class ValidationError extends DynamodelError {}
/** Anything else: a table not initialised, a setup flow already running. */
export class OtherError extends DynamodelError {}
/** A request would exceed one of DynamoDB's hard limits (expression size, item size, batch size…); nothing was sent. */
export class LimitExceeded extends DynamodelError {}

/**
 * DynamoDB refused a write because its condition failed (`create` on an existing key, a failed `condition`).
 * Its `name` stays `"ConditionalCheckFailedException"`, as the SDK's, so code written for Dynamoose keeps
 * catching it by name; the SDK error is its `cause`, and `$metadata` is kept.
 */
export class ConditionalCheckFailed extends DynamodelError {
  /** The SDK response metadata of the refused request. */
  readonly $metadata: unknown;
  /** The SDK's fault (`"client"`), so that `error instanceof ConditionalCheckFailedException` (the SDK's class) holds. */
  readonly $fault: unknown;
  /** The item as stored, when DynamoDB returned it (`ReturnValuesOnConditionCheckFailure`). */
  readonly item: Record<string, unknown> | undefined;

  constructor(message: string, options: DynamodelErrorOptions & { item?: Record<string, unknown> } = {}) {
    super(message, { code: "conditional_check_failed", ...options });
    this.name = "ConditionalCheckFailedException";
    const cause = options.cause as { $metadata?: unknown; $fault?: unknown } | undefined;
    this.$metadata = cause?.$metadata;
    this.$fault = cause?.$fault;
    this.item = options.item;
  }
}

/**
 * A write of a versioned model (schema setting `version`) lost a race: the stored version is not the one the
 * write expected. It is also a `ConditionalCheckFailed` (`instanceof`), but its `name` is `"VersionConflict"`.
 *
 * @example
 * ```ts
 * try { await item.save(); } catch (e) { if (e instanceof dynamodel.error.VersionConflict) console.log(e.expectedVersion, e.storedVersion); }
 * ```
 */
export class VersionConflict extends ConditionalCheckFailed {
  /** The key of the item (model form). */
  readonly key: Record<string, unknown>;
  /** The version the write expected; `undefined` when it expected the item not to exist yet. */
  readonly expectedVersion: number | undefined;
  /** The version stored now; `undefined` when the item does not exist (or has no version). */
  readonly storedVersion: number | undefined;

  constructor(
    message: string,
    options: DynamodelErrorOptions & {
      item?: Record<string, unknown>;
      key: Record<string, unknown>;
      expectedVersion: number | undefined;
      storedVersion: number | undefined;
    },
  ) {
    super(message, {
      code: "version_conflict",
      expected: options.expectedVersion === undefined ? "no item" : String(options.expectedVersion),
      received: options.storedVersion === undefined ? "no item" : String(options.storedVersion),
      ...options,
    });
    this.name = "VersionConflict";
    this.key = options.key;
    this.expectedVersion = options.expectedVersion;
    this.storedVersion = options.storedVersion;
  }
}

/** Why one action of a canceled transaction failed (or `code: "None"` when it did not). */
export interface CancellationReason {
  /** Position of the action in the list given to `dynamodel.transaction`. */
  readonly index: number;
  /** The model of the action, when known. */
  readonly model: string | undefined;
  /** The key of the item concerned (model form). */
  readonly key: Record<string, unknown> | undefined;
  /** DynamoDB's code: `"None"`, `"ConditionalCheckFailed"`, `"TransactionConflict"`, `"ItemCollectionSizeLimitExceeded"`, `"ThrottlingError"`, `"ValidationError"`… */
  readonly code: string;
  /** DynamoDB's message, if any. */
  readonly message: string | undefined;
  /** The item as stored when its condition failed (`ReturnValuesOnConditionCheckFailure`), as a model item. */
  readonly item: Record<string, unknown> | undefined;
}

/**
 * DynamoDB canceled a transaction: nothing was applied. Its `name` stays `"TransactionCanceledException"` and the
 * SDK's `CancellationReasons` are kept; `reasons` decodes them per action (index, model, key, code, current item).
 *
 * @example
 * ```ts
 * try { await dynamodel.transaction([...]); } catch (e) {
 *   if (e instanceof dynamodel.error.TransactionCanceled) for (const r of e.failed) console.log(r.index, r.model, r.key, r.code);
 * }
 * ```
 */
export class TransactionCanceled extends DynamodelError {
  /** One entry per action, in the order given. */
  readonly reasons: readonly CancellationReason[];
  /** The SDK's `CancellationReasons`, untouched. */
  readonly CancellationReasons: readonly unknown[];
  /** The SDK response metadata. */
  readonly $metadata: unknown;
  /** The SDK's fault (`"client"`), so that `error instanceof TransactionCanceledException` (the SDK's class) holds. */
  readonly $fault: unknown;

  constructor(
    message: string,
    options: DynamodelErrorOptions & { reasons: readonly CancellationReason[]; cancellationReasons?: readonly unknown[] },
  ) {
    super(message, { code: "transaction_canceled", ...options });
    this.name = "TransactionCanceledException";
    this.reasons = options.reasons;
    this.CancellationReasons = options.cancellationReasons ?? [];
    const cause = options.cause as { $metadata?: unknown; $fault?: unknown } | undefined;
    this.$metadata = cause?.$metadata;
    this.$fault = cause?.$fault;
  }

  /** The actions that caused the cancellation (code other than `"None"`). */
  get failed(): readonly CancellationReason[] {
    return this.reasons.filter((reason) => reason.code !== "None");
  }
}

/**
 * A batch could not write or read everything within the retry budget: what is left is in `unprocessed` (items or
 * keys, model form), and `cause` is the last retryable error, if any. Thrown with the setting `unprocessed: "throw"`.
 * (A request DynamoDB refuses outright throws DynamoDB's own error, with `unprocessed` added.)
 *
 * @example
 * ```ts
 * try { await User.batchPut(items, { unprocessed: "throw" }); } catch (e) { if (e instanceof dynamodel.error.BatchIncomplete) retryLater(e.unprocessed); }
 * ```
 */
export class BatchIncomplete extends DynamodelError {
  /** The items (batchPut), keys (batchDelete, batchGet) that were not processed. */
  readonly unprocessed: readonly unknown[];

  constructor(message: string, options: DynamodelErrorOptions & { unprocessed: readonly unknown[] }) {
    super(message, { code: "batch_incomplete", ...options });
    this.unprocessed = options.unprocessed;
  }
}

/**
 * Short description of a value's type for error messages: `string`, `number`, `null`, `Date`, `array`…
 *
 * @example
 * ```ts
 * describeType(new Date()); // "Date"
 * describeType([1]); // "array"
 * ```
 */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const type = typeof value;
  if (type !== "object") return type;
  const ctor = (value as { constructor?: { name?: string } }).constructor;
  return ctor?.name && ctor.name !== "Object" ? ctor.name : "object";
}

/**
 * What an error says of a rejected value: its type, and the length of a string or binary, never the value itself
 * (a rejected password or token must not reach a log).
 *
 * @example
 * ```ts
 * describeRejected("hunter2"); // "string of length 7"
 * describeRejected(Buffer.from("ab")); // "Buffer of 2 bytes"
 * ```
 */
export function describeRejected(value: unknown): string {
  if (typeof value === "string") return `string of length ${value.length}`;
  if (value instanceof Uint8Array) return `${describeType(value)} of ${value.byteLength} bytes`;
  return describeType(value);
}

/**
 * Short rendering of a value for messages (never the whole of a large value). It shows the value: use it for keys
 * and settings, and {@link describeRejected} for anything a user typed.
 *
 * @example
 * ```ts
 * describeValue({ id: "u1" }); // '{"id":"u1"}'
 * describeValue(10n); // "10n"
 * ```
 */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text =
      typeof value === "string"
        ? JSON.stringify(value)
        : typeof value === "bigint"
          ? `${value}n`
          : String(JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

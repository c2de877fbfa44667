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
  readonly code?: string;
  readonly path?: string;
  readonly expected?: string;
  readonly received?: string;
  readonly issues?: readonly Issue[];
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
  /** The item as stored, when DynamoDB returned it (`ReturnValuesOnConditionCheckFailure`). */
  readonly item: Record<string, unknown> | undefined;

  constructor(message: string, options: DynamodelErrorOptions & { item?: Record<string, unknown> } = {}) {
    super(message, { code: "conditional_check_failed", ...options });
    this.name = "ConditionalCheckFailedException";
    const cause = options.cause as { $metadata?: unknown } | undefined;
    this.$metadata = cause?.$metadata;
    this.item = options.item;
  }
}

/** Short description of a value's type for error messages: `string`, `number`, `null`, `Date`, `array`… */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const type = typeof value;
  if (type !== "object") return type;
  const ctor = (value as { constructor?: { name?: string } }).constructor;
  return ctor?.name && ctor.name !== "Object" ? ctor.name : "object";
}

/** Short rendering of a value for messages (never the whole of a large value). */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text = typeof value === "string" ? JSON.stringify(value) : typeof value === "bigint" ? `${value}n` : String(JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * The pure half of Query and Scan: conditions and settings to a `QueryCommandInput`/`ScanCommandInput`, plus
 * the explanation of how it was built. Synchronous and I/O-free.
 *
 * @module
 * @internal
 */
import type { AttributeValue, QueryCommandInput, ScanCommandInput } from "@aws-sdk/client-dynamodb";
import type { CapacityEstimate } from "../aws/capacity.js";
import { InvalidParameter } from "../errors.js";
import { conjoin } from "../expression/conjuncts.js";
import type { ValueSlot } from "../expression/compile-operand.js";
import { type ConditionNode, ExpressionRegistry, type ValueEncoder, compileCondition, compileProjection } from "../expression/index.js";
import { RequestTemplateCache } from "../expression/request-cache.js";
import type { Schema } from "../schema/schema.js";
import { type Candidate, type KeySpec, describeKey, keySpecs, selectKey, undeclaredKey } from "./index-selection.js";
import { checkKeyCondition } from "./key-condition-limits.js";
import type { Operation } from "./operation.js";
import type { RetrieverSettings } from "./settings.js";
import { settingsShape } from "./settings-shape.js";
import { requestStartKey } from "./start-key.js";

/**
 * What `.explain()` returns: the operation, the key chosen, which conditions became the key condition and which
 * the filter (as readable text, placeholders resolved), why, every key considered, and the request itself.
 *
 * @example
 * ```ts
 * const e = User.query("email").eq("a@b.c").where("age").gt(3).explain();
 * // { operation: "query", index: "emailIndex", indexType: "global", keyCondition: 'email = "a@b.c"',
 * //   filter: "age > 3", reason: 'index "emailIndex" (global; hash "email"): ...', candidates: [...], request: {...} }
 * ```
 */
export interface Explanation<R = QueryCommandInput | ScanCommandInput> {
  /** `"query"` or `"scan"`. */
  readonly operation: Operation;
  /** The index read, or `undefined` for the table itself. */
  readonly index: string | undefined;
  /** The kind of key read; `"undeclared"`: an index named by `using()` that the schema does not declare (sent as given). */
  readonly indexType: "table" | "global" | "local" | "undeclared";
  /** The key condition as text (queries only). */
  readonly keyCondition: string | undefined;
  /** The filter as text, if any: applied after items are read, so it does not reduce what is read. */
  readonly filter: string | undefined;
  /** Why this key (or, for a scan, why everything is read). */
  readonly reason: string;
  /** Every key considered and whether it fit (queries without `using()`: the table key and every index). */
  readonly candidates: readonly Candidate[];
  /**
   * The request that would be sent. After `parallel(n)`, the part every segment's request shares (each adds its
   * `Segment`); when `startAt()` got one key per segment, `ExclusiveStartKey` is left out, as each segment starts from its own.
   */
  readonly request: R;
  /**
   * What one request is expected to consume (`explain()` only): a read unit per page of up to 4 KB read (half when
   * eventually consistent); the items' sizes are unknown before reading, so larger pages consume more.
   */
  readonly estimatedCapacity?: CapacityEstimate;
}

/** What a builder hands to {@link buildRequest}. */
export interface RequestSource {
  readonly operation: Operation;
  readonly schema: Schema;
  readonly encoder: ValueEncoder;
  readonly tableName: string;
  readonly condition: ConditionNode | undefined;
  readonly settings: RetrieverSettings;
}

/** What a request template keeps besides its value slots: everything of the request but its values, limit and start. */
interface QueryTemplate {
  readonly key: KeySpec;
  readonly reason: string;
  readonly candidates: readonly Candidate[];
  readonly keyCondition: string | undefined;
  readonly filter: string | undefined;
  readonly projection: string | undefined;
  readonly names: Readonly<Record<string, string>> | undefined;
}

/** The templates of Query and Scan requests (see `expression/request-cache.ts`). */
const templates = new RequestTemplateCache<QueryTemplate>();

const PLACEHOLDER = /[#:][A-Za-z0-9_]+/g;

/** Renders a compiled expression with its placeholders replaced by names and JSON values. */
function readable(expression: string | undefined, request: QueryCommandInput | ScanCommandInput): string | undefined {
  if (expression === undefined) return undefined;
  const names = request.ExpressionAttributeNames ?? {};
  const values = request.ExpressionAttributeValues ?? {};
  return expression.replace(PLACEHOLDER, (token) => {
    const name = names[token];
    if (name !== undefined) return name;
    const value = values[token];
    if (value === undefined) return token;
    return value.N !== undefined ? value.N : JSON.stringify(Object.values(value)[0]);
  });
}

/** The key a scan reads: the table's, a declared index's, or an index the schema does not declare (sent as given). */
function indexKey(schema: Schema, name: string | undefined): KeySpec {
  const specs = keySpecs(schema);
  if (name === undefined) return specs[0] as KeySpec;
  return specs.find((s) => s.name === name) ?? undeclaredKey(schema, name);
}

/**
 * Builds the request of a query or scan and explains it. Placeholders come from one registry, allocated in
 * the order key condition, filter, projection. Throws before anything is sent: no key fits the query, a
 * consistent read on a global secondary index (declared as such: an index the schema does not declare is sent as
 * given, and DynamoDB refuses a consistent read on it if it is global).
 *
 * @example
 * ```ts
 * buildRequest({ operation: "query", schema, encoder, tableName: "User", condition, settings }).request;
 * // { TableName: "User", KeyConditionExpression: "#n0 = :v0", ExpressionAttributeNames: {...}, ... }
 * ```
 */
export function buildRequest(source: RequestSource): Explanation {
  const { operation, schema, encoder, settings, condition } = source;
  // The template cache: a shape seen before only encodes its values (see expression/request-cache.ts).
  const shape = templates.shape();
  const cacheable =
    settingsShape(operation, source.tableName, settings, shape, templates) &&
    (condition === undefined || templates.addCondition(shape, condition));
  if (!cacheable) return compileRequest(source, undefined).explanation;
  const template = templates.find(encoder, schema, shape);
  if (template !== undefined) return fromTemplate(source, template.payload, templates.values(template, shape, encoder));
  const slots: ValueSlot[] = [];
  const { explanation, key } = compileRequest(source, slots);
  const request = explanation.request as QueryCommandInput & ScanCommandInput;
  const values = request.ExpressionAttributeValues;
  const names = request.ExpressionAttributeNames;
  templates.store(encoder, schema, shape, slots, values === undefined ? 0 : Object.keys(values).length, {
    key,
    reason: explanation.reason,
    candidates: Object.freeze(explanation.candidates.map((c) => Object.freeze({ ...c }))),
    keyCondition: request.KeyConditionExpression,
    filter: request.FilterExpression,
    projection: request.ProjectionExpression,
    // A copy, not frozen: every cache hit spreads it, and V8 copies a frozen object several times slower.
    names: names === undefined ? undefined : { ...names },
  });
  return explanation;
}

/** A request of a cached shape: the template's expressions and names, this chain's values, limit and start key. */
function fromTemplate(source: RequestSource, template: QueryTemplate, values: Record<string, AttributeValue> | undefined): Explanation {
  const request: QueryCommandInput & ScanCommandInput = { TableName: source.tableName };
  const key = template.key;
  if (key.name !== undefined) request.IndexName = key.name;
  if (template.keyCondition !== undefined) request.KeyConditionExpression = template.keyCondition;
  if (template.filter !== undefined) request.FilterExpression = template.filter;
  if (template.projection !== undefined) request.ProjectionExpression = template.projection;
  if (template.names !== undefined) request.ExpressionAttributeNames = { ...template.names };
  if (values !== undefined) request.ExpressionAttributeValues = values;
  applySettings(request, source, key);
  return new BuiltRequest(source.operation, key, template.reason, template.candidates, request, template.keyCondition, template.filter);
}

/** The key condition check and the per-request settings, assigned field by field in a fixed order (no temporary objects). */
function applySettings(request: QueryCommandInput & ScanCommandInput, source: RequestSource, key: KeySpec): void {
  const { operation, schema, encoder, settings } = source;
  if (operation === "query") checkKeyCondition(request, key);
  if (settings.limit !== undefined) request.Limit = settings.limit;
  const start = requestStartKey(schema, encoder, settings.startAt);
  if (start !== undefined) request.ExclusiveStartKey = start;
  if (operation === "query" && settings.sort === "descending") request.ScanIndexForward = false;
  if (settings.consistent) request.ConsistentRead = true;
  if (settings.count) request.Select = "COUNT";
  if (operation === "scan" && settings.segments !== undefined) request.TotalSegments = settings.segments;
}

interface Compiled {
  readonly explanation: Explanation;
  readonly key: KeySpec;
}

/**
 * {@link buildRequest} without the template cache (what the cache must reproduce; used by its tests).
 *
 * @example
 * ```ts
 * buildRequestUncached({ operation: "scan", schema, encoder, tableName: "User", condition, settings }).request;
 * ```
 */
export function buildRequestUncached(source: RequestSource): Explanation {
  return compileRequest(source, undefined).explanation;
}

/** The uncached build; with `slots`, the value placeholders allocated are recorded there (for a template). */
function compileRequest(source: RequestSource, slots: ValueSlot[] | undefined): Compiled {
  const { operation, schema, encoder, settings } = source;
  const registry = new ExpressionRegistry();
  let key: KeySpec;
  let keyCondition: string | undefined;
  let filterNode: ConditionNode | undefined;
  let reason: string;
  let candidates: readonly Candidate[] = [];
  if (operation === "query") {
    const selection = selectKey(schema, source.condition, settings.index);
    key = selection.key;
    reason = selection.reason;
    candidates = selection.candidates;
    keyCondition = compileCondition(
      conjoin(selection.range ? [selection.hash, selection.range] : [selection.hash]) as ConditionNode,
      registry,
      encoder,
      slots,
    );
    filterNode = conjoin(selection.filter);
  } else {
    key = indexKey(schema, settings.index);
    reason = `a scan reads every item of ${describeKey(key)}${settings.segments === undefined ? "" : ` in ${settings.segments} parallel segments`}`;
    filterNode = source.condition;
  }
  if (settings.consistent && key.type === "global") {
    throw new InvalidParameter(
      `Consistent reads are not supported on global secondary index "${key.name}"; remove consistent() or use the table or a local index.`,
      {
        code: "consistent_read_on_gsi",
        path: key.name,
        expected: "the table or a local secondary index",
        received: `global secondary index "${key.name}"`,
      },
    );
  }
  const filter = filterNode === undefined ? undefined : compileCondition(filterNode, registry, encoder, slots);
  const projection = settings.attributes !== undefined && !settings.count ? compileProjection(settings.attributes, registry) : undefined;
  // Assigned field by field, in a fixed order: no temporary objects on this path.
  const request: QueryCommandInput & ScanCommandInput = { TableName: source.tableName };
  if (key.name !== undefined) request.IndexName = key.name;
  if (keyCondition !== undefined) request.KeyConditionExpression = keyCondition;
  if (filter !== undefined) request.FilterExpression = filter;
  if (projection !== undefined) request.ProjectionExpression = projection;
  const { ExpressionAttributeNames, ExpressionAttributeValues } = registry.toParams();
  if (ExpressionAttributeNames) request.ExpressionAttributeNames = ExpressionAttributeNames;
  if (ExpressionAttributeValues) request.ExpressionAttributeValues = ExpressionAttributeValues;
  applySettings(request, source, key);
  return { explanation: new BuiltRequest(operation, key, reason, candidates, request, keyCondition, filter), key };
}

/**
 * The explanation of a built request. A class (not an object literal with getters) so that building one per request
 * is cheap; the readable texts are rendered only when read (`explain()`), never by `exec()` or `getRequest()`.
 */
class BuiltRequest implements Explanation {
  readonly index: string | undefined;
  readonly indexType: "table" | "global" | "local" | "undeclared";

  constructor(
    readonly operation: Operation,
    key: KeySpec,
    readonly reason: string,
    readonly candidates: readonly Candidate[],
    readonly request: QueryCommandInput | ScanCommandInput,
    readonly keyConditionExpression: string | undefined,
    readonly filterExpression: string | undefined,
  ) {
    this.index = key.name;
    this.indexType = key.type;
  }

  get keyCondition(): string | undefined {
    return readable(this.keyConditionExpression, this.request);
  }

  get filter(): string | undefined {
    return readable(this.filterExpression, this.request);
  }
}

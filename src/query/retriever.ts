/**
 * `ItemRetriever`: the shared base of Query and Scan. Conditions (from {@link ConditionChain}), settings,
 * the pure request (`getRequest`, `explain`) and the runs (`exec`, `pages`, `for await`).
 *
 * @module
 */
import type { QueryCommandInput, ScanCommandInput } from "@aws-sdk/client-dynamodb";
import { type Callback, attempt, settle } from "../callback.js";
import { InvalidParameter } from "../errors.js";
import type { ConditionNode } from "../expression/index.js";
import type { Item } from "../item/item.js";
import { resolveAliases } from "../bind/alias-pass.js";
import { HookCall, type HookList } from "../store/hooks.js";
import type { StorePort } from "../store/port.js";
import { estimateCapacity } from "../store/capacity-estimate.js";
import { type ReturnConsumedCapacity, meterFor } from "../aws/capacity.js";
import { type OnProgress, progressFor } from "../store/progress.js";
import type { Schema } from "../schema/schema.js";
import { ConditionChain } from "./condition-chain.js";
import { type PagingOptions, SegmentProgress, allPages, collectPages, itemsOf, segmentInputs, totalsOf } from "./pages.js";
import { type Explanation, buildRequest } from "./request.js";
import { type PlainKey, makeCount, makeResponse } from "./response.js";
import { type RetrieverSettings, checkCount, emptySettings } from "./settings.js";
import { type SegmentStarts, segmentStartKeys } from "./start-key.js";
import type { PageOf, ResultOf, RetrieverFamily, RetrieverKind, RetrieverOf } from "./types.js";

/**
 * The request type of a kind.
 *
 * @example
 * ```ts
 * const input: RequestOf<"query"> = await User.query("id").eq("u1").getRequest();
 * ```
 */
export type RequestOf<K extends RetrieverKind> = K extends "query" ? QueryCommandInput : ScanCommandInput;

interface Snapshot {
  readonly explanation: Explanation;
  readonly settings: RetrieverSettings;
  /** Each segment's start key, when a parallel scan resumes from one key per segment. */
  readonly starts: SegmentStarts | undefined;
}

/**
 * The shared base of {@link Query} and {@link Scan} (Dynamoose's `ItemRetriever`). Chain calls mutate the
 * builder and return it, as in Dynamoose; each run takes a snapshot, so later calls do not affect it.
 *
 * About `limit(n)`: it is the `Limit` of each request, as in Dynamoose. DynamoDB limits the items *read* per
 * request, before the filter, so one request may return fewer than `n` items (or none) and still have a
 * `lastKey`. `exec()` sends one request; `all()` follows `lastKey` in requests of `n` until there is none (or
 * `max` requests were sent) and returns everything; `pages()` and `for await` read pages of `n` until the end
 * (break when you have enough). After `parallel(k)`, these apply per segment.
 *
 * @example
 * ```ts
 * const page = await User.query("team").eq("red").where("age").gt(18).limit(50).exec();
 * for await (const user of User.scan("active").eq(true)) console.log(user.id);
 * ```
 */
export abstract class ItemRetriever<F extends RetrieverFamily, T, V, C extends boolean> extends ConditionChain<F, T, V, C> {
  /** @internal */
  protected settings: RetrieverSettings = emptySettings;

  /** @internal */
  constructor(
    /** @internal */
    protected readonly kind: F["kind"],
    /** @internal */
    protected readonly core: StorePort,
    init?: unknown,
  ) {
    super(init);
  }

  /** @internal */
  protected set(patch: Partial<RetrieverSettings>): this {
    // A new object per change (a snapshot keeps the one it read); not frozen: the field is protected and its type readonly.
    this.settings = { ...this.settings, ...patch };
    return this;
  }

  /**
   * Reads at most `n` items per request (DynamoDB's `Limit`, counted before the filter); `all()` still reads every
   * page. `0` means no limit (`Limit` left out), as in Dynamoose.
   * @example `User.scan().limit(100)`
   */
  limit(n: number): this {
    const limit = checkCount("limit", n, 0);
    return this.set({ limit: limit === 0 ? undefined : limit });
  }

  /**
   * Starts after `key` (a result's `lastKey`, or a DynamoDB key map); `undefined` starts at the beginning. A scan
   * after `parallel(n)` also takes its result's `lastKey` array, one key per segment (see `Scan.startAt`).
   * @example `q.startAt(page.lastKey)`
   */
  startAt(key: Readonly<PlainKey> | undefined): this {
    return this.set({ startAt: key });
  }

  /** Reads only these attributes (a ProjectionExpression). @example `User.scan().attributes(["id", "email"])` */
  attributes(names: readonly string[]): this {
    if (!Array.isArray(names))
      throw new InvalidParameter("attributes() takes an array of attribute names.", { code: "invalid_setting", path: "attributes" });
    return this.set({ attributes: [...names] });
  }

  /** Toggles counting (`Select: "COUNT"`): `exec()` then resolves only the counts. @example `await User.scan().count().exec()` // { count, scannedCount, ... } */
  count(): RetrieverOf<F, T, V, C extends true ? false : true> {
    this.set({ count: !this.settings.count });
    return this as unknown as RetrieverOf<F, T, V, C extends true ? false : true>;
  }

  /**
   * Asks DynamoDB for the capacity each request consumes (over the table's option `returnConsumedCapacity`): the
   * result (and each page) then carries `consumedCapacity`, summed over the requests sent.
   * @example `(await User.scan().all().returnConsumedCapacity("TOTAL").exec()).consumedCapacity?.CapacityUnits`
   */
  returnConsumedCapacity(mode: ReturnConsumedCapacity): this {
    return this.set({ capacity: mode });
  }

  /**
   * Calls `callback` after every request with the items received so far (`done`), the SDK's retries, and `left`:
   * unknown (`undefined`) until the last page, then 0 — for `exec()` after `all()` or `parallel(n)` (every segment
   * counted together), `pages()` and `for await`.
   * @example `await User.scan().parallel(4).all().onProgress(({ done }) => bar.update(done)).exec()`
   */
  onProgress(callback: OnProgress): this {
    return this.set({ onProgress: callback });
  }

  /** Toggles strongly consistent reads (refused on a global secondary index). @example `User.query("id").eq("u1").consistent()` */
  consistent(): this {
    return this.set({ consistent: !this.settings.consistent });
  }

  /** Reads the index `name` (and, for a query, turns off index auto-selection). @example `User.query("email").eq("a@b.c").using("emailIndex")` */
  using(name: string): this {
    if (typeof name !== "string" || name === "")
      throw new InvalidParameter("using() takes an index name.", { code: "invalid_setting", path: "using" });
    return this.set({ index: name });
  }

  /**
   * Follows `lastKey` until the end, waiting `delay` ms between requests, at most `max` requests (per segment
   * after `parallel`; 0 = no cap). Items are concatenated, counts summed, the last `lastKey` kept.
   * @example `await User.scan().all(100, 10).exec()`
   */
  all(delay = 0, max = 0): this {
    return this.set({ all: { delay: checkCount("all() delay", delay, 0), max: checkCount("all() max", max, 0) } });
  }

  /**
   * `false`: `exec()` runs none of the model's hooks (`Model.pre` / `Model.post` for `"query"` or `"scan"`), as
   * `{ hooks: false }` does in the settings of the other operations.
   * @example `await User.scan().hooks(false).exec()`
   */
  hooks(enabled: boolean): this {
    if (typeof enabled !== "boolean")
      throw new InvalidParameter("hooks() takes true or false.", { code: "invalid_setting", path: "hooks", expected: "boolean" });
    return this.set({ hooks: enabled });
  }

  /**
   * The request `exec()` would send first (no I/O). After `parallel(n)`, the request every segment shares, without
   * `Segment`; resumed from one key per segment, it has no `ExclusiveStartKey` (each segment starts from its own).
   * @example `await User.query("id").eq("u1").getRequest()` // { TableName, KeyConditionExpression, ... }
   */
  getRequest(): Promise<RequestOf<F["kind"]>> {
    return attempt(() => this.#snapshot().explanation.request as RequestOf<F["kind"]>);
  }

  /**
   * How the request is built: the index chosen and why, every key considered, the key condition vs filter split,
   * and the request. Synchronous, no I/O; throws what `exec()` would reject with.
   * @example `User.query("email").eq("a@b.c").explain().index` // "emailIndex"
   */
  explain(): Explanation<RequestOf<F["kind"]>> {
    const { operation, index, indexType, keyCondition, filter, reason, candidates, request } = this.#snapshot().explanation;
    const estimatedCapacity = estimateCapacity(this.kind, request);
    return {
      operation,
      index,
      indexType,
      keyCondition,
      filter,
      reason,
      candidates,
      request: request as RequestOf<F["kind"]>,
      estimatedCapacity,
    };
  }

  /**
   * Runs the query or scan: one request (per segment), or every page with `all()`. Resolves the items with
   * `lastKey` and counts, or only the counts after `count()`. With a callback, returns nothing.
   * @example `const users = await User.query("team").eq("red").exec();`
   */
  exec(): Promise<ResultOf<F["kind"], T, C>>;
  exec(callback: Callback<ResultOf<F["kind"], T, C>>): void;
  exec(callback?: Callback<ResultOf<F["kind"], T, C>>): Promise<ResultOf<F["kind"], T, C>> | undefined {
    const hooks = this.settings.hooks === false ? undefined : this.core.hooks;
    const run = hooks === undefined ? attempt(() => this.#run(this.#snapshot(), undefined)) : this.#hooked(hooks);
    return settle(run as Promise<ResultOf<F["kind"], T, C>>, callback);
  }

  /** `exec()` with the model's hooks: the pre hooks (which may change this builder), then the snapshot and the run. */
  async #hooked(hooks: HookList): Promise<unknown> {
    const call = new HookCall(hooks, { event: this.kind, operation: this.kind, model: this.core.name, query: this });
    await call.pre();
    return this.#run(this.#snapshot(), call);
  }

  /**
   * The pages, fetched one at a time when the loop asks for the next (after `parallel(n)`, in rounds of one
   * page per unfinished segment). Follows `lastKey` to the end in pages of `limit` (with `all()`: its delay
   * and max apply); `break` stops the requests. Each page is a result array with its own `lastKey` and counts.
   * @example `for await (const page of User.scan().limit(100).pages()) console.log(page.length, page.lastKey)`
   */
  pages(): AsyncGenerator<PageOf<F["kind"], T>, void, undefined> {
    return this.#pages(this.#snapshot());
  }

  /**
   * Iterates the items one by one, fetching pages lazily (see `pages()`); `break` stops the requests.
   * @example `for await (const user of User.query("team").eq("red")) if (user.age > 60) break;`
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    const snapshot = this.#snapshot();
    if (snapshot.settings.count) {
      throw new InvalidParameter("A count() has no items to iterate: use exec(), or pages() for the counts per page.", {
        code: "count_iteration",
      });
    }
    for await (const page of this.#pages(snapshot)) yield* page as unknown as T[];
  }

  #snapshot(): Snapshot {
    const settings = this.settings;
    const { schema, encoder } = this.core;
    const explanation = buildRequest({
      operation: this.kind,
      schema,
      encoder,
      tableName: this.core.table().name,
      condition: withAliasesResolved(this.condition.toNode(), schema),
      settings,
    });
    return { explanation, settings, starts: segmentStartKeys(schema, encoder, this.kind, settings) };
  }

  /** The first request of each segment (or the one request) of a snapshot. */
  #inputs({ explanation, settings, starts }: Snapshot): (QueryCommandInput & ScanCommandInput)[] {
    return segmentInputs(explanation.request as QueryCommandInput & ScanCommandInput, settings.segments, starts);
  }

  /** `limit` is each request's `Limit` (set in the request itself); `all()` adds the delay and the request cap. */
  #options(settings: RetrieverSettings, follow: boolean): PagingOptions {
    const all = settings.all;
    const capacity = meterFor({ returnConsumedCapacity: settings.capacity }, this.core.table())?.mode;
    const progress = progressFor(settings.onProgress, undefined);
    return { follow, delay: all?.delay ?? 0, max: all?.max ?? 0, capacity, progress };
  }

  async #run(snapshot: Snapshot, call: HookCall<{ readonly event: F["kind"] }> | undefined): Promise<unknown> {
    const { settings } = snapshot;
    const options = this.#options(settings, settings.all !== undefined);
    const pages = await collectPages(this.core, this.kind, this.#inputs(snapshot), options);
    options.progress?.finish();
    const totals = totalsOf(pages, settings.segments);
    let result: unknown;
    if (settings.count) result = makeCount(this.kind, totals);
    else {
      const items = await this.core.populateRead(
        await itemsOf(
          this.core,
          pages.flatMap((page) => page.items),
        ),
      );
      result = makeResponse(this.kind, items, totals);
    }
    if (call) await call.post(result, pages[pages.length - 1]?.output);
    return result;
  }

  async *#pages(snapshot: Snapshot): AsyncGenerator<PageOf<F["kind"], T>, void, undefined> {
    const { segments, startAt } = snapshot.settings;
    // A page of a parallel scan carries the keys to resume every segment after the pages yielded so far.
    const progress = segments === undefined ? undefined : new SegmentProgress(segments, startAt);
    const options = this.#options(snapshot.settings, true);
    for await (const page of allPages(this.core, this.kind, this.#inputs(snapshot), options)) {
      const items: Item[] = await this.core.populateRead(await itemsOf(this.core, page.items));
      const totals = totalsOf([page], undefined);
      yield makeResponse(this.kind, items, progress ? { ...totals, lastKey: progress.after(page) } : totals) as unknown as PageOf<
        F["kind"],
        T
      >;
    }
    options.progress?.finish();
  }
}

/** The chain's node with aliased paths rewritten to stored names. */
function withAliasesResolved(node: ConditionNode | undefined, schema: Schema): ConditionNode | undefined {
  return node && resolveAliases(node, schema);
}

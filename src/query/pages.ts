/**
 * The I/O half of Query and Scan: sending a request page by page, following `LastEvaluatedKey` lazily, with
 * `all()`'s delay and request cap, and parallel scan segments.
 *
 * @module
 * @internal
 */
import type {
  ConsumedCapacity,
  QueryCommandInput,
  QueryCommandOutput,
  ScanCommandInput,
  ScanCommandOutput,
} from "@aws-sdk/client-dynamodb";
import { CapacityMeter } from "../aws/capacity.js";
import type { Item } from "../item/item.js";
import type { StorePort } from "../store/port.js";
import { type ProgressCounter, sdkRetries } from "../store/progress.js";
import type { AttributeMap } from "../schema/plan.js";
import type { Operation } from "./operation.js";
import type { PlainKey, SegmentKeys, Totals } from "./response.js";
import type { RetrieverSettings } from "./settings.js";
import { isExpired } from "../store/expires.js";
import { type SegmentStarts, type StoredKey, fromStoredKey, isSegmentKeys } from "./start-key.js";

/** One page as DynamoDB returned it. */
export interface RawPage {
  readonly segment: number | undefined;
  readonly items: readonly AttributeMap[];
  readonly count: number;
  readonly scanned: number;
  readonly lastKey: StoredKey | undefined;
  /** What DynamoDB reported consumed for this page, when asked (`returnConsumedCapacity`). */
  readonly capacity: ConsumedCapacity | undefined;
  /** The SDK output (what a post hook gets as `response`). */
  readonly output: QueryCommandOutput | ScanCommandOutput;
}

/**
 * How to page: `follow` `LastEvaluatedKey` (with `delay` ms between requests and at most `max` requests per
 * segment, 0 = no cap). Every request keeps the request's own `Limit`, as in Dynamoose.
 */
export interface PagingOptions {
  readonly follow: boolean;
  readonly delay: number;
  readonly max: number;
  /** Ask each request for its consumed capacity (`undefined`: not asked). */
  readonly capacity: "TOTAL" | "INDEXES" | undefined;
  /** Counts the items received and the SDK's retries, over every segment (`undefined`: no `onProgress`). */
  readonly progress?: ProgressCounter | undefined;
}

type Input = QueryCommandInput & ScanCommandInput;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function send(core: StorePort, operation: Operation, input: Input, options: PagingOptions): Promise<RawPage> {
  const meter = options.capacity === undefined ? undefined : new CapacityMeter(options.capacity);
  const output = await core.send(operation, input, meter);
  if (options.progress) {
    options.progress.retried(sdkRetries(output));
    options.progress.step(output.Count ?? 0);
  }
  return {
    segment: input.Segment,
    items: output.Items ?? [],
    count: output.Count ?? 0,
    scanned: output.ScannedCount ?? 0,
    lastKey: output.LastEvaluatedKey,
    capacity: meter?.of(input.TableName ?? ""),
    output,
  };
}

/**
 * The pages of one segment (or of the whole query/scan), fetched only when asked for.
 *
 * @example
 * ```ts
 * for await (const page of segmentPages(core, "scan", input, { follow: true, delay: 0, max: 0 })) { ... }
 * ```
 */
export async function* segmentPages(
  core: StorePort,
  operation: Operation,
  input: Input,
  options: PagingOptions,
): AsyncGenerator<RawPage, void, undefined> {
  let start = input.ExclusiveStartKey;
  const { ExclusiveStartKey: _start, ...rest } = input;
  for (let requests = 0; ; requests++) {
    if (requests > 0 && options.delay > 0) await sleep(options.delay);
    const page = await send(core, operation, start === undefined ? rest : { ...rest, ExclusiveStartKey: start }, options);
    yield page;
    start = page.lastKey;
    if (start === undefined || !options.follow || (options.max > 0 && requests + 1 >= options.max)) return;
  }
}

/**
 * The requests a run starts from: the request itself, or after `parallel(n)` one per segment (`Segment: i`). With
 * `starts` (a parallel scan resumed from one key per segment), each segment starts from its own key (`null`: from
 * its beginning), and a segment whose key is `undefined` is finished: it gets no request.
 *
 * @example
 * ```ts
 * segmentInputs(input, 4, [key0, undefined, undefined, key3]); // segments 0 and 3, from their keys
 * ```
 */
export function segmentInputs(input: Input, segments: number | undefined, starts: SegmentStarts | undefined): Input[] {
  if (segments === undefined) return [input];
  const inputs: Input[] = [];
  for (let segment = 0; segment < segments; segment++) {
    const start = starts === undefined ? null : starts[segment];
    if (start === null) inputs.push({ ...input, Segment: segment, TotalSegments: segments });
    else if (start !== undefined) inputs.push({ ...input, Segment: segment, TotalSegments: segments, ExclusiveStartKey: start });
  }
  return inputs;
}

/**
 * The pages of a query or scan from its {@link segmentInputs}; with several (`parallel(n)`), in rounds (one
 * request per unfinished segment, sent together, yielded in segment order). Stopping the iteration stops the requests.
 *
 * @example
 * ```ts
 * for await (const page of allPages(core, "scan", segmentInputs(input, 4, undefined), options)) if (page.count > 0) break;
 * ```
 */
export async function* allPages(
  core: StorePort,
  operation: Operation,
  inputs: readonly Input[],
  options: PagingOptions,
): AsyncGenerator<RawPage, void, undefined> {
  if (inputs.length === 1) {
    yield* segmentPages(core, operation, inputs[0] as Input, options);
    return;
  }
  let active = inputs.map((input) => segmentPages(core, operation, input, options));
  try {
    while (active.length > 0) {
      const results = await Promise.all(active.map((iterator) => iterator.next()));
      const next: typeof active = [];
      for (const [i, result] of results.entries()) {
        if (result.done) continue;
        next.push(active[i] as (typeof active)[number]);
        yield result.value;
      }
      active = next;
    }
  } finally {
    await Promise.all(active.map((iterator) => iterator.return()));
  }
}

/**
 * Every page of a query or scan from its {@link segmentInputs}, collected (segments run concurrently, each to its end).
 *
 * @example
 * ```ts
 * const pages = await collectPages(core, "query", [input], options);
 * ```
 */
export async function collectPages(
  core: StorePort,
  operation: Operation,
  inputs: readonly Input[],
  options: PagingOptions,
): Promise<RawPage[]> {
  const drain = async (input: Input): Promise<RawPage[]> => {
    const pages: RawPage[] = [];
    for await (const page of segmentPages(core, operation, input, options)) pages.push(page);
    return pages;
  };
  if (inputs.length === 1) return drain(inputs[0] as Input);
  return (await Promise.all(inputs.map(drain))).flat();
}

/**
 * Adds up pages: counts summed, requests counted, the last `lastKey` kept (per segment after `parallel(n)`).
 *
 * @example
 * ```ts
 * totalsOf(pages, undefined); // { lastKey, count, scanned, requests }
 * ```
 */
export function totalsOf(pages: readonly RawPage[], segments: number | undefined): Totals {
  let count = 0;
  let scanned = 0;
  const meter = pages[0]?.capacity === undefined ? undefined : new CapacityMeter("TOTAL");
  const lastKeys: (PlainKey | undefined)[] = segments === undefined ? [undefined] : Array.from({ length: segments }, () => undefined);
  for (const page of pages) {
    count += page.count;
    scanned += page.scanned;
    meter?.add(page.capacity);
    lastKeys[page.segment ?? 0] = fromStoredKey(page.lastKey);
  }
  const lastKey = segments === undefined ? lastKeys[0] : lastKeys.some((k) => k !== undefined) ? lastKeys : undefined;
  return { lastKey, count, scanned, requests: pages.length, capacity: meter?.total()[0] };
}

/**
 * Converts a page's stored items into items of the model.
 *
 * @example
 * ```ts
 * const items = await itemsOf(core, page.items);
 * ```
 */
export function itemsOf(core: StorePort, maps: readonly AttributeMap[]): Promise<Item[]> {
  const table = core.table();
  const live = table.expires ? maps.filter((map) => !isExpired(table, map)) : maps;
  const items = live.map((map) => core.readStored(map));
  return items.some((item) => item instanceof Promise) ? Promise.all(items) : Promise.resolve(items as Item[]);
}

/**
 * Where each segment of a parallel scan stands as `pages()` yields its pages: after the last key yielded, at its
 * start (`null`: none of its pages yielded yet) or finished (`undefined`). What `startAt()` takes to resume after
 * the pages yielded so far: a page fetched but not yet yielded (its round's later segments) is read again.
 *
 * @example
 * ```ts
 * const progress = new SegmentProgress(4, undefined);
 * progress.after(page); // [{ id: "u9" }, null, null, null] after a page of segment 0
 * ```
 */
export class SegmentProgress {
  readonly #keys: (Readonly<PlainKey> | null | undefined)[];

  constructor(segments: number, startAt: RetrieverSettings["startAt"]) {
    this.#keys = isSegmentKeys(startAt) ? [...startAt] : Array.from({ length: segments }, () => startAt ?? null);
  }

  /** Records a yielded page; the keys to resume after it, or `undefined` when every segment is done. */
  after(page: RawPage): SegmentKeys | undefined {
    this.#keys[page.segment ?? 0] = fromStoredKey(page.lastKey);
    return this.#keys.some((key) => key !== undefined) ? [...this.#keys] : undefined;
  }
}

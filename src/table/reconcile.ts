/**
 * `update: true | [...]`: brings a live table in line with its models, after it is ACTIVE. Each change is one
 * UpdateTable followed by a wait until the table and its indexes are ACTIVE again: throughput (or billing mode),
 * global secondary indexes (removed, then added, one at a time; local indexes can not change), table class,
 * streams; then tags (TagResource/UntagResource). TTL has its own step, {@link reconcileTimeToLive}, run by the setup
 * flow before the others.
 *
 * @module
 * @internal
 */
import type {
  CreateTableCommandInput,
  GlobalSecondaryIndex,
  GlobalSecondaryIndexDescription,
  GlobalSecondaryIndexUpdate,
  KeySchemaElement,
  Projection,
  TableDescription,
  UpdateTableCommandInput,
} from "@aws-sdk/client-dynamodb";
import type { Operation, Operations } from "../aws/client.js";
import { OtherError, WaitForActiveTimeout } from "../errors.js";
import type { ExpiresSettings } from "../store/expires.js";
import { type TimeToLiveContext, enableTimeToLive } from "./ttl.js";
import type { TableOptions, TableUpdateKind } from "./options.js";
import { type PollSettings, poll } from "./poll.js";

/** Every kind `update: true` reconciles. */
export const allUpdateKinds: readonly TableUpdateKind[] = ["ttl", "indexes", "throughput", "tags", "tableClass", "streams"];

/** What reconciling needs of a table. */
export interface ReconcileContext {
  readonly name: string;
  readonly options: TableOptions;
  send<K extends Operation>(operation: K, input: Operations[K][0]): Promise<Operations[K][1]>;
  createRequest(): CreateTableCommandInput;
  /** Polls until the table and its indexes are ACTIVE (whatever `waitForActive.enabled` says). */
  waitUntilActive(): Promise<TableDescription>;
}

/** The kinds an `update` option asks for. */
export function updateKinds(update: boolean | readonly TableUpdateKind[]): ReadonlySet<TableUpdateKind> {
  return new Set(update === true ? allUpdateKinds : update === false ? [] : update);
}

type Change = Omit<UpdateTableCommandInput, "TableName">;

/** Reconciles the live table (`current`) with the models, one UpdateTable at a time. */
export async function reconcile(context: ReconcileContext, kinds: ReadonlySet<TableUpdateKind>, current: TableDescription): Promise<void> {
  const expected = context.createRequest();
  let live = current;
  const apply = async (change: Change): Promise<void> => {
    try {
      await context.send("updateTable", { TableName: context.name, ...change });
    } catch (error) {
      // DynamoDB Local keeps no table class and answers "Nothing to update": the table already is as asked.
      if (!/nothing to update/i.test((error as Error).message ?? "")) throw error;
      return;
    }
    live = await context.waitUntilActive();
  };
  if (kinds.has("throughput")) {
    const change = throughputChange(expected, live);
    if (change) await apply(change);
  }
  if (kinds.has("indexes")) {
    for (const name of indexesToDelete(expected, live)) await apply({ GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: name } }] });
    for (const index of indexesToCreate(expected, live)) await apply(createIndex(expected, live, index));
  }
  if (kinds.has("tableClass")) {
    const wanted = expected.TableClass ?? "STANDARD";
    if ((live.TableClassSummary?.TableClass ?? "STANDARD") !== wanted) await apply({ TableClass: wanted });
  }
  if (kinds.has("streams")) for (const change of streamChanges(context.options.streamOptions, live)) await apply(change);
  if (kinds.has("tags")) await syncTags(context, expected, live);
}

const onDemand = (table: TableDescription): boolean => table.BillingModeSummary?.BillingMode === "PAY_PER_REQUEST";

/** The billing mode / provisioned throughput change, if any (index throughput included). */
export function throughputChange(expected: CreateTableCommandInput, live: TableDescription): Change | undefined {
  if (expected.BillingMode === "PAY_PER_REQUEST") return onDemand(live) ? undefined : { BillingMode: "PAY_PER_REQUEST" };
  const wanted = expected.ProvisionedThroughput;
  if (!wanted) return undefined;
  const switching = onDemand(live);
  const indexUpdates: GlobalSecondaryIndexUpdate[] = [];
  for (const index of live.GlobalSecondaryIndexes ?? []) {
    const want = expected.GlobalSecondaryIndexes?.find((i) => i.IndexName === index.IndexName)?.ProvisionedThroughput ?? wanted;
    const have = index.ProvisionedThroughput;
    if (switching || have?.ReadCapacityUnits !== want.ReadCapacityUnits || have?.WriteCapacityUnits !== want.WriteCapacityUnits) {
      indexUpdates.push({ Update: { IndexName: index.IndexName, ProvisionedThroughput: want } });
    }
  }
  const have = live.ProvisionedThroughput;
  const tableChanged =
    switching || have?.ReadCapacityUnits !== wanted.ReadCapacityUnits || have?.WriteCapacityUnits !== wanted.WriteCapacityUnits;
  if (!tableChanged && indexUpdates.length === 0) return undefined;
  return {
    ...(switching ? { BillingMode: "PROVISIONED" as const } : {}),
    ...(tableChanged ? { ProvisionedThroughput: wanted } : {}),
    ...(indexUpdates.length > 0 ? { GlobalSecondaryIndexUpdates: indexUpdates } : {}),
  };
}

const keyText = (keys: readonly KeySchemaElement[] | undefined): string =>
  JSON.stringify((keys ?? []).map((k) => [k.AttributeName, k.KeyType]));
const projectionText = (projection: Projection | undefined): string =>
  JSON.stringify([projection?.ProjectionType ?? "ALL", [...(projection?.NonKeyAttributes ?? [])].sort()]);

/** Same name, keys and projection (throughput is the `throughput` kind's business). */
const sameIndex = (
  a: GlobalSecondaryIndex | GlobalSecondaryIndexDescription,
  b: GlobalSecondaryIndex | GlobalSecondaryIndexDescription,
): boolean =>
  a.IndexName === b.IndexName &&
  keyText(a.KeySchema) === keyText(b.KeySchema) &&
  projectionText(a.Projection) === projectionText(b.Projection);

/** Live global indexes the models do not declare, or declare differently (recreated afterwards). */
export function indexesToDelete(expected: CreateTableCommandInput, live: TableDescription): string[] {
  const wanted = expected.GlobalSecondaryIndexes ?? [];
  return (live.GlobalSecondaryIndexes ?? [])
    .filter((index) => !wanted.some((w) => sameIndex(w, index)))
    .map((index) => index.IndexName ?? "");
}

/** Declared global indexes the live table lacks (or has differently). */
export function indexesToCreate(expected: CreateTableCommandInput, live: TableDescription): GlobalSecondaryIndex[] {
  const existing = live.GlobalSecondaryIndexes ?? [];
  return (expected.GlobalSecondaryIndexes ?? []).filter((index) => !existing.some((e) => sameIndex(index, e)));
}

function createIndex(expected: CreateTableCommandInput, live: TableDescription, index: GlobalSecondaryIndex): Change {
  const keys = new Set((index.KeySchema ?? []).map((k) => k.AttributeName));
  const { ProvisionedThroughput: declared, ...rest } = index;
  const throughput = onDemand(live)
    ? undefined
    : (declared ?? {
        ReadCapacityUnits: live.ProvisionedThroughput?.ReadCapacityUnits ?? 1,
        WriteCapacityUnits: live.ProvisionedThroughput?.WriteCapacityUnits ?? 1,
      });
  return {
    AttributeDefinitions: (expected.AttributeDefinitions ?? []).filter((d) => keys.has(d.AttributeName)),
    GlobalSecondaryIndexUpdates: [{ Create: { ...rest, ...(throughput ? { ProvisionedThroughput: throughput } : {}) } }],
  };
}

/** Stream changes: enable, disable, or (a new view type) disable then enable. Nothing when `streamOptions` is unset. */
export function streamChanges(options: TableOptions["streamOptions"], live: TableDescription): Change[] {
  const enabled = live.StreamSpecification?.StreamEnabled === true;
  if (!options) return [];
  if (!options.enabled) return enabled ? [{ StreamSpecification: { StreamEnabled: false } }] : [];
  const wanted = { StreamEnabled: true, StreamViewType: options.type ?? "NEW_AND_OLD_IMAGES" } as const;
  if (!enabled) return [{ StreamSpecification: wanted }];
  if (live.StreamSpecification?.StreamViewType === wanted.StreamViewType) return [];
  return [{ StreamSpecification: { StreamEnabled: false } }, { StreamSpecification: wanted }];
}

/** DynamoDB Local answers every tagging call with "Tagging is not currently supported". */
const taggingUnsupported = (error: unknown): boolean =>
  (error as { name?: string }).name === "UnknownOperationException" || /not (currently )?supported/i.test((error as Error).message ?? "");

/** Removes the tags the options do not list (AWS's own `aws:` tags aside) and sets the others. */
async function syncTags(context: ReconcileContext, expected: CreateTableCommandInput, live: TableDescription): Promise<void> {
  const arn = live.TableArn;
  if (!arn) return;
  const wanted = new Map((expected.Tags ?? []).map((t) => [t.Key ?? "", t.Value ?? ""]));
  try {
    const existing = new Map<string, string>();
    let token: string | undefined;
    do {
      const page = await context.send("listTagsOfResource", { ResourceArn: arn, ...(token ? { NextToken: token } : {}) });
      for (const tag of page.Tags ?? []) existing.set(tag.Key ?? "", tag.Value ?? "");
      token = page.NextToken;
    } while (token);
    const remove = [...existing.keys()].filter((key) => !wanted.has(key) && !key.startsWith("aws:"));
    const add = [...wanted].filter(([key, value]) => existing.get(key) !== value).map(([Key, Value]) => ({ Key, Value }));
    if (remove.length > 0) await context.send("untagResource", { ResourceArn: arn, TagKeys: remove });
    if (add.length > 0) await context.send("tagResource", { ResourceArn: arn, Tags: add });
  } catch (error) {
    if (!taggingUnsupported(error)) throw error;
    console.warn(
      `dynamodel warning: tagging is not supported here (DynamoDB Local?), so the tags of table ${context.name} were not updated.`,
    );
  }
}

const messageOf = (error: unknown): string => (error as Error).message ?? String(error);

/**
 * `update` with `"ttl"`: brings the table's TTL in line with `expires`. Without `expires`, an enabled TTL is turned
 * off; with it, a disabled TTL is turned on, and a TTL on another attribute is turned off, then (once DynamoDB reports
 * it DISABLED) on with the new attribute. DynamoDB allows few TTL changes per hour and takes up to an hour to turn
 * TTL off: when it refuses a change, or TTL is still being turned off after the wait, this throws an `OtherError`
 * (code `ttl_update_refused`) that says what to do. @internal
 */
export async function reconcileTimeToLive(
  context: TimeToLiveContext,
  settings: ExpiresSettings | undefined,
  wait: PollSettings,
): Promise<void> {
  const description = (await context.send("describeTimeToLive", { TableName: context.name })).TimeToLiveDescription;
  const status = description?.TimeToLiveStatus ?? "DISABLED";
  const on = status === "ENABLED" || status === "ENABLING";
  const liveAttribute = description?.AttributeName;
  if (!on) {
    if (!settings) return;
    if (status === "DISABLING") return enableTimeToLive(context, settings, wait);
    await context.send("updateTimeToLive", {
      TableName: context.name,
      TimeToLiveSpecification: { Enabled: true, AttributeName: settings.attribute },
    });
    return;
  }
  if (settings && liveAttribute === settings.attribute) return;
  const goal = settings
    ? `moving TTL from attribute "${liveAttribute}" to "${settings.attribute}"`
    : `turning TTL off (attribute "${liveAttribute}"): expires was removed`;
  const refused = (what: string, error: unknown) =>
    new OtherError(
      `${what} the TTL of table ${context.name} while ${goal}: ${messageOf(error)}. ` +
        "DynamoDB allows few TTL changes per hour and can take up to an hour to turn TTL off: run the setup again later " +
        '(initialize the table with update: ["ttl"]), or change the TTL in the console.',
      { code: "ttl_update_refused" },
    );
  try {
    await context.send("updateTimeToLive", {
      TableName: context.name,
      TimeToLiveSpecification: { Enabled: false, AttributeName: liveAttribute },
    });
  } catch (error) {
    if ((error as { name?: string }).name !== "ValidationException") throw error;
    throw refused("DynamoDB refused to turn off", error);
  }
  if (!settings) return;
  try {
    await poll(
      async () => {
        const output = await context.send("describeTimeToLive", { TableName: context.name });
        return (output.TimeToLiveDescription?.TimeToLiveStatus ?? "DISABLED") === "DISABLED" ? true : undefined;
      },
      wait,
      `TTL of table ${context.name} to be disabled`,
    );
  } catch (error) {
    if (!(error instanceof WaitForActiveTimeout)) throw error;
    throw refused("DynamoDB did not finish turning off", error);
  }
  try {
    await context.send("updateTimeToLive", {
      TableName: context.name,
      TimeToLiveSpecification: { Enabled: true, AttributeName: settings.attribute },
    });
  } catch (error) {
    if ((error as { name?: string }).name !== "ValidationException") throw error;
    throw refused("DynamoDB refused to turn on", error);
  }
}

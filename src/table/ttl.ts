/**
 * The table option `expires` resolved, and the setup step that switches TTL on (DescribeTimeToLive, then
 * UpdateTimeToLive). What a TTL attribute means for an item is in `store/expires.ts`.
 *
 * @module
 * @internal
 */
import type { Operation, Operations } from "../aws/client.js";
import { InvalidParameter, describeType } from "../errors.js";
import type { ExpiresSettings } from "../store/expires.js";
import type { TableOptions } from "./options.js";
import { type PollSettings, poll } from "./poll.js";

/** Resolves and checks `options.expires`. @internal */
export function expiresSettings(options: TableOptions): ExpiresSettings | undefined {
  const expires = options.expires;
  if (expires === undefined) return undefined;
  const given = typeof expires === "number" ? { ttl: expires } : expires;
  if (typeof given !== "object" || given === null || typeof given.ttl !== "number" || !Number.isFinite(given.ttl) || given.ttl < 0) {
    throw new InvalidParameter("expires needs a ttl: a number of milliseconds, 0 or more.", {
      code: "invalid_expires",
      received: describeType(given),
    });
  }
  const attribute = ("attribute" in given ? given.attribute : undefined) ?? "ttl";
  const returnExpired = ("items" in given ? given.items?.returnExpired : undefined) ?? true;
  return { attribute, ttl: given.ttl, returnExpired };
}

/** What enabling TTL needs of a table. @internal */
export interface TimeToLiveContext {
  readonly name: string;
  send<K extends Operation>(operation: K, input: Operations[K][0]): Promise<Operations[K][1]>;
}

/**
 * The setup step of `expires`: DescribeTimeToLive, then UpdateTimeToLive when TTL is disabled (after waiting
 * while it is being disabled). A table with TTL already on, whatever its attribute, is left alone. @internal
 */
export async function enableTimeToLive(context: TimeToLiveContext, settings: ExpiresSettings, wait: PollSettings): Promise<void> {
  const status = await poll(
    async () => {
      const output = await context.send("describeTimeToLive", { TableName: context.name });
      const current = output.TimeToLiveDescription?.TimeToLiveStatus ?? "DISABLED";
      return current === "DISABLING" ? undefined : current;
    },
    wait,
    `TTL of table ${context.name} to be disabled`,
  );
  if (status !== "DISABLED") return;
  await context.send("updateTimeToLive", {
    TableName: context.name,
    TimeToLiveSpecification: { Enabled: true, AttributeName: settings.attribute },
  });
}

/**
 * A table's setup flow: describe → create if missing → wait until ACTIVE → TTL → reconcile with `update`, and the
 * DescribeTable polling it waits with. `Table` runs it once through its `SetupGate`.
 *
 * @module
 * @internal
 */
import type { TableDescription } from "@aws-sdk/client-dynamodb";
import { OtherError } from "../errors.js";
import type { ExpiresSettings } from "../store/expires.js";
import { poll, pollSettingsOf } from "./poll.js";
import { type ReconcileContext, reconcile, reconcileTimeToLive, updateKinds } from "./reconcile.js";
import { enableTimeToLive } from "./ttl.js";

/** What the setup needs of a table. */
export interface SetupContext extends ReconcileContext {
  readonly expires: ExpiresSettings | undefined;
  describeTable(): Promise<TableDescription | undefined>;
  waitUntilActive(known?: TableDescription): Promise<TableDescription>;
}

/** DescribeTable; `undefined` when the table does not exist. */
export async function describeTable(table: ReconcileContext): Promise<TableDescription | undefined> {
  try {
    return (await table.send("describeTable", { TableName: table.name })).Table;
  } catch (error) {
    if ((error as { name?: string }).name === "ResourceNotFoundException") return undefined;
    throw error;
  }
}

/** Polls DescribeTable (`known` counts as the first answer) until the table and its global indexes are ACTIVE. */
export function waitUntilActive(table: SetupContext, known?: TableDescription): Promise<TableDescription> {
  let first = known;
  return poll(
    async () => {
      const description = first ?? (await table.describeTable());
      first = undefined;
      const active =
        description?.TableStatus === "ACTIVE" &&
        (description.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === "ACTIVE");
      return active ? description : undefined;
    },
    pollSettingsOf(table.options),
    `table ${table.name}`,
  );
}

/** Runs the setup flow (`waitRequested`: `waitForActive` was set, so even `create: false` waits). */
export async function runSetup(table: SetupContext, waitRequested: boolean): Promise<void> {
  const { create, waitForActive } = table.options;
  const kinds = updateKinds(table.options.update);
  if (!create && kinds.size === 0 && !waitRequested) return;
  let description = await table.describeTable();
  let created = false;
  if (!description) {
    if (!create)
      throw new OtherError(`Table ${table.name} does not exist, and create is false: it can not be waited for or updated.`, {
        code: "table_not_found",
      });
    try {
      await table.send("createTable", table.createRequest());
      created = true;
    } catch (error) {
      if ((error as { name?: string }).name !== "ResourceInUseException") throw error;
    }
  }
  if (typeof waitForActive === "object" && waitForActive.enabled)
    description = await table.waitUntilActive(created ? undefined : description);
  const pollSettings = pollSettingsOf(table.options);
  // With update "ttl", TTL follows `expires` (turned off without it); otherwise a new table only gets it turned on.
  if (kinds.has("ttl") && !created) await reconcileTimeToLive(table, table.expires, pollSettings);
  else if (table.expires && create) await enableTimeToLive(table, table.expires, pollSettings);
  // A table just created from the models has nothing to reconcile.
  if (kinds.size > 0 && !created) await reconcile(table, kinds, description ?? (await table.waitUntilActive()));
}

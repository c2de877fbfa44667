/**
 * `dynamodel.transaction(actions, settings?, callback?)`: awaits the actions, refuses what DynamoDB would refuse
 * (more than 100 actions, over 4 MB, two actions on one item, unregistered tables) before sending, sends
 * TransactGetItems or TransactWriteItems (with one `ClientRequestToken`, reused on retries), and decodes cancellations.
 *
 * @module
 * @internal
 */
import { randomUUID } from "node:crypto";
import type { AttributeValue, TransactWriteItem } from "@aws-sdk/client-dynamodb";
import { keyId } from "../bind/key-id.js";
import { keyNames } from "../bind/key-names.js";
import { RetryClock, isRetryable, resolveRetry } from "../aws/retry.js";
import { InvalidParameter, LimitExceeded, describeType, describeValue } from "../errors.js";
import type { TableLink } from "../store/port.js";
import { sendMetered } from "../store/send.js";
import { withEstimate } from "../store/capacity-estimate.js";
import { meterFor } from "../aws/capacity.js";
import type { ModelPort } from "../store/model-port.js";
import { type ActionInfo, decodeCancellation, isCancellation } from "./cancel.js";
import { missingParentError } from "./missing-parent.js";
import { afterWritten, modelOfAction } from "./registry.js";
import { mapSize } from "./size.js";
import type { TransactionAction, TransactionRequest, TransactionSettings } from "./types.js";

/** DynamoDB's limits of one transaction. */
export const TRANSACTION_LIMITS = Object.freeze({ actions: 100, bytes: 4 * 1024 * 1024 });

const KINDS = ["Get", "Put", "Update", "Delete", "ConditionCheck"] as const;
type Kind = (typeof KINDS)[number];
interface Body {
  readonly TableName?: string;
  readonly Key?: Record<string, AttributeValue>;
  readonly Item?: Record<string, AttributeValue>;
  readonly ExpressionAttributeValues?: Record<string, AttributeValue>;
  readonly ConditionExpression?: string;
  readonly UpdateExpression?: string;
  readonly ExpressionAttributeNames?: Record<string, string>;
  ReturnValuesOnConditionCheckFailure?: string;
}

interface Resolved extends ActionInfo {
  readonly kind: Kind;
  readonly body: Body;
  readonly action: TransactionAction;
}

/**
 * Reads one action: its kind, body and model. `needsModel: false` (building a request) accepts a table no model is
 * registered for, as Dynamoose does: the request needs no table.
 */
function resolveAction(action: unknown, index: number, known: readonly (ModelPort | undefined)[], needsModel: boolean): Resolved {
  const record = (typeof action === "object" && action !== null ? action : {}) as Record<string, unknown>;
  const kinds = KINDS.filter((kind) => record[kind] !== undefined);
  if (kinds.length !== 1) {
    throw new InvalidParameter(`Transaction action ${index} must have exactly one of ${KINDS.join(", ")}.`, {
      code: "invalid_transaction",
      received: describeType(action),
    });
  }
  const kind = kinds[0] as Kind;
  const body = record[kind] as Body;
  const core = modelOfAction(record, body.TableName, known);
  if (!core && needsModel) {
    throw new InvalidParameter(
      `Table "${body.TableName}" not found. Please register the table with dynamodel before using it in transactions.`,
      {
        code: "unknown_table",
        received: String(body.TableName),
      },
    );
  }
  const key =
    body.Key ??
    (body.Item && core
      ? Object.fromEntries(keyNames(core.schema).flatMap((name) => (body.Item?.[name] ? [[name, body.Item[name]]] : [])))
      : undefined);
  return { kind, body, core, key, action: action as TransactionAction };
}

function check(resolved: readonly Resolved[], type: "get" | "write"): void {
  if (resolved.length > TRANSACTION_LIMITS.actions) {
    throw new LimitExceeded(`A transaction takes at most ${TRANSACTION_LIMITS.actions} actions; this one has ${resolved.length}.`, {
      code: "transaction_too_many_actions",
      expected: `<= ${TRANSACTION_LIMITS.actions}`,
      received: String(resolved.length),
    });
  }
  const seen = new Map<string, number>();
  let size = 0;
  resolved.forEach((action, index) => {
    if ((type === "get") !== (action.kind === "Get")) {
      throw new InvalidParameter(
        `Action ${index} is a ${action.kind}: a ${type} transaction takes only ${type === "get" ? "Get actions" : "writes and condition checks"}.`,
        {
          code: "invalid_transaction",
        },
      );
    }
    // A raw Put on a table no model is registered for has no known key: it is not compared.
    const id =
      action.key &&
      `${action.body.TableName}\u0000${keyId(action.key, action.core ? keyNames(action.core.schema) : Object.keys(action.key))}`;
    const first = id === undefined ? undefined : seen.get(id);
    if (first !== undefined) {
      throw new InvalidParameter(
        `Actions ${first} and ${index} are on the same item (${action.core?.name} ${describeValue(action.key)}); DynamoDB refuses two actions on one item in a transaction.`,
        { code: "duplicate_item" },
      );
    }
    if (id !== undefined) seen.set(id, index);
    const body = action.body;
    size +=
      mapSize(body.Item) +
      mapSize(body.Key) +
      mapSize(body.ExpressionAttributeValues) +
      (body.ConditionExpression?.length ?? 0) +
      (body.UpdateExpression?.length ?? 0);
  });
  if (size > TRANSACTION_LIMITS.bytes) {
    throw new LimitExceeded(`A transaction is limited to 4 MB; this one is about ${(size / 1024 / 1024).toFixed(2)} MB.`, {
      code: "transaction_too_large",
      expected: "<= 4 MB",
      received: String(size),
    });
  }
}

/** The write actions, with the stored item asked for on a failed condition (for `TransactionCanceled`). */
function writeItems(resolved: readonly Resolved[]): TransactWriteItem[] {
  return resolved.map(({ kind, body, action }) => {
    if (!body.ConditionExpression || body.ReturnValuesOnConditionCheckFailure !== undefined) return action as TransactWriteItem;
    return { [kind]: { ...body, ReturnValuesOnConditionCheckFailure: "ALL_OLD" } } as TransactWriteItem;
  });
}

async function tablesOf(resolved: readonly Resolved[]): Promise<TableLink> {
  const tables = [...new Set(resolved.map((action) => (action.core as ModelPort).table()))];
  const first = tables[0] as TableLink;
  if (tables.some((table) => table.instance !== first.instance)) {
    throw new InvalidParameter("You must use a single dynamodel instance for all tables in a transaction.", {
      code: "invalid_transaction",
    });
  }
  await Promise.all(tables.map((table) => table.ready()));
  return first;
}

/** Runs a transaction. */
export async function runTransaction(list: unknown, settings: TransactionSettings = {}): Promise<unknown> {
  if (!Array.isArray(list) || list.length === 0) {
    throw new InvalidParameter("You must pass in an array with items for the transactions parameter.", { code: "invalid_transaction" });
  }
  if (settings.type !== undefined && settings.type !== "get" && settings.type !== "write") {
    throw new InvalidParameter('Invalid type option, please pass in "get" or "write".', {
      code: "invalid_transaction",
      received: String(settings.type),
    });
  }
  const actions: unknown[] = await Promise.all(list);
  const resolved: Resolved[] = [];
  const needsModel = settings.return !== "request";
  for (const [index, action] of actions.entries())
    resolved.push(
      resolveAction(
        action,
        index,
        resolved.map((r) => r.core),
        needsModel,
      ),
    );
  const type = settings.type ?? (resolved.every((action) => action.kind === "Get") ? "get" : "write");
  check(resolved, type);
  const TransactItems = type === "get" ? resolved.map((action) => action.action) : writeItems(resolved);
  if (settings.return === "request") {
    const request: TransactionRequest = {
      TransactItems,
      ...(settings.clientRequestToken ? { ClientRequestToken: settings.clientRequestToken } : {}),
    };
    const schemas = new Map(resolved.map((action) => [action.body.TableName, action.core?.schema]));
    return withEstimate(
      type === "get" ? "transactGetItems" : "transactWriteItems",
      request as never,
      (table) => schemas.get(table)?.indexes() ?? [],
    );
  }
  const table = await tablesOf(resolved);
  const ClientRequestToken = settings.clientRequestToken ?? randomUUID();
  const clock = new RetryClock(resolveRetry(settings.retry));
  const meter = meterFor(settings, table);
  let output: unknown;
  for (let attempt = 1; ; attempt++) {
    try {
      if (type === "get") {
        const output = await sendMetered(table, "transactGetItems", { TransactItems: TransactItems as never }, meter);
        const items = await Promise.all(
          resolved.map((action, index) => {
            const item = output.Responses?.[index]?.Item;
            // Read by the model whose schema fits the item (its entity tag, else the best match), as table reads are.
            return item && action.core ? action.core.table().fromStored(item) : undefined;
          }),
        );
        return meter ? meter.deliver(items) : items;
      }
      output = await sendMetered(
        table,
        "transactWriteItems",
        { TransactItems: TransactItems as TransactWriteItem[], ClientRequestToken },
        meter,
      );
      break;
    } catch (error) {
      if (isCancellation(error)) throw await decodeCancellation(error, resolved);
      const updates = resolved.flatMap(({ kind, body }, index) => (kind === "Update" ? [{ index, body }] : []));
      const missingParent = missingParentError(error, updates);
      if (missingParent) throw missingParent;
      if (!isRetryable(error) || !(await clock.next(attempt))) throw error;
    }
  }
  const result = meter ? meter.deliver(null) : null;
  // Written: the post hooks of the actions (outside the retry loop, so that a hook's throw is never retried).
  await afterWritten(actions as object[], output);
  return result;
}

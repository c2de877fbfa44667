/**
 * Decodes DynamoDB's `TransactionCanceledException` into `TransactionCanceled`: per action, its index, model, key,
 * code and (when `ReturnValuesOnConditionCheckFailure` gave it) the stored item as a model item.
 *
 * @module
 * @internal
 */
import type { AttributeValue, CancellationReason as SdkReason } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { type CancellationReason, TransactionCanceled, describeValue } from "../errors.js";
import type { ModelPort } from "../store/model-port.js";

/** One action as the decoder needs it. */
export interface ActionInfo {
  readonly core: ModelPort | undefined;
  readonly key: Record<string, AttributeValue> | undefined;
}

function plainKey(core: ModelPort | undefined, key: Record<string, AttributeValue> | undefined): Record<string, unknown> | undefined {
  if (!key) return undefined;
  if (core) {
    try {
      return core.schema.plan.fromDynamoRaw(key);
    } catch {
      // fall back to the schema-less form
    }
  }
  return unmarshall(key, { wrapNumbers: false }) as Record<string, unknown>;
}

/** True for the SDK's cancellation error. */
export function isCancellation(error: unknown): error is Error & { CancellationReasons?: SdkReason[] } {
  return (error as { name?: string } | null)?.name === "TransactionCanceledException" && !(error instanceof TransactionCanceled);
}

/** The `TransactionCanceled` of a cancellation. */
export async function decodeCancellation(
  error: Error & { CancellationReasons?: SdkReason[] },
  actions: readonly ActionInfo[],
): Promise<TransactionCanceled> {
  const sdkReasons = error.CancellationReasons ?? [];
  const reasons: CancellationReason[] = await Promise.all(
    actions.map(async (action, index): Promise<CancellationReason> => {
      const reason = sdkReasons[index];
      const stored = reason?.Item;
      const item =
        stored && Object.keys(stored).length > 0 ? (action.core ? await action.core.readStored(stored) : unmarshall(stored)) : undefined;
      return {
        index,
        model: action.core?.name,
        key: plainKey(action.core, action.key),
        code: reason?.Code ?? "None",
        message: reason?.Message ?? undefined,
        item: item as Record<string, unknown> | undefined,
      };
    }),
  );
  const failed = reasons.filter((reason) => reason.code !== "None");
  const summary = failed.map((r) => `action ${r.index} (${r.model ?? "?"} ${describeValue(r.key)}): ${r.code}`).join("; ");
  return new TransactionCanceled(`The transaction was canceled, nothing was applied: ${summary || "no reason given"}.`, {
    cause: error,
    reasons,
    cancellationReasons: sdkReasons,
  });
}

import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { chunk, concurrencyOf, runBounded, sendUntilDone } from "../../../src/batch/chunks.js";
import { canonicalNumber, keyId } from "../../../src/bind/key-id.js";
import { RetryClock, backoffDelay, isRetryable, resolveRetry, retry } from "../../../src/aws/retry.js";
import { mapSize, valueSize } from "../../../src/transaction/size.js";

afterEach(() => retry.set({}));

describe("key identity", () => {
  it("treats equal DynamoDB numbers as one key", () => {
    expect(canonicalNumber("1.50")).toBe(canonicalNumber("1.5"));
    expect(canonicalNumber("15E-1")).toBe(canonicalNumber("1.5"));
    expect(canonicalNumber("1e+21")).toBe(canonicalNumber("1000000000000000000000"));
    expect(canonicalNumber("-0.0100")).toBe(canonicalNumber("-1e-2"));
    expect(canonicalNumber("0.000")).toBe("0");
    expect(canonicalNumber("12")).not.toBe(canonicalNumber("1.2"));
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (n) => canonicalNumber(String(n)) === canonicalNumber(n.toExponential()),
      ),
    );
  });

  it("builds ids from the key attributes only, by type", () => {
    expect(keyId({ id: { S: "a" }, other: { S: "x" } }, ["id"])).toBe(keyId({ id: { S: "a" } }, ["id"]));
    expect(keyId({ id: { S: "1" } }, ["id"])).not.toBe(keyId({ id: { N: "1" } }, ["id"]));
    expect(keyId({ id: { B: new Uint8Array([1, 2]) } }, ["id"])).toBe(keyId({ id: { B: Buffer.from([1, 2]) } }, ["id"]));
    expect(keyId({ h: { S: "a|b" }, r: { S: "" } }, ["h", "r"])).not.toBe(keyId({ h: { S: "a" }, r: { S: "b|" } }, ["h", "r"]));
  });
});

describe("retry options and backoff", () => {
  it("merges per-call options over the defaults, ignoring invalid values", () => {
    retry.set({ maxAttempts: 3 });
    expect(resolveRetry({ budget: 100, baseDelay: -1 })).toEqual({ maxAttempts: 3, baseDelay: 50, maxDelay: 2000, budget: 100 });
    retry.set({});
    expect(retry.get().maxAttempts).toBe(10);
  });

  it("draws full-jitter delays under an exponential ceiling capped by maxDelay", () => {
    const options = resolveRetry({ baseDelay: 10, maxDelay: 100 });
    expect(backoffDelay(1, options, () => 0.999)).toBe(9);
    expect(backoffDelay(3, options, () => 0.999)).toBe(39);
    expect(backoffDelay(10, options, () => 0.999)).toBe(99);
    expect(backoffDelay(50, options, () => 0)).toBe(0);
  });

  it("stops at maxAttempts, and when the next delay would overrun the budget", async () => {
    const clock = new RetryClock(resolveRetry({ maxAttempts: 3, baseDelay: 0, budget: 1000 }));
    expect(await clock.next(1)).toBe(true);
    expect(await clock.next(3)).toBe(false);
    const tight = new RetryClock(resolveRetry({ maxAttempts: 10, baseDelay: 1_000_000, maxDelay: 1_000_000, budget: 0 }));
    expect(await tight.next(1)).toBe(false);
  });

  it("classifies errors", () => {
    expect(isRetryable({ name: "ProvisionedThroughputExceededException" })).toBe(true);
    expect(isRetryable({ name: "InternalServerError", $metadata: { httpStatusCode: 500 } })).toBe(true);
    expect(isRetryable(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))).toBe(true);
    expect(isRetryable({ name: "ValidationException", $metadata: { httpStatusCode: 400 } })).toBe(false);
    expect(isRetryable({ name: "ConditionalCheckFailedException" })).toBe(false);
    expect(isRetryable({ name: "TransactionCanceledException" })).toBe(false);
    expect(isRetryable(undefined)).toBe(false);
  });
});

describe("chunks and bounded concurrency", () => {
  it("chunks to the size and refuses a bad concurrency", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 25)).toEqual([]);
    expect(() => concurrencyOf(1.5)).toThrow(/positive integer/);
    expect(concurrencyOf(undefined)).toBe(4);
  });

  it("never runs more than `concurrency` tasks at once, and stops starting tasks after a failure", async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const run = runBounded([1, 2, 3, 4, 5, 6, 7, 8], 3, async (n) => {
      started.push(n);
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
      if (n === 2) throw new Error("boom");
    });
    await expect(run).rejects.toThrow("boom");
    expect(peak).toBe(3);
    expect(started.length).toBeLessThan(8);
  });

  it("re-sends only what is left, counting attempts, and reports the last retryable error", async () => {
    const clock = new RetryClock(resolveRetry({ maxAttempts: 5, baseDelay: 0 }));
    const sent: number[][] = [];
    const outcome = await sendUntilDone([1, 2, 3, 4], clock, async (left) => {
      sent.push([...left]);
      return left.slice(1);
    });
    expect(sent).toEqual([[1, 2, 3, 4], [2, 3, 4], [3, 4], [4]]);
    expect(outcome.left).toEqual([]);
    const throttled = await sendUntilDone([1], new RetryClock(resolveRetry({ maxAttempts: 2, baseDelay: 0 })), async () => {
      throw { name: "ThrottlingException" };
    });
    expect(throttled).toEqual({ left: [1], error: { name: "ThrottlingException" } });
    await expect(sendUntilDone([1], clock, async () => Promise.reject(new TypeError("bad")))).rejects.toThrow("bad");
  });
});

describe("item size arithmetic (transaction 4 MB limit)", () => {
  it("counts names and values as DynamoDB does", () => {
    expect(valueSize({ S: "héllo" })).toBe(6);
    expect(valueSize({ N: "12345" })).toBe(4);
    expect(valueSize({ BOOL: true })).toBe(1);
    expect(valueSize({ L: [{ S: "a" }, { S: "b" }] })).toBe(3 + 2 + 2);
    expect(valueSize({ M: { k: { S: "v" } } })).toBe(3 + 1 + 1 + 1);
    expect(mapSize({ id: { S: "abc" }, n: { N: "1" } })).toBe(2 + 3 + 1 + 2);
  });
});

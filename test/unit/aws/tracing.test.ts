import { trace } from "@opentelemetry/api";
import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";
import { afterEach, describe, expect, it } from "vitest";
import { reloadTracing, traced } from "../../../src/aws/tracing.js";

afterEach(() => trace.disable());

/** An importer that counts how often the package is looked for, and finds it or not. */
function counting(found: boolean) {
  const counter = { looked: 0 };
  reloadTracing(() => {
    counter.looked++;
    return found ? import("@opentelemetry/api") : Promise.reject(new Error("Cannot find package '@opentelemetry/api'"));
  });
  return counter;
}

describe("tracing without a tracer provider, or without @opentelemetry/api", () => {
  it("with no tracer provider registered, sends at once and never looks for the package (no cold-start cost)", async () => {
    const counter = counting(true);
    let sent = false;
    const reply = traced("getItem", { TableName: "T" }, async () => {
      sent = true;
      return "sent";
    });
    expect(sent).toBe(true); // synchronously: the first request does not wait for an import
    expect(await reply).toBe("sent");
    expect(counter.looked).toBe(0);
  });

  it("with a provider registered but the package not installed: sends as usual, and looks only once", async () => {
    trace.setGlobalTracerProvider(new BasicTracerProvider());
    const counter = counting(false);
    const outputs = await Promise.all([1, 2, 3].map((n) => traced("getItem", { TableName: "T" }, async () => n)));
    expect(outputs).toEqual([1, 2, 3]);
    expect(await traced("putItem", { TableName: "T" }, async () => "sent")).toBe("sent");
    await expect(traced("putItem", {}, () => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    expect(counter.looked).toBe(1);
  });

  it("a provider registered after the first requests is picked up by the next one", async () => {
    const counter = counting(true);
    expect(await traced("getItem", { TableName: "T" }, async () => "before")).toBe("before");
    expect(counter.looked).toBe(0);
    trace.setGlobalTracerProvider(new BasicTracerProvider());
    expect(await traced("getItem", { TableName: "T" }, async () => "after")).toBe("after");
    expect(counter.looked).toBe(1);
  });
});

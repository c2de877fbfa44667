import { describe, expect, it } from "vitest";
import { reloadTracing, traced } from "../../../src/aws/tracing.js";

describe("tracing without @opentelemetry/api", () => {
  it("sends as usual, and looks for the package only once", async () => {
    let looked = 0;
    reloadTracing(() => {
      looked++;
      return Promise.reject(new Error("Cannot find package '@opentelemetry/api'"));
    });
    const outputs = await Promise.all([1, 2, 3].map((n) => traced("getItem", { TableName: "T" }, async () => n)));
    expect(outputs).toEqual([1, 2, 3]);
    expect(await traced("putItem", { TableName: "T" }, async () => "sent")).toBe("sent");
    await expect(traced("putItem", {}, () => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    expect(looked).toBe(1);
  });

  it("with the package but no tracer provider registered, sends without a recording span", async () => {
    reloadTracing(() => import("@opentelemetry/api"));
    expect(await traced("getItem", { TableName: "T" }, async () => "sent")).toBe("sent");
  });
});

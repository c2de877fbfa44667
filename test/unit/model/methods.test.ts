/** Custom methods (`Model.methods.set`, `Model.methods.item.set`) with Dynamoose's calling conventions. */
import { describe, expect, it } from "vitest";
import dynamodel from "../../../src/index.js";

const Model = dynamodel.model(`Methods${Math.random().toString(36).slice(2)}`, { id: Number, name: String });
type Loose = Record<string, (...args: unknown[]) => unknown>;
const statics = Model as unknown as Loose;

/** Calls a method with a callback; resolves what the callback got and what the call returned. */
async function called(run: (callback: (error: unknown, result?: unknown) => void) => unknown): Promise<[unknown, unknown, unknown]> {
  let returned: unknown;
  const settled = new Promise<[unknown, unknown]>((resolve) => {
    returned = run((error, result) => resolve([error, result]));
  });
  const [error, result] = await settled;
  return [error, result, returned];
}

describe("an async method called with a callback", () => {
  it("calls the callback with the resolved value (static)", async () => {
    Model.methods.set("double", async (n: number) => n * 2);
    const [error, result, returned] = await called((cb) => statics.double?.(21, cb));
    expect(error).toBeNull();
    expect(result).toBe(42);
    expect(returned).toBeUndefined();
  });

  it("calls the callback with the rejection (item method)", async () => {
    Model.methods.item.set("fail", async function (this: { name: string }) {
      throw new Error(`no ${this.name}`);
    });
    const item = new Model({ id: 1, name: "Bob" }) as unknown as Loose;
    const [error] = await called((cb) => item.fail?.call(item, cb));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("no Bob");
  });

  it("still passes the callback to a callback-style method", async () => {
    Model.methods.set("cbStyle", (n: number, cb: (e: null, v: number) => void) => cb(null, n + 1));
    const [error, result] = await called((cb) => statics.cbStyle?.(1, cb));
    expect([error, result]).toEqual([null, 2]);
    expect(await statics.cbStyle?.(2)).toBe(3);
  });
});

/**
 * `checkExpiredItem` in `conformToSchema` / `objectFromSchema`: `undefined` for an item whose TTL (seconds, as stored)
 * has passed, when the table leaves expired items out (`expires.items.returnExpired: false`), as in Dynamoose.
 */
import { describe, expect, it } from "vitest";
import dynamodel from "../../../src/index.js";

const options = { create: false, waitForActive: false } as const;
const past = Math.floor(Date.now() / 1000) - 60;
const future = Math.floor(Date.now() / 1000) + 3600;

describe("checkExpiredItem", () => {
  it("gives undefined for an expired item when the table leaves expired items out", async () => {
    const Session = dynamodel.model(
      "ExpiredCheck",
      { id: String },
      { ...options, expires: { ttl: 1000, items: { returnExpired: false } } },
    );
    const settings = { type: "fromDynamo", checkExpiredItem: true, customTypesDynamo: true } as const;
    expect(await Session.objectFromSchema({ id: "a", ttl: past }, Session.Model, settings)).toBeUndefined();
    expect(await Session.objectFromSchema({ id: "a", ttl: future }, Session.Model, settings)).toEqual({
      id: "a",
      ttl: new Date(future * 1000),
    });
    expect(await Session.objectFromSchema({ id: "a" }, Session.Model, settings)).toEqual({ id: "a" });
    const item = new Session({ id: "a", ttl: past } as never);
    expect(await item.conformToSchema(settings)).toBeUndefined();
    expect({ ...item }).toEqual({ id: "a", ttl: past });
  });

  it("keeps expired items without the setting, or when the table returns expired items", async () => {
    const Leaving = dynamodel.model(
      "ExpiredNoCheck",
      { id: String },
      { ...options, expires: { ttl: 1000, items: { returnExpired: false } } },
    );
    expect(await Leaving.objectFromSchema({ id: "a", ttl: past }, Leaving.Model, { type: "fromDynamo", customTypesDynamo: true })).toEqual({
      id: "a",
      ttl: new Date(past * 1000),
    });
    const Returning = dynamodel.model("ExpiredReturned", { id: String }, { ...options, expires: 1000 });
    const settings = { type: "fromDynamo", checkExpiredItem: true, customTypesDynamo: true } as const;
    expect(await Returning.objectFromSchema({ id: "a", ttl: past }, Returning.Model, settings)).toEqual({
      id: "a",
      ttl: new Date(past * 1000),
    });
  });
});

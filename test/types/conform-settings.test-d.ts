import { describe, expectTypeOf, it } from "vitest";
import dynamodel from "../../src/index.js";
import type { ItemConformSettings } from "../../src/item/settings.js";

const Session = dynamodel.model("ConformTypes", { id: String, n: Number }, { expires: { ttl: 1000, items: { returnExpired: false } } });

describe("conformToSchema / objectFromSchema result types", () => {
  it("may be undefined with checkExpiredItem: true only", async () => {
    const item = new Session({ id: "a" });
    expectTypeOf(await item.conformToSchema({ type: "fromDynamo", checkExpiredItem: true })).toEqualTypeOf<typeof item | undefined>();
    expectTypeOf(await item.conformToSchema({ type: "fromDynamo" })).toEqualTypeOf<typeof item>();
    expectTypeOf(await item.conformToSchema({ type: "fromDynamo", checkExpiredItem: false })).toEqualTypeOf<typeof item>();
    expectTypeOf(await item.conformToSchema()).toEqualTypeOf<typeof item>();
    expectTypeOf(await item.conformToSchema({ type: "fromDynamo", populate: true })).toEqualTypeOf<typeof item>();
    const object = { id: "a", ttl: 1 };
    expectTypeOf(await Session.objectFromSchema(object, Session.Model, { type: "fromDynamo", checkExpiredItem: true })).toEqualTypeOf<
      Record<string, unknown> | undefined
    >();
    expectTypeOf(await Session.objectFromSchema(object, Session.Model, { type: "fromDynamo" })).toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf(await Session.objectFromSchema(object, Session.Model)).toEqualTypeOf<Record<string, unknown>>();
  });

  it("may be undefined when the setting is only known as a boolean", async () => {
    const settings: ItemConformSettings = { type: "fromDynamo", checkExpiredItem: Math.random() > 0.5 };
    const item = new Session({ id: "a" });
    expectTypeOf(await item.conformToSchema(settings)).toEqualTypeOf<typeof item | undefined>();
    expectTypeOf(await Session.objectFromSchema({ id: "a" }, Session.Model, settings)).toEqualTypeOf<Record<string, unknown> | undefined>();
  });
});

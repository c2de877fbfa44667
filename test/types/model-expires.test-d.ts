import { describe, expectTypeOf, it } from "vitest";
import dynamodel from "../../src/index.js";
import type { ModelOptions } from "../../src/model/define-model.js";

const hour = 60 * 60 * 1000;
const schema = new dynamodel.Schema({ id: { type: String, hashKey: true }, n: Number });

describe("the TTL attribute of expires in the item type", () => {
  it("adds ttl (Date on reads, Date or milliseconds on input) with expires: number", async () => {
    const Session = dynamodel.model("ExpSession", schema, { expires: hour });
    const item = await Session.get("s1");
    expectTypeOf(item?.ttl).toEqualTypeOf<Date | undefined>();
    const created = await Session.create({ id: "a", ttl: new Date() });
    expectTypeOf(created.ttl).toEqualTypeOf<Date | undefined>();
    void Session.create({ id: "b", ttl: Date.now() });
    void Session.create({ id: "c" });
    void Session.update({ id: "a" }, { ttl: Date.now() + 60_000 });
    void Session.update({ id: "a" }, { $SET: { ttl: new Date(0) }, n: 2 });
    // @ts-expect-error the expiry is a Date or a number
    void Session.create({ id: "d", ttl: "tomorrow" });
    // @ts-expect-error the expiry is a Date or a number
    void Session.update({ id: "a" }, { $SET: { ttl: "tomorrow" } });
  });

  it("uses expires.attribute when it is a literal", async () => {
    const Session = dynamodel.model("ExpNamed", schema, {
      expires: { ttl: hour, attribute: "expiresAt" },
      waitForActive: { check: { frequency: 10 } },
    });
    const item = await Session.get("s1");
    expectTypeOf(item?.expiresAt).toEqualTypeOf<Date | undefined>();
    void Session.create({ id: "a", expiresAt: new Date() });
    // @ts-expect-error the attribute is expiresAt, not ttl
    void Session.create({ id: "b", ttl: new Date() });
    const Defaulted = dynamodel.model("ExpObject", { id: String }, { expires: { ttl: hour, items: { returnExpired: false } } });
    expectTypeOf((await Defaulted.get("x"))?.ttl).toEqualTypeOf<Date | undefined>();
  });

  it("adds nothing without expires, with a name known only at run time, or when the schema declares it", async () => {
    const Plain = dynamodel.model("ExpNone", schema, { create: false });
    // @ts-expect-error no TTL attribute
    void Plain.create({ id: "a", ttl: new Date() });
    const attribute: string = "exp";
    const Dynamic = dynamodel.model("ExpDynamic", schema, { expires: { ttl: hour, attribute } });
    // @ts-expect-error the name is not known to the type
    void Dynamic.create({ id: "a", exp: new Date() });
    const options: ModelOptions = { expires: hour };
    const Widened = dynamodel.model("ExpWidened", schema, options);
    expectTypeOf(Widened.create).parameter(0).toEqualTypeOf<{ id: string; n?: number | undefined }>();
    const Declared = dynamodel.model("ExpDeclared", new dynamodel.Schema({ id: String, ttl: Number }), { expires: hour });
    expectTypeOf((await Declared.get("x"))?.ttl).toEqualTypeOf<number | undefined>();
  });

  it("keeps hovers flat", () => {
    const Session = dynamodel.model("ExpFlat", schema, { expires: hour });
    expectTypeOf(Session.create).parameter(0).toEqualTypeOf<{ id: string; n?: number | undefined; ttl?: Date | number | undefined }>();
  });
});

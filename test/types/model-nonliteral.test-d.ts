import { describe, expectTypeOf, it } from "vitest";
import dynamodel from "../../src/index.js";

/** A definition built by a function (not a literal at the call site): arrays are not tuples. */
function userDefinition() {
  return {
    id: { type: String, hashKey: true },
    age: { type: Number, validate: (value: unknown) => typeof value === "number" },
    tags: { type: Set, schema: [String] },
    address: { type: Object, schema: { street: String, country: { type: String, default: "FR" } } },
    roles: { type: Array, schema: [{ type: String, enum: ["admin", "user"] }] },
  };
}

describe("schemas whose definition is not a literal", () => {
  it("still types sets, objects and arrays (never any)", async () => {
    const User = dynamodel.model("NonLiteral", new dynamodel.Schema(userDefinition(), { timestamps: true }));
    const user = await User.get("x");
    expectTypeOf(user?.tags).toEqualTypeOf<Set<string> | undefined>();
    expectTypeOf(user?.address).toEqualTypeOf<{ street?: string; country: string } | undefined>();
    expectTypeOf(user?.roles).toEqualTypeOf<string[] | undefined>();
    expectTypeOf(user?.age).toEqualTypeOf<number | undefined>();
    expectTypeOf(user?.createdAt).toEqualTypeOf<Date | undefined>();
  });
});

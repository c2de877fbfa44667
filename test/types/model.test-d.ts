import { describe, expectTypeOf, it } from "vitest";
import dynamodel, { type ModelOptions } from "../../src/index.js";

const schema = new dynamodel.Schema(
  {
    id: { type: String, hashKey: true },
    email: { type: String, required: true },
    age: Number,
    role: { type: String, enum: ["admin", "user"] },
    tags: { type: Set, schema: [String] },
    balance: { type: Number, default: 0 },
  },
  { timestamps: true },
);
const User = dynamodel.model("TypedUser", schema);

describe("model types inferred from the schema", () => {
  it("get resolves the item type or undefined", async () => {
    const user = await User.get("u1");
    expectTypeOf(user).toExtend<{ id: string; email: string; balance: number; createdAt: Date } | undefined>();
    if (user) {
      expectTypeOf(user.age).toEqualTypeOf<number | undefined>();
      expectTypeOf(user.role).toEqualTypeOf<"admin" | "user" | undefined>();
      expectTypeOf(user.tags).toEqualTypeOf<Set<string> | undefined>();
      expectTypeOf(user.save).toBeFunction();
    }
  });

  it("create takes the input type", async () => {
    const created = await User.create({ id: "u1", email: "a@b.c", tags: ["x"] });
    expectTypeOf(created.email).toEqualTypeOf<string>();
    // @ts-expect-error email is required
    void User.create({ id: "u2" });
    // @ts-expect-error age is a number
    void User.create({ id: "u3", email: "e", age: "old" });
    // @ts-expect-error no such attribute
    void User.create({ id: "u4", email: "e", nmae: "typo" });
    // @ts-expect-error role is an enum
    void User.create({ id: "u5", email: "e", role: "root" });
  });

  it("keys and updates are typed", async () => {
    void User.get({ id: "u1" });
    // @ts-expect-error the key is a string
    void User.get(1);
    void User.update({ id: "u1" }, { age: 3, $ADD: { balance: 1 } });
    // @ts-expect-error a document path the schema does not declare
    void User.update({ id: "u1" }, { "nested.path": 1 });
    // @ts-expect-error age is a number
    void User.update({ id: "u1" }, { age: "x" });
    const request = await User.get("u1", { return: "request" });
    expectTypeOf(request.Key).not.toBeAny();
  });

  it("new Model(obj) makes an item", () => {
    const item = new User({ id: "u1", email: "a" });
    expectTypeOf(item.email).toEqualTypeOf<string>();
    expectTypeOf(item.toJSON()).toEqualTypeOf<Record<string, unknown>>();
  });

  it("Dynamoose-style explicit generics still compile", async () => {
    interface Cat {
      id: number;
      name: string;
    }
    const CatModel = dynamodel.model<Cat>("Cat", { id: Number, name: String });
    const cat = await CatModel.get(1);
    expectTypeOf(cat?.name).toEqualTypeOf<string | undefined>();
  });

  it("a plain definition infers too", async () => {
    const Plain = dynamodel.model("Plain", { id: { type: String, hashKey: true }, n: Number });
    const plain = await Plain.get("x");
    expectTypeOf(plain?.n).toEqualTypeOf<number | undefined>();
  });
});

describe("the table option populate", () => {
  it("takes true, a path or paths, and nothing else", () => {
    expectTypeOf<ModelOptions["populate"]>().toEqualTypeOf<boolean | string | readonly string[] | undefined>();
    dynamodel.model("PopulatedUser", schema, { populate: ["parent", "*.owner"] });
    // @ts-expect-error a number is not a populate setting
    dynamodel.model("BadPopulate", schema, { populate: 1 });
  });
});

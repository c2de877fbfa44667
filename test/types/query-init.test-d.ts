import { describe, expectTypeOf, it } from "vitest";
import dynamodel from "../../src/index.js";
import type { Query, Scan } from "../../src/query/index.js";

const User = dynamodel.model(
  "QueryInitUser",
  new dynamodel.Schema({
    id: { type: String, hashKey: true },
    email: { type: String, required: true, index: { name: "emailIndex" } },
    age: Number,
    address: { type: Object, schema: { city: String, zip: Number } },
  }),
);

describe("query and scan init", () => {
  it("an attribute name types the pending comparison", () => {
    const byEmail = User.query("email");
    expectTypeOf(byEmail.eq).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(User.scan("age").gt).parameter(0).toEqualTypeOf<number>();
    expectTypeOf(User.scan("address.zip").eq).parameter(0).toEqualTypeOf<number>();
    void User.query("email").eq("a@b.c").where("age").gt(3);
    // @ts-expect-error no such attribute
    void User.query("emial");
    // @ts-expect-error no such attribute
    void User.scan("address.town");
    // @ts-expect-error email is a string
    void User.query("email").eq(1);
  });

  it("a condition object is checked against the item type", () => {
    expectTypeOf(User.query({ email: "a@b.c", age: { gt: 18 } })).toExtend<Query<object>>();
    expectTypeOf(User.scan({ "address.city": "Paris" })).toExtend<Scan<object>>();
    // @ts-expect-error no such attribute
    void User.query({ emial: "a@b.c" });
    // @ts-expect-error age is a number
    void User.scan({ age: { gt: "18" } });
    // @ts-expect-error not an operator
    void User.scan({ age: { greater: 18 } });
  });

  it("takes a Condition, typed or not, and a raw DynamoDB condition", () => {
    void User.query(new dynamodel.Condition("email").eq("a"));
    void User.scan(new dynamodel.Condition().where("anything").exists());
    void User.scan({ FilterExpression: "#a > :a", ExpressionAttributeNames: { "#a": "age" }, ExpressionAttributeValues: { ":a": 1 } });
    void User.query();
    void User.scan();
    // @ts-expect-error neither a name nor an object
    void User.scan(1);
  });

  it("takes the aliases of attributes", () => {
    const Account = dynamodel.model(
      "QueryInitAlias",
      new dynamodel.Schema({ pk: { type: String, hashKey: true, map: "accountId" }, n: { type: String, alias: ["nick", "nickname"] } }),
    );
    void Account.query("accountId").eq("a1");
    void Account.scan("nick").eq("x");
    void Account.scan({ nickname: "x", n: { beginsWith: "y" } });
    // @ts-expect-error no such attribute or alias
    void Account.scan("nik");
  });

  it("untyped (Dynamoose-style) models take any name", async () => {
    const Loose = dynamodel.model<Record<string, unknown>>("QueryInitLoose", { id: String });
    void Loose.query("whatever").eq(1);
    void Loose.scan({ whatever: { gt: 1 }, other: "x" });
    const computed: string = "email";
    void User.query(computed).eq("not checked");
    const Open = dynamodel.model<Record<string, unknown>>("QueryInitOpen", new dynamodel.Schema({ id: String }));
    void Open.query("anything").eq("x");
    void Open.scan({ anything: { between: [1, 2] } });
    void Open.scan(new dynamodel.Condition("a").eq(1));
    // biome-ignore lint/suspicious/noExplicitAny: Dynamoose-style any-shaped item
    const AnyModel = dynamodel.model<any>("QueryInitAny", { id: String });
    void AnyModel.query("anything").eq("x").exec();
    void AnyModel.scan({ anything: 1 });
    interface Cat {
      id: number;
      name: string;
    }
    const CatModel = dynamodel.model<Cat>("QueryInitCat", { id: Number, name: String });
    const cats = await CatModel.query("name").eq("tom").exec();
    expectTypeOf(cats[0]?.name).toEqualTypeOf<string | undefined>();
    // @ts-expect-error no such attribute
    void CatModel.query("nmae");
  });
});

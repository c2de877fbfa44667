import type { GetItemCommandOutput } from "@aws-sdk/client-dynamodb";
import { describe, expectTypeOf, it } from "vitest";
import dynamodel from "../../src/index.js";
import type { HookEvent, InferItem, ItemOf, Query, QueryResponse, Scan } from "../../src/index.js";
import type { QueryCount } from "../../src/query/index.js";

type ResponseMetadata = GetItemCommandOutput["$metadata"];

const User = dynamodel.model(
  "HookTypesUser",
  new dynamodel.Schema({ id: { type: String, hashKey: true }, email: { type: String, required: true }, age: Number }),
);
type User = InferItem<typeof User>;

describe("hook signatures", () => {
  it("takes only the hook events, and returns the model for chaining", () => {
    expectTypeOf<Parameters<typeof User.pre>[0]>().toEqualTypeOf<HookEvent>();
    expectTypeOf<HookEvent>().toEqualTypeOf<"save" | "delete" | "get" | "query" | "scan">();
    expectTypeOf(User.pre("get", () => undefined)).toEqualTypeOf<typeof User>();
    // @ts-expect-error not an event
    User.pre("remove", () => undefined);
    // @ts-expect-error not an event
    User.post("validate", () => undefined);
  });

  it("types a save context by the item (create, save, batchPut, transaction.create) or the update (update, transaction.update)", () => {
    User.pre("save", async (context) => {
      expectTypeOf(context.event).toEqualTypeOf<"save">();
      if ("item" in context) {
        expectTypeOf(context.operation).toEqualTypeOf<"create" | "save" | "batchPut" | "transaction.create">();
        expectTypeOf(context.item).toEqualTypeOf<ItemOf<User>>();
        expectTypeOf(context.item.email).toEqualTypeOf<string>();
        context.item.age = 3;
        // @ts-expect-error no such attribute
        context.item.nope = 1;
        // @ts-expect-error age is a number
        context.item.age = "3";
      } else {
        expectTypeOf(context.operation).toEqualTypeOf<"update" | "transaction.update">();
        context.update = { age: 4 };
        context.update = { $ADD: { age: 1 } };
        // @ts-expect-error age is a number
        context.update = { age: "4" };
        // @ts-expect-error the key is read-only
        context.key = "u2";
      }
    });
  });

  it("types the key of get and delete, the builder of query and scan", () => {
    User.pre("get", ({ key }) => expectTypeOf(key).toEqualTypeOf<Parameters<typeof User.get>[0]>());
    User.pre("delete", ({ key, operation }) => {
      expectTypeOf(key).toEqualTypeOf<Parameters<typeof User.delete>[0]>();
      expectTypeOf(operation).toEqualTypeOf<"delete" | "batchDelete" | "transaction.delete">();
    });
    User.pre("query", ({ query }) => {
      expectTypeOf(query).toEqualTypeOf<Query<ItemOf<User>>>();
      query.where("age").gt(3);
      // @ts-expect-error age is a number
      query.where("age").gt("3");
    });
    User.pre("scan", ({ query }) => expectTypeOf(query).toEqualTypeOf<Scan<ItemOf<User>>>());
  });

  it("gives post hooks the result and the SDK response", () => {
    User.post("get", ({ result, response }) => {
      expectTypeOf(result).toEqualTypeOf<ItemOf<User> | undefined>();
      expectTypeOf(response).toEqualTypeOf<GetItemCommandOutput>();
      expectTypeOf(response.$metadata).toEqualTypeOf<ResponseMetadata>();
    });
    User.post("save", (context) => {
      if ("item" in context) expectTypeOf(context.result).toEqualTypeOf<ItemOf<User>>();
      else expectTypeOf(context.result).toEqualTypeOf<ItemOf<User> | undefined>();
      expectTypeOf(context.response.$metadata).toEqualTypeOf<ResponseMetadata>();
    });
    User.post("delete", ({ result }) => expectTypeOf(result).toEqualTypeOf<undefined>());
    User.post("query", ({ result }) => expectTypeOf(result).toEqualTypeOf<QueryResponse<ItemOf<User>> | QueryCount>());
    // @ts-expect-error a pre hook has no result
    User.pre("get", ({ result }) => result);
  });

  it("refuses a field the event's context does not have", () => {
    // @ts-expect-error a get has a key, no item
    User.pre("get", ({ item }) => item);
    // @ts-expect-error a delete has no update object
    User.pre("delete", ({ update }) => update);
    // @ts-expect-error a scan has a query builder, no key
    User.post("scan", ({ key }) => key);
    User.pre("save", (context) => {
      // @ts-expect-error a save context is the item's or the update's: narrow it first
      void context.item;
      if (context.operation === "transaction.create") {
        // @ts-expect-error an item save has no update object
        void context.update;
      }
    });
    // @ts-expect-error the hook's context of get is not an item
    User.pre("get", (context: { item: ItemOf<User> }) => context);
  });

  it("types the whole hook function per event, for pre and post", () => {
    type PreGet = Parameters<typeof User.pre<"get">>[1];
    expectTypeOf<Parameters<PreGet>[0]["key"]>().toEqualTypeOf<Parameters<typeof User.get>[0]>();
    type PostScan = Parameters<typeof User.post<"scan">>[1];
    expectTypeOf<Parameters<PostScan>[0]["query"]>().toEqualTypeOf<Scan<ItemOf<User>>>();
    expectTypeOf(User.post("delete", async () => undefined)).toEqualTypeOf<typeof User>();
  });

  it("takes { hooks: false } in every operation's settings", () => {
    void User.get("u1", { hooks: false });
    void User.create({ id: "u1", email: "a@b.c" }, { hooks: false });
    void User.update({ id: "u1" }, { age: 1 }, { hooks: false });
    void User.delete("u1", { hooks: false });
    void User.batchPut([{ id: "u1", email: "a@b.c" }], { hooks: false });
    void User.batchDelete(["u1"], { hooks: false });
    void User.transaction.create({ id: "u1", email: "a@b.c" }, { hooks: false });
    void User.scan().hooks(false).exec();
    // @ts-expect-error hooks takes a boolean
    void User.get("u1", { hooks: "no" });
  });
});

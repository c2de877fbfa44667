import { describe, expectTypeOf, it } from "vitest";
import dynamodel, {
  type InferInput,
  type InferItem,
  type InferKey,
  type InferUpdate,
  type ItemOf,
  type Model,
  type ModelType,
} from "../../src/index.js";

const orderSchema = new dynamodel.Schema(
  {
    id: { type: String, hashKey: true },
    status: { type: String, enum: ["open", "paid"] },
    total: { type: Number, default: 0 },
    address: { type: Object, schema: { city: String, zip: Number } },
  },
  { timestamps: true },
);
const Order = dynamodel.model("InferSourceOrder", orderSchema, { expires: 60 });
const Line = dynamodel.model("InferSourceLine", {
  order: { type: String, hashKey: true },
  line: { type: Number, rangeKey: true },
  qty: Number,
});

describe("Infer* helpers take a model or a Schema as well as a definition", () => {
  it("InferItem: the attributes a read returns", () => {
    type FromModel = InferItem<typeof Order>;
    expectTypeOf<FromModel["status"]>().toEqualTypeOf<"open" | "paid" | undefined>();
    expectTypeOf<FromModel["createdAt"]>().toEqualTypeOf<Date>();
    expectTypeOf<FromModel["total"]>().toEqualTypeOf<number>();
    expectTypeOf<FromModel>().toHaveProperty("ttl"); // the model option `expires` adds it
    expectTypeOf<InferItem<typeof orderSchema>>().toEqualTypeOf<Omit<FromModel, "ttl">>();
    const order = null as unknown as ItemOf<FromModel>;
    expectTypeOf(order.save).toBeFunction();
    // what reads resolve is the same type
    expectTypeOf<Awaited<ReturnType<typeof Order.create>>>().toEqualTypeOf<ItemOf<FromModel>>();
  });

  it("InferInput: what create accepts", () => {
    expectTypeOf<InferInput<typeof Order>>().toEqualTypeOf<Parameters<typeof Order.create>[0]>();
    const input: InferInput<typeof Order> = { id: "o1" };
    void input;
    // @ts-expect-error the hash key is required
    const missing: InferInput<typeof orderSchema> = { status: "open" };
    void missing;
  });

  it("InferKey: what get and delete accept", () => {
    expectTypeOf<InferKey<typeof Order>>().toEqualTypeOf<string | { id: string }>();
    expectTypeOf<InferKey<typeof orderSchema>>().toEqualTypeOf<string | { id: string }>();
    expectTypeOf<InferKey<typeof Line>>().toEqualTypeOf<{ order: string; line: number }>();
    // @ts-expect-error the range key is part of the key
    const key: InferKey<typeof Line> = { order: "o1" };
    void key;
  });

  it("InferUpdate: what update accepts", () => {
    const update: InferUpdate<typeof Order> = { status: "paid", $ADD: { total: 1 } };
    void Order.update("o1", update);
    // @ts-expect-error status is an enum
    const wrong: InferUpdate<typeof orderSchema> = { status: "shipped" };
    void wrong;
  });

  it("a model is a Model<Definition, Settings, Options>, a ModelType", () => {
    const definition = { id: { type: String, hashKey: true }, n: Number } as const;
    const M: Model<typeof definition> = dynamodel.model("InferSourceNamed", definition);
    expectTypeOf(M).toExtend<ModelType<InferItem<typeof M>, InferInput<typeof M>, InferKey<typeof M>, InferUpdate<typeof M>>>();
    expectTypeOf<InferItem<typeof M>>().toEqualTypeOf<{ id: string; n?: number }>();
  });

  it("explicit item types keep working (model<T>())", () => {
    interface Cat {
      id: string;
      name?: string;
    }
    const Cat = dynamodel.model<Cat>("InferSourceCat", { id: String, name: String });
    expectTypeOf<InferItem<typeof Cat>>().toEqualTypeOf<Cat>();
  });
});

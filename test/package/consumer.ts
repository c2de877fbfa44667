// A consumer of the installed package, compiled by scripts/check-package.mjs with TypeScript 5.9 and 7 under
// `module: nodenext` (so "dynamodel" resolves through the tarball's `exports` map to dist/index.d.ts), emitting
// declarations: a shared-models package exports its schemas, models, queries and item types.
import dynamodel, { Condition, type InferItem, type Item, Schema, model } from "dynamodel";
import * as namespace from "dynamodel";

export const schema = new Schema(
  {
    customerId: { type: String, hashKey: true },
    orderId: { type: String, rangeKey: true },
    total: { type: Number, required: true },
    status: { type: String, enum: ["draft", "placed"], default: "draft" },
    lines: { type: Array, schema: [{ type: Object, schema: { sku: String, quantity: Number } }] },
  },
  { timestamps: true },
);

export const Order = model("Order", schema);

// Dynamoose apps subclass Schema: the heritage clause must find a construct signature without type arguments.
export class AuditSchema extends Schema {
  constructor() {
    super({ id: { type: String, hashKey: true }, actor: { type: String, validate: (v: string) => v.length > 0 } }, { timestamps: true });
  }
  /** A member of the subclass. */
  keyName(): string {
    return this.hashKey;
  }
}
export class PlainSchema extends dynamodel.Schema {}
export const Audit = model("Audit", new AuditSchema());
// @ts-expect-error: a typed callback of the wrong type still fails in `new Schema(...)`
new Schema({ n: { type: Number, validate: (v: string) => v.length > 0 } });
export type OrderItem = InferItem<typeof Order>;
export const byCustomer = (customerId: string) => Order.query("customerId").eq(customerId);
const Same = namespace.model("OrderAgain", schema);
const Also = dynamodel.model("OrderThrice", schema);

const total = 3;

export async function place(customerId: string): Promise<number> {
  const created = await Order.create({ customerId, orderId: "o1", total });
  const status: "draft" | "placed" = created.status;
  const read = await Same.get({ customerId, orderId: "o1" });
  const readTotal: OrderItem["total"] | undefined = read?.total;
  // @ts-expect-error: the item type is inferred from the schema, and `total` is a number
  const wrong: string | undefined = read?.total;
  void readTotal;
  void wrong;
  const found = await Also.query("customerId").eq(customerId).exec();
  void status;
  void new Condition().where("total").gt(1);
  void dynamodel.aws.ddb;
  void dynamodel.error.ValidationError;
  const item: Item | undefined = read;
  void item;
  return found.count + (read?.total ?? 0);
}

// What docs/guide.md's examples take for granted without showing it (see scripts/doc-blocks.mjs).
import type { InferInput, InferKey } from "dynamodel";
declare function handle(page: unknown): void;
declare function timeIsUp(): boolean;
declare const items: InferInput<typeof User>[];
declare const keys: InferKey<typeof User>[];
const Post = dynamodel.model(
  "Post",
  new dynamodel.Schema({
    id: { type: String, hashKey: true },
    status: String,
    views: Number,
    firstSeen: Date,
    thread: { type: Object, schema: { replies: { type: Array, schema: [{ type: Object, schema: { by: String, text: String } }] } } },
  }),
);
const Item = dynamodel.model<Record<string, unknown>>("Item", new dynamodel.Schema({ id: String }, { saveUnknown: true }));
const orderSchema = new dynamodel.Schema({
  id: { type: String, hashKey: true },
  status: String,
  total: Number,
  address: { type: Object, schema: { city: String } },
});
declare const id: string;
declare const key: InferKey<typeof Order>;

// Compiled by scripts/check-package.mjs without @types/node (`types: []`, `skipLibCheck` as most apps set it): an app
// that never names a Node global still gets exact item types, none degraded to `any` by an unresolved `Buffer`.
import dynamodel, { Schema, model } from "dynamodel";

const schema = new Schema({
  id: { type: String, hashKey: true },
  address: { type: Object, schema: { city: String } },
  meta: Object,
  blob: "Buffer",
  when: Date,
});
export const Note = model("Note", schema);
type NoteItem = NonNullable<Awaited<ReturnType<typeof Note.get>>>;
declare const note: NoteItem;

export const city: string | undefined = note.address?.city;
export const blob: Uint8Array | undefined = note.blob;
export const when: Date | undefined = note.when;
// Each line below is an error exactly when the type is not `any`.
// @ts-expect-error -- an Object with a schema reads as that object
export const notAnyAddress: number = note.address;
// @ts-expect-error -- an Object without a schema reads as a record
export const notAnyMeta: number = note.meta;
// @ts-expect-error -- a Buffer reads as a Uint8Array without @types/node
export const notAnyBlob: number = note.blob;
// @ts-expect-error -- the logger's providers are typed without the DOM lib or @types/node: a number is refused
(await dynamodel.logger()).providers.set(42);

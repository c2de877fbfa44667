/**
 * A COMBINE type among several types of one attribute: accepted by `new Schema()` and refused on every write (save,
 * update, batch and transaction writes, `objectFromSchema` with `combine`), as Dynamoose refuses it.
 *
 * @module
 * @internal
 */
import { InvalidParameter } from "../errors.js";

/** The refusal of a write to a schema with a COMBINE among the types of the attribute at `path`. */
export const combineInUnion = (path: string): InvalidParameter =>
  new InvalidParameter(`Combine type is not allowed to be used with multiple types (${path}).`, { code: "combine_in_union", path });

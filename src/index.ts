/**
 * dynamodel: a typed, fast, Dynamoose-compatible ODM for Amazon DynamoDB.
 *
 * @module
 */
export * as error from "./errors.js";
export { type } from "./schema/attribute-types.js";

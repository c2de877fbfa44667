/**
 * The three contenders' entry points: the raw SDK, Dynamoose and dynamodel (imported from the built `dist/`).
 */
import dynamoose from "dynamoose";
import dynamodel from "../../../dist/index.js";
import { partitionDefinition, schemaSettings, userDefinition } from "../fixtures.js";

export { dynamodel, dynamoose };

/** Model options that make neither ODM touch the table (the bench creates tables itself, with the raw SDK). */
export const noTableSetup = { create: false, waitForActive: false } as const;

/** A Dynamoose User model bound to `table`. */
export function dynamooseUser(table: string) {
  return dynamoose.model(table, new dynamoose.Schema(userDefinition(), schemaSettings), noTableSetup);
}

/** A dynamodel User model bound to `table`. */
export function dynamodelUser(table: string) {
  return dynamodel.model(table, new dynamodel.Schema(userDefinition(), schemaSettings), noTableSetup);
}

/** The dynamodel schema of the User (for the synchronous plan workloads). */
export function dynamodelSchema() {
  return new dynamodel.Schema(userDefinition(), schemaSettings);
}

/** A Dynamoose User model over the partitioned table (`team` hash, `id` range). */
export function dynamoosePartitionUser(table: string) {
  return dynamoose.model(table, new dynamoose.Schema(partitionDefinition(), schemaSettings), noTableSetup);
}

/** A dynamodel User model over the partitioned table (`team` hash, `id` range). */
export function dynamodelPartitionUser(table: string) {
  return dynamodel.model(table, new dynamodel.Schema(partitionDefinition(), schemaSettings), noTableSetup);
}

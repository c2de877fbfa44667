/**
 * A one-get Lambda handler with dynamodel (the full User schema, as an app would declare it), imported as Dynamoose's
 * README imports Dynamoose (`import * as`): a bundler then keeps only the namespace members the handler uses, where the
 * default export (`import dynamodel from`) is one object holding them all (`handlers/dynamodel-default.ts`, ADR 5).
 */
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import * as dynamodel from "../../../dist/index.js";
import { schemaSettings, userDefinition } from "../fixtures.js";
import { clientConfig, tableName } from "./client-config.js";

dynamodel.aws.ddb.set(new DynamoDB(clientConfig()));
const User = dynamodel.model(tableName(), new dynamodel.Schema(userDefinition(), schemaSettings), { create: false, waitForActive: false });

export const handler = async (event: { id: string }) => User.get({ id: event.id });

/** A one-get Lambda handler with Dynamoose (the full User schema, as an app would declare it). */
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import dynamoose from "dynamoose";
import { schemaSettings, userDefinition } from "../fixtures.js";
import { clientConfig, tableName } from "./client-config.js";

dynamoose.aws.ddb.set(new DynamoDB(clientConfig()));
const User = dynamoose.model(tableName(), new dynamoose.Schema(userDefinition(), schemaSettings), { create: false, waitForActive: false });

export const handler = async (event: { id: string }) => User.get({ id: event.id });

/** A one-get Lambda handler with ElectroDB (the full User entity, as an app would declare it). */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { electroUser } from "../peers/electrodb-user.js";
import { clientConfig, tableName } from "./client-config.js";

const User = electroUser(DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig())), tableName());

export const handler = async (event: { id: string }) => (await User.get({ id: event.id }).go()).data;

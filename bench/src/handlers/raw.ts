/** A one-get Lambda handler with the raw SDK (DocumentClient). */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { clientConfig, tableName } from "./client-config.js";

const doc = DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig()));
const TableName = tableName();

export const handler = async (event: { id: string }) => (await doc.send(new GetCommand({ TableName, Key: { id: event.id } }))).Item;

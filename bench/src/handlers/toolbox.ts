/** A one-get Lambda handler with DynamoDB-Toolbox (the full User table and entity, as an app would declare them). */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { GetItemCommand } from "dynamodb-toolbox/entity/actions/get";
import { toolboxUser } from "../peers/toolbox-user.js";
import { clientConfig, tableName } from "./client-config.js";

const { entity: User } = toolboxUser(DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig())), tableName());

export const handler = async (event: { id: string }) => (await User.build(GetItemCommand).key({ id: event.id }).send()).Item;

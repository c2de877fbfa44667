/**
 * The one-get dynamodel handler of `handlers/dynamodel.ts` written with the default import (`import dynamodel from`),
 * measured beside it by the bundle workload: the default export is one object holding every namespace member, so a
 * bundler keeps them all.
 */
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import dynamodel from "../../../dist/index.js";
import { schemaSettings, userDefinition } from "../fixtures.js";
import { clientConfig, tableName } from "./client-config.js";

dynamodel.aws.ddb.set(new DynamoDB(clientConfig()));
const User = dynamodel.model(tableName(), new dynamodel.Schema(userDefinition(), schemaSettings), { create: false, waitForActive: false });

export const handler = async (event: { id: string }) => User.get({ id: event.id });

/**
 * A runnable tour of dynamodel against an embedded DynamoDB Local: `npm run demo:quick-start`.
 * The API Gateway + Lambda example app lives beside it, in `orders-api/` (`npm run demo`).
 */
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import dynamodel from "../src/index.js";
import { localClientConfig, startLocalDynamoDB } from "../test/support/dynamodb-local.js";

const local = await startLocalDynamoDB();
try {
  dynamodel.aws.ddb.set(new DynamoDB(localClientConfig(local.endpoint)));

  const User = dynamodel.model(
    "DemoUser",
    new dynamodel.Schema(
      {
        id: { type: String, hashKey: true },
        email: { type: String, required: true, validate: /^[^@\s]+@[^@\s]+$/ },
        name: String,
        roles: { type: Array, schema: [{ type: String, enum: ["admin", "user"] }] },
        address: { type: Object, schema: { city: String, zip: String } },
        logins: { type: Number, default: 0 },
      },
      { timestamps: true },
    ),
    { throughput: "ON_DEMAND" },
  );

  const ada = await User.create({
    id: "ada",
    email: "ada@example.com",
    name: "Ada",
    roles: ["admin"],
    address: { city: "London", zip: "N1" },
  });
  console.log("created:", ada.toJSON());

  const updated = await User.update({ id: "ada" }, { $ADD: { logins: 1 }, "address.city": "Paris" });
  console.log("after a nested update:", { logins: updated.logins, address: updated.address });

  try {
    await User.create({ id: "bob", email: "not an email", roles: ["root" as "admin"] });
  } catch (error) {
    const { name, message, issues } = error as InstanceType<typeof dynamodel.error.ValidationError>;
    console.log("refused before sending:", name, "-", message);
    console.log("  every problem:", issues.map((issue) => `${issue.path}: ${issue.code}`).join(", "));
  }

  const request = await User.get("ada", { return: "request", attributes: ["email", "name"] });
  console.log("a request, built but not sent:", JSON.stringify(request));

  await User.delete("ada");
  console.log("deleted; get now returns:", await User.get("ada"));
} finally {
  await local.stop();
}

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    typecheck: {
      enabled: true,
      include: ["test/types/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
    // Generous: several tests send hundreds of requests, and a loaded 2-core machine can be 5-10x slower than an idle one.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      // Tables start their setup when constructed (as in Dynamoose), and test files make tables before they set the
      // client: the default client must never reach AWS. It points at a closed local port and fails fast; the setup
      // holds that failure and the first request, with the test's client, sets the table up again.
      AWS_ENDPOINT_URL_DYNAMODB: "http://127.0.0.1:9",
      AWS_REGION: "local",
      AWS_ACCESS_KEY_ID: "local",
      AWS_SECRET_ACCESS_KEY: "local",
    },
  },
});

/**
 * The client configuration every handler uses: DynamoDB Local when `BENCH_ENDPOINT` is set (the cold-start runs),
 * the SDK's defaults otherwise (a real Lambda).
 */
export const clientConfig = () => {
  const endpoint = process.env.BENCH_ENDPOINT;
  return endpoint ? { endpoint, region: "local", credentials: { accessKeyId: "local", secretAccessKey: "local" } } : {};
};

/** The table the handlers read. */
export const tableName = () => process.env.BENCH_TABLE ?? "Users";

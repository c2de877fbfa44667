/**
 * The DynamoDB actions the handlers send, per table: exactly what the function's role is granted. Transactions
 * need the per-item action of each part (`ConditionCheckItem`, `PutItem`, `UpdateItem`, `DeleteItem`); the models
 * never describe or create tables (`create: false`).
 */
export const dynamodbActions = {
  /** create (PutItem), get (GetItem), the customer check in an order's transaction (ConditionCheckItem). */
  Customers: ["dynamodb:ConditionCheckItem", "dynamodb:GetItem", "dynamodb:PutItem"],
  /** create (PutItem), list by tag (Scan), an order's prices (BatchGetItem), stock changes in transactions (UpdateItem). */
  Products: ["dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:UpdateItem"],
  /** place (PutItem), read (GetItem), list (Query), status (UpdateItem), cancel (DeleteItem); Query on the GSI too. */
  Orders: ["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"],
} as const;

/** The actions granted on the orders' indexes. */
export const ordersIndexActions = ["dynamodb:Query"] as const;

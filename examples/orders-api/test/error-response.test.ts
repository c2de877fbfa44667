/**
 * The error mapping on its own (no request involved): each dynamodel error class to its status, with a problem body
 * that names the attribute and the rule and never carries the value received, a message or a stack.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import dynamodel from "dynamodel";
import { errorResponse } from "../src/error-response.js";
import { HttpError } from "../src/http.js";

const secret = "s3cr3t-value-XYZ";
const E = dynamodel.error;
const reply = (error: unknown) => {
  const result = errorResponse(error);
  const text = String(result.body);
  assert.ok(!text.includes(secret), text);
  assert.ok(!text.includes("message") && !text.includes("stack") && !text.includes("received"), text);
  return { status: result.statusCode, body: JSON.parse(text) as Record<string, unknown> };
};

describe("errorResponse", () => {
  it("maps bad input to 400 with the attribute, rule and expectation of every issue", () => {
    const validation = new E.ValidationError(`email ${secret}`, {
      code: "validate",
      issues: [
        { code: "required", path: "name", message: "name is required" },
        { code: "type_mismatch", path: "age", message: `age ${secret}`, expected: "number", received: secret },
      ],
    });
    assert.deepEqual(reply(validation), {
      status: 400,
      body: {
        type: "about:blank",
        title: "Bad Request",
        status: 400,
        code: "validate",
        issues: [
          { path: "name", code: "required" },
          { path: "age", code: "type_mismatch", expected: "number" },
        ],
      },
    });
    for (const type of [E.TypeMismatch, E.InvalidParameter, E.InvalidParameterType, E.UnknownAttribute, E.InvalidFilterComparison]) {
      const { status, body } = reply(new type(secret, { code: "some_rule", path: "a.b", expected: "string", received: secret }));
      assert.equal(status, 400);
      assert.deepEqual(body.issues, [{ path: "a.b", code: "some_rule", expected: "string" }]);
    }
  });

  it("maps conflicts to 409, a version check on a missing item to 404, limits to 413", () => {
    assert.equal(reply(new E.ConditionalCheckFailed(secret, { cause: { $metadata: {} } })).status, 409);
    const conflict = reply(
      new E.VersionConflict(secret, { key: { id: secret }, expectedVersion: 1, storedVersion: 2, item: { id: secret } }),
    );
    assert.deepEqual([conflict.status, conflict.body.code, conflict.body.currentVersion], [409, "version_conflict", 2]);
    assert.equal(reply(new E.VersionConflict(secret, { key: { id: secret }, expectedVersion: 1, storedVersion: undefined })).status, 404);
    const canceled = reply(
      new E.TransactionCanceled(secret, {
        reasons: [{ index: 0, model: "Order", key: { id: secret }, code: "ConditionalCheckFailed", message: secret, item: undefined }],
      }),
    );
    assert.deepEqual([canceled.status, canceled.body.failed], [409, [{ model: "Order", code: "ConditionalCheckFailed" }]]);
    const limit = reply(new E.LimitExceeded(secret, { code: "item_size", path: "", expected: "at most 400 KB", received: secret }));
    assert.deepEqual([limit.status, limit.body.code], [413, "item_size"]);
  });

  it("answers anything else with a 500 that says nothing of the internals; HttpErrors as thrown", () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      assert.deepEqual(reply(new TypeError(secret)), {
        status: 500,
        body: { type: "about:blank", title: "Internal Server Error", status: 500, code: "internal_error" },
      });
      assert.equal(reply(new E.OtherError(secret)).status, 500);
      assert.equal(reply(new E.WaitForActiveTimeout(secret)).status, 500);
    } finally {
      console.error = original;
    }
    assert.equal(reply(new HttpError(404, "not_found")).status, 404);
  });
});

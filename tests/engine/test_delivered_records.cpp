// Delivered records in AWS's shapes (FIDELITY 5.2 invocation record, 5.3 DLQ message).
#include <nlohmann/json.hpp>

#include "scenario/delivered_record_json.hpp"
#include "test_helpers.hpp"

using namespace pg::sim;
using namespace pg::sim::test;
using nlohmann::json;

static json firstRecordAt(const Engine& e, const std::string& node) {
    for (const DeliveredRecord& r : e.deliveries())
        if (r.node == e.nodeIndex(node)) return json::parse(pg::scenario::deliveredRecordJson(e, r));
    return json();
}

TEST_CASE("FIDELITY 5.2 [O] test_retries: failure record after 3 attempts") {
    Node fn = functionNode("f");
    fn.function.behavior = {rule(RuleOutcome::Error)};
    fn.function.async.onFailure = "failed";
    Node src = sourceNode("sns", NodeType::Sns, 1);
    src.traffic.body = "{\"order\": {n}}";
    Engine e(scenarioOf({src, fn, plainNode("failed", NodeType::Sqs)}, {{"sns", "f"}}));
    e.runUntil(kNever);
    const json r = firstRecordAt(e, "failed");
    CHECK(r["version"] == "1.0");
    CHECK(r["requestContext"]["condition"] == "RetriesExhausted");
    CHECK(r["requestContext"]["approximateInvokeCount"] == 3);
    CHECK(r["requestContext"]["functionArn"] == "arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST");
    CHECK(r["requestContext"]["requestId"] == e.requestIdText(e.items()[0].requestId));
    CHECK(r["requestPayload"] == json{{"order", 1}});  // the original event, as JSON
    CHECK(r["responseContext"]["statusCode"] == 200);
    CHECK(r["responseContext"]["functionError"] == "Unhandled");
    CHECK(r["responsePayload"]["errorType"].is_string());
    CHECK(r["responsePayload"]["requestId"] == r["requestContext"]["requestId"]);
    CHECK(r["timestamp"] == "2025-01-01T00:03:00.300Z");  // third attempt ends at 180.3 s
}

TEST_CASE("FIDELITY 5.2 [O] test_reserved_concurrency: ZeroReservedConcurrency record has no response keys") {
    Node fn = functionNode("f");
    fn.function.reservedConcurrency = 0;
    fn.function.async.onFailure = "failed";
    Engine e(scenarioOf({sourceNode("sns", NodeType::Sns, 1), fn, plainNode("failed", NodeType::Sns)}, {{"sns", "f"}}));
    e.runUntil(kNever);
    const json r = firstRecordAt(e, "failed");
    CHECK(r["requestContext"]["condition"] == "ZeroReservedConcurrency");
    CHECK(r["requestContext"]["approximateInvokeCount"] == 0);
    CHECK(r.contains("requestPayload"));
    CHECK_FALSE(r.contains("responseContext"));
    CHECK_FALSE(r.contains("responsePayload"));
}

TEST_CASE("FIDELITY 2 [O]: timeout error payload says Sandbox.Timedout and the timeout in seconds") {
    Node fn = functionNode("f", 5 * kSecond, 1 * kSecond);
    fn.function.async.maxRetryAttempts = 0;
    fn.function.async.onFailure = "failed";
    Engine e(scenarioOf({sourceNode("sns", NodeType::Sns, 1), fn, plainNode("failed", NodeType::Sqs)}, {{"sns", "f"}}));
    e.runUntil(kNever);
    const json r = firstRecordAt(e, "failed");
    CHECK(r["responsePayload"]["errorType"] == "Sandbox.Timedout");
    const std::string id = r["requestContext"]["requestId"];
    CHECK(r["responsePayload"]["errorMessage"] == "RequestId: " + id + " Error: Task timed out after 1.00 seconds");
}

TEST_CASE("FIDELITY 5.3: the DLQ message is the original event with RequestID - ErrorCode 200 - ErrorMessage") {
    Node fn = functionNode("f");
    fn.function.behavior = {rule(RuleOutcome::Error)};
    fn.function.async.maxRetryAttempts = 0;
    fn.function.async.deadLetterQueue = "dlq";
    Node src = sourceNode("s3", NodeType::S3, 1);
    src.traffic.body = "photo-{n}.jpg";
    Engine e(scenarioOf({src, fn, plainNode("dlq", NodeType::Sqs)}, {{"s3", "f"}}));
    e.runUntil(kNever);
    const json m = firstRecordAt(e, "dlq");
    CHECK(m["body"] == "photo-1.jpg");
    CHECK(m["messageAttributes"]["RequestID"]["stringValue"] == e.requestIdText(e.items()[0].requestId));
    CHECK(m["messageAttributes"]["RequestID"]["dataType"] == "String");
    CHECK(m["messageAttributes"]["ErrorCode"]["stringValue"] == "200");
    CHECK(m["messageAttributes"]["ErrorCode"]["dataType"] == "Number");
    CHECK(m["messageAttributes"]["ErrorMessage"]["dataType"] == "String");
}

TEST_CASE("FIDELITY 5.2 [D][O]: an EventBridge destination gets the record as detail with source lambda") {
    Node fn = functionNode("f");
    fn.function.async.onSuccess = "bus";
    Engine e(scenarioOf({sourceNode("sns", NodeType::Sns, 1), fn, plainNode("bus", NodeType::EventBridge)}, {{"sns", "f"}}));
    e.runUntil(kNever);
    const json ev = firstRecordAt(e, "bus");
    CHECK(ev["source"] == "lambda");
    CHECK(ev["detail-type"] == "Lambda Function Invocation Result - Success");
    CHECK(ev["resources"][1] == "arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST");
    CHECK(ev["detail"]["requestContext"]["condition"] == "Success");
    CHECK(ev["detail"]["requestContext"]["approximateInvokeCount"] == 1);
    CHECK_FALSE(ev["detail"]["responseContext"].contains("functionError"));
}

TEST_CASE("record timestamps: virtual time 0 is 2025-01-01T00:00:00.000Z") {
    CHECK(pg::scenario::isoTimestamp(0) == "2025-01-01T00:00:00.000Z");
    CHECK(pg::scenario::isoTimestamp(59 * kDay + 1500 * kMillisecond) == "2025-03-01T00:00:01.500Z");
    CHECK(pg::scenario::isoTimestamp(365 * kDay) == "2026-01-01T00:00:00.000Z");
}

TEST_CASE("AWS DG invocation-recursion: an async event stopped by recursive loop detection reaches the on-failure "
          "destination and the DLQ without any attempt (model choice recursion_condition)") {
    Node fn = functionNode("f");
    fn.function.async.onFailure = "failed";
    fn.function.async.deadLetterQueue = "dlq";
    Node src = sourceNode("topic", NodeType::Sns, 1);
    src.traffic.body = "{\"order\": {n}}";
    Edge wire, send;
    wire.from = "topic";
    wire.to = "f";
    send.from = "f";
    send.to = "topic";  // the handler publishes back to the topic that invokes it
    Engine e(build({src, fn, plainNode("failed", NodeType::Sqs), plainNode("dlq", NodeType::Sqs)}, {wire, send}));
    e.runUntil(kNever);
    CHECK(countersOf(e, "f").invocations == 16);
    const json r = firstRecordAt(e, "failed");
    CHECK(r["requestContext"]["condition"] == "RecursiveInvocationException");
    CHECK(r["requestContext"]["approximateInvokeCount"] == 0);
    CHECK_FALSE(r.contains("responseContext"));  // no attempt ran
    CHECK(r["requestPayload"] == json{{"order", 1}});  // the sent messages carry the original body
    const json m = firstRecordAt(e, "dlq");
    CHECK(m["body"] == "{\"order\": 1}");
    CHECK(m["messageAttributes"]["ErrorCode"]["stringValue"] == "400");
    CHECK(m["messageAttributes"]["ErrorMessage"]["stringValue"].get<std::string>().rfind("RecursiveInvocationException", 0) == 0);
}

// Batch responses a poll-based mapping rejects although the handler returned normally: an invalid
// batchItemFailures response (FIDELITY 6.2 and 6.3 ReportBatchItemFailures tables). Scenarios as plain structs;
// invariants checked after every step.
#include <nlohmann/json.hpp>

#include "engine/modes/batch_response.hpp"
#include "scenario/delivered_record_json.hpp"
#include "test_helpers.hpp"

using namespace pg::sim;
using namespace pg::sim::test;

namespace {

Node queueNode(const std::string& id, std::int64_t messages, SimTime visibility) {
    Node n = sourceNode(id, NodeType::Sqs, messages, 1e12);
    n.queue.visibilityTimeout = visibility;
    return n;
}

Node streamNode(const std::string& id, std::int64_t records) { return sourceNode(id, NodeType::Kinesis, records, 1e12); }

Edge esm(const std::string& from, const std::string& to, int batchSize, bool rbif) {
    Edge e;
    e.from = from;
    e.to = to;
    e.batchSize = batchSize;
    e.reportBatchItemFailures = rbif;
    return e;
}

nlohmann::json onlyRecordAt(const Engine& e, const std::string& node) {
    nlohmann::json out;
    int found = 0;
    for (const DeliveredRecord& r : e.deliveries())
        if (r.node == e.nodeIndex(node)) {
            out = nlohmann::json::parse(pg::scenario::deliveredRecordJson(e, r));
            ++found;
        }
    CHECK(found == 1);
    return out;
}

}  // namespace

TEST_CASE("judgeResponse: invalid counts only with ReportBatchItemFailures, missing state only with a window") {
    const std::vector<RuleOutcome> invalid = {RuleOutcome::Success, RuleOutcome::InvalidBatchResponse};
    CHECK(judgeResponse(invalid, 2, true, false) == ResponseVerdict::InvalidBatchResponse);
    CHECK(judgeResponse(invalid, 2, false, false) == ResponseVerdict::Accepted);  // ignored when not enabled
    CHECK(judgeResponse(invalid, 1, true, false) == ResponseVerdict::Accepted);   // only the batch's items count
    // One invalid item makes the whole response invalid, listed failures or not (FIDELITY 6.2: complete failure).
    const std::vector<RuleOutcome> mixed = {RuleOutcome::ReportFailure, RuleOutcome::InvalidBatchResponse};
    CHECK(judgeResponse(mixed, 2, true, false) == ResponseVerdict::InvalidBatchResponse);
    const std::vector<RuleOutcome> noState = {RuleOutcome::MissingState};
    CHECK(judgeResponse(noState, 1, true, true) == ResponseVerdict::MissingState);
    CHECK(judgeResponse(noState, 1, true, false) == ResponseVerdict::Accepted);
    CHECK(judgeResponse(noState, 1, false, false) == ResponseVerdict::Accepted);  // the no-scan early return
    CHECK(judgeResponse(invalid, 5, true, false) == ResponseVerdict::InvalidBatchResponse);  // count past the end
    CHECK(judgeResponse(invalid, 2, false, true) == ResponseVerdict::Accepted);  // a window alone: invalid ignored
}

TEST_CASE("FIDELITY 6.2 RBIF table: an invalid batchItemFailures response fails the whole SQS batch") {
    // Three messages received together (1 s window); the handler's response is invalid whenever the batch holds
    // q#2. Redrive maxReceiveCount 2, as in the [O] "function throws" row: every message of the batch is
    // received twice and then moved to the DLQ, the good ones too.
    Node q = queueNode("q", 3, 5 * kSecond);
    q.queue.redrive = Redrive{"dlq", 2};
    Node fn = functionNode("f");
    fn.function.behavior = {rule(RuleOutcome::InvalidBatchResponse, itemIs("q#2"))};
    SUBCASE("ReportBatchItemFailures on: complete failure, all retried") {
        Edge edge = esm("q", "f", 10, true);
        edge.batchingWindow = 1 * kSecond;
        Engine e(build({q, fn, plainNode("dlq", NodeType::Sqs)}, {edge}));
        runChecked(e, 1 * kHour);
        CHECK(countersOf(e, "f").invocations == 2);
        CHECK(countersOf(e, "f").errors == 0);  // the handler returned normally: no function error
        CHECK(countersOf(e, "f").rejectedResponses == 2);
        for (const char* id : {"q#1", "q#2", "q#3"}) {
            INFO(id);
            CHECK(e.items()[itemNamed(e, id)].attempts == 2);
            CHECK(e.items()[itemNamed(e, id)].outcome == ItemOutcome::DeadLettered);
        }
        CHECK(countersOf(e, "q").deleted == 0);
        CHECK(countersOf(e, "dlq").visible == 3);
        // The second receive comes after the visibility timeout (FIDELITY 6.2: time between retries).
        const auto t = attemptSeconds(e, itemNamed(e, "q#1"));
        REQUIRE(t.size() == 2);
        CHECK(t[1] - t[0] >= 5.0);
    }
    SUBCASE("ReportBatchItemFailures off: the response is ignored, a normal return deletes the batch") {
        Edge edge = esm("q", "f", 10, false);
        edge.batchingWindow = 1 * kSecond;
        Engine e(build({q, fn, plainNode("dlq", NodeType::Sqs)}, {edge}));
        runChecked(e, 1 * kHour);
        CHECK(countersOf(e, "f").invocations == 1);
        CHECK(countersOf(e, "f").rejectedResponses == 0);
        for (const char* id : {"q#1", "q#2", "q#3"}) CHECK(e.items()[itemNamed(e, id)].outcome == ItemOutcome::Succeeded);
        CHECK(countersOf(e, "q").deleted == 3);
        CHECK(countersOf(e, "dlq").visible == 0);
    }
}

TEST_CASE("FIDELITY 6.3 [O]: MaxRetry 2, invalid response -> approximateInvokeCount 3, functionError null") {
    Node fn = functionNode("f");
    Edge edge = esm("ks", "f", 1, true);
    edge.maximumRetryAttempts = 2;
    edge.onFailure = "dest";
    SUBCASE("invalid batchItemFailures response: functionError null") {
        fn.function.behavior = {rule(RuleOutcome::InvalidBatchResponse)};
        Engine e(build({streamNode("ks", 1), fn, plainNode("dest", NodeType::Sqs)}, {edge}));
        runChecked(e);
        const nlohmann::json r = onlyRecordAt(e, "dest");
        CHECK(r["requestContext"]["condition"] == "RetryAttemptsExhausted");
        CHECK(r["requestContext"]["approximateInvokeCount"] == 3);
        CHECK(r["responseContext"]["statusCode"] == 200);
        CHECK(r["responseContext"]["functionError"].is_null());
        CHECK(countersOf(e, "f").errors == 0);
        CHECK(countersOf(e, "f").rejectedResponses == 3);
    }
    SUBCASE("the handler throws: functionError Unhandled, same count") {
        fn.function.behavior = {rule(RuleOutcome::Error)};
        Engine e(build({streamNode("ks", 1), fn, plainNode("dest", NodeType::Sqs)}, {edge}));
        runChecked(e);
        const nlohmann::json r = onlyRecordAt(e, "dest");
        CHECK(r["requestContext"]["approximateInvokeCount"] == 3);
        CHECK(r["responseContext"]["functionError"] == "Unhandled");
    }
    SUBCASE("ReportBatchItemFailures off: the invalid response is ignored, the record succeeds at once") {
        fn.function.behavior = {rule(RuleOutcome::InvalidBatchResponse)};
        edge.reportBatchItemFailures = false;
        Engine e(build({streamNode("ks", 1), fn, plainNode("dest", NodeType::Sqs)}, {edge}));
        runChecked(e);
        CHECK(countersOf(e, "f").invocations == 1);
        CHECK(e.items()[0].outcome == ItemOutcome::Succeeded);
        CHECK(e.deliveries().empty());
    }
}

TEST_CASE("FIDELITY 6.3 RBIF table: an invalid response retries the whole stream batch; not bisected (model choice)") {
    // Four records in one batch; the response is invalid whenever ks#2 is in it. Bisect splits on a function
    // error only (model choice stream_invalid_response): the batch [1..4] is tried 1 + 1 times, then discarded.
    Node fn = functionNode("f");
    fn.function.behavior = {rule(RuleOutcome::InvalidBatchResponse, itemIs("ks#2"))};
    Edge edge = esm("ks", "f", 4, true);
    edge.bisectBatchOnFunctionError = true;
    edge.maximumRetryAttempts = 1;
    edge.onFailure = "dest";
    Engine e(build({streamNode("ks", 4), fn, plainNode("dest", NodeType::Sns)}, {edge}));
    runChecked(e);
    for (int n = 1; n <= 4; ++n) {
        const std::uint32_t item = itemNamed(e, "ks#" + std::to_string(n));
        CHECK(e.items()[item].attempts == 2);
        CHECK(e.items()[item].outcome == ItemOutcome::SentToDestination);
    }
    for (const TraceRecord& r : e.trace().records()) CHECK(r.kind != TraceKind::Bisected);
    const nlohmann::json r = onlyRecordAt(e, "dest");
    CHECK(r["KinesisBatchInfo"]["batchSize"] == 4);
    CHECK(r["requestContext"]["approximateInvokeCount"] == 2);
}

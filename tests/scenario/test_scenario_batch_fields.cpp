// Scenario fields of batch responses and stream windows: rule outcomes invalid_batch_response / missing_state,
// read, validated with JSON paths and written back (round trip).
#include "scenario_test_helpers.hpp"

using namespace pg::scenario;
using namespace pg::scenario::test;
namespace sim = pg::sim;

TEST_CASE("rule outcomes invalid_batch_response and missing_state: read, written back, bad spellings named") {
    json doc = baseScenario();
    doc["nodes"][kFn]["behavior"] = json::parse(R"([
        {"when": {"item": "orders#2"}, "then": "invalid_batch_response"}, {"then": "missing_state"}])");
    auto r = expectOk(doc);
    const auto& rules = r.scenario.nodes[kFn].function.behavior;
    REQUIRE(rules.size() == 2);
    CHECK(rules[0].then == sim::RuleOutcome::InvalidBatchResponse);
    CHECK(rules[1].then == sim::RuleOutcome::MissingState);
    checkWrittenRoundTrip(r.scenario);
    CHECK(writeScenario(r.scenario).find("\"invalid_batch_response\"") != std::string::npos);

    doc["nodes"][kFn]["behavior"] = json::parse(R"([{"then": "invalid_response"}])");
    expectError(doc, "/nodes/1/behavior/0/then", "`invalid_batch_response`");
}

TEST_CASE("tumbling_window and window_state_bytes_per_record on stream edges: ranges, JSON paths, round trip") {
    const std::string e = "/edges/" + std::to_string(kStreamEdge);
    json doc = baseScenario();
    doc["edges"][kStreamEdge]["tumbling_window"] = "2m";
    doc["edges"][kStreamEdge]["window_state_bytes_per_record"] = 5000;
    auto r = expectOk(doc);
    CHECK(r.scenario.edges[kStreamEdge].tumblingWindow == 120 * sim::kSecond);
    CHECK(r.scenario.edges[kStreamEdge].windowStateBytesPerRecord == 5000);
    checkWrittenRoundTrip(r.scenario);
    CHECK(writeScenario(r.scenario).find("\"tumbling_window\": \"2m\"") != std::string::npos);

    doc["edges"][kStreamEdge]["tumbling_window"] = 901;  // FIDELITY 6.3: 0-900
    expectError(doc, e + "/tumbling_window", "must be between 0 s and 900 s");
    expectError(doc, e + "/tumbling_window", "Member must have value less than or equal to 900");
    doc["edges"][kStreamEdge]["tumbling_window"] = "1500ms";
    expectError(doc, e + "/tumbling_window", "must be a whole number of seconds");
    doc["edges"][kStreamEdge]["tumbling_window"] = -1;
    expectError(doc, e + "/tumbling_window", "must be between 0 s and 900 s");
    doc["edges"][kStreamEdge]["tumbling_window"] = 0;  // off: the state size has nothing to apply to
    expectError(doc, e + "/window_state_bytes_per_record", "applies only with a `tumbling_window` above 0 s");
    doc["edges"][kStreamEdge]["tumbling_window"] = 60;
    doc["edges"][kStreamEdge]["window_state_bytes_per_record"] = 2000000;
    expectError(doc, e + "/window_state_bytes_per_record", "must be between 0 and 1048576");

    json sqs = baseScenario();
    sqs["edges"][kSqsEdge]["tumbling_window"] = 60;
    expectError(sqs, "/edges/" + std::to_string(kSqsEdge) + "/tumbling_window",
                "does not apply to an edge from node type `sqs`");
}

TEST_CASE("poll_latency on SQS edges: zero (default) or realistic; other sources and values are errors") {
    const std::string e = "/edges/" + std::to_string(kSqsEdge);
    json doc = baseScenario();
    doc["edges"][kSqsEdge]["poll_latency"] = "realistic";
    doc["edges"][kSqsEdge]["batching_window"] = "5s";
    auto r = expectOk(doc);
    CHECK(r.scenario.edges[kSqsEdge].pollLatency == sim::SqsPollLatency::Realistic);
    checkWrittenRoundTrip(r.scenario);
    doc["edges"][kSqsEdge]["poll_latency"] = "zero";  // the default: omitted when written
    r = expectOk(doc);
    CHECK(writeScenario(r.scenario).find("poll_latency") == std::string::npos);
    doc["edges"][kSqsEdge]["poll_latency"] = "slow";
    expectError(doc, e + "/poll_latency", "must be one of `zero`, `realistic`");
    json stream = baseScenario();
    stream["edges"][kStreamEdge]["poll_latency"] = "realistic";
    expectError(stream, "/edges/" + std::to_string(kStreamEdge) + "/poll_latency",
                "does not apply to an edge from node type `kinesis`");
}

// provisioned_concurrency, idle_lifetime and provisioned_pollers in the scenario format: read, written back,
// and the combinations AWS rejects (DG-PC, DG-SQS-PARAMS, DG-SQS-PROV).
#include "scenario/scenario_json.hpp"
#include "scenario_test_helpers.hpp"

using namespace pg::scenario;
using namespace pg::scenario::test;

TEST_CASE("provisioned_pollers: read as an object with the API's defaults, written back") {
    json doc = baseScenario();
    doc["edges"][kSqsEdge]["provisioned_pollers"] = json::object();
    ParseResult r = expectOk(doc);
    REQUIRE(r.scenario.edges[kSqsEdge].provisionedPollers);
    CHECK(r.scenario.edges[kSqsEdge].provisionedPollers->minimum == 2);    // API ProvisionedPollerConfig: SQS default 2
    CHECK(r.scenario.edges[kSqsEdge].provisionedPollers->maximum == 200);  // and 200
    doc["edges"][kSqsEdge]["provisioned_pollers"] = json{{"minimum", 5}, {"maximum", 40}};
    r = expectOk(doc);
    const std::string written = writeScenario(r.scenario);
    CHECK(written.find("\"provisioned_pollers\"") != std::string::npos);
    ParseResult again = expectOk(json::parse(written));
    REQUIRE(again.scenario.edges[kSqsEdge].provisionedPollers);
    CHECK(again.scenario.edges[kSqsEdge].provisionedPollers->minimum == 5);
    CHECK(again.scenario.edges[kSqsEdge].provisionedPollers->maximum == 40);
    CHECK(writeScenario(expectOk(baseScenario()).scenario).find("provisioned_pollers") == std::string::npos);
}

TEST_CASE("provisioned_pollers: ranges and the combinations AWS rejects") {
    json doc = baseScenario();
    doc["edges"][kSqsEdge]["provisioned_pollers"] = json{{"minimum", 1}};  // DG-SQS-PARAMS: minimum 2-200
    expectError(doc, "/edges/1/provisioned_pollers/minimum", "between 2 and 200");
    doc["edges"][kSqsEdge]["provisioned_pollers"] = json{{"maximum", 2001}};  // maximum 2-2,000
    expectError(doc, "/edges/1/provisioned_pollers/maximum", "between 2 and 2000");
    doc["edges"][kSqsEdge]["provisioned_pollers"] = json{{"minimum", 50}, {"maximum", 10}};
    expectError(doc, "/edges/1/provisioned_pollers/minimum", "must not exceed MaximumPollers");
    doc["edges"][kSqsEdge]["provisioned_pollers"] = json{{"minimum", 2}, {"maximum", 10}};
    doc["edges"][kSqsEdge]["maximum_concurrency"] = 10;  // DG-SQS-PROV: "mutually exclusive options"
    expectError(doc, "/edges/1/provisioned_pollers", "mutually exclusive");
    json stream = baseScenario();
    stream["edges"][kStreamEdge]["provisioned_pollers"] = json::object();
    expectError(stream, "/edges/2/provisioned_pollers", "edges from sqs");
}

TEST_CASE("provisioned_concurrency and idle_lifetime: read, written back, provisioned within reserved (DG-PC)") {
    json doc = baseScenario();
    doc["nodes"][kFn]["provisioned_concurrency"] = 5;
    doc["nodes"][kFn]["idle_lifetime"] = "10m";
    ParseResult r = expectOk(doc);
    CHECK(r.scenario.nodes[kFn].function.provisionedConcurrency == 5);
    CHECK(r.scenario.nodes[kFn].function.idleLifetime == 10 * pg::sim::kMinute);
    ParseResult again = expectOk(json::parse(writeScenario(r.scenario)));
    CHECK(again.scenario.nodes[kFn].function.provisionedConcurrency == 5);
    CHECK(again.scenario.nodes[kFn].function.idleLifetime == 10 * pg::sim::kMinute);
    CHECK(expectOk(baseScenario()).scenario.nodes[kFn].function.idleLifetime == -1);  // default: never
    doc["nodes"][kFn]["reserved_concurrency"] = 4;  // provisioned 5 > reserved 4
    expectError(doc, "/nodes/1/provisioned_concurrency", "cannot exceed it");
    json pool = baseScenario();
    pool["account"] = json{{"concurrency_limit", 150}};
    pool["nodes"][kFn]["provisioned_concurrency"] = 60;  // 150 - 60 = 90 < 100 unreserved (FIDELITY 3)
    expectError(pool, "/nodes/1/provisioned_concurrency", "below its minimum of 100");
    json zero = baseScenario();
    zero["nodes"][kFn]["provisioned_concurrency"] = 0;  // ProvisionedConcurrentExecutions: at least 1
    expectError(zero, "/nodes/1/provisioned_concurrency", "a whole number >= 1");
}

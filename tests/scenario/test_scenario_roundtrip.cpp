// Presets parse cleanly; writeScenario is canonical, idempotent, and parseScenario(writeScenario(s)) == s.
#include "scenario/scenario_compare.hpp"
#include "scenario_test_helpers.hpp"

using namespace pg::scenario;
using namespace pg::scenario::test;
namespace sim = pg::sim;

namespace {

/// parse -> write -> parse gives the same Scenario, and write is a fixed point (both indented and compact).
void checkRoundTrip(const sim::Scenario& s) {
    checkWrittenRoundTrip(s);
    const std::string compact = writeScenario(s, -1);
    CHECK(compact.find('\n') == std::string::npos);
    ParseResult fromCompact = parseScenario(compact);
    REQUIRE(fromCompact.ok());
    CHECK(firstDifference(s, fromCompact.scenario) == "");
    CHECK(writeScenario(fromCompact.scenario, -1) == compact);
}

}  // namespace

TEST_CASE("every preset parses with no errors and has a name and a description") {
    const auto files = presetFiles();
    CHECK(files.size() >= 12);
    for (const auto& file : files) {
        INFO(file.filename().string());
        ParseResult r = parseScenario(readFile(file));
        INFO(formatErrors(r.errors));
        CHECK(r.ok());
        CHECK(r.scenario.name != "Untitled");
        CHECK_FALSE(r.scenario.description.empty());
        for (const sim::Node& n : r.scenario.nodes) {
            CHECK(n.x >= 40);
            CHECK(n.x <= 900);
            CHECK(n.y >= 40);
            CHECK(n.y <= 500);
        }
    }
}

TEST_CASE("the presets the issues ask for exist") {
    for (const char* name :
         {"api_gateway_throttling", "s3_async_dlq", "sns_destinations", "max_event_age", "sqs_no_redrive",
          "sqs_with_redrive", "sqs_partial_batch", "sqs_fifo_group", "sqs_throttled_dlq", "kinesis_poison_pill",
          "kinesis_bisect_fixed", "dynamodb_parallel", "sqs_invalid_batch_response", "recursive_loop_sqs",
          "sqs_dlq_redrive_consumer", "kinesis_tumbling_window", "sns_fanout_vs_sqs_competing", "sns_sqs_lambda_dlq",
          "function_failure_destination"}) {
        INFO(name);
        auto path = std::filesystem::path(PG_SOURCE_DIR) / "assets/scenarios" / (std::string(name) + ".json");
        CHECK(std::filesystem::exists(path));
    }
}

TEST_CASE("round trip over every preset") {
    for (const auto& file : presetFiles()) {
        INFO(file.filename().string());
        ParseResult r = parseScenario(readFile(file));
        REQUIRE(r.ok());
        checkRoundTrip(r.scenario);
    }
}

TEST_CASE("round trip over the base scenario with every key set to a non-default value") {
    json doc = baseScenario();
    doc["description"] = "every key, with unicode: caf\u00e9 \u2713";
    doc["seed"] = 18446744073709551615ull;
    doc["run_for"] = 0.0015;
    doc["account"] = {{"concurrency_limit", 3000}};
    doc["nodes"][kApi] = json::parse(R"({"id": "api", "type": "api_gateway", "label": "front door",
        "position": [0.1, -2.75], "integration_timeout": "1.5s", "client_retry": {"count": 3, "backoff": "250ms"},
        "traffic": {"requests": 7, "rate_per_second": 0.3, "start": "0.000001s", "arrival": "poisson",
                    "body": "{\"order\": {n}}"}})");
    doc["nodes"][kFn] = json::parse(R"({"id": "fn", "type": "function", "timeout": "15m",
        "duration": {"min": "1ms", "max": "14.5m"}, "cold_start": "0s", "reserved_concurrency": 0,
        "behavior": [{"when": {"body_contains": "x", "attempt_at_most": 2, "item": "orders#3", "rate": 0.1,
                               "after": "1m", "before": "1.5h", "item_modulo": {"divisor": 7, "remainder": 0}},
                      "then": "error"}, {"then": "timeout"}, {"when": {"rate": 1}, "then": "report_failure"}],
        "async": {"max_retry_attempts": 0, "max_event_age": "60s", "dead_letter_queue": "topic",
                  "on_success": "other", "on_failure": "bucket"}})");
    doc["nodes"][kOrders] = json::parse(R"({"id": "orders", "type": "sqs", "fifo": true, "visibility_timeout": "12h",
        "retention": "14d", "redrive": {"dead_letter_queue": "dlq", "max_receive_count": 1000},
        "traffic": {"messages": 5, "group": "g-{n%3}", "body": ""}})");
    doc["nodes"][kDlq]["fifo"] = true;
    doc["nodes"][kClicks] = json::parse(R"({"id": "clicks", "type": "kinesis", "shards": 100, "retention": "365d",
        "traffic": {"records": 5, "partition_key": "k-{n}", "arrival": "burst"}})");
    doc["nodes"][kTable]["shards"] = 3;
    doc["edges"][kSqsEdge] = json::parse(R"({"from": "orders", "to": "fn", "batch_size": 10, "batching_window": "300s",
        "maximum_concurrency": 1000, "report_batch_item_failures": true})");
    doc["edges"][kStreamEdge] = json::parse(R"({"from": "clicks", "to": "fn", "batch_size": 1,
        "batching_window": 0.5, "report_batch_item_failures": true, "bisect_batch_on_function_error": true,
        "maximum_retry_attempts": 0, "maximum_record_age": "60s", "parallelization_factor": 10,
        "starting_position": "AT_TIMESTAMP", "starting_position_timestamp": "2m", "on_failure": "bucket"})");
    doc["edges"].push_back({{"from", "table"}, {"to", "fn"}, {"starting_position", "LATEST"}});
    ParseResult r = parseScenario(doc.dump());
    INFO(formatErrors(r.errors));
    REQUIRE(r.ok());
    checkRoundTrip(r.scenario);
}

TEST_CASE("round trip of handmade edge cases") {
    SUBCASE("an empty scenario") {
        ParseResult r = parseScenario(R"({"version": 1, "nodes": []})");
        REQUIRE(r.ok());
        CHECK(r.scenario.name == "Untitled");
        checkRoundTrip(r.scenario);
    }
    SUBCASE("a traffic block with only a count of zero is the default and is omitted") {
        ParseResult r = parseScenario(R"({"version": 1, "nodes": [{"id": "q", "type": "sqs", "traffic": {"messages": 0}}]})");
        REQUIRE(r.ok());
        CHECK(writeScenario(r.scenario).find("traffic") == std::string::npos);
        checkRoundTrip(r.scenario);
    }
    SUBCASE("a scenario built in code") {
        sim::Scenario s;
        s.name = "built";
        s.runFor = 123456789;
        sim::Node fn;
        fn.id = "f";
        fn.x = 1.0 / 3.0;
        fn.function.duration = {1, 2};
        fn.function.behavior.push_back({});
        fn.function.behavior.back().when.rate = 0.1 + 0.2;  // not exactly 0.3
        s.nodes.push_back(fn);
        sim::Node api;
        api.id = "a";
        api.type = sim::NodeType::Alb;
        api.traffic.count = 3;
        api.traffic.ratePerSecond = 1e-6;
        s.nodes.push_back(api);
        s.edges.push_back({});
        s.edges.back().from = "a";
        s.edges.back().to = "f";
        checkRoundTrip(s);
    }
}

TEST_CASE("writeScenario is canonical: key order, duration units, omitted defaults") {
    ParseResult r = parseScenario(R"({"nodes": [{"type": "function", "id": "f", "timeout": 90, "cold_start": "0.25s",
        "duration": "0.5s"}], "edges": [], "run_for": 600, "version": 1, "seed": 1})");
    REQUIRE(r.ok());
    CHECK(writeScenario(r.scenario, -1) ==
          R"({"version":1,"name":"Untitled","seed":1,"run_for":"10m","nodes":[{"id":"f","type":"function",)"
          R"("position":[0,0],"timeout":"90s","duration":"500ms"}],"edges":[]})");
}

TEST_CASE("writeScenario never throws on invalid UTF-8 in a hand-built scenario") {
    sim::Scenario s;
    s.name = "bad \xff byte";
    std::string text;
    CHECK_NOTHROW(text = writeScenario(s));
    CHECK(parseScenario(text).ok());
}

TEST_CASE("firstDifference names the field") {
    sim::Scenario a, b;
    CHECK(firstDifference(a, b) == "");
    b.nodes.resize(1);
    a.nodes.resize(1);
    b.nodes[0].function.timeout = 60 * sim::kSecond;
    CHECK(firstDifference(a, b) == "nodes[0].function.timeout: 3000000 != 60000000");
    CHECK_FALSE(sameScenario(a, b));
}

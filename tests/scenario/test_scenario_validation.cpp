// Every validation rule of scenario format v1: the exact JSON pointer and a fragment of the message.
#include "scenario_test_helpers.hpp"

using namespace pg::scenario;
using namespace pg::scenario::test;
namespace sim = pg::sim;

static std::string node(int i) { return "/nodes/" + std::to_string(i); }
static std::string edge(int i) { return "/edges/" + std::to_string(i); }

TEST_CASE("the base scenario is valid") {
    ParseResult r = expectOk(baseScenario());
    CHECK(r.scenario.nodes.size() == 10);
    CHECK(r.scenario.edges.size() == 3);
}

// ---- JSON and top level ----

TEST_CASE("invalid JSON reports the parse position") {
    ParseResult r = parseScenario("{\n  \"version\": 1,\n  \"name\": \"x\",,\n}");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].path == "");
    CHECK(r.errors[0].message.find("invalid JSON") == 0);
    CHECK(r.errors[0].line == 3);
    CHECK(r.errors[0].column == 15);
    CHECK(formatErrors(r.errors).find("3:15 invalid JSON") == 0);
    CHECK_FALSE(parseScenario("").ok());
    CHECK_FALSE(parseScenario("{\"version\": 1").ok());
    CHECK(parseScenario("\xff\xfe").errors.at(0).message.find("invalid JSON") == 0);
}

TEST_CASE("the document must be an object") {
    ParseResult r = parseScenario("[1, 2]");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].path == "");
    CHECK(r.errors[0].message.find("must be a JSON object") != std::string::npos);
}

TEST_CASE("version: required, must be 1, newer versions say so") {
    json doc = baseScenario();
    doc.erase("version");
    expectError(doc, "/version", "is required");
    doc["version"] = 0;
    expectError(doc, "/version", "must be 1");
    doc["version"] = "1";
    expectError(doc, "/version", "must be the number 1");
    doc["version"] = 2;
    doc["nodes"][0]["brand_new_key"] = true;  // later formats may have keys this one does not know
    ParseResult r = expectError(doc, "/version", "made by a newer version of Lambda Playground (format version 2)");
    CHECK(r.errors.size() == 1);
}

TEST_CASE("unknown top-level keys are errors with a suggestion") {
    json doc = baseScenario();
    doc["run_fro"] = "5m";
    expectError(doc, "/run_fro", "unknown key `run_fro` in the scenario (top level) (did you mean `run_for`?)");
    doc = baseScenario();
    doc["colour"] = "red";
    ParseResult r = expectError(doc, "/colour", "unknown key `colour`");
    CHECK(r.errors[0].message.find("did you mean") == std::string::npos);
}

TEST_CASE("top-level types and ranges") {
    json doc = baseScenario();
    doc["name"] = 5;
    expectError(doc, "/name", "must be a string");
    doc = baseScenario();
    doc["seed"] = -1;
    expectError(doc, "/seed", "must be a whole number from 0");
    doc = baseScenario();
    doc["seed"] = 18446744073709551615ull;
    CHECK(expectOk(doc).scenario.seed == 18446744073709551615ull);
    doc = baseScenario();
    doc["run_for"] = "0s";
    expectError(doc, "/run_for", "must be between 1 us and 366 d");
    doc["run_for"] = "400d";
    expectError(doc, "/run_for", "scenario limit: run length");
    doc["run_for"] = true;
    expectError(doc, "/run_for", "must be a duration");
    doc = baseScenario();
    doc["account"] = {{"concurrency_limit", 0}};
    expectError(doc, "/account/concurrency_limit", "FIDELITY 3");
    doc["account"] = {{"limit", 10}};
    expectError(doc, "/account/limit", "unknown key `limit`");
    doc = baseScenario();
    doc["nodes"] = json::object();
    expectError(doc, "/nodes", "must be an array");
    doc.erase("nodes");
    expectError(doc, "/nodes", "is required");
    doc = baseScenario();
    doc["description"] = std::string(600, 'x');
    expectError(doc, "/description", "longer than 500");
}

// ---- nodes ----

TEST_CASE("node id and type") {
    json doc = baseScenario();
    doc["nodes"][kDlq]["id"] = "orders";
    expectError(doc, node(kDlq) + "/id", "duplicate node id `orders` (first used by /nodes/2)");
    doc = baseScenario();
    doc["nodes"][kDlq]["id"] = "bad#id";
    expectError(doc, node(kDlq) + "/id", "must use only letters, digits");
    doc["nodes"][kDlq]["id"] = "";
    expectError(doc, node(kDlq) + "/id", "must not be empty");
    doc["nodes"][kDlq].erase("id");
    expectError(doc, node(kDlq) + "/id", "is required");
    doc = baseScenario();
    doc["nodes"][kDlq]["type"] = "sqs_queue";
    expectError(doc, node(kDlq) + "/type", "unknown node type \"sqs_queue\" (did you mean `sqs`?)");
    doc["nodes"][kDlq]["type"] = 3;
    expectError(doc, node(kDlq) + "/type", "unknown node type 3");
    doc["nodes"][kDlq].erase("type");
    expectError(doc, node(kDlq) + "/type", "is required");
    doc = baseScenario();
    doc["nodes"][0] = "api";
    expectError(doc, node(0), "must be an object");
}

TEST_CASE("node label and position") {
    json doc = baseScenario();
    doc["nodes"][kFn]["position"] = {10, "y"};
    expectError(doc, node(kFn) + "/position", "must be [x, y]");
    doc["nodes"][kFn]["position"] = {1, 2, 3};
    expectError(doc, node(kFn) + "/position", "must be [x, y]");
    doc["nodes"][kFn]["position"] = {1e9, 0};
    expectError(doc, node(kFn) + "/position", "within +-1000000");
    doc["nodes"][kFn]["position"] = {12.5, -3};
    ParseResult r = expectOk(doc);
    CHECK(r.scenario.nodes[kFn].x == 12.5);
    CHECK(r.scenario.nodes[kFn].y == -3);
    doc["nodes"][kFn]["label"] = json::array();
    expectError(doc, node(kFn) + "/label", "must be a string");
}

TEST_CASE("unknown node keys suggest the closest key of that type") {
    json doc = baseScenario();
    doc["nodes"][kFn]["timout"] = "3s";
    expectError(doc, node(kFn) + "/timout", "unknown key `timout` in a node (did you mean `timeout`?)");
    doc = baseScenario();
    doc["nodes"][kOrders]["visibility"] = "30s";
    expectError(doc, node(kOrders) + "/visibility", "(did you mean `visibility_timeout`?)");
}

TEST_CASE("keys that do not apply to a node's type name the type") {
    json doc = baseScenario();
    doc["nodes"][kFn]["visibility_timeout"] = "30s";
    expectError(doc, node(kFn) + "/visibility_timeout",
                "`visibility_timeout` does not apply to node type `function`; it is a setting of sqs nodes");
    doc = baseScenario();
    doc["nodes"][kOrders]["timeout"] = "3s";
    expectError(doc, node(kOrders) + "/timeout", "does not apply to node type `sqs`; it is a setting of function nodes");
    doc = baseScenario();
    doc["nodes"][kFn]["traffic"] = {{"requests", 1}};
    expectError(doc, node(kFn) + "/traffic", "does not apply to node type `function`");
    doc = baseScenario();
    doc["nodes"][kTopic]["client_retry"] = {{"count", 1}};
    expectError(doc, node(kTopic) + "/client_retry", "synchronous sources");
    doc = baseScenario();
    doc["nodes"][kTopic]["integration_timeout"] = "1s";
    expectError(doc, node(kTopic) + "/integration_timeout", "api_gateway nodes");
    doc = baseScenario();
    doc["nodes"][kTable]["retention"] = "48h";
    expectError(doc, node(kTable) + "/retention", "fixed 24 h");
    doc = baseScenario();
    doc["nodes"][kOrders]["shards"] = 2;
    expectError(doc, node(kOrders) + "/shards", "kinesis and dynamodb_stream nodes");
    doc = baseScenario();
    doc["nodes"][kBucket]["fifo"] = true;
    expectError(doc, node(kBucket) + "/fifo", "sqs and sns nodes");
}

// ---- function ----

TEST_CASE("function timeout: 1 s to 900 s") {
    json doc = baseScenario();
    doc["nodes"][kFn]["timeout"] = 1000;
    expectError(doc, node(kFn) + "/timeout", "must be between 1 s and 900 s (FIDELITY 2: Lambda function timeout)");
    doc["nodes"][kFn]["timeout"] = "500ms";
    expectError(doc, node(kFn) + "/timeout", "between 1 s and 900 s");
    doc["nodes"][kOrders]["visibility_timeout"] = "1h";  // keep the SQS rule quiet
    doc["nodes"][kFn]["timeout"] = "15m";
    CHECK(expectOk(doc).scenario.nodes[kFn].function.timeout == 900 * sim::kSecond);
    doc["nodes"][kFn]["timeout"] = "3 seconds";
    expectError(doc, node(kFn) + "/timeout", "is not a number followed by a unit");
    doc["nodes"][kFn]["timeout"] = "3";
    expectError(doc, node(kFn) + "/timeout", "needs a unit");
    doc["nodes"][kFn]["timeout"] = 2.5;
    CHECK(expectOk(doc).scenario.nodes[kFn].function.timeout == 2500 * sim::kMillisecond);
}

TEST_CASE("function duration: fixed or a min/max range") {
    json doc = baseScenario();
    doc["nodes"][kFn]["duration"] = "120ms";
    auto r = expectOk(doc);
    CHECK(r.scenario.nodes[kFn].function.duration.min == 120 * sim::kMillisecond);
    CHECK(r.scenario.nodes[kFn].function.duration.max == 120 * sim::kMillisecond);
    doc["nodes"][kFn]["duration"] = {{"min", "100ms"}, {"max", 0.3}};
    r = expectOk(doc);
    CHECK(r.scenario.nodes[kFn].function.duration.max == 300 * sim::kMillisecond);
    doc["nodes"][kFn]["duration"] = {{"min", "2s"}, {"max", "1s"}};
    expectError(doc, node(kFn) + "/duration/min", "must not be greater than `max`");
    doc["nodes"][kFn]["duration"] = {{"min", "1s"}};
    expectError(doc, node(kFn) + "/duration/max", "is required");
    doc["nodes"][kFn]["duration"] = {{"min", "1s"}, {"max", "2s"}, {"mean", "1s"}};
    expectError(doc, node(kFn) + "/duration/mean", "unknown key `mean`");
    doc["nodes"][kFn]["duration"] = "20m";
    expectError(doc, node(kFn) + "/duration", "between 0 s and 900 s");
    doc["nodes"][kFn]["duration"] = {{"min", "1s"}, {"max", "-2s"}};
    expectError(doc, node(kFn) + "/duration/max", "negative");
}

TEST_CASE("function cold start and reserved concurrency") {
    json doc = baseScenario();
    doc["nodes"][kFn]["cold_start"] = "11s";
    expectError(doc, node(kFn) + "/cold_start", "between 0 s and 10 s");
    doc = baseScenario();
    doc["nodes"][kFn]["reserved_concurrency"] = -1;
    expectError(doc, node(kFn) + "/reserved_concurrency", "FIDELITY 3: reserved concurrency");
    doc["nodes"][kFn]["reserved_concurrency"] = 1.5;
    expectError(doc, node(kFn) + "/reserved_concurrency", "must be a whole number");
    doc["nodes"][kFn]["reserved_concurrency"] = 0;
    CHECK(expectOk(doc).scenario.nodes[kFn].function.reservedConcurrency == 0);
}

TEST_CASE("reserved concurrency must leave 100 unreserved, with AWS's wording") {
    json doc = baseScenario();
    doc["nodes"][kFn]["reserved_concurrency"] = 900;
    expectOk(doc);
    doc["nodes"][kOther]["reserved_concurrency"] = 1;
    expectError(doc, node(kOther) + "/reserved_concurrency",
                "Specified ReservedConcurrentExecutions for function decreases account's "
                "UnreservedConcurrentExecution below its minimum value of [100].");
    doc = baseScenario();
    doc["account"] = {{"concurrency_limit", 50}};
    doc["nodes"][kFn]["reserved_concurrency"] = 0;
    expectOk(doc);
    doc["nodes"][kFn]["reserved_concurrency"] = 1;
    expectError(doc, node(kFn) + "/reserved_concurrency", "below its minimum value of [50]");
}

TEST_CASE("behaviour rules") {
    json doc = baseScenario();
    doc["nodes"][kFn]["behavior"] = json::parse(R"([
        {"when": {"body_contains": "x", "attempt_at_most": 2, "item": "orders#3", "rate": 0.5,
                  "after": "1m", "before": "2m", "item_modulo": {"divisor": 4, "remainder": 1}}, "then": "error"},
        {"then": "timeout"}, {"when": {}, "then": "report_failure"}, {"then": "success"}])");
    auto r = expectOk(doc);
    const auto& rules = r.scenario.nodes[kFn].function.behavior;
    REQUIRE(rules.size() == 4);
    CHECK(rules[0].when.item == "orders#3");
    CHECK(rules[0].when.itemModulo == 4);
    CHECK(rules[0].when.itemRemainder == 1);
    CHECK(rules[0].when.after == sim::kMinute);
    CHECK(rules[1].then == sim::RuleOutcome::Timeout);
    CHECK(rules[2].then == sim::RuleOutcome::ReportFailure);

    const std::string b = node(kFn) + "/behavior";
    doc["nodes"][kFn]["behavior"] = json::parse(R"([{"when": {"body_contains": "x"}, "then": "fail"}])");
    expectError(doc, b + "/0/then", "must be one of `error`, `timeout`, `success`, `report_failure`");
    doc["nodes"][kFn]["behavior"] = json::parse(R"([{"when": {"body_contains": "x"}}])");
    expectError(doc, b + "/0/then", "is required");
    doc["nodes"][kFn]["behavior"] = json::parse(R"([{"if": {}, "then": "error"}])");
    expectError(doc, b + "/0/if", "unknown key `if` in a behaviour rule");
    doc["nodes"][kFn]["behavior"] = json::parse(R"([{"when": {"body": "x"}, "then": "error"}])");
    expectError(doc, b + "/0/when/body", "unknown key `body` in `when`");
    doc["nodes"][kFn]["behavior"] = json::parse(R"([{"when": {"rate": 1.5}, "then": "error"}])");
    expectError(doc, b + "/0/when/rate", "between 0 and 1");
    doc["nodes"][kFn]["behavior"] = json::parse(R"([{"when": {"attempt_at_most": 0}, "then": "error"}])");
    expectError(doc, b + "/0/when/attempt_at_most", "between 1 and");
    doc["nodes"][kFn]["behavior"] = json::parse(R"([{"when": {"after": "2m", "before": "1m"}, "then": "error"}])");
    expectError(doc, b + "/0/when/before", "must be later than `after`");
    doc["nodes"][kFn]["behavior"] = json::parse(R"([{"when": {"item_modulo": {"divisor": 0}}, "then": "error"}])");
    expectError(doc, b + "/0/when/item_modulo/divisor", "between 1 and");
    doc["nodes"][kFn]["behavior"] =
        json::parse(R"([{"when": {"item_modulo": {"divisor": 3, "remainder": 3}}, "then": "error"}])");
    expectError(doc, b + "/0/when/item_modulo/remainder", "between 0 and divisor - 1");
    doc["nodes"][kFn]["behavior"] = json::parse(R"([{"when": {"item": "orders-3"}, "then": "error"}])");
    expectError(doc, b + "/0/when/item", "must be an item id \"<source node id>#<n>\"");
    doc["nodes"][kFn]["behavior"] = json::parse(R"([{"when": {"item": "ordres#3"}, "then": "error"}])");
    expectError(doc, b + "/0/when/item", "names items of `ordres`, but no node has that id (did you mean `orders`?)");
    doc["nodes"][kFn]["behavior"] = json::object();
    expectError(doc, b, "must be an array");
    doc["nodes"][kFn]["behavior"] = json::array();
    for (int i = 0; i < 65; ++i) doc["nodes"][kFn]["behavior"].push_back({{"then", "error"}});
    expectError(doc, b, "the limit is 64");
}

TEST_CASE("async settings: ranges") {
    json doc = baseScenario();
    doc["nodes"][kFn]["async"] = {{"max_retry_attempts", 3}};
    expectError(doc, node(kFn) + "/async/max_retry_attempts", "between 0 and 2 (FIDELITY 5.1: MaximumRetryAttempts)");
    doc["nodes"][kFn]["async"] = {{"max_event_age", "59s"}};
    expectError(doc, node(kFn) + "/async/max_event_age", "between 60 s and 6 h (FIDELITY 5.1");
    doc["nodes"][kFn]["async"] = {{"max_event_age", "7h"}};
    expectError(doc, node(kFn) + "/async/max_event_age", "between 60 s and 6 h");
    doc["nodes"][kFn]["async"] = {{"retries", 1}};
    expectError(doc, node(kFn) + "/async/retries", "unknown key `retries` in `async`");
    doc["nodes"][kFn]["async"] = {{"on_success", ""}};
    expectError(doc, node(kFn) + "/async/on_success", "must not be empty");
}

TEST_CASE("async destinations: references and destination types") {
    const std::string a = node(kFn) + "/async/";
    json doc = baseScenario();
    doc["nodes"][kFn]["async"] = {{"on_success", "dlq"}, {"on_failure", "bucket"}, {"dead_letter_queue", "topic"}};
    expectOk(doc);
    doc["nodes"][kFn]["async"] = {{"on_success", "other"}, {"on_failure", "bus"}};
    expectOk(doc);
    doc["nodes"][kFn]["async"] = {{"on_failure", "nowhere"}};
    expectError(doc, a + "on_failure", "refers to `nowhere`, but no node has that id");
    doc["nodes"][kFn]["async"] = {{"on_failure", "dql"}};
    expectError(doc, a + "on_failure", "(did you mean `dlq`?)");
    doc["nodes"][kFn]["async"] = {{"on_success", "fn"}};
    expectError(doc, a + "on_success", "You can't specify the function as a destination for itself.");
    doc["nodes"][kFn]["async"] = {{"on_failure", "fn"}};
    expectError(doc, a + "on_failure", "You can't specify the function as a destination for itself.");
    doc["nodes"][kFn]["async"] = {{"on_success", "bucket"}};
    expectError(doc, a + "on_success", "on-failure destination only");
    doc["nodes"][kFn]["async"] = {{"on_failure", "clicks"}};
    expectError(doc, a + "on_failure", "must be an sqs queue, sns topic, function or eventbridge bus");
    doc["nodes"][kFn]["async"] = {{"dead_letter_queue", "bus"}};
    expectError(doc, a + "dead_letter_queue", "must be an sqs queue or an sns topic (FIDELITY 5.3)");
    doc["nodes"][kFn]["async"] = {{"dead_letter_queue", "nope"}};
    expectError(doc, a + "dead_letter_queue", "no node has that id");
}

TEST_CASE("FIFO queues and topics are not async destinations") {
    const std::string a = node(kFn) + "/async/";
    json doc = baseScenario();
    doc["nodes"][kDlq]["fifo"] = true;
    doc["nodes"][kFn]["async"] = {{"on_failure", "dlq"}};
    expectError(doc, a + "on_failure", "FIFO queues and topics are not supported as destinations");
    doc["nodes"][kTopic]["fifo"] = true;
    doc["nodes"][kFn]["async"] = {{"on_success", "topic"}};
    expectError(doc, a + "on_success", "FIFO queues and topics are not supported as destinations");
    doc["nodes"][kFn]["async"] = {{"dead_letter_queue", "dlq"}};
    expectError(doc, a + "dead_letter_queue", "not FIFO (FIDELITY 5.3)");
}

// ---- sources ----

TEST_CASE("traffic: the count key follows the invocation mode") {
    json doc = baseScenario();
    doc["nodes"][kApi]["traffic"] = {{"events", 5}};
    expectError(doc, node(kApi) + "/traffic/events", "counts its items with `requests`, not `events`");
    expectError(doc, node(kApi) + "/traffic/requests", "is required");
    doc = baseScenario();
    doc["nodes"][kTopic]["traffic"] = {{"messages", 5}};
    expectError(doc, node(kTopic) + "/traffic/messages", "with `events`");
    doc = baseScenario();
    doc["nodes"][kOrders]["traffic"] = {{"records", 5}};
    expectError(doc, node(kOrders) + "/traffic/records", "with `messages`");
    doc = baseScenario();
    doc["nodes"][kClicks]["traffic"] = {{"requests", 5}};
    expectError(doc, node(kClicks) + "/traffic/requests", "with `records`");
}

TEST_CASE("traffic: values") {
    const std::string t = node(kOrders) + "/traffic/";
    json doc = baseScenario();
    doc["nodes"][kOrders]["traffic"] = json::parse(
        R"({"messages": 10, "rate_per_second": 2.5, "start": "1m", "arrival": "poisson", "body": "o-{n}"})");
    auto r = expectOk(doc);
    CHECK(r.scenario.nodes[kOrders].traffic.count == 10);
    CHECK(r.scenario.nodes[kOrders].traffic.ratePerSecond == 2.5);
    CHECK(r.scenario.nodes[kOrders].traffic.arrival == sim::Arrival::Poisson);
    doc["nodes"][kOrders]["traffic"] = {{"messages", -1}};
    expectError(doc, t + "messages", "between 0 and 1000000");
    doc["nodes"][kOrders]["traffic"] = {{"messages", 2000000}};
    expectError(doc, t + "messages", "scenario limit: items per traffic block");
    doc["nodes"][kOrders]["traffic"] = {{"messages", 1}, {"rate_per_second", 0}};
    expectError(doc, t + "rate_per_second", "must be greater than 0");
    doc["nodes"][kOrders]["traffic"] = {{"messages", 1}, {"rate_per_second", "fast"}};
    expectError(doc, t + "rate_per_second", "must be a number");
    doc["nodes"][kOrders]["traffic"] = {{"messages", 1}, {"arrival", "bursty"}};
    expectError(doc, t + "arrival", "must be one of `uniform`, `poisson`, `burst`; got \"bursty\" (did you mean `burst`?)");
    doc["nodes"][kOrders]["traffic"] = {{"messages", 1}, {"arrival", "burst"}};
    CHECK(expectOk(doc).scenario.nodes[kOrders].traffic.arrival == sim::Arrival::Burst);
    doc["nodes"][kOrders]["traffic"] = {{"messages", 1}, {"bodyy", "x"}};
    expectError(doc, t + "bodyy", "unknown key `bodyy` in `traffic` (did you mean `body`?)");
    doc["nodes"][kOrders]["traffic"] = {{"messages", 1}, {"partition_key", "k"}};
    expectError(doc, t + "partition_key", "applies only to kinesis and dynamodb_stream nodes");
    doc["nodes"][kOrders]["traffic"] = {{"messages", 1}, {"group", "g"}};
    expectError(doc, t + "group", "applies only to FIFO queues");
    doc["nodes"][kOrders]["fifo"] = true;
    doc["nodes"][kDlq]["fifo"] = true;
    expectOk(doc);
    doc = baseScenario();
    doc["nodes"][kClicks]["traffic"] = {{"records", 1}, {"group", "g"}};
    expectError(doc, node(kClicks) + "/traffic/group", "applies only to sqs nodes");
}

TEST_CASE("traffic: the total item limit") {
    json doc = baseScenario();
    doc["nodes"][kApi]["traffic"] = {{"requests", 1000000}};
    doc["nodes"][kOrders]["traffic"] = {{"messages", 1000000}};
    doc["nodes"][kTopic]["traffic"] = {{"events", 0}};
    doc["nodes"][kClicks]["traffic"] = {{"records", 0}};
    expectOk(doc);
    doc["nodes"][kTopic]["traffic"] = {{"events", 1}};
    expectError(doc, node(kTopic) + "/traffic/events", "brings the total number of items above 2000000");
}

TEST_CASE("api_gateway integration timeout and client retries") {
    json doc = baseScenario();
    doc["nodes"][kApi]["integration_timeout"] = "30s";
    expectError(doc, node(kApi) + "/integration_timeout",
                "between 50 ms and 29 s (FIDELITY 4: API Gateway integration timeout)");
    doc["nodes"][kApi]["integration_timeout"] = "49ms";
    expectError(doc, node(kApi) + "/integration_timeout", "between 50 ms and 29 s");
    doc["nodes"][kApi]["integration_timeout"] = "50ms";
    expectOk(doc);
    doc["nodes"][kApi]["client_retry"] = {{"count", 11}};
    expectError(doc, node(kApi) + "/client_retry/count", "between 0 and 10");
    doc["nodes"][kApi]["client_retry"] = {{"count", 2}, {"backoff", "2m"}};
    expectError(doc, node(kApi) + "/client_retry/backoff", "between 0 s and 60 s");
    doc["nodes"][kApi]["client_retry"] = {{"retries", 2}};
    expectError(doc, node(kApi) + "/client_retry/retries", "unknown key `retries`");
}

TEST_CASE("sqs queue settings") {
    json doc = baseScenario();
    doc["nodes"][kOrders]["visibility_timeout"] = "13h";
    expectError(doc, node(kOrders) + "/visibility_timeout", "between 0 s and 12 h (FIDELITY 6.2: SQS visibility timeout)");
    doc = baseScenario();
    doc["nodes"][kOrders]["retention"] = "59s";
    expectError(doc, node(kOrders) + "/retention", "between 60 s and 14 d (FIDELITY 6.2: SQS message retention)");
    doc["nodes"][kOrders]["retention"] = "15d";
    expectError(doc, node(kOrders) + "/retention", "between 60 s and 14 d");
    doc = baseScenario();
    doc["nodes"][kOrders]["fifo"] = "yes";
    expectError(doc, node(kOrders) + "/fifo", "must be true or false");
}

TEST_CASE("sqs redrive policy") {
    const std::string r = node(kOrders) + "/redrive";
    json doc = baseScenario();
    doc["nodes"][kOrders]["redrive"] = {{"dead_letter_queue", "dlq"}, {"max_receive_count", 2}};
    auto parsed = expectOk(doc);
    CHECK(parsed.scenario.nodes[kOrders].queue.redrive->maxReceiveCount == 2);
    doc["nodes"][kOrders]["redrive"] = {{"dead_letter_queue", "dlq"}, {"max_receive_count", 0}};
    expectError(doc, r + "/max_receive_count", "between 1 and 1000 (FIDELITY 6.2: redrive policy maxReceiveCount)");
    doc["nodes"][kOrders]["redrive"] = {{"dead_letter_queue", "dlq"}, {"max_receive_count", 1001}};
    expectError(doc, r + "/max_receive_count", "between 1 and 1000");
    doc["nodes"][kOrders]["redrive"] = {{"max_receive_count", 3}};
    expectError(doc, r + "/dead_letter_queue", "is required");
    doc["nodes"][kOrders]["redrive"] = {{"dead_letter_queue", "missing"}};
    expectError(doc, r + "/dead_letter_queue", "refers to `missing`, but no node has that id");
    doc["nodes"][kOrders]["redrive"] = {{"dead_letter_queue", "orders"}};
    expectError(doc, r + "/dead_letter_queue", "cannot be its own dead-letter queue");
    doc["nodes"][kOrders]["redrive"] = {{"dead_letter_queue", "topic"}};
    expectError(doc, r + "/dead_letter_queue", "must be an sqs queue (FIDELITY 6.2)");
    doc["nodes"][kOrders]["redrive"] = {{"dead_letter_queue", "dlq"}};
    doc["nodes"][kDlq]["fifo"] = true;
    expectError(doc, r + "/dead_letter_queue", "the dead-letter queue of a standard queue must also be a standard queue");
    doc["nodes"][kDlq]["fifo"] = false;
    doc["nodes"][kOrders]["fifo"] = true;
    expectError(doc, r + "/dead_letter_queue", "the dead-letter queue of a FIFO queue must also be a FIFO queue");
    doc["nodes"][kOrders]["redrive"] = {{"dead_letter_queue", "dlq"}, {"max_receive", 3}};
    expectError(doc, r + "/max_receive", "(did you mean `max_receive_count`?)");
}

TEST_CASE("stream settings") {
    json doc = baseScenario();
    doc["nodes"][kClicks]["shards"] = 0;
    expectError(doc, node(kClicks) + "/shards", "between 1 and 100");
    doc = baseScenario();
    doc["nodes"][kClicks]["retention"] = "23h";
    expectError(doc, node(kClicks) + "/retention", "between 24 h and 365 d");
    doc["nodes"][kClicks]["retention"] = "365d";
    doc["nodes"][kTable]["shards"] = 4;
    auto r = expectOk(doc);
    CHECK(r.scenario.nodes[kClicks].stream.retention == 365 * sim::kDay);
    CHECK(r.scenario.nodes[kTable].stream.shards == 4);
}

// ---- edges ----

TEST_CASE("send edges (function -> sqs/sns) and recursive_loop (AWS DG invocation-recursion)") {
    json doc = baseScenario();
    doc["edges"].push_back({{"from", "fn"}, {"to", "orders"}});
    doc["edges"].push_back({{"from", "other"}, {"to", "topic"}, {"send_on", "always"}});
    doc["nodes"][kFn]["recursive_loop"] = "Allow";
    ParseResult r = expectOk(doc);
    CHECK(r.scenario.edges[3].sendOn == sim::SendOn::Success);
    CHECK(r.scenario.edges[4].sendOn == sim::SendOn::Always);
    CHECK(r.scenario.nodes[kFn].function.recursiveLoop == sim::RecursiveLoop::Allow);
    CHECK(r.scenario.nodes[kOther].function.recursiveLoop == sim::RecursiveLoop::Terminate);  // AWS default

    // A function may write objects to a bucket (PutObject): S3 is one of the services recursive loop detection
    // follows (https://docs.aws.amazon.com/lambda/latest/dg/invocation-recursion.html).
    doc = baseScenario();
    doc["edges"].push_back({{"from", "fn"}, {"to", "bucket"}});
    expectOk(doc);
    doc = baseScenario();
    doc["edges"].push_back({{"from", "fn"}, {"to", "bus"}});
    expectError(doc, edge(3) + "/to", "must end at an sqs queue, an sns topic or an s3 bucket; `bus` is type "
                                      "`eventbridge`");
    doc = baseScenario();
    doc["edges"].push_back({{"from", "fn"}, {"to", "orders"}, {"send_on", "sometimes"}});
    expectError(doc, edge(3) + "/send_on", "must be one of `success`, `always`; got \"sometimes\"");
    doc = baseScenario();
    doc["edges"][kSqsEdge]["send_on"] = "always";
    expectError(doc, edge(kSqsEdge) + "/send_on", "`send_on` does not apply to an edge from node type `sqs`");
    doc = baseScenario();
    doc["edges"].push_back({{"from", "fn"}, {"to", "orders"}, {"batch_size", 5}});
    expectError(doc, edge(3) + "/batch_size", "`batch_size` does not apply to an edge from node type `function`");
    doc = baseScenario();
    doc["edges"].push_back({{"from", "fn"}, {"to", "orders"}});
    doc["edges"].push_back({{"from", "fn"}, {"to", "orders"}});
    expectError(doc, edge(4), "duplicate edge `fn` -> `orders`");
    doc = baseScenario();
    doc["nodes"][kFn]["recursive_loop"] = "Stop";
    expectError(doc, node(kFn) + "/recursive_loop", "must be one of `Terminate`, `Allow`; got \"Stop\"");
    doc = baseScenario();
    doc["nodes"][kFn]["recursive_loop"] = false;
    expectError(doc, node(kFn) + "/recursive_loop", "must be one of `Terminate`, `Allow`");
    doc = baseScenario();
    doc["nodes"][kOrders]["recursive_loop"] = "Allow";
    expectError(doc, node(kOrders) + "/recursive_loop", "does not apply to node type `sqs`");
}

TEST_CASE("edges: dangling references and wiring rules") {
    json doc = baseScenario();
    doc["edges"][0]["from"] = "apii";
    expectError(doc, edge(0) + "/from", "refers to `apii`, but no node has that id (did you mean `api`?)");
    doc = baseScenario();
    doc["edges"][0]["to"] = "nothing";
    expectError(doc, edge(0) + "/to", "no node has that id");
    doc = baseScenario();
    doc["edges"].push_back({{"from", "fn"}, {"to", "other"}});
    expectError(doc, edge(3) + "/to", "an edge from a function is a send edge and must end at an sqs queue, an "
                                      "sns topic or an s3 bucket; `other` is type `function`");
    doc = baseScenario();
    doc["edges"].push_back({{"from", "bus"}, {"to", "dlq"}});
    expectError(doc, edge(3) + "/to", "an edge must end at a function; `dlq` is type `sqs`");
    doc = baseScenario();
    doc["edges"].push_back({{"to", "fn"}});
    expectError(doc, edge(3) + "/from", "is required");
    doc = baseScenario();
    doc["edges"][0]["source"] = "api";
    expectError(doc, edge(0) + "/source", "unknown key `source` in an edge");
    doc = baseScenario();
    doc["edges"][0] = 5;
    expectError(doc, edge(0), "must be an object");
}

TEST_CASE("edges: duplicate mapping of the same source to the same function") {
    json doc = baseScenario();
    doc["edges"].push_back({{"from", "orders"}, {"to", "fn"}});
    expectError(doc, edge(3), "duplicate edge `orders` -> `fn` (already /edges/1)");
    expectError(doc, edge(3), "ResourceConflictException");
    doc = baseScenario();
    doc["edges"].push_back({{"from", "orders"}, {"to", "other"}});
    expectOk(doc);
}

TEST_CASE("edges: an sns -> sqs edge is a subscription; a standard topic delivers to standard queues only") {
    // SNS DG https://docs.aws.amazon.com/sns/latest/dg/sns-sqs-as-subscriber.html (fan-out to queues) and
    // https://docs.aws.amazon.com/sns/latest/dg/fifo-message-delivery.html (FIFO queues subscribe to FIFO topics;
    // FIFO topics deliver to standard queues too).
    json doc = baseScenario();
    doc["edges"].push_back({{"from", "topic"}, {"to", "dlq"}});
    expectOk(doc);
    doc = baseScenario();
    doc["nodes"][kDlq]["fifo"] = true;
    doc["edges"].push_back({{"from", "topic"}, {"to", "dlq"}});
    expectError(doc, edge(3) + "/to", "a standard SNS topic can't deliver to a FIFO SQS queue");
    doc["nodes"][kTopic]["fifo"] = true;
    expectOk(doc);
    doc = baseScenario();
    doc["nodes"][kTopic]["fifo"] = true;
    doc["edges"].push_back({{"from", "topic"}, {"to", "dlq"}});
    expectOk(doc);
}

TEST_CASE("edges: an SNS FIFO topic cannot trigger a function, but may still deliver to queues") {
    // https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html: "Lambda supports SNS triggers for standard SNS
    // topics only. FIFO topics aren't supported." A FIFO topic delivering to an SQS queue stays allowed
    // (https://docs.aws.amazon.com/sns/latest/dg/fifo-message-delivery.html).
    json doc = baseScenario();
    doc["nodes"][kTopic]["fifo"] = true;
    doc["edges"].push_back({{"from", "topic"}, {"to", "fn"}});
    ParseResult r = expectError(doc, edge(3), "Lambda supports SNS triggers for standard SNS topics only");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].rule == Rule::SnsFifoTrigger);
    CHECK(std::string(ruleId(r.errors[0].rule)) == "sns_fifo_trigger");
    doc["nodes"][kTopic]["fifo"] = false;  // the same wire from a standard topic is an ordinary trigger
    expectOk(doc);
    doc = baseScenario();
    doc["nodes"][kTopic]["fifo"] = true;
    doc["edges"].push_back({{"from", "topic"}, {"to", "dlq"}});
    expectOk(doc);
}

TEST_CASE("edges: a synchronous source has one function; an async source may fan out") {
    // API Gateway: a route has one integration (https://docs.aws.amazon.com/apigateway/latest/developerguide/
    // http-api-develop-integrations.html); SNS: every subscription receives every message
    // (https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html).
    json doc = baseScenario();
    doc["edges"].push_back({{"from", "api"}, {"to", "other"}});
    expectError(doc, edge(3), "an API Gateway route has one integration target; `api` is already wired to `fn` "
                              "(/edges/0)");
    doc = baseScenario();
    doc["edges"].push_back({{"from", "topic"}, {"to", "other"}});
    expectOk(doc);
}

// Several event source mappings on one stream or queue (issue 23): each edge to another function is its own
// mapping with its own settings (Lambda DG with-kinesis: several consumers per stream; with-sqs: several
// mappings on one queue compete). Each SQS mapping is checked against its own function's timeout.
TEST_CASE("edges: a stream or queue may have several mappings, each checked on its own") {
    json doc = baseScenario();
    doc["edges"].push_back({{"from", "clicks"}, {"to", "other"}, {"batch_size", 7}, {"on_failure", "dlq"}});
    doc["edges"].push_back({{"from", "table"}, {"to", "fn"}});
    doc["edges"].push_back({{"from", "table"}, {"to", "other"}, {"bisect_batch_on_function_error", true}});
    doc["edges"].push_back({{"from", "orders"}, {"to", "other"}, {"batch_size", 3}});
    expectOk(doc);
    doc["nodes"][kOther]["timeout"] = "5m";  // above the queue's 30 s visibility timeout: this mapping only
    expectError(doc, edge(6), "is less than Function timeout");
}

TEST_CASE("edges: settings that do not apply to the source type") {
    json doc = baseScenario();
    doc["edges"][kApiEdge]["batch_size"] = 5;
    expectError(doc, edge(kApiEdge) + "/batch_size",
                "`batch_size` does not apply to an edge from node type `api_gateway`");
    doc = baseScenario();
    doc["edges"][kSqsEdge]["bisect_batch_on_function_error"] = true;
    expectError(doc, edge(kSqsEdge) + "/bisect_batch_on_function_error", "edges from kinesis or dynamodb_stream");
    doc = baseScenario();
    doc["edges"][kStreamEdge]["maximum_concurrency"] = 5;
    expectError(doc, edge(kStreamEdge) + "/maximum_concurrency", "edges from sqs");
    doc = baseScenario();
    doc["edges"][kSqsEdge]["on_failure"] = "dlq";
    expectError(doc, edge(kSqsEdge) + "/on_failure",
                "Unsupported DestinationConfig parameter for given event source mapping type.");
    doc = baseScenario();
    doc["edges"][kSqsEdge]["batch_sise"] = 5;
    expectError(doc, edge(kSqsEdge) + "/batch_sise", "(did you mean `batch_size`?)");
}

TEST_CASE("sqs edge: batch size, window and maximum concurrency") {
    json doc = baseScenario();
    auto& e = doc["edges"][kSqsEdge];
    e["batch_size"] = 0;
    expectError(doc, edge(kSqsEdge) + "/batch_size", "between 1 and 10000 (FIDELITY 6.1: BatchSize)");
    e["batch_size"] = 10001;
    expectError(doc, edge(kSqsEdge) + "/batch_size", "between 1 and 10000");
    e["batch_size"] = 11;
    expectError(doc, edge(kSqsEdge) + "/batch_size",
                "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
    e["batching_window"] = "1s";
    expectOk(doc);
    e["batching_window"] = "301s";
    expectError(doc, edge(kSqsEdge) + "/batching_window", "between 0 s and 300 s");
    e["batching_window"] = "5s";
    doc["nodes"][kOrders]["fifo"] = true;
    expectError(doc, edge(kSqsEdge) + "/batch_size", "must be between 1 and 10 for a FIFO queue");
    doc = baseScenario();
    doc["edges"][kSqsEdge]["maximum_concurrency"] = 1;
    expectError(doc, edge(kSqsEdge) + "/maximum_concurrency",
                "between 2 and 1000 (FIDELITY 6.2: ScalingConfig.MaximumConcurrency)");
    doc["edges"][kSqsEdge]["maximum_concurrency"] = 1001;
    expectError(doc, edge(kSqsEdge) + "/maximum_concurrency", "between 2 and 1000");
    doc["edges"][kSqsEdge]["maximum_concurrency"] = 2;
    doc["edges"][kSqsEdge]["report_batch_item_failures"] = true;
    auto r = expectOk(doc);
    CHECK(r.scenario.edges[kSqsEdge].maximumConcurrency == 2);
    CHECK(r.scenario.edges[kSqsEdge].reportBatchItemFailures);
    doc["edges"][kSqsEdge]["report_batch_item_failures"] = "true";
    expectError(doc, edge(kSqsEdge) + "/report_batch_item_failures", "must be true or false");
}

TEST_CASE("sqs edge: a FIFO queue's mapping takes no batching window") {
    // https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html, MaximumBatchingWindowInSeconds:
    // "Batching window is not supported for FIFO queues".
    json doc = baseScenario();
    doc["nodes"][kOrders]["fifo"] = true;
    doc["edges"][kSqsEdge]["batching_window"] = "1s";
    ParseResult r = expectError(doc, edge(kSqsEdge) + "/batching_window",
                                "Batching window is not supported for FIFO queues");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].rule == Rule::FifoBatchingWindow);
    doc["edges"][kSqsEdge]["batching_window"] = "0s";
    expectOk(doc);
    doc["nodes"][kOrders]["fifo"] = false;  // a standard queue takes a window of up to 300 s
    doc["edges"][kSqsEdge]["batching_window"] = "300s";
    expectOk(doc);
}

TEST_CASE("sqs edge: visibility timeout below the function timeout is rejected with AWS's wording") {
    json doc = baseScenario();
    doc["nodes"][kFn]["timeout"] = "60s";
    ParseResult r = expectError(doc, edge(kSqsEdge), "Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds");
    CHECK(r.errors.size() == 1);
    doc["nodes"][kOrders]["visibility_timeout"] = "1m";
    expectOk(doc);
    doc["nodes"][kOrders]["visibility_timeout"] = 1.5;
    doc["nodes"][kFn]["timeout"] = 2;
    expectError(doc, edge(kSqsEdge), "Queue visibility timeout: 1.5 seconds is less than Function timeout: 2 seconds");
}

TEST_CASE("stream edge settings") {
    const std::string e = edge(kStreamEdge);
    json doc = baseScenario();
    doc["edges"][kStreamEdge] = json::parse(R"({"from": "clicks", "to": "fn", "batch_size": 10000,
        "batching_window": "300s", "maximum_retry_attempts": 10000, "maximum_record_age": "7d",
        "parallelization_factor": 10, "starting_position": "AT_TIMESTAMP", "starting_position_timestamp": "1m",
        "bisect_batch_on_function_error": true, "report_batch_item_failures": true, "on_failure": "dlq"})");
    auto r = expectOk(doc);
    const auto& s = r.scenario.edges[kStreamEdge];
    CHECK(s.maximumRecordAge == 7 * sim::kDay);
    CHECK(s.startingPosition == sim::StartingPosition::AtTimestamp);
    CHECK(s.startingPositionTimestamp == sim::kMinute);
    CHECK(s.onFailure == "dlq");
    doc["edges"][kStreamEdge]["maximum_record_age"] = -1;
    doc["edges"][kStreamEdge]["maximum_retry_attempts"] = -1;
    r = expectOk(doc);
    CHECK(r.scenario.edges[kStreamEdge].maximumRecordAge == -1);

    doc = baseScenario();
    doc["edges"][kStreamEdge]["maximum_retry_attempts"] = -2;
    expectError(doc, e + "/maximum_retry_attempts", "between -1 (retry until the record expires) and 10000");
    doc["edges"][kStreamEdge]["maximum_retry_attempts"] = 10001;
    expectError(doc, e + "/maximum_retry_attempts", "FIDELITY 6.3: MaximumRetryAttempts");
    doc = baseScenario();
    doc["edges"][kStreamEdge]["maximum_record_age"] = "59s";
    expectError(doc, e + "/maximum_record_age", "-1 (no limit) or between 60 s and 7 d");
    doc["edges"][kStreamEdge]["maximum_record_age"] = "8d";
    expectError(doc, e + "/maximum_record_age", "FIDELITY 6.3: MaximumRecordAgeInSeconds");
    doc["edges"][kStreamEdge]["maximum_record_age"] = -2;
    expectError(doc, e + "/maximum_record_age", "-1 (no limit)");
    doc = baseScenario();
    doc["edges"][kStreamEdge]["parallelization_factor"] = 11;
    expectError(doc, e + "/parallelization_factor", "between 1 and 10 (FIDELITY 6.3: ParallelizationFactor)");
    doc = baseScenario();
    doc["edges"][kStreamEdge]["starting_position"] = "EARLIEST";
    expectError(doc, e + "/starting_position", "must be one of `TRIM_HORIZON`, `LATEST`, `AT_TIMESTAMP`");
    doc = baseScenario();
    doc["edges"][kStreamEdge]["starting_position_timestamp"] = "1m";
    expectError(doc, e + "/starting_position_timestamp", "applies only with \"starting_position\": \"AT_TIMESTAMP\"");
    doc = baseScenario();
    doc["edges"][kStreamEdge]["on_failure"] = "other";
    expectError(doc, e + "/on_failure", "must be an sqs queue, sns topic or s3 bucket (FIDELITY 6.3)");
    doc["edges"][kStreamEdge]["on_failure"] = "nope";
    expectError(doc, e + "/on_failure", "no node has that id");
}

TEST_CASE("AT_TIMESTAMP is Kinesis only") {
    json doc = baseScenario();
    doc["edges"].push_back({{"from", "table"}, {"to", "fn"}, {"starting_position", "AT_TIMESTAMP"}});
    expectError(doc, edge(3) + "/starting_position", "AT_TIMESTAMP is supported for Kinesis only");
    doc["edges"][3]["starting_position"] = "LATEST";
    expectOk(doc);
}

// ---- limits, robustness, positions, formatting ----

TEST_CASE("size limits") {
    json doc = baseScenario();
    doc["nodes"] = json::array();
    for (int i = 0; i < 201; ++i) doc["nodes"].push_back({{"id", "n" + std::to_string(i)}, {"type", "sqs"}});
    doc["edges"] = json::array();
    expectError(doc, "/nodes", "the limit is 200 (scenario limit)");
    doc = baseScenario();
    doc["edges"] = json::array();
    for (int i = 0; i < 401; ++i) doc["edges"].push_back({{"from", "api"}, {"to", "fn"}});
    expectError(doc, "/edges", "the limit is 400");
    std::string huge(1024 * 1024 + 1, ' ');
    ParseResult r = parseScenario(huge);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.find("the limit is 1048576 bytes") != std::string::npos);
    doc = baseScenario();
    doc["nodes"][kFn]["id"] = std::string(65, 'f');
    expectError(doc, node(kFn) + "/id", "longer than 64 characters");
}

TEST_CASE("all errors are collected at once, and capped") {
    json doc = baseScenario();
    doc["nodes"][kFn]["timeout"] = 0;
    doc["nodes"][kOrders]["retention"] = 1;
    doc["edges"][0]["to"] = "nowhere";
    ParseResult r = parseScenario(doc.dump());
    CHECK(r.errors.size() == 3);
    doc = baseScenario();
    for (int i = 0; i < 300; ++i) doc["junk" + std::to_string(i)] = i;
    r = parseScenario(doc.dump());
    CHECK(r.errors.size() == 201);
    CHECK(r.errors.back().message.find("too many errors") == 0);
}

TEST_CASE("hostile input never crashes") {
    CHECK_FALSE(parseScenario(std::string(100000, '[')).ok());
    std::string nested = std::string(50000, '[') + std::string(50000, ']');
    CHECK_FALSE(parseScenario(nested).ok());
    // Deep objects with keys, inside an otherwise valid scenario: positions and duplicate-key scanning
    // must not build a path per level (that was O(depth^2) memory and failed with bad_alloc in wasm).
    std::string deepObject;
    for (int i = 0; i < 40000; ++i) deepObject += "{\"a\":";
    deepObject += "1" + std::string(40000, '}');
    ParseResult deepResult = parseScenario(R"({"version": 1, "nodes": [], "extra": )" + deepObject + "}");
    CHECK(hasError(deepResult, "/extra", "unknown key"));
    CHECK(deepResult.errors.at(0).line == 1);
    // Deep values where a scalar belongs, and as an unknown key (built as text: dumping them would recurse).
    const std::string deep = std::string(20000, '[') + std::string(20000, ']');
    ParseResult r = parseScenario(R"({"version": 1, "name": )" + deep + R"(, "nodes": [{"id": "f", "type": "function",
        "timeout": )" + deep + R"(, "junk": )" + deep + "}]}");
    CHECK(hasError(r, "/name", "must be a string; got an array"));
    CHECK(hasError(r, "/nodes/0/timeout", "must be a duration"));
    CHECK(hasError(r, "/nodes/0/junk", "unknown key"));
    for (const char* text : {"null", "1", "\"x\"", "{}", "{\"version\": 1}", "{\"version\": 1, \"nodes\": [null]}",
                             "{\"version\": 1, \"nodes\": [], \"edges\": [null, 1, {}]}",
                             "{\"version\": 1e400}", "{\"version\": -1}", "{\"version\": 99999999999999999999}"})
        CHECK_FALSE(parseScenario(text).ok());
}

TEST_CASE("errors carry the line and column of the offending key") {
    const std::string text = "{\n  \"version\": 1,\n  \"name\": \"x\",\n  \"nodes\": [\n"
                             "    { \"id\": \"fn\", \"type\": \"function\", \"timeout\": \"1000s\" }\n  ]\n}\n";
    ParseResult r = parseScenario(text);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].path == "/nodes/0/timeout");
    CHECK(r.errors[0].line == 5);
    CHECK(r.errors[0].column == 39);
    CHECK(formatErrors(r.errors) ==
          "5:39 /nodes/0/timeout: must be between 1 s and 900 s (FIDELITY 2: Lambda function timeout); got \"1000s\"\n");
    // A missing key points at its object.
    r = parseScenario("{\"version\": 1, \"nodes\": [ {\"type\": \"sqs\"} ]}");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].path == "/nodes/0/id");
    CHECK(r.errors[0].line == 1);
    CHECK(r.errors[0].column == 27);
}

TEST_CASE("duplicate keys in one object are errors") {
    ParseResult r = parseScenario(R"({"version": 1, "nodes": [{"id": "f", "type": "function", "timeout": "1s",
        "timeout": "2s"}], "name": "a", "name": "b"})");
    CHECK(hasError(r, "/nodes/0/timeout", "appears more than once"));
    CHECK(hasError(r, "/name", "appears more than once"));
    CHECK(r.errors.size() == 2);
    CHECK(r.errors[0].line == 2);
}

TEST_CASE("formatErrors without positions") {
    CHECK(formatErrors({{"/a", "bad", 0, 0}, {"", "worse", 0, 0}}) == "/a: bad\nworse\n");
}

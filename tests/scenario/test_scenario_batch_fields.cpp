// Scenario fields of batch responses and stream windows: rule outcomes invalid_batch_response / missing_state,
// read, validated with JSON paths and written back (round trip).
#include "scenario/scenario_compare.hpp"
#include "scenario_test_helpers.hpp"

using namespace pg::scenario;
using namespace pg::scenario::test;
namespace sim = pg::sim;

namespace {

void checkRoundTrip(const sim::Scenario& s) {
    const std::string written = writeScenario(s);
    ParseResult again = parseScenario(written);
    INFO("written:\n" << written << "\nerrors:\n" << formatErrors(again.errors));
    REQUIRE(again.ok());
    CHECK(firstDifference(s, again.scenario) == "");
    CHECK(writeScenario(again.scenario) == written);
}

}  // namespace

TEST_CASE("rule outcomes invalid_batch_response and missing_state: read, written back, bad spellings named") {
    json doc = baseScenario();
    doc["nodes"][kFn]["behavior"] = json::parse(R"([
        {"when": {"item": "orders#2"}, "then": "invalid_batch_response"}, {"then": "missing_state"}])");
    auto r = expectOk(doc);
    const auto& rules = r.scenario.nodes[kFn].function.behavior;
    REQUIRE(rules.size() == 2);
    CHECK(rules[0].then == sim::RuleOutcome::InvalidBatchResponse);
    CHECK(rules[1].then == sim::RuleOutcome::MissingState);
    checkRoundTrip(r.scenario);
    CHECK(writeScenario(r.scenario).find("\"invalid_batch_response\"") != std::string::npos);

    doc["nodes"][kFn]["behavior"] = json::parse(R"([{"then": "invalid_response"}])");
    expectError(doc, "/nodes/1/behavior/0/then", "`invalid_batch_response`");
}

// A comparison in one file: the top-level "compare_b" (B, a whole scenario), its errors under /compare_b, the
// writer and share links carrying it, and scenarioDelta (what the comparison view outlines).
#include "scenario/scenario_compare.hpp"
#include "scenario/share_link.hpp"
#include "scenario_test_helpers.hpp"

using namespace pg::scenario;
using namespace pg::scenario::test;
namespace sim = pg::sim;

namespace {

json withB(json b) {
    json a = baseScenario();
    a["compare_b"] = std::move(b);
    return a;
}

bool listed(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("compare_b: a plain scenario has no B; a comparison file gives A and B") {
    CHECK_FALSE(expectOk(baseScenario()).compareB.has_value());
    json b = baseScenario();
    b["seed"] = 99;
    const ParseResult r = expectOk(withB(b));
    REQUIRE(r.compareB.has_value());
    CHECK(r.scenario.seed == 3);
    CHECK(r.compareB->seed == 99);
}

TEST_CASE("compare_b: errors name their JSON path under /compare_b, with a position in the file") {
    json b = baseScenario();
    b["nodes"][1]["timeout"] = "forever";
    const ParseResult r = expectError(withB(b), "/compare_b/nodes/1/timeout", "");
    CHECK_FALSE(r.ok());
    for (const ScenarioError& e : r.errors) {
        CHECK(e.path.rfind("/compare_b", 0) == 0);  // A itself is fine
        CHECK(e.line > 0);
    }
    expectError(withB(json("no")), "/compare_b", "whole scenario");
    json nested = baseScenario();
    nested["compare_b"] = baseScenario();
    expectError(withB(nested), "/compare_b/compare_b", "unknown key");
}

TEST_CASE("compare_b: writeComparison and comparison links carry both sides") {
    const ParseResult a = expectOk(baseScenario());
    json bDoc = baseScenario();
    bDoc["nodes"][2]["redrive"] = {{"dead_letter_queue", "dlq"}, {"max_receive_count", 3}};
    const ParseResult b = expectOk(bDoc);
    const ParseResult again = parseScenario(writeComparison(a.scenario, b.scenario));
    REQUIRE(again.ok());
    REQUIRE(again.compareB.has_value());
    CHECK(firstDifference(again.scenario, a.scenario) == "");
    CHECK(firstDifference(*again.compareB, b.scenario) == "");

    const DecodedShareLink link = decodeShareLink(encodeComparisonLink(a.scenario, b.scenario, 12, "orders#1"));
    REQUIRE(link.ok());
    REQUIRE(link.compareB.has_value());
    CHECK(firstDifference(link.scenario, a.scenario) == "");
    CHECK(firstDifference(*link.compareB, b.scenario) == "");
    CHECK(link.step == 12u);
    CHECK(link.item == "orders#1");
    CHECK_FALSE(decodeShareLink(encodeShareLink(a.scenario)).compareB.has_value());
}

TEST_CASE("the no-redrive preset carries its fix as B: a redrive to a new DLQ after 3 receives") {
    const ParseResult r = parseScenario(readFile(std::filesystem::path(PG_SOURCE_DIR) / "assets/scenarios/sqs_no_redrive.json"));
    INFO(formatErrors(r.errors));
    REQUIRE(r.ok());
    REQUIRE(r.compareB.has_value());
    CHECK_FALSE(r.scenario.nodes[0].queue.redrive.has_value());
    REQUIRE(r.compareB->nodes[0].queue.redrive.has_value());
    CHECK(r.compareB->nodes[0].queue.redrive->deadLetterQueue == "orders-dlq");
    CHECK(r.compareB->nodes[0].queue.redrive->maxReceiveCount == 3);
    const ScenarioDelta d = scenarioDelta(r.scenario, *r.compareB);
    CHECK(d.nodes == std::vector<std::string>{"orders", "orders-dlq"});
    CHECK(d.edges.empty());
    CHECK(listed(d.settings, "node orders: queue.redrive"));
    CHECK(listed(d.settings, "node orders-dlq: only in B"));
}

TEST_CASE("scenarioDelta: settings, edges and nodes on one side; positions are no difference") {
    const sim::Scenario a = expectOk(baseScenario()).scenario;
    CHECK(scenarioDelta(a, a).empty());

    sim::Scenario moved = a;
    moved.nodes[1].x += 200;
    moved.nodes[1].y -= 50;
    CHECK(scenarioDelta(a, moved).empty());

    sim::Scenario batch = a;
    batch.edges[kSqsEdge].batchSize = 10;
    batch.seed = 4;
    const ScenarioDelta d = scenarioDelta(a, batch);
    CHECK(d.nodes.empty());
    REQUIRE(d.edges.size() == 1);
    CHECK(d.edgeDiffers("orders", "fn"));
    CHECK_FALSE(d.edgeDiffers("api", "fn"));
    CHECK(listed(d.settings, "edge orders -> fn: batchSize"));
    CHECK(listed(d.settings, "scenario: seed"));

    sim::Scenario fewer = a;
    fewer.edges.erase(fewer.edges.begin() + kApiEdge);
    fewer.nodes[1].function.memoryMb = 1024;
    const ScenarioDelta e = scenarioDelta(a, fewer);
    CHECK(e.edgeDiffers("api", "fn"));
    CHECK(listed(e.settings, "edge api -> fn: only in A"));
    CHECK(e.nodeDiffers("fn"));
    CHECK(listed(e.settings, "node fn: function.memoryMb"));
    CHECK_FALSE(e.nodeDiffers("api"));
    // Symmetric in what it marks: B -> A marks the same nodes and edges.
    const ScenarioDelta back = scenarioDelta(fewer, a);
    CHECK(back.nodes == e.nodes);
    CHECK(back.edges == e.edges);
    CHECK(listed(back.settings, "edge api -> fn: only in B"));
}

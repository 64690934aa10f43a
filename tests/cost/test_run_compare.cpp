// The A/B diff (compare/run_compare.hpp) on the poison-queue pair of cost_test_helpers.hpp: A without a redrive
// policy, B with one. Figures by hand, prices from https://aws.amazon.com/sqs/pricing/ and
// https://aws.amazon.com/lambda/pricing/ (see test_cost_model.cpp for the arithmetic of each total).
#include <doctest/doctest.h>

#include "compare/run_compare.hpp"
#include "cost_test_helpers.hpp"

namespace pg::cost::test {

using compare::DiffRow;

namespace {
const DiffRow* findRow(const compare::RunDiff& d, const std::string& group, const std::string& node,
                       const std::string& field) {
    for (const DiffRow& r : d.rows)
        if (r.group == group && r.node == node && r.field == field) return &r;
    return nullptr;
}
}  // namespace

TEST_CASE("percentile: nearest rank") {
    std::vector<double> v = {5, 1, 4, 2, 3};
    CHECK(*compare::percentile(v, 50) == 3);  // rank ceil(0.5 x 5) = 3 -> 3
    CHECK(*compare::percentile(v, 99) == 5);  // rank ceil(4.95) = 5
    CHECK(*compare::percentile(v, 20) == 1);  // rank 1
    std::vector<double> none;
    CHECK_FALSE(compare::percentile(none, 50));
}

TEST_CASE("formatUsd: cents from a cent up, two significant digits below") {
    CHECK(compare::formatUsd(0.31) == "$0.31");
    CHECK(compare::formatUsd(12) == "$12.00");
    CHECK(compare::formatUsd(0.000874) == "$0.00087");
    CHECK(compare::formatUsd(-0.5) == "-$0.50");
    CHECK(compare::formatUsd(0) == "$0.00");
}

TEST_CASE("compare: a redrive policy dead-letters the poison message and costs less per day") {
    auto a = runScenario(poisonQueue(false));
    auto b = runScenario(poisonQueue(true));
    const compare::RunStats sa = compare::collectRunStats(*a), sb = compare::collectRunStats(*b);
    const compare::RunDiff d = compare::diffRuns(sa, sb);

    // Receives: A 8 (0, 40, ..., 280 s), B 3 (0, 40, 80 s), SQS DG redrive: moved once the receive count
    // exceeds max_receive_count.
    const DiffRow* receives = findRow(d, "node", "orders", "receives");
    REQUIRE(receives);
    CHECK(*receives->a == 8);
    CHECK(*receives->b == 3);
    CHECK(*receives->difference() == -5);
    const DiffRow* invocations = findRow(d, "node", "process", "invocations");
    REQUIRE(invocations);
    CHECK(*invocations->a == 8);
    CHECK(*invocations->b == 3);

    // Outcomes: A's message expires at the 5 min retention; B's is dead-lettered.
    CHECK(*findRow(d, "outcomes", "", "expired")->a == 1);
    CHECK(*findRow(d, "outcomes", "", "expired")->b == 0);
    CHECK(*findRow(d, "outcomes", "", "dead_lettered")->b == 1);
    CHECK(*findRow(d, "lost", "", "expired_or_dropped")->a == 1);
    CHECK(*findRow(d, "lost", "", "expired_or_dropped")->b == 0);

    // Cost: A 0.00000686667, B 0.00000322500125; per day x 240: A 0.0016480008, B 0.0007740003.
    const DiffRow* total = findRow(d, "total", "", "usd");
    CHECK(*total->a == usd(0.00000686667));
    CHECK(*total->b == usd(0.00000322500125));
    const DiffRow* perDay = findRow(d, "total", "", "usd_per_day");
    CHECK(*perDay->difference() == usd(0.0007740003 - 0.0016480008));

    // No item succeeded in either run: no latency sample.
    CHECK_FALSE(findRow(d, "latency", "", "p50_s")->a);

    // 0.0016480008 - 0.0007740003 = 0.0008740005 less per day -> "$0.00087".
    CHECK(d.summary == "B: 0 expired instead of 1, 1 dead lettered instead of 0, $0.00087 less per day");
}

TEST_CASE("compare: end-to-end latency percentiles of succeeded items, and nodes only in one run") {
    // A: 4 requests, 100 ms each, no cold start: every latency is 0.1 s. B: 300 ms and an extra topic node.
    auto a = runScenario(R"({"version": 1, "name": "a", "seed": 1, "run_for": "1m",
      "nodes": [{"id": "api", "type": "api_gateway", "traffic": {"requests": 4}},
                {"id": "fn", "type": "function", "duration": "100ms", "cold_start": "0s"}],
      "edges": [{"from": "api", "to": "fn"}]})");
    auto b = runScenario(R"({"version": 1, "name": "b", "seed": 1, "run_for": "1m",
      "nodes": [{"id": "api", "type": "api_gateway", "traffic": {"requests": 4}},
                {"id": "fn", "type": "function", "duration": "300ms", "cold_start": "0s"},
                {"id": "topic", "type": "sns"}],
      "edges": [{"from": "api", "to": "fn"}]})");
    const compare::RunDiff d = compare::diffRuns(compare::collectRunStats(*a), compare::collectRunStats(*b));
    CHECK(*findRow(d, "latency", "", "p50_s")->a == usd(0.1));
    CHECK(*findRow(d, "latency", "", "p99_s")->b == usd(0.3));
    const DiffRow* topic = findRow(d, "cost", "topic", "usd");
    REQUIRE(topic);
    CHECK_FALSE(topic->a);  // not in A
    CHECK(*topic->b == 0);
    // Same outcomes (4 succeeded each); cost: 4 requests each; GB-s 0.125 x 0.4 = 0.05 vs 0.125 x 1.2 = 0.15,
    // +0.1 GB-s x 0.0000166667 = 0.00000166667 in a minute, x 1440 = 0.0024000048 more per day.
    CHECK(d.summary == "B: $0.0024 more per day");
}

}  // namespace pg::cost::test

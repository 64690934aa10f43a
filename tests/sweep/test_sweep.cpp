// Sweeps (issue 18): a grid's rows equal single runs of the same scenarios, do not depend on the thread count,
// and bad specs come back with /sweep paths. Hand-derived figures use one poison message on a standard queue
// with no redrive policy (retention 5 min, a function that always fails in 100 ms): SQS redelivers it each
// time its visibility timeout V ends (SQS developer guide, "Amazon SQS visibility timeout"), so it is received
// at 0, V, 2V, ... while younger than the retention period, then expires ("message retention period").
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "compare/run_compare.hpp"
#include "engine/engine.hpp"
#include "scenario/scenario_compare.hpp"
#include "scenario/share_link.hpp"
#include "scenario/sweep_spec.hpp"
#include "sweep/sweep.hpp"

namespace pg::sweep::test {

namespace {

const char* const kPoison = R"({"version": 1, "name": "poison", "seed": 1, "run_for": "6m",
  "nodes": [
    {"id": "orders", "type": "sqs", "visibility_timeout": "40s", "retention": "5m",
     "traffic": {"messages": 1, "body": "poison"}},
    {"id": "process", "type": "function", "timeout": "3s", "duration": "100ms", "cold_start": "0s",
     "behavior": [{"when": {"body_contains": "poison"}, "then": "error"}]}
  ],
  "edges": [{"from": "orders", "to": "process", "batch_size": 1}]})";

sim::Scenario parse(const std::string& text) {
    const scenario::ParseResult parsed = scenario::parseScenario(text);
    REQUIRE_MESSAGE(parsed.ok(), scenario::formatErrors(parsed.errors));
    return parsed.scenario;
}

std::string readFile(const std::string& relative) {
    std::ifstream in(std::string(PG_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

scenario::SweepSpec spec(std::vector<scenario::SweepAxis> axes, int seeds = 1) {
    scenario::SweepSpec s;
    s.axes = std::move(axes);
    s.seeds = seeds;
    return s;
}

}  // namespace

TEST_CASE("sweep: redeliveries of a poison message follow the visibility timeout, derived by hand") {
    // Retention 300 s. V = 40 s: received at 0, 40, ..., 280 s -> 8 invocations. V = 70 s: 0, 70, 140, 210,
    // 280 -> 5. V = 110 s: 0, 110, 220 -> 3. Each cell: the message expires (1), nothing succeeds.
    const sim::Scenario base = parse(kPoison);
    const SweepPlan plan = planSweep(base, spec({{"orders.visibility_timeout", {"40s", "70s", "110s"}}}));
    REQUIRE_MESSAGE(plan.ok(), scenario::formatErrors(plan.errors));
    const std::vector<SweepRow> rows = runSweep(plan, 1);
    REQUIRE(rows.size() == 3);
    const std::int64_t expected[] = {8, 5, 3};
    for (std::size_t i = 0; i < 3; ++i) {
        CAPTURE(i);
        CHECK(rows[i].invocations == expected[i]);
        CHECK(rows[i].errors == expected[i]);
        CHECK(rows[i].expired == 1);
        CHECK(rows[i].succeeded == 0);
        CHECK(rows[i].deadLettered == 0);
        CHECK(!rows[i].p50Seconds.has_value());  // no item succeeded: no latency sample
    }
    CHECK(rows[1].values == std::vector<std::string>{"70s"});
}

TEST_CASE("sweep: each row equals a single run of the same scenario edited by hand") {
    // The preset's 2 x 3 grid: batch size x visibility timeout. Each cell is rebuilt here without the sweep
    // code (fields set directly on the config) and run alone; the row must hold the same numbers.
    const sim::Scenario base = parse(readFile("assets/scenarios/sqs_no_redrive.json"));
    const SweepPlan plan = planSweep(
        base, spec({{"orders->process.batch_size", {"1", "5"}}, {"orders.visibility_timeout", {"10s", "30s", "60s"}}}));
    REQUIRE_MESSAGE(plan.ok(), scenario::formatErrors(plan.errors));
    REQUIRE(plan.cells.size() == 6);
    const std::vector<SweepRow> rows = runSweep(plan, 2);
    const int batch[] = {1, 5};
    const sim::SimTime visibility[] = {10 * sim::kSecond, 30 * sim::kSecond, 60 * sim::kSecond};
    for (std::size_t i = 0; i < 6; ++i) {
        CAPTURE(i);
        sim::Scenario s = base;
        s.edges[0].batchSize = batch[i / 3];
        s.nodes[0].queue.visibilityTimeout = visibility[i % 3];
        sim::EngineOptions options;
        options.storeTrace = true;
        options.keepFinishedItems = true;
        sim::Engine engine(s, options);
        engine.runUntil(s.runFor);
        const compare::RunStats alone = compare::collectRunStats(engine);
        auto outcome = [&](sim::ItemOutcome o) { return alone.totals.outcomes[static_cast<std::size_t>(o)]; };
        CHECK(rows[i].expired == outcome(sim::ItemOutcome::Expired));
        CHECK(rows[i].succeeded == outcome(sim::ItemOutcome::Succeeded));
        CHECK(rows[i].invocations == alone.counters[1].invocations);
        CHECK(rows[i].errors == alone.counters[1].errors);
        CHECK(rows[i].p99Seconds == alone.p99Seconds);
        CHECK(rows[i].costUsd == alone.cost.totalUsd);
        // And by hand: 20 messages, only order-13 fails, no redrive -> 19 succeed, 1 expires after 10 min.
        CHECK(rows[i].succeeded == 19);
        CHECK(rows[i].expired == 1);
    }
    // The poison message is redelivered each visibility timeout for 10 minutes: a longer timeout, fewer errors.
    CHECK(rows[0].errors > rows[1].errors);
    CHECK(rows[1].errors > rows[2].errors);
}

TEST_CASE("sweep: --jobs 1 and --jobs N give the same rows, seeds included") {
    const sim::Scenario base = parse(readFile("assets/scenarios/sqs_no_redrive.json"));
    const SweepPlan plan = planSweep(base, spec({{"orders.traffic.rate_per_second", {"1:4:1"}}}, 3));
    REQUIRE_MESSAGE(plan.ok(), scenario::formatErrors(plan.errors));
    REQUIRE(plan.cells.size() == 12);  // 1, 2, 3, 4 messages per second x seeds 7, 8, 9
    CHECK(plan.cells[1].seed == base.seed + 1);
    const std::string one = rowsCsv(plan, runSweep(plan, 1));
    CHECK(one == rowsCsv(plan, runSweep(plan, 4)));
    CHECK(one == rowsCsv(plan, runSweep(plan, 0)));
    CHECK(rowsJson(plan, runSweep(plan, 1)) == rowsJson(plan, runSweep(plan, 3)));
}

TEST_CASE("sweep: ranges expand in the setting's unit") {
    const sim::Scenario base = parse(kPoison);
    const SweepPlan plan =
        planSweep(base, spec({{"orders.visibility_timeout", {"30s:90s:30s"}}, {"process.memory", {"128:384:128"}}}));
    REQUIRE_MESSAGE(plan.ok(), scenario::formatErrors(plan.errors));
    CHECK(plan.axes[0].values == std::vector<std::string>{"30s", "1m", "90s"});
    CHECK(plan.axes[1].values == std::vector<std::string>{"128", "256", "384"});
    CHECK(plan.cells.size() == 9);
}

TEST_CASE("sweep: values are read as the file format reads them, numbers of seconds and -1 included") {
    // A file's sweep may list durations as JSON numbers of seconds, as the format's durations are: 40, 70 and
    // 110 s are the first test's cells (8, 5 and 3 invocations), written back in canonical text.
    const sim::Scenario base = parse(kPoison);
    const scenario::SweepParse file = scenario::parseSweepSection(
        R"({"version": 1, "nodes": [], "sweep": {"axes": [{"set": "orders.visibility_timeout", "values": [40, 70, 110]}]}})");
    REQUIRE(file.errors.empty());
    const SweepPlan plan = planSweep(base, file.spec);
    REQUIRE_MESSAGE(plan.ok(), scenario::formatErrors(plan.errors));
    CHECK(plan.axes[0].values == std::vector<std::string>{"40s", "70s", "110s"});
    const std::vector<SweepRow> rows = runSweep(plan, 1);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].invocations == 8);
    CHECK(rows[1].invocations == 5);
    CHECK(rows[2].invocations == 3);

    // maximum_record_age documents -1 ("no limit"), as a file may say it; 60 s is its documented minimum.
    const sim::Scenario stream = parse(readFile("assets/scenarios/kinesis_poison_pill.json"));
    const SweepPlan age = planSweep(
        stream, spec({{stream.edges[0].from + "->" + stream.edges[0].to + ".maximum_record_age", {"-1", "60"}}}));
    REQUIRE_MESSAGE(age.ok(), scenario::formatErrors(age.errors));
    CHECK(age.axes[0].values == std::vector<std::string>{"-1", "1m"});
    CHECK(age.cells[0].scenario.edges[0].maximumRecordAge == -1);
    CHECK(age.cells[1].scenario.edges[0].maximumRecordAge == 60 * sim::kSecond);

    // A boolean is true or false, as in a file; the inspector reads "1" the same way (one parser).
    const scenario::SweepSpec one = spec({{"orders->process.report_batch_item_failures", {"true", "1"}}});
    const SweepPlan refused = planSweep(base, one);
    REQUIRE(!refused.ok());
    CHECK(refused.errors[0].path == "/sweep/axes/0/values/1");
    CHECK(refused.errors[0].message == "orders->process.report_batch_item_failures: \"1\" is not true or false");
}

TEST_CASE("sweep: spec errors name their /sweep path") {
    const sim::Scenario base = parse(kPoison);
    auto firstError = [&](const scenario::SweepSpec& s) {
        const SweepPlan p = planSweep(base, s);
        REQUIRE(!p.ok());
        return p.errors.front();
    };
    CHECK(firstError(spec({{"nosuch.timeout", {"1s"}}})).path == "/sweep/axes/0/set");
    CHECK(firstError(spec({{"orders.no_such_key", {"1"}}})).path == "/sweep/axes/0/set");
    // The SQS visibility timeout is at most 12 hours (SQS quotas): 13h is out of range.
    const scenario::ScenarioError range = firstError(spec({{"orders.visibility_timeout", {"30s", "13h"}}}));
    CHECK(range.path == "/sweep/axes/0/values/1");
    CHECK(range.message.find("/nodes/0/visibility_timeout") != std::string::npos);
    CHECK(firstError(spec({{"orders->process.batch_size", {"five"}}})).path == "/sweep/axes/0/values/0");
    CHECK(firstError(spec({{"orders.visibility_timeout", {"1s:2s"}}})).path == "/sweep/axes/0/values/0");
    // 401 runs: over the cap of 400.
    CHECK(firstError(spec({{"process.memory", {"128:528:1"}}})).path == "/sweep/axes/0/values/0");
    CHECK(firstError(spec({{"process.memory", {"128:327:1"}}}, 3)).path == "/sweep");  // 200 x 3 = 600 runs
    CHECK(!parseSetArgument("orders.visibility_timeout", nullptr));
    CHECK(!parseSetArgument("orders.visibility_timeout=1s,,2s", nullptr));
    const auto axis = parseSetArgument("orders->process.batch_size=1,5,10", nullptr);
    REQUIRE(axis);
    CHECK(axis->target == "orders->process.batch_size");
    CHECK(axis->values == std::vector<std::string>{"1", "5", "10"});
}

TEST_CASE("sweep: the file's and the link's \"sweep\" key round-trips, its shape errors carry JSON paths") {
    const sim::Scenario base = parse(kPoison);
    const scenario::SweepSpec s = [] {
        scenario::SweepSpec x =
            spec({{"orders->process.batch_size", {"1", "5"}}, {"orders.visibility_timeout", {"30s", "1m"}}}, 2);
        x.outcome = "expired";
        return x;
    }();
    const std::string text = scenario::writeScenarioWithSweep(base, s);
    CHECK(text.find("\"sweep\"") != std::string::npos);
    CHECK(scenario::firstDifference(parse(text), base).empty());  // the reader accepts and ignores the key
    const scenario::SweepParse back = scenario::parseSweepSection(text);
    CHECK(back.hasSweep);
    CHECK(back.errors.empty());
    CHECK(back.spec == s);
    const scenario::DecodedShareLink link = scenario::decodeShareLink(scenario::encodeShareLinkWithSweep(base, s));
    REQUIRE(link.ok());
    CHECK(link.sweep.hasSweep);
    CHECK(link.sweep.spec == s);
    CHECK(!scenario::decodeShareLink(scenario::encodeShareLink(base)).sweep.hasSweep);

    auto errorsOf = [](const std::string& sweepJson) {
        return scenario::parseSweepSection(R"({"version": 1, "nodes": [], "sweep": )" + sweepJson + "}").errors;
    };
    CHECK(errorsOf("[]").at(0).path == "/sweep");
    CHECK(errorsOf("{}").at(0).path == "/sweep/axes");
    CHECK(errorsOf(R"({"axes": [{"set": "a.b"}]})").at(0).path == "/sweep/axes/0/values");
    CHECK(errorsOf(R"({"axes": [{"set": "a.b", "values": [1, {}]}]})").at(0).path == "/sweep/axes/0/values/1");
    CHECK(errorsOf(R"({"axes": [{"set": "a.b", "values": [1]}], "seeds": 0})").at(0).path == "/sweep/seeds");
    CHECK(errorsOf(R"({"axes": [{"set": "a.b", "values": [1]}], "colour": 1})").at(0).path == "/sweep/colour");
}

}  // namespace pg::sweep::test

// Warnings computed from a scenario and its run (src/ui/warnings.cpp), natively: the SQS loop without a
// redrive policy (FIDELITY 8 item 1) appears once a message keeps failing and disappears with a redrive
// policy.
#include <algorithm>

#include "scenario/scenario_json.hpp"
#include "ui/warnings.hpp"
#include "ui_test_helpers.hpp"

using namespace pg;
using namespace pg::sim;
using namespace pg::ui;
using namespace pg::ui::test;

namespace {

std::vector<Warning> warningsOfKind(const Engine& engine, const std::string& kind) {
    std::vector<Warning> out;
    for (const Warning& w : computeWarnings(engine))
        if (kind == w.kind)
            out.push_back(w);
    return out;
}

/// The item whose body is "order-13" in the preset: orders#13, the one its function fails on.
std::uint32_t poisonItem(const Engine& engine) {
    for (std::uint32_t i = 0; i < engine.items().size(); ++i)
        if (engine.itemId(i) == "orders#13")
            return i;
    return kNone;
}

} // namespace

TEST_CASE("warnings: a failing SQS message without a redrive policy is reported as looping") {
    const Scenario s = loadPreset("sqs_no_redrive");
    Engine engine(s);
    // Until the third receive the message is only being retried: no loop warning yet.
    engine.runUntil([](const Engine& e) {
        for (std::uint32_t i = 0; i < e.items().size(); ++i)
            if (e.itemId(i) == "orders#13")
                return e.items()[i].attempts >= kLoopReceives - 1;
        return false;
    });
    const std::uint32_t item = poisonItem(engine);
    REQUIRE(item != kNone);
    CHECK(engine.items()[item].attempts == kLoopReceives - 1);
    CHECK(warningsOfKind(engine, "sqs_no_redrive_loop").empty());

    engine.runUntil(s.runFor);
    CHECK(engine.items()[item].attempts >= kLoopReceives);
    const std::vector<Warning> loops = warningsOfKind(engine, "sqs_no_redrive_loop");
    REQUIRE(loops.size() == 1); // only orders#13 fails; the other 19 messages succeed at once
    CHECK(loops[0].node == "orders");
    CHECK(loops[0].item == item);
    CHECK(loops[0].title == "orders#13 received " + std::to_string(engine.items()[item].attempts) + " times");
    CHECK(loops[0].text.find("`orders` has no redrive policy") == 0);
}

TEST_CASE("warnings: the SQS loop warning states the loop's cost so far and per day") {
    // One poison message, visibility 40 s, a 100 ms function at 128 MB: by t = 120 s it was received at 0, 40 and
    // 80 s. One receive costs an SQS request $0.40/1e6 (https://aws.amazon.com/sqs/pricing/) + a Lambda request
    // $0.20/1e6 + 0.125 GB x 0.1 s = 0.0125 GB-s x $0.0000166667 (https://aws.amazon.com/lambda/pricing/)
    // = 0.0000004 + 0.0000002 + 0.000000208333 = 0.000000808333. Three: 0.000002425 -> "$0.0000024".
    // One every 40 s is 2,160 a day: 0.001746 -> "$0.0017".
    const char* text = R"({"version": 1, "name": "loop", "seed": 1, "run_for": "2m",
      "nodes": [{"id": "orders", "type": "sqs", "visibility_timeout": "40s", "retention": "5m",
                 "traffic": {"messages": 1, "body": "poison"}},
                {"id": "process", "type": "function", "duration": "100ms", "cold_start": "0s",
                 "behavior": [{"when": {"body_contains": "poison"}, "then": "error"}]}],
      "edges": [{"from": "orders", "to": "process", "batch_size": 1}]})";
    const scenario::ParseResult parsed = scenario::parseScenario(text);
    REQUIRE_MESSAGE(parsed.ok(), scenario::formatErrors(parsed.errors));
    Engine engine(parsed.scenario);
    engine.runUntil(parsed.scenario.runFor);
    const std::vector<Warning> loops = warningsOfKind(engine, "sqs_no_redrive_loop");
    REQUIRE(loops.size() == 1);
    const std::string cost = " Its 3 receives have cost $0.0000024 so far (SQS and Lambda requests, Lambda "
                             "GB-seconds); at its rate of one receive every 40 s that is $0.0017 a day.";
    CHECK(loops[0].text.size() > cost.size());
    CHECK(loops[0].text.substr(loops[0].text.size() - cost.size()) == cost);
}

TEST_CASE("warnings: the loop warning disappears once the queue has a redrive policy") {
    Scenario s = loadPreset("sqs_no_redrive");
    Node dlq;
    dlq.id = "orders-dlq";
    dlq.type = NodeType::Sqs;
    s.nodes.push_back(dlq);
    Redrive redrive;
    redrive.deadLetterQueue = "orders-dlq";
    redrive.maxReceiveCount = kLoopReceives;
    s.nodes[static_cast<std::size_t>(nodeAt(s, "orders"))].queue.redrive = redrive;
    REQUIRE(scenario::validate(s).empty());

    Engine engine(s);
    engine.runUntil(s.runFor);
    const std::uint32_t item = poisonItem(engine);
    REQUIRE(item != kNone);
    // The message still fails on every receive, but now it is moved to the DLQ instead of looping.
    CHECK(engine.items()[item].attempts == static_cast<std::uint32_t>(kLoopReceives));
    CHECK(engine.items()[item].endedIn == engine.nodeIndex("orders-dlq"));
    CHECK(warningsOfKind(engine, "sqs_no_redrive_loop").empty());
    CHECK(computeWarnings(engine).empty());
}

// Several mappings on one queue compete and several on one stream each read every record (FIDELITY 10,
// https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html, DG-KIN-2022), and an async source delivers to
// every subscribed function (fan-out); a sync source with a second function fails validation. The engine models
// all of these, so there is no "only the first wire is simulated" warning any more.
TEST_CASE("warnings: a second mapping on a queue or stream and a second SNS subscriber are modelled") {
    const char* text = R"({"version": 1, "name": "wires", "run_for": "1m",
      "nodes": [
        {"id": "orders", "type": "sqs", "traffic": {"messages": 4, "rate_per_second": 1}},
        {"id": "clicks", "type": "kinesis", "traffic": {"records": 4, "rate_per_second": 1}},
        {"id": "topic", "type": "sns", "traffic": {"events": 4, "rate_per_second": 1}},
        {"id": "a", "type": "function"}, {"id": "b", "type": "function"}],
      "edges": [{"from": "orders", "to": "a"}, {"from": "orders", "to": "b"},
                {"from": "clicks", "to": "a"}, {"from": "clicks", "to": "b"},
                {"from": "topic", "to": "a"}, {"from": "topic", "to": "b"}]})";
    const scenario::ParseResult parsed = scenario::parseScenario(text);
    REQUIRE_MESSAGE(parsed.ok(), scenario::formatErrors(parsed.errors));
    Engine engine(parsed.scenario);
    engine.runUntil(parsed.scenario.runFor);
    const std::vector<Warning> wires = warningsOfKind(engine, "first_target_only");
    CHECK(wires.empty());
    // Both consumers of the queue, both mappings of the stream and both subscribers of the topic were invoked.
    CHECK(engine.counters(static_cast<std::uint32_t>(nodeAt(parsed.scenario, "b"))).invocations > 0);
}

TEST_CASE("warnings: a destination loop through EventBridge is flagged as one nothing stops") {
    // AWS DG invocation-recursion (https://docs.aws.amazon.com/lambda/latest/dg/invocation-recursion.html): Lambda
    // detects loops between functions, SQS, S3 and SNS only; "When another AWS service ... forms part of the loop,
    // Lambda can't currently detect and stop it."
    const char* text = R"({"version": 1, "name": "loops", "run_for": "2s",
      "nodes": [
        {"id": "bus", "type": "eventbridge", "traffic": {"events": 1}},
        {"id": "topic", "type": "sns", "traffic": {"events": 1}},
        {"id": "router", "type": "function", "async": {"on_success": "bus"}},
        {"id": "relay", "type": "function", "async": {"on_success": "topic"}}],
      "edges": [{"from": "bus", "to": "router"}, {"from": "topic", "to": "relay"}]})";
    const scenario::ParseResult parsed = scenario::parseScenario(text);
    REQUIRE_MESSAGE(parsed.ok(), scenario::formatErrors(parsed.errors));
    Engine engine(parsed.scenario);
    engine.runUntil(parsed.scenario.runFor);
    const std::vector<Warning> loops = warningsOfKind(engine, "recursive_loop");
    REQUIRE(loops.size() == 2);
    const auto about = [&](const std::string& fn) {
        return std::find_if(loops.begin(), loops.end(),
                            [&](const Warning& w) { return w.text.find("`" + fn + "` sends") == 0; });
    };
    REQUIRE(about("router") != loops.end());
    REQUIRE(about("relay") != loops.end());
    CHECK(about("router")->text.find("nothing stops a loop through `eventbridge`") != std::string::npos);
    CHECK(about("relay")->text.find("stops such loops after about 16 round trips") != std::string::npos);
}

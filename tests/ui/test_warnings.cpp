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

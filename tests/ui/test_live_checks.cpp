// LiveChecks (src/ui/live_checks.cpp) when the page defers its invariant pass out of the frame (issue 21): a
// check that falls due while the run moves waits for runDeferred(), which checks the engine as it is then; a
// run that stopped is checked in pieces, one per runDeferred(), with the full check's findings, and started
// over if it moves in between; a check meant for a replaced engine is dropped.
#include <fstream>
#include <sstream>

#include "scenario/scenario_json.hpp"
#include "ui/live_checks.hpp"
#include "ui_test_helpers.hpp"

using namespace pg;
using namespace pg::sim;
using namespace pg::ui;
using namespace pg::ui::test;

namespace {
sim::Scenario loadBenchScenario(const std::string& name) {
    std::ifstream in(std::string(PG_SOURCE_DIR) + "/bench/" + name + ".json", std::ios::binary);
    REQUIRE(static_cast<bool>(in));
    std::stringstream text;
    text << in.rdbuf();
    const scenario::ParseResult parsed = scenario::parseScenario(text.str());
    REQUIRE(parsed.ok());
    return parsed.scenario;
}

void stepTimes(Engine& engine, int n) {
    for (int i = 0; i < n; ++i) REQUIRE(engine.step());
}
}  // namespace

TEST_CASE("live checks: without deferral the first update of a moving run checks at once") {
    Engine engine(loadPreset("sqs_with_redrive"));
    stepTimes(engine, 5);
    LiveChecks live;
    live.update(engine, 1, 0.016);
    CHECK(live.checked());
    CHECK(live.checkedStep() == engine.stepCount());
    CHECK_FALSE(live.deferredDue());
    CHECK(live.problems().empty());
}

TEST_CASE("live checks: deferred while playing, run between frames on the engine as it is then") {
    Engine engine(loadPreset("sqs_with_redrive"));
    LiveChecks live;
    live.setDeferWhilePlaying(true);
    stepTimes(engine, 5);
    // A new engine is due for a check at once (kCheckEvery already elapsed); it moved since the last update
    // (there was none), so the check is left for runDeferred.
    live.update(engine, 1, 0.016);
    CHECK_FALSE(live.checked());
    CHECK(live.deferredDue());
    // The page's task runs after the frame; the engine may have moved on by then: it checks that step.
    stepTimes(engine, 3);
    live.runDeferred(engine, 1);
    CHECK(live.checked());
    CHECK_FALSE(live.deferredDue());
    CHECK(live.checkedStep() == engine.stepCount());
    CHECK(live.problems().empty());

    // 0.3 s later (under kCheckEvery = 0.5 s) nothing is due; at 0.6 s it is again.
    stepTimes(engine, 2);
    live.update(engine, 1, 0.3);
    CHECK_FALSE(live.deferredDue());
    stepTimes(engine, 2);
    live.update(engine, 1, 0.3);
    CHECK(live.deferredDue());
    const std::uint64_t before = live.checkedStep();
    CHECK(before != engine.stepCount());
    live.runDeferred(engine, 1);
    CHECK(live.checkedStep() == engine.stepCount());
}

TEST_CASE("live checks: a stopped run is checked between frames when deferring, with the same findings") {
    Engine engine(loadPreset("sqs_with_redrive"));
    LiveChecks live;
    live.setDeferWhilePlaying(true);
    stepTimes(engine, 4);
    live.update(engine, 1, 0.016);  // moving (first sight): deferred
    CHECK(live.deferredDue());
    live.update(engine, 1, 0.016);  // same step: the run stopped; still left for the page's tasks
    CHECK_FALSE(live.checked());
    CHECK(live.deferredDue());
    CHECK_FALSE(live.checkDue(1.0));  // nothing is checked inside a frame when deferring
    int tasks = 1;
    while (live.runDeferred(engine, 1)) ++tasks;
    // A small run: fewer than kScanPiece items, deliveries and queue entries in all, so one piece and one task
    // for everything but the four modes' own checks, which take a task each: at most 1 + 4.
    CHECK(tasks <= 5);
    CHECK(live.checked());
    CHECK(live.checkedStep() == engine.stepCount());
    CHECK_FALSE(live.deferredDue());
    CHECK(live.problems() == engine.checkInvariants());
}

TEST_CASE("live checks: the end of a big run is checked in pieces; a move in between starts it over") {
    Engine engine(loadBenchScenario("sqs_poison_100k"));
    engine.runUntil(sim::kNever);
    LiveChecks live;
    live.setDeferWhilePlaying(true);
    live.update(engine, 1, 0.016);  // first sight: deferred as a moving run
    REQUIRE(live.runDeferred(engine, 1) == false);  // a moving run's check is one task
    CHECK(live.checkedStep() == engine.stepCount());

    // The run stops again at another step: here, rewound by two steps and stopped there.
    engine.rewindTo(engine.stepCount() - 2);
    live.update(engine, 1, 0.6);  // moved: due (0.6 s > kCheckEvery), deferred
    REQUIRE(live.deferredDue());
    live.update(engine, 1, 0.016);  // stopped: a scan in pieces
    // 100,000 items in two passes are 200,000 elements: more than 12 pieces of 16,384.
    int tasks = 0;
    bool more = true;
    while (more && tasks < 5) {
        more = live.runDeferred(engine, 1);
        ++tasks;
        live.update(engine, 1, 0.016);  // frames in between: the same unmoved engine keeps the scan
    }
    REQUIRE(more);
    CHECK(live.checkedStep() != engine.stepCount());  // not done yet: the last check's step still shows

    // The engine moves before the last piece: the scan is dropped; once it stops again it starts over, and
    // takes more than one piece again.
    // Here a step while paused (the transport says it does not play): checked in pieces at once.
    engine.step();
    live.setPlaying(false);
    live.update(engine, 1, 0.016);
    REQUIRE(live.deferredDue());
    CHECK(live.checkedStep() != engine.stepCount());
    tasks = 1;
    while (live.runDeferred(engine, 1)) {
        ++tasks;
        live.update(engine, 1, 0.016);
    }
    CHECK(tasks > 5);
    CHECK(live.checked());
    CHECK(live.checkedStep() == engine.stepCount());
    CHECK(live.problems() == engine.checkInvariants());
}

TEST_CASE("live checks: a deferred check of a replaced engine is dropped") {
    Engine engine(loadPreset("sqs_with_redrive"));
    LiveChecks live;
    live.setDeferWhilePlaying(true);
    stepTimes(engine, 4);
    live.update(engine, 1, 0.016);
    REQUIRE(live.deferredDue());
    live.runDeferred(engine, 2);  // build 2 replaced build 1 before the task ran
    CHECK_FALSE(live.checked());
    live.update(engine, 2, 0.016);  // the new build's first update forgets the old one's pending check
    CHECK(live.deferredDue());      // and, moving to this LiveChecks' eyes, defers its own first check
    live.runDeferred(engine, 2);
    CHECK(live.checked());
}

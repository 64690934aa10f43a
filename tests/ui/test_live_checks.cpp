// LiveChecks (src/ui/live_checks.cpp) when the page defers its invariant pass out of the frame (issue 21): a
// check that falls due while the run moves waits for runDeferred(), which checks the engine as it is then; a
// run that stopped is checked at once, as without deferral; a check meant for a replaced engine is dropped.
#include "ui/live_checks.hpp"
#include "ui_test_helpers.hpp"

using namespace pg;
using namespace pg::sim;
using namespace pg::ui;
using namespace pg::ui::test;

namespace {
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

TEST_CASE("live checks: a stopped run is checked at once even when deferring") {
    Engine engine(loadPreset("sqs_with_redrive"));
    LiveChecks live;
    live.setDeferWhilePlaying(true);
    stepTimes(engine, 4);
    live.update(engine, 1, 0.016);  // moving (first sight): deferred
    CHECK(live.deferredDue());
    live.update(engine, 1, 0.016);  // same step: the run stopped, so it is checked in this update
    CHECK(live.checked());
    CHECK(live.checkedStep() == engine.stepCount());
    CHECK_FALSE(live.deferredDue());
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

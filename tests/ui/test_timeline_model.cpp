// The timeline's lanes (src/ui/timeline_model.cpp), natively: the segments of an async event that fails and
// is retried. Documented (FIDELITY 5.1, AWS Lambda DG "Error handling for asynchronous invocation",
// DG-ASYNC-ERR): by default Lambda "attempts to run it two more times, with a one-minute wait between the
// first two attempts, and two minutes between the second and third attempts". The waits run from the end of
// the failed attempt (FIDELITY 7, model choice after LocalStack's event manager).
#include "ui/timeline_model.hpp"
#include "ui_test_helpers.hpp"

using namespace pg;
using namespace pg::sim;
using namespace pg::ui;

namespace {

constexpr SimTime kDuration = 100 * kMillisecond;

/// One S3 event into a function that always fails: 1 attempt + the default 2 retries.
Scenario failingAsyncEvent() {
    Scenario s;
    Node bucket;
    bucket.id = "bucket";
    bucket.type = NodeType::S3;
    bucket.traffic.count = 1;
    Node fn;
    fn.id = "resize";
    fn.type = NodeType::Function;
    fn.function.duration = {kDuration, kDuration};
    BehaviorRule fail;
    fail.then = RuleOutcome::Error;
    fn.function.behavior = {fail};
    s.nodes = {bucket, fn};
    Edge e;
    e.from = "bucket";
    e.to = "resize";
    s.edges = {e};
    return s;
}

} // namespace

TEST_CASE(
    "timeline: a retried async event is three error segments 1 min then 2 min apart, in one environment") {
    const Scenario s = failingAsyncEvent();
    REQUIRE(s.nodes[1].function.async.maxRetryAttempts == 2); // the documented default
    const SimTime cold = s.nodes[1].function.coldStart;
    REQUIRE(cold > 0);
    Engine engine(s);
    engine.runUntil(s.runFor);
    TimelineModel timeline;
    timeline.update(engine, 1);

    REQUIRE(timeline.functions().size() == 1);
    const FunctionLanes& lanes = timeline.functions()[0];
    CHECK(lanes.node == engine.nodeIndex("resize"));
    // The environment stays warm through the waits, so every retry reuses it: one lane.
    REQUIRE(lanes.lanes.size() == 1);
    const std::vector<InvocationSegment>& segments = lanes.lanes[0];
    REQUIRE(segments.size() == 3);
    for (std::size_t i = 0; i < segments.size(); ++i) {
        CAPTURE(i);
        CHECK(segments[i].attempt == i + 1);
        CHECK(segments[i].item == 0);
        CHECK(segments[i].items == 1);
        CHECK(segments[i].result == InvokeResult::Error);
    }
    // Attempt 1 is a cold start: its init comes first, then the handler runs.
    CHECK(segments[0].start == 0);
    CHECK(segments[0].coldEnd == cold);
    CHECK(segments[0].end == cold + kDuration);
    // Retries are warm and wait 1 min, then 2 min, after the failed attempt ended.
    CHECK(segments[1].start == segments[0].end + 1 * kMinute);
    CHECK(segments[1].coldEnd == segments[1].start);
    CHECK(segments[1].end == segments[1].start + kDuration);
    CHECK(segments[2].start == segments[1].end + 2 * kMinute);
    CHECK(segments[2].coldEnd == segments[2].start);
    CHECK(segments[2].end == segments[2].start + kDuration);
    CHECK(engine.items()[0].condition == Condition::RetriesExhausted);
}

TEST_CASE("timeline: a running attempt is an open segment, closed by the next update") {
    const Scenario s = failingAsyncEvent();
    const SimTime cold = s.nodes[1].function.coldStart;
    Engine engine(s);
    TimelineModel timeline;
    // Halfway through the second attempt (the first ends at cold + duration, the retry starts 1 min later).
    const SimTime secondStart = cold + kDuration + kMinute;
    engine.runUntil(secondStart + kDuration / 2);
    timeline.update(engine, 1);
    REQUIRE(timeline.functions().size() == 1);
    REQUIRE(timeline.functions()[0].lanes.size() == 1);
    {
        const std::vector<InvocationSegment>& segments = timeline.functions()[0].lanes[0];
        REQUIRE(segments.size() == 2);
        CHECK(segments[0].end == cold + kDuration);
        CHECK(segments[1].start == secondStart);
        CHECK(segments[1].end == -1);
        CHECK(segments[1].result == InvokeResult::None);
    }
    engine.runUntil(secondStart + kDuration + 1);  // runUntil stops before events at its own time
    timeline.update(engine, 1); // incremental: only the new records
    const std::vector<InvocationSegment>& segments = timeline.functions()[0].lanes[0];
    REQUIRE(segments.size() == 2);
    CHECK(segments[1].end == secondStart + kDuration);
    CHECK(segments[1].result == InvokeResult::Error);
}

TEST_CASE("timeline: a rewound engine is laid out again from its trace") {
    const Scenario s = failingAsyncEvent();
    Engine engine(s);
    TimelineModel timeline;
    engine.runUntil(s.runFor);
    timeline.update(engine, 1);
    REQUIRE(timeline.functions()[0].lanes[0].size() == 3);
    engine.reset();
    engine.runUntil(30 * kSecond);
    timeline.update(engine, 1);
    REQUIRE(timeline.functions()[0].lanes.size() == 1);
    CHECK(timeline.functions()[0].lanes[0].size() == 1);
}

TEST_CASE("timeline: provisioned environments are flagged lanes, warm from the first attempt (DG-PC)") {
    // https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html: provisioned concurrency is
    // pre-initialised environments. One provisioned environment, three S3 events at once each running 100 ms:
    // the first runs warm on the provisioned lane 0, the other two start cold on on-demand lanes 1 and 2.
    Scenario s = failingAsyncEvent();
    s.nodes[0].traffic.count = 3;
    s.nodes[0].traffic.ratePerSecond = 100000.0;
    s.nodes[1].function.behavior.clear();
    s.nodes[1].function.provisionedConcurrency = 1;
    Engine engine(s);
    engine.runUntil(s.runFor);
    TimelineModel timeline;
    timeline.update(engine, 1);
    REQUIRE(timeline.functions().size() == 1);
    const FunctionLanes& lanes = timeline.functions()[0];
    REQUIRE(lanes.lanes.size() == 3);
    CHECK(lanes.provisionedLane(0));
    CHECK_FALSE(lanes.provisionedLane(1));
    CHECK_FALSE(lanes.provisionedLane(2));
    REQUIRE(lanes.lanes[0].size() == 1);
    CHECK(lanes.lanes[0][0].coldEnd == lanes.lanes[0][0].start);  // no init on the provisioned environment
    CHECK(lanes.lanes[1][0].coldEnd > lanes.lanes[1][0].start);   // cold on demand
}

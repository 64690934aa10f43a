// Tumbling windows on Kinesis and DynamoDB stream mappings (FIDELITY 6.3 TumblingWindowInSeconds row; AWS DG
// with-kinesis "Time windows": boundaries by record arrival, state carried across a window's invocations, one
// final invoke per window per shard that must succeed, state over 1 MB ends the window early). Alignment and the
// empty final invoke are model choice stream_tumbling_window. Invariants checked after every step.
#include <nlohmann/json.hpp>

#include "scenario/delivered_record_json.hpp"
#include "test_helpers.hpp"

using namespace pg::sim;
using namespace pg::sim::test;

namespace {

Edge windowed(const std::string& from, const std::string& to, SimTime window) {
    Edge e;
    e.from = from;
    e.to = to;
    e.batchSize = 100;
    e.tumblingWindow = window;
    return e;
}

struct FinalInvoke {
    SimTime start = -1, end = -1;
    std::string item;
    bool early = false;
    InvokeResult result = InvokeResult::None;
};

/// The final invokes in trace order: a WindowFinal record with outcome 0 starts one, the next one ends it.
std::vector<FinalInvoke> finalInvokes(const Engine& e) {
    std::vector<FinalInvoke> out;
    for (const TraceRecord& r : e.trace().records()) {
        if (r.kind != TraceKind::WindowFinal) continue;
        if (r.outcome == 0) {
            out.push_back({r.time, -1, e.itemId(r.item), r.detail == 1, InvokeResult::None});
        } else {
            REQUIRE(!out.empty());
            out.back().end = r.time;
            out.back().result = static_cast<InvokeResult>(r.outcome);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("FIDELITY 6.3 tumbling window: a window's records in several invocations, then one final invoke") {
    // One record per second from 0 s; Kinesis polls once per second (model choice stream_poll_ticks: the 1 s
    // poll reads #1; #2, arriving at that tick, is read right after [#1] ends). Window 10 s: records #1..#10
    // (arrivals 0..9 s) are window [0, 10), invoked in 10 batches up to 9.1 s.
    Node ks = sourceNode("ks", NodeType::Kinesis, 12, 1.0);
    Engine e(build({ks, functionNode("f")}, {windowed("ks", "f", 10 * kSecond)}));
    runChecked(e);
    const auto finals = finalInvokes(e);
    REQUIRE(finals.size() == 2);
    // Window [0, 10): after its last batch [#10] (9.1-9.2 s) the final invoke runs at the poll tick at its end,
    // 10 s. #11 (arrived at 10 s: window [10, 20)) waits for it and is read at the next tick, 11 s, with #12.
    CHECK(finals[0].start == 10 * kSecond);
    CHECK(finals[0].end == 10100 * kMillisecond);
    CHECK(finals[0].item == "ks#10");
    CHECK(finals[0].result == InvokeResult::Success);
    CHECK_FALSE(finals[0].early);
    CHECK(attemptSeconds(e, itemNamed(e, "ks#11")) == std::vector<double>{11.0});
    CHECK(attemptSeconds(e, itemNamed(e, "ks#12")) == std::vector<double>{11.0});
    // Window [10, 20): the final invoke at the first poll tick at or after 20 s.
    CHECK(finals[1].start == 20 * kSecond);
    CHECK(finals[1].item == "ks#12");
    CHECK(countersOf(e, "f").invocations == 10 + 1 + 1 + 1);
    for (std::uint32_t i = 0; i < e.items().size(); ++i) CHECK(e.items()[i].outcome == ItemOutcome::Succeeded);
    const auto view = e.streamView(e.nodeIndex("ks"));
    REQUIRE(view);
    REQUIRE(view->lanes.size() == 1);
    CHECK(view->lanes[0].windowsClosed == 2);
    CHECK(view->lanes[0].windowStart == -1);  // no window open after the last final invoke
}

TEST_CASE("FIDELITY 6.3 tumbling window: the UI view shows the open window and the records in its state") {
    Node ks = sourceNode("ks", NodeType::Kinesis, 3, 1.0);
    Engine e(build({ks, functionNode("f")}, {windowed("ks", "f", 60 * kSecond)}));
    runChecked(e, 30 * kSecond);
    const auto view = e.streamView(e.nodeIndex("ks"));
    REQUIRE(view);
    const StreamLaneView& lane = view->lanes[0];
    CHECK(lane.windowStart == 0);
    CHECK(lane.windowEnd == 60 * kSecond);
    CHECK(lane.windowRecords == 3);
    CHECK_FALSE(lane.finalInvoke);  // waiting for the window's end is not a pending final invoke
    runChecked(e);
    CHECK(finalInvokes(e).size() == 1);
    CHECK(finalInvokes(e)[0].start == 60 * kSecond);
}

TEST_CASE("FIDELITY 6.3: with a tumbling window a response without state is a failed invocation") {
    Node fn = functionNode("f");
    fn.function.behavior = {rule(RuleOutcome::MissingState, itemIs("ks#1"))};
    Edge edge = windowed("ks", "f", 10 * kSecond);
    edge.maximumRetryAttempts = 1;
    edge.onFailure = "dest";
    SUBCASE("tumbling window on: retried, then discarded with functionError null") {
        Engine e(build({sourceNode("ks", NodeType::Kinesis, 1), fn, plainNode("dest", NodeType::Sqs)}, {edge}));
        runChecked(e);
        CHECK(e.items()[0].attempts == 2);
        CHECK(e.items()[0].outcome == ItemOutcome::SentToDestination);
        REQUIRE(e.deliveries().size() == 1);
        const auto r = nlohmann::json::parse(pg::scenario::deliveredRecordJson(e, e.deliveries()[0]));
        CHECK(r["requestContext"]["approximateInvokeCount"] == 2);
        CHECK(r["responseContext"]["functionError"].is_null());
        CHECK(countersOf(e, "f").rejectedResponses == 2);
        CHECK(finalInvokes(e).size() == 1);  // the window still closes with its final invoke
    }
    SUBCASE("no tumbling window: `state` is not required") {
        edge.tumblingWindow = 0;
        Engine e(build({sourceNode("ks", NodeType::Kinesis, 1), fn, plainNode("dest", NodeType::Sqs)}, {edge}));
        runChecked(e);
        CHECK(e.items()[0].attempts == 1);
        CHECK(e.items()[0].outcome == ItemOutcome::Succeeded);
        CHECK(finalInvokes(e).empty());
    }
}

TEST_CASE("FIDELITY 6.3: state over 1 MB per shard terminates the window early, then it goes on fresh") {
    // 600,000 bytes per record: after 2 records the state (1.2 MB) is over the limit, so the next invoke is a
    // final one flagged early; the window continues with a fresh state and still closes at its end.
    Node ks = sourceNode("ks", NodeType::Kinesis, 4, 1.0);
    Edge edge = windowed("ks", "f", 10 * kSecond);
    edge.windowStateBytesPerRecord = 600000;
    Engine e(build({ks, functionNode("f")}, {edge}));
    runChecked(e);
    const auto finals = finalInvokes(e);
    REQUIRE(finals.size() == 3);
    CHECK(finals[0].early);
    CHECK(finals[0].start == 1200 * kMillisecond);  // right after [#2] (1.1-1.2 s) ends
    CHECK(finals[0].item == "ks#2");
    CHECK(finals[1].early);
    CHECK(finals[1].start == 3200 * kMillisecond);  // [#3] at 3 s, [#4] 3.1-3.2 s
    CHECK(finals[1].item == "ks#4");
    CHECK_FALSE(finals[2].early);
    CHECK(finals[2].start == 10 * kSecond);
    CHECK(countersOf(e, "f").invocations == 4 + 3);
}

TEST_CASE("FIDELITY 6.3: a failing final invoke blocks the shard and is retried (model: up to MaximumRetryAttempts)") {
    // Every invocation times out (duration 2 s, timeout 1 s): the batch [#1] is discarded after 1 + 2 tries, the
    // window's final invoke is tried 3 times too, then its state is dropped and #2 (next window) is read.
    Node fn = functionNode("f", 2 * kSecond, 1 * kSecond);
    Node ks = sourceNode("ks", NodeType::Kinesis, 2, 0.1);  // #1 at 0 s, #2 at 10 s
    Edge edge = windowed("ks", "f", 5 * kSecond);
    edge.maximumRetryAttempts = 2;
    Engine e(build({ks, fn}, {edge}));
    runChecked(e);
    const auto finals = finalInvokes(e);
    REQUIRE(finals.size() == 6);  // window [0, 5): 3 tries; window [10, 15): 3 tries
    for (const FinalInvoke& f : finals) CHECK(f.result == InvokeResult::Timeout);
    CHECK(finals[0].item == "ks#1");
    CHECK(finals[3].item == "ks#2");
    const std::vector<double> t2 = attemptSeconds(e, itemNamed(e, "ks#2"));
    REQUIRE(!t2.empty());
    CHECK(t2[0] > toSeconds(finals[2].end));  // #2 waited for the last try of window [0, 5)'s final invoke
    const auto view = e.streamView(e.nodeIndex("ks"));
    CHECK(view->lanes[0].windowsClosed == 0);
}

TEST_CASE("FIDELITY 6.4 + 6.3: DynamoDB Streams final invoke at the first 250 ms poll tick at or after the end") {
    Node ddb = sourceNode("ddb", NodeType::DynamoDbStream, 1, 1.0, 100 * kMillisecond);
    Engine e(build({ddb, functionNode("f")}, {windowed("ddb", "f", 1 * kSecond)}));
    runChecked(e);
    CHECK(attemptSeconds(e, 0) == std::vector<double>{0.25});
    const auto finals = finalInvokes(e);
    REQUIRE(finals.size() == 1);
    CHECK(finals[0].start == 1 * kSecond);
}

TEST_CASE("tumbling window off: no final invokes, the same trace as before") {
    Node ks = sourceNode("ks", NodeType::Kinesis, 20, 3.0);
    Engine a(build({ks, functionNode("f")}, {windowed("ks", "f", 0)}));
    runChecked(a);
    CHECK(finalInvokes(a).empty());
    CHECK(countersOf(a, "f").invocations > 0);
}

TEST_CASE("tumbling window: a final invoke throttled past MaximumRecordAge is given up (model choice)") {
    // Reserved concurrency 0: every invoke is throttled (throttles are not retries, FIDELITY 6.3). The record is
    // discarded once older than MaximumRecordAge (60 s); the window [0, 10)'s final invoke is then throttled
    // too and given up once the window's end is more than 60 s old, so the shard goes idle.
    Node fn = functionNode("f");
    fn.function.reservedConcurrency = 0;
    Edge edge = windowed("ks", "f", 10 * kSecond);
    edge.maximumRecordAge = 60 * kSecond;
    Engine e(build({sourceNode("ks", NodeType::Kinesis, 1), fn}, {edge}));
    runChecked(e);
    CHECK(e.idle());
    CHECK(e.items()[0].outcome == ItemOutcome::Expired);  // RecordAgeExceeded, no on-failure destination
    CHECK(finalInvokes(e).empty());                         // never started: every try was throttled
    CHECK(countersOf(e, "f").invocations == 0);
    CHECK(e.now() > 70 * kSecond);
    const auto view = e.streamView(e.nodeIndex("ks"));
    CHECK(view->lanes[0].windowsClosed == 0);
    CHECK(view->lanes[0].windowStart == -1);
}

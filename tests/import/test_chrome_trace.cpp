// --trace-format chrome: the Trace Event Format file parsed back with a JSON parser and checked event by event
// against the engine's own trace (each invocation's start, end and track; each async dwell and SQS visibility
// wait; each counter sample against the engine's per-second metrics).
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "import/chrome_trace.hpp"
#include "import_test_helpers.hpp"

namespace sim = pg::sim;
using nlohmann::json;

namespace {

sim::Scenario preset(const std::string& stem) {
    std::ifstream in(std::filesystem::path(PG_SOURCE_DIR) / "assets/scenarios" / (stem + ".json"), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const pg::scenario::ParseResult parsed = pg::scenario::parseScenario(text.str());
    REQUIRE(parsed.ok());
    return parsed.scenario;
}

void checkAgainstEngine(const std::string& stem) {
    INFO(stem);
    sim::EngineOptions options;
    options.storeTrace = true;
    options.collectMetrics = true;
    sim::Engine engine(preset(stem), options);
    engine.runUntil(engine.scenario().runFor);
    const json doc = json::parse(pg::templates::chromeTraceJson(engine));
    REQUIRE(doc["traceEvents"].is_array());

    // From the engine's trace: the invocations (start time, track key) in end order, the waits.
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::pair<sim::SimTime, std::uint32_t>> open;
    std::vector<std::tuple<std::string, sim::SimTime, sim::SimTime>> invocations;  // name, start, end
    std::set<std::pair<std::uint32_t, std::uint32_t>> environments;
    std::size_t visibilityWaits = 0, asyncDwells = 0;
    std::set<std::pair<std::uint32_t, std::uint32_t>> waiting;
    for (const sim::TraceRecord& r : engine.trace().records()) {
        if (r.node == sim::kNone || r.item == sim::kNone) continue;
        const auto key = std::make_pair(r.node, r.item);
        if (r.kind == sim::TraceKind::Accepted || r.kind == sim::TraceKind::Requeued) waiting.insert(key);
        if (r.kind == sim::TraceKind::InvokeStart) {
            asyncDwells += waiting.erase(key);
            open[key] = {r.time, r.environment};
            environments.insert({r.node, r.environment});
        }
        if (r.kind == sim::TraceKind::InvokeEnd && open.count(key)) {
            invocations.emplace_back(engine.itemId(r.item) + " " +
                                         sim::invokeResultName(static_cast<sim::InvokeResult>(r.outcome)),
                                     open[key].first, r.time);
            open.erase(key);
        }
        if (r.kind == sim::TraceKind::ReturnedVisible) ++visibilityWaits;
    }
    std::vector<std::tuple<std::string, sim::SimTime, sim::SimTime>> complete;
    std::size_t threads = 0, visibilityBegins = 0, dwellBegins = 0, counters = 0;
    for (const json& ev : doc["traceEvents"]) {
        const std::string ph = ev["ph"];
        if (ph == "X") complete.emplace_back(ev["name"], ev["ts"], ev["ts"].get<sim::SimTime>() + ev["dur"].get<sim::SimTime>());
        if (ph == "M" && ev["name"] == "thread_name") ++threads;
        if (ph == "b" && ev["cat"] == "sqs_visibility") ++visibilityBegins;
        if (ph == "b" && ev["cat"] == "async_queue") ++dwellBegins;
        if (ph == "C") ++counters;
    }
    CHECK(complete == invocations);
    CHECK(threads == environments.size());
    CHECK(visibilityBegins <= visibilityWaits);  // a wait counts once its receive is in the trace too
    CHECK(dwellBegins == asyncDwells);
    std::size_t samples = 0;
    for (std::uint32_t n = 0; n < engine.nodeCount(); ++n) {
        if (engine.node(n).type == sim::NodeType::Function) samples += engine.metrics().series(engine.functionOfNode(n)).size();
        else if (engine.metrics().hasQueueSeries(n)) samples += engine.metrics().queueSeries(n).size();
    }
    CHECK(counters == samples);
    CHECK_FALSE(invocations.empty());
}

}  // namespace

TEST_CASE("chrome trace: invocations, waits and counters match the engine's trace (async, SQS, stream)") {
    checkAgainstEngine("s3_async_dlq");
    checkAgainstEngine("sqs_with_redrive");
    checkAgainstEngine("kinesis_poison_pill");
}

TEST_CASE("chrome trace: an SQS message that fails is hidden for the visibility timeout between receives") {
    // sqs_with_redrive: the hidden span of a failed receive lasts the queue's visibility timeout (received at
    // t, visible again at t + visibility_timeout), so every span's length equals the preset's timeout.
    const sim::Scenario s = preset("sqs_with_redrive");
    sim::SimTime visibility = 0;
    for (const sim::Node& n : s.nodes)
        if (n.type == sim::NodeType::Sqs && n.queue.redrive) visibility = n.queue.visibilityTimeout;
    REQUIRE(visibility > 0);
    sim::EngineOptions options;
    options.storeTrace = true;
    sim::Engine engine(s, options);
    engine.runUntil(s.runFor);
    const json doc = json::parse(pg::templates::chromeTraceJson(engine));
    std::map<std::string, sim::SimTime> begins;
    int spans = 0;
    for (const json& ev : doc["traceEvents"]) {
        if (ev["ph"] == "b" && ev["cat"] == "sqs_visibility") begins[ev["id"]] = ev["ts"];
        if (ev["ph"] == "e" && ev["cat"] == "sqs_visibility") {
            CHECK(ev["ts"].get<sim::SimTime>() - begins[ev["id"]] == visibility);
            ++spans;
        }
    }
    CHECK(spans > 0);
}

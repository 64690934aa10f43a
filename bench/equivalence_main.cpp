// pg_equivalence: one line per run of many scenarios (random ones from tests/common/random_scenario.hpp, plus
// the files given), with everything a change that only makes the engine faster must leave as it was: trace
// fingerprint, steps, outcome and attempt totals, every node's counters and (every other run) a hash of every
// metrics series. Each scenario runs twice, keeping and letting go of finished items. Build it in two trees
// (before and after a change), run both with the same arguments and diff the outputs:
//   pg_equivalence [-nN] [FILE.json ...]      (N random scenarios per generator setting, 1500 by default)
// Issue 7's optimisations were checked this way on 4,500 random scenarios, the presets and the bench workloads.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "common/random_scenario.hpp"
#include "engine/engine.hpp"
#include "scenario/scenario_json.hpp"

namespace {

using namespace pg;

/// FNV-1a over every metrics series, queue and function.
std::uint64_t metricsHash(const sim::Engine& e, std::size_t nodes) {
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&](std::int64_t v) {
        for (int k = 0; k < 8; ++k) {
            h ^= static_cast<std::uint8_t>(v >> (8 * k));
            h *= 1099511628211ull;
        }
    };
    for (std::uint32_t n = 0; n < nodes; ++n)
        if (e.metrics().hasQueueSeries(n))
            for (const sim::QueueSecond& q : e.metrics().queueSeries(n))
                for (std::int64_t v : {std::int64_t{q.peakVisible}, std::int64_t{q.peakInFlight},
                                       std::int64_t{q.peakDlqDepth}, q.oldestAge, q.iteratorAge,
                                       std::int64_t{q.received}, std::int64_t{q.deleted}})
                    mix(v);
    // The SQS pollers' series (issue 22), only where they exist so that stream series hash as before.
    for (std::uint32_t n = 0; n < nodes; ++n)
        if (e.metrics().hasQueueSeries(n))
            for (const sim::QueueSecond& q : e.metrics().queueSeries(n))
                if (q.peakPollersBusy != 0 || q.peakPollerLimit != 0) {
                    mix(q.peakPollersBusy);
                    mix(q.peakPollerLimit);
                }
    for (std::uint32_t f = 0; f < e.metrics().functionCount(); ++f)
        for (const sim::FunctionSecond& x : e.metrics().series(f))
            for (std::int64_t v : {std::int64_t{x.invocations}, std::int64_t{x.errors}, std::int64_t{x.timeouts},
                                   std::int64_t{x.throttles}, std::int64_t{x.coldStarts},
                                   std::int64_t{x.peakConcurrency}, std::int64_t{x.peakAsyncQueueDepth},
                                   std::int64_t{x.dwellCount}, x.dwellSum})
                mix(v);
    return h;
}

void runAndPrint(const std::string& label, const sim::Scenario& s, bool keepFinished, bool metrics) {
    sim::EngineOptions o;
    o.storeTrace = false;
    o.fingerprint = true;
    o.keepFinishedItems = keepFinished;
    o.collectMetrics = metrics;
    sim::Engine e(s, o);
    e.runUntil(s.runFor);
    const sim::ItemTotals t = e.itemTotals();
    std::printf("%s keep=%d metrics=%d fingerprint=%016llx steps=%llu items=%lld attempts=%lld outcomes=",
                label.c_str(), keepFinished, metrics, static_cast<unsigned long long>(e.traceFingerprint()),
                static_cast<unsigned long long>(e.stepCount()), static_cast<long long>(t.items),
                static_cast<long long>(t.attempts));
    for (std::int64_t v : t.outcomes) std::printf("%lld,", static_cast<long long>(v));
    for (std::uint32_t n = 0; n < s.nodes.size(); ++n) {
        // Every counter: NodeCounters is a flat block of int64 fields.
        const sim::NodeCounters& c = e.counters(n);
        const auto* v = reinterpret_cast<const std::int64_t*>(&c);
        std::printf(" |");
        for (std::size_t k = 0; k < sizeof c / sizeof(std::int64_t); ++k)
            std::printf("%lld,", static_cast<long long>(v[k]));
    }
    if (metrics) std::printf(" metrics=%016llx", static_cast<unsigned long long>(metricsHash(e, s.nodes.size())));
    std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
    static_assert(sizeof(sim::NodeCounters) % sizeof(std::int64_t) == 0, "NodeCounters holds int64 fields only");
    int perSetting = 1500;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("-n", 0) == 0) {
            perSetting = std::atoi(arg.c_str() + 2);
            continue;
        }
        std::ifstream in(arg, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        const scenario::ParseResult parsed = scenario::parseScenario(text.str());
        if (!parsed.ok()) {
            std::printf("%s: not a valid scenario\n", arg.c_str());
            continue;
        }
        runAndPrint(arg, parsed.scenario, true, true);
        runAndPrint(arg, parsed.scenario, false, false);
    }
    // Three generator settings: the default mix, longer traffic, and one function with a few long sources.
    for (int setting = 0; setting < 3; ++setting) {
        test::RandomScenarioOptions options;
        if (setting == 1) options.maxItemsPerSource = 150;
        if (setting == 2) {
            options.maxFunctions = 1;
            options.maxSources = 2;
            options.maxItemsPerSource = 400;
        }
        test::RandomScenarioGenerator generator(1000 + static_cast<std::uint64_t>(setting), options);
        for (int i = 0; i < perSetting; ++i) {
            const sim::Scenario s = generator.next();
            // Through the reader, as a user's file would come: invalid draws are skipped.
            const scenario::ParseResult parsed = scenario::parseScenario(scenario::writeScenario(s));
            if (!parsed.ok()) continue;
            const std::string label = "random" + std::to_string(setting) + "." + std::to_string(i);
            runAndPrint(label, parsed.scenario, true, i % 2 == 0);
            runAndPrint(label, parsed.scenario, false, false);
        }
    }
    return 0;
}

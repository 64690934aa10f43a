// Running a sweep: one engine per cell (the same options the compare view uses, plus the trace for latency),
// a row read from collectRunStats, and a pool of threads taking cells in turn. Rows are written by cell index,
// so the order and the numbers never depend on the thread count.
#include <atomic>
#include <cstdio>
#include <thread>

#include "compare/run_compare.hpp"
#include "engine/engine.hpp"
#include "engine/run_budget.hpp"
#include "sweep.hpp"

namespace pg::sweep {

SweepRow runCell(const sim::Scenario& scenario) {
    sim::EngineOptions options;
    options.collectMetrics = false;
    options.storeTrace = true;  // end-to-end latency is read from the Finished records
    options.keepFinishedItems = true;  // ... and each item's arrival time
    options.recordAttempts = false;
    sim::Engine engine(scenario, options);
    sim::RunBudget budget;
    budget.runLimit = sim::kMaxRunSteps;
    const sim::RunSlice ran = sim::runSlice(engine, scenario.runFor, budget);
    const compare::RunStats stats = compare::collectRunStats(engine);
    SweepRow row;
    row.seed = scenario.seed;
    row.stoppedAtLimit = ran.stop == sim::RunStop::RunLimit;
    auto outcome = [&](sim::ItemOutcome o) { return stats.totals.outcomes[static_cast<std::size_t>(o)]; };
    row.deadLettered = outcome(sim::ItemOutcome::DeadLettered);
    row.expired = outcome(sim::ItemOutcome::Expired);
    row.dropped = outcome(sim::ItemOutcome::Dropped);
    row.succeeded = outcome(sim::ItemOutcome::Succeeded);
    for (std::size_t i = 0; i < stats.counters.size(); ++i) {
        if (stats.nodeTypes[i] != sim::NodeType::Function) continue;
        const sim::NodeCounters& c = stats.counters[i];
        row.invocations += c.invocations;
        row.errors += c.errors;
        row.throttles += c.throttles;
        row.peakConcurrency = std::max(row.peakConcurrency, c.peakConcurrency);
    }
    row.p50Seconds = stats.p50Seconds;
    row.p99Seconds = stats.p99Seconds;
    row.costUsd = stats.cost.totalUsd;
    return row;
}

std::vector<SweepRow> runSweep(const SweepPlan& plan, unsigned jobs) {
    std::vector<SweepRow> rows(plan.cells.size());
    auto runOne = [&](std::size_t i) {
        rows[i] = runCell(plan.cells[i].scenario);
        rows[i].run = i;
        for (std::size_t a = 0; a < plan.cells[i].valueIndex.size(); ++a)
            rows[i].values.push_back(plan.axes[a].values[plan.cells[i].valueIndex[a]]);
    };
#ifdef __EMSCRIPTEN__
    jobs = 1;  // built without pthreads: the page runs cells in Web Workers instead (web/sweep.js)
#endif
    if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
    if (jobs > plan.cells.size()) jobs = static_cast<unsigned>(std::max<std::size_t>(1, plan.cells.size()));
    if (jobs <= 1) {
        for (std::size_t i = 0; i < plan.cells.size(); ++i) runOne(i);
        return rows;
    }
#ifndef __EMSCRIPTEN__
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < jobs; ++t)
        pool.emplace_back([&] {
            for (std::size_t i; (i = next.fetch_add(1)) < plan.cells.size();) runOne(i);
        });
    for (std::thread& t : pool) t.join();
#endif
    return rows;
}

const std::vector<std::string>& outcomeNames() {
    static const std::vector<std::string> names = {"dead_lettered", "expired",          "dropped",   "succeeded",
                                                   "invocations",   "errors",           "throttles", "p50_s",
                                                   "p99_s",         "peak_concurrency", "cost_usd"};
    return names;
}

std::optional<double> outcomeValue(const SweepRow& r, const std::string& name) {
    if (name == "dead_lettered") return static_cast<double>(r.deadLettered);
    if (name == "expired") return static_cast<double>(r.expired);
    if (name == "dropped") return static_cast<double>(r.dropped);
    if (name == "succeeded") return static_cast<double>(r.succeeded);
    if (name == "invocations") return static_cast<double>(r.invocations);
    if (name == "errors") return static_cast<double>(r.errors);
    if (name == "throttles") return static_cast<double>(r.throttles);
    if (name == "p50_s") return r.p50Seconds;
    if (name == "p99_s") return r.p99Seconds;
    if (name == "peak_concurrency") return static_cast<double>(r.peakConcurrency);
    if (name == "cost_usd") return r.costUsd;
    return std::nullopt;
}

namespace {

std::string number(std::optional<double> v, bool json) {
    if (!v) return json ? "null" : "";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.10g", *v);
    return buf;
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string jsonString(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\', out += c;
        else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else
            out += c;
    }
    return out + "\"";
}

std::vector<std::string> targetsOf(const SweepPlan& plan) {
    std::vector<std::string> t;
    for (const ResolvedAxis& a : plan.axes) t.push_back(a.target);
    return t;
}

}  // namespace

std::string rowsCsv(const SweepPlan& plan, const std::vector<SweepRow>& rows) {
    std::string out = "run";
    for (const ResolvedAxis& a : plan.axes) out += "," + csvField(a.target);
    out += ",seed";
    for (const std::string& n : outcomeNames()) out += "," + n;
    out += ",stopped_at_limit\n";
    for (const SweepRow& r : rows) {
        out += std::to_string(r.run);
        for (const std::string& v : r.values) out += "," + csvField(v);
        out += "," + std::to_string(r.seed);
        for (const std::string& n : outcomeNames()) out += "," + number(outcomeValue(r, n), false);
        out += r.stoppedAtLimit ? ",1\n" : ",0\n";
    }
    return out;
}

std::string rowJson(const SweepRow& r, const std::vector<std::string>& targets) {
    std::string out = "{\"run\":" + std::to_string(r.run) + ",\"values\":{";
    for (std::size_t i = 0; i < r.values.size() && i < targets.size(); ++i)
        out += (i ? "," : "") + jsonString(targets[i]) + ":" + jsonString(r.values[i]);
    out += "},\"seed\":" + std::to_string(r.seed);
    for (const std::string& n : outcomeNames()) out += ",\"" + n + "\":" + number(outcomeValue(r, n), true);
    out += std::string(",\"stopped_at_limit\":") + (r.stoppedAtLimit ? "true" : "false") + "}";
    return out;
}

std::string rowsJson(const SweepPlan& plan, const std::vector<SweepRow>& rows) {
    const std::vector<std::string> targets = targetsOf(plan);
    std::string out = "[\n";
    for (std::size_t i = 0; i < rows.size(); ++i)
        out += "  " + rowJson(rows[i], targets) + (i + 1 < rows.size() ? ",\n" : "\n");
    return out + "]\n";
}

}  // namespace pg::sweep

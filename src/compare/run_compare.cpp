// collectRunStats reads a run once; diffRuns lines two up by node id and field name.
#include "run_compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pg::compare {

using sim::ItemOutcome;
using sim::NodeCounters;

namespace {

/// Counter names as the summary JSON spells them.
struct CounterField {
    const char* name;
    std::int64_t NodeCounters::*member;
};
const CounterField kCounterFields[] = {
    {"items", &NodeCounters::items},
    {"accepted", &NodeCounters::accepted},
    {"responses_200", &NodeCounters::responses2xx},
    {"responses_429", &NodeCounters::responses429},
    {"responses_500", &NodeCounters::responses500},
    {"responses_502", &NodeCounters::responses502},
    {"responses_504", &NodeCounters::responses504},
    {"client_retries", &NodeCounters::clientRetries},
    {"unrouted", &NodeCounters::unrouted},
    {"invocations", &NodeCounters::invocations},
    {"errors", &NodeCounters::errors},
    {"timeouts", &NodeCounters::timeouts},
    {"throttles", &NodeCounters::throttles},
    {"cold_starts", &NodeCounters::coldStarts},
    {"peak_concurrency", &NodeCounters::peakConcurrency},
    {"async_retries", &NodeCounters::asyncRetries},
    {"async_throttle_retries", &NodeCounters::asyncThrottleRetries},
    {"event_age_exceeded", &NodeCounters::eventAgeExceeded},
    {"partial_failures", &NodeCounters::partialFailures},
    {"messages_sent", &NodeCounters::messagesSent},
    {"recursive_invocations_dropped", &NodeCounters::recursionStopped},
    {"rejected_responses", &NodeCounters::rejectedResponses},
    {"received", &NodeCounters::received},
    {"sent", &NodeCounters::sent},
    {"receives", &NodeCounters::receives},
    {"deleted", &NodeCounters::deleted},
    {"dead_lettered", &NodeCounters::deadLettered},
    {"expired", &NodeCounters::expired},
    {"visible", &NodeCounters::visible},
    {"in_flight", &NodeCounters::inFlight},
};

int indexOf(const RunStats& s, const std::string& id) {
    for (std::size_t i = 0; i < s.nodeIds.size(); ++i)
        if (s.nodeIds[i] == id) return static_cast<int>(i);
    return -1;
}

std::optional<double> opt(bool has, double v) { return has ? std::optional<double>(v) : std::nullopt; }

std::string count(std::int64_t n) { return std::to_string(n); }

}  // namespace

std::optional<double> percentile(std::vector<double>& values, double p) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    const auto n = static_cast<double>(values.size());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * n));
    return values[std::min(values.size(), std::max<std::size_t>(rank, 1)) - 1];
}

RunStats collectRunStats(const sim::Engine& e, const cost::CostOptions& options) {
    RunStats s;
    for (std::uint32_t i = 0; i < e.nodeCount(); ++i) {
        s.nodeIds.push_back(e.node(i).id);
        s.nodeTypes.push_back(e.node(i).type);
        s.counters.push_back(e.counters(i));
    }
    s.totals = e.itemTotals();
    s.cost = cost::computeCost(e, options);
    s.lost = s.totals.outcomes[static_cast<std::size_t>(ItemOutcome::Expired)] +
             s.totals.outcomes[static_cast<std::size_t>(ItemOutcome::Dropped)];
    if (e.trace().storing() && e.keepsFinishedItems()) {
        std::vector<double> latencies;
        const auto& items = e.items().all();
        e.trace().records().forEachHeld([&](std::size_t, const sim::TraceRecord& r) {
            if (r.kind == sim::TraceKind::Finished && r.outcome == static_cast<std::uint8_t>(ItemOutcome::Succeeded) &&
                r.item < items.size())
                latencies.push_back(sim::toSeconds(r.time - items[r.item].createdAt));
        });
        s.p50Seconds = percentile(latencies, 50);
        s.p99Seconds = percentile(latencies, 99);
    }
    return s;
}

std::string formatUsd(double usd) {
    const double magnitude = std::fabs(usd);
    char text[48];
    if (magnitude >= 0.01 || magnitude == 0) {
        std::snprintf(text, sizeof text, "$%.2f", magnitude);
    } else {
        const int decimals = 1 - static_cast<int>(std::floor(std::log10(magnitude)));  // two significant digits
        std::snprintf(text, sizeof text, "$%.*f", decimals, magnitude);
    }
    return usd < 0 ? std::string("-") + text : std::string(text);
}

RunDiff diffRuns(const RunStats& a, const RunStats& b) {
    RunDiff d;
    std::vector<std::string> ids = a.nodeIds;
    for (const std::string& id : b.nodeIds)
        if (indexOf(a, id) < 0) ids.push_back(id);
    for (const std::string& id : ids) {
        const int ia = indexOf(a, id), ib = indexOf(b, id);
        for (const CounterField& f : kCounterFields) {
            const double va = ia >= 0 ? static_cast<double>(a.counters[ia].*f.member) : 0;
            const double vb = ib >= 0 ? static_cast<double>(b.counters[ib].*f.member) : 0;
            if (va == 0 && vb == 0) continue;
            d.rows.push_back({"node", id, f.name, opt(ia >= 0, va), opt(ib >= 0, vb)});
        }
        const bool pricedA = ia >= 0 && a.cost.nodes[ia].priced, pricedB = ib >= 0 && b.cost.nodes[ib].priced;
        if (pricedA || pricedB)
            d.rows.push_back({"cost", id, "usd", opt(ia >= 0, ia >= 0 ? a.cost.nodes[ia].usd : 0),
                              opt(ib >= 0, ib >= 0 ? b.cost.nodes[ib].usd : 0)});
    }
    for (std::size_t k = 0; k <= static_cast<std::size_t>(ItemOutcome::Dropped); ++k)
        d.rows.push_back({"outcomes", "", sim::itemOutcomeName(static_cast<ItemOutcome>(k)),
                          static_cast<double>(a.totals.outcomes[k]), static_cast<double>(b.totals.outcomes[k])});
    d.rows.push_back({"latency", "", "p50_s", a.p50Seconds, b.p50Seconds});
    d.rows.push_back({"latency", "", "p99_s", a.p99Seconds, b.p99Seconds});
    d.rows.push_back({"lost", "", "expired_or_dropped", static_cast<double>(a.lost), static_cast<double>(b.lost)});
    d.rows.push_back({"total", "", "usd", a.cost.totalUsd, b.cost.totalUsd});
    d.rows.push_back({"total", "", "usd_per_day", a.cost.perDayUsd, b.cost.perDayUsd});
    d.summary = summaryLine(a, b);
    return d;
}

std::string summaryLine(const RunStats& a, const RunStats& b) {
    std::vector<std::string> parts;
    // The outcomes a redesign is usually about, in this order; only those that differ.
    const ItemOutcome shown[] = {ItemOutcome::Expired,           ItemOutcome::Dropped,   ItemOutcome::DeadLettered,
                                 ItemOutcome::SentToDestination, ItemOutcome::Succeeded, ItemOutcome::Pending};
    for (ItemOutcome o : shown) {
        const auto k = static_cast<std::size_t>(o);
        if (a.totals.outcomes[k] == b.totals.outcomes[k]) continue;
        std::string name = sim::itemOutcomeName(o);
        std::replace(name.begin(), name.end(), '_', ' ');
        parts.push_back(count(b.totals.outcomes[k]) + " " + name + " instead of " + count(a.totals.outcomes[k]));
    }
    const double perDay = b.cost.perDayUsd - a.cost.perDayUsd;
    // Differences under a hundredth of a cent a day read as the same (rounding of the projection).
    if (std::fabs(perDay) < 0.0001)
        parts.push_back("same cost per day (" + formatUsd(b.cost.perDayUsd) + ")");
    else
        parts.push_back(formatUsd(std::fabs(perDay)) + (perDay < 0 ? " less" : " more") + " per day");
    std::string line = "B: ";
    for (std::size_t i = 0; i < parts.size(); ++i) line += (i ? ", " : "") + parts[i];
    return line;
}

}  // namespace pg::compare

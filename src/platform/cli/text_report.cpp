// One line per node plus outcome totals; the JSON summary (--summary) is the machine-readable form.
#include "text_report.hpp"

#include <cstdio>
#include <map>
#include <string>

namespace pg::cli {

void writeTextReport(const sim::Engine& e, std::ostream& out) {
    char line[256];
    const sim::ItemTotals totals = e.itemTotals();  // finished items a run let go of included
    std::snprintf(line, sizeof line, "%s: ran to %.3f s, %llu events, %lld items\n", e.scenario().name.c_str(),
                  sim::toSeconds(e.now()), static_cast<unsigned long long>(e.stepCount()), static_cast<long long>(totals.items));
    out << line;
    for (std::uint32_t i = 0; i < e.nodeCount(); ++i) {
        const sim::Node& n = e.node(i);
        const sim::NodeCounters& c = e.counters(i);
        if (n.type == sim::NodeType::Function) {
            std::snprintf(line, sizeof line,
                          "  %-20s function  invocations %lld  errors %lld  timeouts %lld  throttles %lld  "
                          "cold starts %lld  peak concurrency %lld\n",
                          n.id.c_str(), static_cast<long long>(c.invocations), static_cast<long long>(c.errors),
                          static_cast<long long>(c.timeouts), static_cast<long long>(c.throttles),
                          static_cast<long long>(c.coldStarts), static_cast<long long>(c.peakConcurrency));
        } else if (c.items > 0) {
            std::snprintf(line, sizeof line, "  %-20s %-9s items %lld\n", n.id.c_str(), sim::nodeTypeName(n.type),
                          static_cast<long long>(c.items));
        } else {
            std::snprintf(line, sizeof line, "  %-20s %-9s received %lld\n", n.id.c_str(),
                          sim::nodeTypeName(n.type), static_cast<long long>(c.received));
        }
        out << line;
    }
    std::map<std::string, long long> outcomes;  // ordered: deterministic output
    for (int k = 0; k < sim::kItemOutcomeCount; ++k)
        if (totals.outcomes[static_cast<std::size_t>(k)] > 0)
            outcomes[sim::itemOutcomeName(static_cast<sim::ItemOutcome>(k))] = totals.outcomes[static_cast<std::size_t>(k)];
    out << "  outcomes:";
    for (const auto& [name, count] : outcomes) out << " " << name << " " << count;
    out << "\n";
}

}  // namespace pg::cli

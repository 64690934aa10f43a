// compareCommand: reads and runs A and B on one clock (both to A's run_for, or to --until), collects their
// stats and prints diffRuns(A, B): one row per field with A, B and B - A, then the summary line.
#include "compare_command.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "compare/run_compare.hpp"
#include "engine/run_budget.hpp"
#include "scenario/duration.hpp"
#include "scenario/scenario_json.hpp"

namespace pg::cli {

namespace {

constexpr const char* kCompareUsage =
    "usage: lambda-playground compare A.json B.json [--summary] [--until DURATION] [--free-tier]\n"
    "       lambda-playground compare AB.json [...]   (one file whose \"compare_b\" is B)\n";

int compareError(const std::string& message) {
    std::cerr << "lambda-playground: " << message << "\n" << kCompareUsage;
    return 2;
}

struct Loaded {
    sim::Scenario scenario;
    std::optional<sim::Scenario> compareB;  ///< a comparison file's B ("compare_b")
    bool ok = false;
};

Loaded load(const std::string& file) {
    Loaded l;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        compareError("cannot read " + file);
        return l;
    }
    std::stringstream text;
    text << in.rdbuf();
    const scenario::ParseResult parsed = scenario::parseScenario(text.str());
    if (!parsed.ok()) {
        std::cerr << file << ": invalid scenario\n" << scenario::formatErrors(parsed.errors);
        return l;
    }
    l.scenario = parsed.scenario;
    l.compareB = parsed.compareB;
    l.ok = true;
    return l;
}

/// Runs to `until` under the page's events-per-run cap; false if the cap stopped it.
bool runToEnd(sim::Engine& engine, sim::SimTime until) {
    sim::RunBudget budget;
    return sim::runSlice(engine, until, budget).stop != sim::RunStop::RunLimit;
}

std::string number(const std::optional<double>& v) {
    if (!v) return "-";
    char text[40];
    std::snprintf(text, sizeof text, "%.10g", *v);
    return text;
}

std::string rowLabel(const compare::DiffRow& r) {
    return r.node.empty() ? r.group + " " + r.field : r.group + " " + r.node + " " + r.field;
}

nlohmann::ordered_json jsonNumber(const std::optional<double>& v) {
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

}  // namespace

int compareCommand(const std::vector<std::string>& args) {
    std::vector<std::string> files;
    bool summary = false;
    cost::CostOptions costOptions;
    std::optional<sim::SimTime> until;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--summary") {
            summary = true;
        } else if (a == "--free-tier") {
            costOptions.freeTier = true;
        } else if (a == "--until") {
            if (i + 1 >= args.size()) return compareError("--until needs a value");
            std::string error;
            const auto t = scenario::parseDurationText(args[++i], &error);
            if (!t || *t < 0) return compareError("--until: '" + args[i] + "' is not a duration (e.g. 30s, 10m)");
            until = *t;
        } else if (!a.empty() && a[0] == '-') {
            return compareError("unknown option '" + a + "'");
        } else {
            files.push_back(a);
        }
    }
    if (files.empty() || files.size() > 2)
        return compareError("compare needs two scenario files, A and B, or one file holding both (\"compare_b\")");
    const Loaded a = load(files[0]);
    if (!a.ok) return 2;
    Loaded b;
    if (files.size() == 2) {
        b = load(files[1]);
        if (!b.ok) return 2;
    } else if (!a.compareB) {
        return compareError(files[0] + " holds one scenario (no \"compare_b\"): give B as a second file");
    } else {
        b.scenario = *a.compareB;
        b.ok = true;
        files.push_back(files[0] + " (compare_b)");
    }

    // The trace gives the latency percentiles; finished items are kept for their arrival times.
    sim::EngineOptions options;
    options.collectMetrics = false;
    auto engineA = std::make_unique<sim::Engine>(a.scenario, options);
    auto engineB = std::make_unique<sim::Engine>(b.scenario, options);
    // One clock: B runs as long as A (a fork of A keeps its run_for; two unrelated files are compared over the
    // same time, so per-day figures and counts mean the same thing).
    const sim::SimTime end = until.value_or(a.scenario.runFor);
    const bool fullA = runToEnd(*engineA, end);
    const bool fullB = runToEnd(*engineB, end);
    const compare::RunDiff diff = compare::diffRuns(compare::collectRunStats(*engineA, costOptions),
                                                    compare::collectRunStats(*engineB, costOptions));
    if (summary) {
        nlohmann::ordered_json out;
        out["a"] = {{"file", files[0]}, {"scenario", a.scenario.name}, {"ended_at_s", sim::toSeconds(engineA->now())}};
        out["b"] = {{"file", files[1]}, {"scenario", b.scenario.name}, {"ended_at_s", sim::toSeconds(engineB->now())}};
        out["free_tier"] = costOptions.freeTier;
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const compare::DiffRow& r : diff.rows) {
            nlohmann::ordered_json row;
            row["group"] = r.group;
            if (!r.node.empty()) row["node"] = r.node;
            row["field"] = r.field;
            row["a"] = jsonNumber(r.a);
            row["b"] = jsonNumber(r.b);
            row["difference"] = jsonNumber(r.difference());
            rows.push_back(row);
        }
        out["rows"] = rows;
        out["summary"] = diff.summary;
        std::cout << out.dump(2) << "\n";
    } else {
        std::printf("A: %s (%s)\nB: %s (%s)\n", files[0].c_str(), a.scenario.name.c_str(), files[1].c_str(),
                    b.scenario.name.c_str());
        std::printf("%-48s %16s %16s %16s\n", "", "A", "B", "B - A");
        for (const compare::DiffRow& r : diff.rows)
            std::printf("%-48s %16s %16s %16s%s\n", rowLabel(r).c_str(), number(r.a).c_str(), number(r.b).c_str(),
                        number(r.difference()).c_str(), r.differs() ? "  *" : "");
        std::printf("%s\n", diff.summary.c_str());
    }
    if (fullA && fullB) return 0;
    std::cerr << "lambda-playground: " << (fullA ? "B" : "A") << " stopped at the events-per-run limit; the diff "
              << "covers the part that ran.\n";
    return 3;
}

}  // namespace pg::cli

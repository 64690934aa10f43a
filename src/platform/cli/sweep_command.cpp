// sweepCommand: reads the scenario and its sweep (the file's "sweep" key, or --set axes that replace it),
// plans the grid, runs it on --jobs threads and prints CSV (default) or JSON rows.
#include "sweep_command.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include "scenario/scenario_json.hpp"
#include "scenario/sweep_spec.hpp"
#include "sweep/sweep.hpp"

namespace pg::cli {

namespace {

constexpr const char* kSweepUsage =
    "usage: lambda-playground sweep FILE.json [--set NODE.KEY=v1,v2,...|FROM->TO.KEY=from:to:step]...\n"
    "                               [--seeds N] [--jobs N] [--format csv|json]\n";

int sweepError(const std::string& message) {
    std::cerr << "lambda-playground: " << message << "\n" << kSweepUsage;
    return 2;
}

bool wholeNumber(const std::string& s, int max, int& out) {
    if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) return false;
    out = std::stoi(s);
    return out >= 1 && out <= max;
}

}  // namespace

int sweepCommand(const std::vector<std::string>& args) {
    std::string file, format = "csv";
    std::vector<scenario::SweepAxis> setAxes;
    int seeds = 0, jobs = 0;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--set" || a == "--seeds" || a == "--jobs" || a == "--format") {
            if (i + 1 >= args.size()) return sweepError(a + " needs a value");
            const std::string& value = args[++i];
            std::string error;
            if (a == "--set") {
                const auto axis = sweep::parseSetArgument(value, &error);
                if (!axis) return sweepError(error);
                setAxes.push_back(*axis);
            } else if (a == "--seeds" && !wholeNumber(value, scenario::kMaxSweepSeeds, seeds)) {
                return sweepError("--seeds: '" + value + "' is not a whole number from 1 to " +
                                  std::to_string(scenario::kMaxSweepSeeds));
            } else if (a == "--jobs" && !wholeNumber(value, 1024, jobs)) {
                return sweepError("--jobs: '" + value + "' is not a positive whole number");
            } else if (a == "--format") {
                if (value != "csv" && value != "json")
                    return sweepError("--format: 'csv' or 'json', not '" + value + "'");
                format = value;
            }
        } else if (!a.empty() && a[0] == '-') {
            return sweepError("unknown option '" + a + "'");
        } else if (file.empty()) {
            file = a;
        } else {
            return sweepError("more than one scenario file given");
        }
    }
    if (file.empty()) return sweepError("sweep needs a scenario file");
    std::ifstream in(file, std::ios::binary);
    if (!in) return sweepError("cannot read " + file);
    std::stringstream text;
    text << in.rdbuf();
    const scenario::ParseResult parsed = scenario::parseScenario(text.str());
    if (!parsed.ok()) {
        std::cerr << file << ": invalid scenario\n" << scenario::formatErrors(parsed.errors);
        return 2;
    }
    scenario::SweepParse fromFile = scenario::parseSweepSection(text.str());
    if (!fromFile.errors.empty() && setAxes.empty()) {
        std::cerr << file << ": invalid sweep\n" << scenario::formatErrors(fromFile.errors);
        return 2;
    }
    scenario::SweepSpec spec = setAxes.empty() ? fromFile.spec : scenario::SweepSpec{};
    if (!setAxes.empty()) spec.axes = setAxes;
    if (seeds > 0) spec.seeds = seeds;
    if (spec.axes.empty()) return sweepError(file + " has no \"sweep\" key: give the settings with --set");
    const sweep::SweepPlan plan = sweep::planSweep(parsed.scenario, spec);
    if (!plan.ok()) {
        std::cerr << file << ": invalid sweep\n" << scenario::formatErrors(plan.errors);
        return 2;
    }
    const std::vector<sweep::SweepRow> rows = sweep::runSweep(plan, static_cast<unsigned>(jobs));
    std::cout << (format == "json" ? sweep::rowsJson(plan, rows) : sweep::rowsCsv(plan, rows));
    return 0;
}

}  // namespace pg::cli

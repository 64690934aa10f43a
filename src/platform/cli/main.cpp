// lambda-playground: the native command-line runner.
//   lambda-playground run FILE.json [--until DURATION] [--summary] [--no-items] [--trace FILE.jsonl]
//                                   [--trace-format jsonl|chrome] [--max-events N] [--free-tier]
//   (--trace-format chrome: Trace Event Format for Chrome tracing / Perfetto, import/chrome_trace.hpp)
//   lambda-playground compare A.json B.json [--summary] [--until DURATION] [--free-tier]   (compare_command.hpp)
//   lambda-playground link FILE.json [--step N] [--item ID]   (prints the share-link fragment, as the page makes it)
//   lambda-playground sweep FILE.json [--set TARGET=v1,v2,...]... [--seeds N] [--jobs N] [--format csv|json]
//   lambda-playground import FILE|- [--traffic SOURCE=N]   (import_command.hpp: AWS template -> scenario)
//   lambda-playground export-sam FILE.json                  (scenario -> SAM template)
//   lambda-playground version
// Exit 0 on success, 2 (errors on stderr) for a bad scenario or bad arguments, 3 when the run stopped at the
// events-per-run limit (run_budget.hpp; the report of the part that ran is still printed).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "cost/cost_series.hpp"
#include "engine/run_budget.hpp"
#include "import/chrome_trace.hpp"
#include "scenario/duration.hpp"
#include "scenario/scenario_json.hpp"
#include "scenario/share_link.hpp"
#include "compare_command.hpp"
#include "sweep_command.hpp"
#include "import_command.hpp"
#include "summary_json.hpp"
#include "text_report.hpp"
#include "scenario/trace_jsonl.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

constexpr const char* kUsage =
    "usage: lambda-playground run FILE.json [--until DURATION] [--summary] [--no-items] [--trace FILE.jsonl]\n"
    "                                         [--trace-format jsonl|chrome] [--max-events N] [--free-tier]\n"
    "       lambda-playground compare A.json B.json [--summary] [--until DURATION] [--free-tier]\n"
    "       lambda-playground compare AB.json [...]   (B is the file's \"compare_b\")\n"
    "       lambda-playground link FILE.json [--step N] [--item ID]\n"
    "       lambda-playground sweep FILE.json [--set TARGET=v1,v2,...]... [--seeds N] [--jobs N] [--format csv|json]\n"
    "       lambda-playground import TEMPLATE|- [--traffic SOURCE=N]\n"
    "       lambda-playground export-sam FILE.json\n"
    "       lambda-playground version\n";

int usageError(const std::string& message) {
    std::cerr << "lambda-playground: " << message << "\n" << kUsage;
    return 2;
}

struct RunArgs {
    std::string file;
    std::string traceFile;
    bool summary = false;
    bool items = true;
    bool chromeTrace = false;  ///< --trace-format chrome
    bool freeTier = false;  ///< the summary's cost subtracts the monthly free tier
    bool hasUntil = false;
    pg::sim::SimTime until = 0;
    std::uint64_t maxEvents = pg::sim::kMaxRunSteps;  ///< the same cap as the page's (run_budget.hpp)
};

/// A whole number for --step / --max-events, or nullopt.
std::optional<std::uint64_t> parseCount(const std::string& value) {
    if (value.empty() || value.size() > 18 || value.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoull(value);
}

int runCommand(const RunArgs& args) {
    std::ifstream in(args.file, std::ios::binary);
    if (!in) return usageError("cannot read " + args.file);
    std::stringstream text;
    text << in.rdbuf();
    const pg::scenario::ParseResult parsed = pg::scenario::parseScenario(text.str());
    if (!parsed.ok()) {
        std::cerr << args.file << ": invalid scenario\n" << pg::scenario::formatErrors(parsed.errors);
        return 2;
    }
    pg::sim::EngineOptions options;
    options.storeTrace = !args.traceFile.empty();
    options.collectMetrics = args.chromeTrace;  // the runner prints no series; the chrome trace's counters
    options.recordAttempts = args.items || !args.traceFile.empty();  // attempt times print only per item
    // Totals only: finished items can go (same counts); per-mapping outcomes are read from the items.
    options.keepFinishedItems = options.recordAttempts || pg::cli::hasSeveralMappings(parsed.scenario);
    pg::sim::Engine engine(parsed.scenario, options);
    pg::sim::RunBudget budget;
    budget.runLimit = args.maxEvents;
    // The summary's cost series samples the run at every whole second (the same events as one slice).
    pg::cost::CostSeries costSeries;
    const pg::sim::SimTime until = args.hasUntil ? args.until : parsed.scenario.runFor;
    const pg::sim::RunSlice ran = args.summary ? pg::cost::runSampled(engine, until, budget, costSeries)
                                               : pg::sim::runSlice(engine, until, budget);
    const bool limited = ran.stop == pg::sim::RunStop::RunLimit;

    if (!args.traceFile.empty()) {
        std::ofstream trace(args.traceFile, std::ios::binary);
        if (!trace) return usageError("cannot write " + args.traceFile);
        if (args.chromeTrace) trace << pg::templates::chromeTraceJson(engine);
        else pg::scenario::writeTraceJsonl(engine, trace);
    }
    if (args.summary) {
        pg::cli::SummaryOptions summary;
        summary.items = args.items;
        summary.freeTier = args.freeTier;
        summary.costSeries = &costSeries;
        std::cout << pg::cli::summaryJson(engine, summary) << "\n";
    } else {
        pg::cli::writeTextReport(engine, std::cout);
    }
    if (!limited) return 0;
    std::cerr << "lambda-playground: " << pg::sim::runLimitMessage(args.maxEvents) << " The report covers the "
              << engine.stepCount() << " events, up to " << pg::scenario::formatDuration(engine.now())
              << " of simulated time.\n";
    return 3;
}

// Prints the share-link fragment (without '#'): byte-identical with the page's "Copy link" for the same scenario.
int linkCommand(const std::vector<std::string>& args) {
    std::string file, item;
    std::optional<std::uint64_t> step;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--step" || a == "--item") {
            if (i + 1 >= args.size()) return usageError(a + " needs a value");
            const std::string& value = args[++i];
            if (a == "--item") {
                item = value;
                continue;
            }
            step = parseCount(value);
            if (!step) return usageError("--step: '" + value + "' is not a whole number");
        } else if (!a.empty() && a[0] == '-') {
            return usageError("unknown option '" + a + "'");
        } else if (file.empty()) {
            file = a;
        } else {
            return usageError("more than one scenario file given");
        }
    }
    if (file.empty()) return usageError("link needs a scenario file");
    std::ifstream in(file, std::ios::binary);
    if (!in) return usageError("cannot read " + file);
    std::stringstream text;
    text << in.rdbuf();
    const pg::scenario::ParseResult parsed = pg::scenario::parseScenario(text.str());
    if (!parsed.ok()) {
        std::cerr << file << ": invalid scenario\n" << pg::scenario::formatErrors(parsed.errors);
        return 2;
    }
    std::cout << pg::scenario::encodeShareLink(parsed.scenario, step, item) << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
#if defined(__GLIBC__)
    // Keep freed memory in the process for reuse, in every command. By default glibc maps each chunk above
    // 128 KiB (an item chunk, a grown event lane) afresh and unmaps it when freed, and gives the top of the heap
    // back: a run pays first-touch page faults for memory it already had (issue 21: 2,026 -> about 1,730 faults
    // for async_retry_200k, as pg_bench), and a sweep pays them again in every cell (100 cells of
    // sqs_sweep_10k: 65,783 -> 1,159 faults, 1.02 -> 0.20 s with one job).
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
    const std::vector<std::string> argsIn(argv + 1, argv + argc);
    if (argsIn.empty()) return usageError("missing command");
    if (argsIn[0] == "version" || argsIn[0] == "--version") {
        std::cout << "lambda-playground 0.1.0 (scenario format 1)\n";
        return 0;
    }
    if (argsIn[0] == "help" || argsIn[0] == "--help" || argsIn[0] == "-h") {
        std::cout << kUsage;
        return 0;
    }
    if (argsIn[0] == "link") return linkCommand(argsIn);
    if (argsIn[0] == "import") return pg::cli::importCommand(argsIn);
    if (argsIn[0] == "export-sam") return pg::cli::exportSamCommand(argsIn);
    if (argsIn[0] == "compare") return pg::cli::compareCommand(argsIn);
    if (argsIn[0] == "sweep") return pg::cli::sweepCommand(argsIn);
    if (argsIn[0] != "run") return usageError("unknown command '" + argsIn[0] + "'");
    RunArgs args;
    for (std::size_t i = 1; i < argsIn.size(); ++i) {
        const std::string& a = argsIn[i];
        if (a == "--summary") {
            args.summary = true;
        } else if (a == "--no-items") {
            args.items = false;
        } else if (a == "--free-tier") {
            args.freeTier = true;
        } else if (a == "--max-events") {
            if (i + 1 >= argsIn.size()) return usageError(a + " needs a value");
            const auto n = parseCount(argsIn[++i]);
            if (!n || *n == 0) return usageError("--max-events: '" + argsIn[i] + "' is not a positive whole number");
            args.maxEvents = *n;
        } else if (a == "--trace-format") {
            if (i + 1 >= argsIn.size()) return usageError(a + " needs a value");
            const std::string& value = argsIn[++i];
            if (value != "jsonl" && value != "chrome") return usageError("--trace-format: '" + value + "' is not jsonl or chrome");
            args.chromeTrace = value == "chrome";
        } else if (a == "--until" || a == "--trace") {
            if (i + 1 >= argsIn.size()) return usageError(a + " needs a value");
            const std::string& value = argsIn[++i];
            if (a == "--trace") {
                args.traceFile = value;
                continue;
            }
            std::string error;
            const auto t = pg::scenario::parseDurationText(value, &error);
            if (!t || *t < 0) return usageError("--until: '" + value + "' is not a duration (e.g. 30s, 10m)" +
                                                (error.empty() ? "" : ": " + error));
            args.until = *t;
            args.hasUntil = true;
        } else if (!a.empty() && a[0] == '-') {
            return usageError("unknown option '" + a + "'");
        } else if (args.file.empty()) {
            args.file = a;
        } else {
            return usageError("more than one scenario file given");
        }
    }
    if (args.file.empty()) return usageError("run needs a scenario file");
    if (args.chromeTrace && args.traceFile.empty()) return usageError("--trace-format chrome needs --trace FILE");
    return runCommand(args);
}

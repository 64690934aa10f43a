// Shared by the libFuzzer targets (tests/fuzz/fuzz_*.cpp, built by the `fuzz` preset, PG_FUZZ=ON).
// A property that fails is reported on stderr and aborts, so libFuzzer saves the input as a crash artifact;
// every such input becomes a doctest regression case with the input inline (tests/scenario, tests/engine).
#pragma once
#include <cstdio>
#include <cstdlib>
#include <string>

#include "engine/engine.hpp"
#include "scenario/scenario_compare.hpp"
#include "scenario/scenario_json.hpp"

namespace pg::fuzz {

[[noreturn]] inline void fail(const std::string& what, const std::string& detail = {}) {
    std::fprintf(stderr, "FUZZ PROPERTY FAILED: %s\n%s\n", what.c_str(), detail.c_str());
    std::fflush(stderr);
    std::abort();
}

/// parseScenario never lets an exception reach its catch-all ("internal error"): every problem is a named one.
inline void checkNoInternalError(const scenario::ParseResult& r) {
    for (const auto& e : r.errors)
        if (e.message.rfind("internal error", 0) == 0) fail("parseScenario: " + e.message);
}

/// Export always imports back identically, indented and compact (issue 8, "nothing lost").
inline void checkRoundTrip(const sim::Scenario& s) {
    for (int indent : {2, -1}) {
        const std::string written = scenario::writeScenario(s, indent);
        const scenario::ParseResult again = scenario::parseScenario(written);
        if (!again.ok()) fail("written scenario does not parse back", written + "\n" + scenario::formatErrors(again.errors));
        const std::string diff = scenario::firstDifference(s, again.scenario);
        if (!diff.empty()) fail("round trip changed the scenario: " + diff, written);
        if (scenario::writeScenario(again.scenario, indent) != written) fail("writeScenario is not a fixed point", written);
    }
}

}  // namespace pg::fuzz

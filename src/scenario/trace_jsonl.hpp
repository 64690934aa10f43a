// A run's trace as JSON Lines: one JSON object per trace record (time, kind, ids, attempt, outcome, cause).
// One writer for the command line (`run --trace FILE.jsonl`) and the page (File > Export trace, issue 20).
#pragma once
#include <ostream>

#include "engine/engine.hpp"

namespace pg::scenario {

void writeTraceJsonl(const sim::Engine& engine, std::ostream& out);

}  // namespace pg::scenario

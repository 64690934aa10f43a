// `--trace FILE.jsonl`: one JSON object per trace record (time, kind, ids, attempt, outcome, cause).
#pragma once
#include <ostream>

#include "engine/engine.hpp"

namespace pg::cli {

void writeTraceJsonl(const sim::Engine& engine, std::ostream& out);

}  // namespace pg::cli

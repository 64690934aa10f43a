// The runner's default (non --summary) output: a short human-readable report.
#pragma once
#include <ostream>

#include "engine/engine.hpp"

namespace pg::cli {

void writeTextReport(const sim::Engine& engine, std::ostream& out);

}  // namespace pg::cli

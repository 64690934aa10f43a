// `lambda-playground compare A.json B.json [--summary] [--until DURATION] [--free-tier]` (or one AB.json whose
// "compare_b" is B): runs both scenarios
// on one clock (A's run_for, or --until) and prints the diff of compare/run_compare.hpp as a table, or as JSON
// with --summary.
#pragma once
#include <string>
#include <vector>

namespace pg::cli {

/// args[0] is "compare". Returns the exit code (0, or 2 for bad arguments or a bad scenario; 3 when a run
/// stopped at the events-per-run limit).
int compareCommand(const std::vector<std::string>& args);

}  // namespace pg::cli

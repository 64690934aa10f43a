// `lambda-playground sweep FILE.json [--set TARGET=v1,v2,...]... [--seeds N] [--jobs N] [--format csv|json]`:
// the grid of runs (src/sweep) on N threads, one row per run. Without --set, the file's own "sweep" key.
#pragma once
#include <string>
#include <vector>

namespace pg::cli {

/// args[0] is "sweep". Returns the exit code (0, or 2 with the errors on stderr).
int sweepCommand(const std::vector<std::string>& args);

}  // namespace pg::cli

// A run as Trace Event Format JSON (what Chrome's tracing and Perfetto open): one track (tid) per execution
// environment, each invocation a complete event ("X") named "<item> <result>", async queue dwell (accepted
// or requeued -> started) and SQS visibility waits (received -> visible again) as async spans ("b"/"e"),
// and per-second queue depths from the engine's metrics as counters ("C"). Timestamps are µs of virtual time.
#pragma once
#include <string>

#include "engine/engine.hpp"

namespace pg::templates {

/// Needs an engine run with storeTrace (and collectMetrics for the counters). Never throws.
std::string chromeTraceJson(const sim::Engine& engine);

}  // namespace pg::templates

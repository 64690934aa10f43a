// sweep_engine.wasm: the engine alone, for the page's sweep workers (web/sweep_worker.js). One C entry point:
// a cell's scenario JSON in, its row JSON out (src/sweep: the same row the command line prints). No ImGui, no
// SDL: a small module each worker instantiates once.
#include <emscripten.h>

#include <string>

#include "scenario/scenario_json.hpp"
#include "sweep/sweep.hpp"

namespace {
std::string g_row;
}

extern "C" {

/// The row of one run as JSON ({"run": 0, "values": {}, ...}: the worker's caller fills run and values), or
/// {"error": "..."} when the scenario does not parse. Valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* pg_sweep_run_cell(const char* scenarioJson) {
    const pg::scenario::ParseResult parsed = pg::scenario::parseScenario(scenarioJson ? scenarioJson : "");
    if (!parsed.ok()) {
        std::string message = pg::scenario::formatErrors(parsed.errors);
        for (char& c : message)
            if (c == '"' || c == '\\' || c == '\n') c = ' ';
        g_row = "{\"error\":\"" + message + "\"}";
        return g_row.c_str();
    }
    g_row = pg::sweep::rowJson(pg::sweep::runCell(parsed.scenario), {});
    return g_row.c_str();
}
}

// The only file with EMSCRIPTEN_KEEPALIVE: the narrow C API the page's JS and the browser tests call.
// Strings returned are owned here and valid until the next call of the same function.
#include <emscripten.h>

#include <string>

#include "web_host.hpp"

#ifndef PG_VERSION
#define PG_VERSION "0.1.0"
#endif

namespace {
std::string g_state, g_scenario, g_errors;
}

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* pg_app_version() { return PG_VERSION; }

EMSCRIPTEN_KEEPALIVE double pg_frame_count() { return static_cast<double>(pg::web::app().frameCount()); }

EMSCRIPTEN_KEEPALIVE double pg_device_pixel_ratio() { return pg::web::devicePixelRatio(); }

EMSCRIPTEN_KEEPALIVE const char* pg_state_json() {
    g_state = pg::web::app().stateJson();
    return g_state.c_str();
}

/// Returns 1 when loaded; 0 when the scenario was rejected (see pg_last_errors) and the current one kept.
EMSCRIPTEN_KEEPALIVE int pg_load_scenario(const char* json) {
    return pg::web::app().loadScenarioJson(json ? json : "", g_errors) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* pg_last_errors() { return g_errors.c_str(); }

EMSCRIPTEN_KEEPALIVE const char* pg_scenario_json() {
    g_scenario = pg::web::app().scenarioJson();
    return g_scenario.c_str();
}

}  // extern "C"

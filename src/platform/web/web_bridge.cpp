// The only file with EMSCRIPTEN_KEEPALIVE: the narrow C API the page's JS and the browser tests call.
// Strings returned are owned here and valid until the next call of the same function.
#include <emscripten.h>

#include <cstdio>
#include <string>

#include "web_host.hpp"

#ifndef PG_VERSION
#define PG_VERSION "0.1.0"
#endif

namespace {
std::string g_state, g_scenario, g_errors, g_rect;
}

// The browser clipboard for the UI's "copy as text" (ImGui's SDL clipboard does not reach it).
EM_JS(void, js_copy_text, (const char* text), {
    const s = UTF8ToString(text);
    if (navigator.clipboard) navigator.clipboard.writeText(s).catch(() => {});
    window.pgLastCopied = s;
});

namespace pg::web {
void installBridgeHooks() {
    app().setCopyHandler([](const std::string& text) { js_copy_text(text.c_str()); });
}
}  // namespace pg::web

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

/// Processes `n` events now (pauses playback).
EMSCRIPTEN_KEEPALIVE void pg_step(int n) { pg::web::app().apply(pg::ui::cmd::Step{n}); }

EMSCRIPTEN_KEEPALIVE void pg_set_playing(int playing) { pg::web::app().apply(pg::ui::cmd::SetPlaying{playing != 0}); }

/// Virtual seconds per wall second (1 = real time, up to 100000).
EMSCRIPTEN_KEEPALIVE void pg_set_speed(double speed) { pg::web::app().apply(pg::ui::cmd::SetSpeed{speed}); }

/// Selects a node by id, or an item by its id ("orders#13"); "" clears. Returns 1 when something matched.
EMSCRIPTEN_KEEPALIVE int pg_select(const char* id) {
    const std::string s = id ? id : "";
    return pg::web::app().selectById(s) ? 1 : 0;
}

/// Opens a bottom tab: 0 timeline, 1 journey, 2 metrics, 3 event log, 4 warnings.
EMSCRIPTEN_KEEPALIVE void pg_show_tab(int tab) { pg::web::app().showTab(tab); }

/// {"x","y","w","h","pin_x","pin_y"} of a node as last drawn, in CSS pixels; "" when not drawn.
EMSCRIPTEN_KEEPALIVE const char* pg_node_screen_rect(const char* id) {
    pg::ui::ScreenRect r;
    g_rect.clear();
    if (id && pg::web::app().nodeScreenRect(id, r)) {
        char buf[256];
        std::snprintf(buf, sizeof buf, "{\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"pin_x\":%.1f,\"pin_y\":%.1f}",
                      r.x, r.y, r.w, r.h, r.pinX, r.pinY);
        g_rect = buf;
    }
    return g_rect.c_str();
}

}  // extern "C"

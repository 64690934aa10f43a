// The only file with EMSCRIPTEN_KEEPALIVE: the narrow C API the page's JS and the browser tests call.
// Strings returned are owned here and valid until the next call of the same function.
#include <emscripten.h>
#include <imgui.h>

#include <cstdio>
#include <string>

#include "draw_stats.hpp"
#include "web_host.hpp"

#ifndef PG_VERSION
#define PG_VERSION "0.1.0"
#endif

namespace {
std::string g_draw, g_probe, g_state, g_embed_state, g_scenario, g_errors, g_rect, g_fragment, g_trace;
}

// The browser clipboard for the UI's "copy as text" (ImGui's SDL clipboard does not reach it).
EM_JS(void, js_copy_text, (const char* text), {
    const s = UTF8ToString(text);
    if (window.pgShell) { window.pgShell.copyText(s); return; }  // web/links.js: clipboard API with a fallback
    if (navigator.clipboard) navigator.clipboard.writeText(s).catch(() => {});
    window.pgLastCopied = s;
});

// Browser services the App asks for (web/links.js dispatches on a fixed list of verbs; nothing is evaluated).
EM_JS(void, js_shell_request, (const char* verb, const char* a, const char* b), {
    if (window.pgShell && typeof window.pgShell.request === 'function')
        window.pgShell.request(UTF8ToString(verb), UTF8ToString(a), UTF8ToString(b));
});

// A Mac (or iPad) browser: shortcuts use Cmd, text fields move by word with Alt (ImGui's macOS behaviours).
EM_JS(int, js_is_mac, (), {
    const platform = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || "";
    return /Mac|iPhone|iPad|iPod/.test(platform) ? 1 : 0;
});

// A sweep's cells to the page's workers (web/sweep.js); rows come back through pg_sweep_row.
EM_JS(void, js_sweep_start, (const char* cellsJson, int generation), {
    if (window.pgSweep) window.pgSweep.start(JSON.parse(UTF8ToString(cellsJson)), generation);
});
EM_JS(void, js_sweep_cancel, (), {
    if (window.pgSweep) window.pgSweep.cancel();
});
EM_JS(void, js_sweep_prepare, (), {
    if (window.pgSweep) window.pgSweep.prepare();
});

namespace {
std::string g_clipboard;  // ImGui's view of the clipboard: what it copied, or what the page last pasted
const char* getClipboard(void*) { return g_clipboard.c_str(); }
void setClipboard(void*, const char* text) {
    g_clipboard = text ? text : "";
    js_copy_text(g_clipboard.c_str());
}
}  // namespace

namespace pg::web {
void installBridgeHooks() {
    app().setCopyHandler([](const std::string& text) { js_copy_text(text.c_str()); });
    app().setShellHandler([](pg::ui::ShellVerb verb, const std::string& a, const std::string& b) {
        js_shell_request(pg::ui::shellVerbName(verb), a.c_str(), b.c_str());
    });
    pg::ui::SweepRunner runner;
    runner.start = [](const std::vector<std::string>& cells, int generation) {
        std::string json = "[";
        for (std::size_t i = 0; i < cells.size(); ++i) {
            json += i ? "," : "";
            json += '"';
            for (char c : cells[i]) {  // compact scenario JSON as a JSON string
                if (c == '"' || c == '\\') json += '\\';
                json += c;
            }
            json += '"';
        }
        json += "]";
        js_sweep_start(json.c_str(), generation);
    };
    runner.cancel = [] { js_sweep_cancel(); };
    runner.prepare = [] { js_sweep_prepare(); };
    app().setSweepRunner(std::move(runner));
    // Ctrl+C / Ctrl+V in ImGui text fields go through the browser's clipboard (the page feeds pastes in).
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = getClipboard;
    io.SetClipboardTextFn = setClipboard;
    io.ClipboardUserData = nullptr;
    io.ConfigMacOSXBehaviors = js_is_mac() != 0;  // Cmd+C/V/X/A/Z in text fields, Cmd+Z / Cmd+Y in the app
}
}  // namespace pg::web

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* pg_app_version() { return PG_VERSION; }

EMSCRIPTEN_KEEPALIVE double pg_frame_count() { return static_cast<double>(pg::web::app().frameCount()); }

EMSCRIPTEN_KEEPALIVE double pg_device_pixel_ratio() { return pg::web::devicePixelRatio(); }

/// What the last frame drew and how long its main-loop callback took (draw_stats.hpp; the bench reads it).
EMSCRIPTEN_KEEPALIVE const char* pg_draw_stats() {
    g_draw = pg::web::drawStatsJson();
    return g_draw.c_str();
}

/// The bench's per-frame probe: App::frameProbeJson's object with the callback's times added as "times".
EMSCRIPTEN_KEEPALIVE const char* pg_frame_probe() {
    g_probe = pg::web::app().frameProbeJson();
    g_probe.pop_back();  // its closing brace: "times" goes on in the same object
    g_probe += ",\"times\":{" + pg::web::frameTimesMembers() + "}}";
    return g_probe.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* pg_state_json() {
    g_state = pg::web::app().stateJson();
    return g_state.c_str();
}

/// Returns 1 when loaded; 0 when the scenario was rejected (see pg_last_errors) and the current one kept.
EMSCRIPTEN_KEEPALIVE int pg_load_scenario(const char* json) {
    return pg::web::app().loadScenarioJson(json ? json : "", g_errors) ? 1 : 0;
}

/// What an embed posts to its page four times a second (embed.js): App::embedStateJson, whose cost does not grow
/// with the run as pg_state_json's does (56-108 ms a call late in sqs_poison_100k's day, bench/README.md).
EMSCRIPTEN_KEEPALIVE const char* pg_embed_state() {
    g_embed_state = pg::web::app().embedStateJson();
    return g_embed_state.c_str();
}

/// The scenario's name: the page polls it for its title (links.js), which pg_state_json cost 5-15 ms a call
/// to answer while a 100k-message run played (it hashes the whole trace).
EMSCRIPTEN_KEEPALIVE const char* pg_scenario_name() { return pg::web::app().scenarioName().c_str(); }

EMSCRIPTEN_KEEPALIVE const char* pg_last_errors() { return g_errors.c_str(); }

EMSCRIPTEN_KEEPALIVE const char* pg_scenario_json() {
    g_scenario = pg::web::app().scenarioJson();
    return g_scenario.c_str();
}

/// Processes `n` events now (pauses playback).
EMSCRIPTEN_KEEPALIVE void pg_step(int n) { pg::web::app().apply(pg::ui::cmd::Step{n}); }

/// Back to t = 0 and paused, as the Home key.
EMSCRIPTEN_KEEPALIVE void pg_reset() { pg::web::app().apply(pg::ui::cmd::Reset{}); }

EMSCRIPTEN_KEEPALIVE void pg_set_playing(int playing) { pg::web::app().apply(pg::ui::cmd::SetPlaying{playing != 0}); }

/// Virtual seconds per wall second (1 = real time, up to 100000).
EMSCRIPTEN_KEEPALIVE void pg_set_speed(double speed) { pg::web::app().apply(pg::ui::cmd::SetSpeed{speed}); }

/// Selects a node by id, or an item by its id ("orders#13"); "" clears. Returns 1 when something matched.
EMSCRIPTEN_KEEPALIVE int pg_select(const char* id) {
    const std::string s = id ? id : "";
    return pg::web::app().selectById(s) ? 1 : 0;
}

/// The inspector's edit path: sets `key` of node `node` ("" = the scenario) to `value` through the validator.
/// Returns 1 when applied; 0 when rejected (the message is in pg_state_json's edit_error).
EMSCRIPTEN_KEEPALIVE int pg_set_param(const char* node, const char* key, const char* value) {
    pg::web::app().apply(pg::ui::cmd::SetParam{node ? node : "", -1, key ? key : "", value ? value : ""});
    return pg::web::app().lastEditError().empty() ? 1 : 0;
}

/// Opens a bottom tab: 0 timeline, 1 journey, 2 metrics, 3 event log, 4 warnings.
EMSCRIPTEN_KEEPALIVE void pg_show_tab(int tab) {
    if (const auto bottomTab = pg::ui::bottomTabAt(tab)) pg::web::app().showTab(*bottomTab);
}

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

// ---- sharing, files, embedding (issue 6; web/links.js, web/embed.js) ----

/// The share-link fragment (no '#') of the current scenario; with step index and selected item when at_step.
EMSCRIPTEN_KEEPALIVE const char* pg_share_fragment(int at_step) {
    g_fragment = pg::web::app().shareFragment(at_step != 0);
    return g_fragment.c_str();
}

/// What File > Copy link does: the link (page URL + fragment) to the clipboard; window.pgLastCopied in tests.
EMSCRIPTEN_KEEPALIVE void pg_copy_link(int at_step) { pg::web::app().copyLink(at_step != 0); }

/// Opens a share-link fragment. 1 when opened; 0 when broken (the app shows why and keeps the scenario).
EMSCRIPTEN_KEEPALIVE int pg_open_link(const char* fragment) {
    return pg::web::app().openShareLink(fragment ? fragment : "") ? 1 : 0;
}

/// Opens scenario JSON from `source` (named in the message). 1 when opened; 0 when rejected (shown in the app).
EMSCRIPTEN_KEEPALIVE int pg_open_scenario_text(const char* text, const char* source) {
    return pg::web::app().openScenarioText(text ? text : "", source && *source ? source : "the scenario") ? 1 : 0;
}

/// Opens a preset by file stem ("s3_async_dlq"). 1 when opened.
EMSCRIPTEN_KEEPALIVE int pg_open_preset(const char* stem) { return pg::web::app().openPreset(stem ? stem : "") ? 1 : 0; }

/// Embed mode; panel: -1 none, 0 timeline, 1 journey, 2 metrics, 3 event log, 4 warnings; title "" = scenario name.
EMSCRIPTEN_KEEPALIVE void pg_set_embed(int panel, const char* title) {
    pg::web::app().setEmbed(pg::ui::bottomTabAt(panel), title ? title : "");
}

/// The A/B comparison (issue 17): 0 end it (keep the edited side), 1 fork into B, 2 show the preset's fix,
/// 3 edit A, 4 edit B, 5 compare with preset `stem` as B. Returns 1 when done, 0 when it did not apply.
EMSCRIPTEN_KEEPALIVE int pg_compare(int action, const char* stem) {
    pg::ui::App& app = pg::web::app();
    switch (action) {
    case 0: app.endCompare(); return 1;
    case 1: return app.startCompare() ? 1 : 0;
    case 2: return app.showFix() ? 1 : 0;
    case 3: return app.editSide(false) ? 1 : 0;
    case 4: return app.editSide(true) ? 1 : 0;
    case 5: return app.compareWithPreset(stem ? stem : "") ? 1 : 0;
    }
    return 0;
}

/// ?embed&lock: 1 makes the embed read-only (play, step, scrub, inspect; no edit, wire or delete).
EMSCRIPTEN_KEEPALIVE void pg_set_locked(int locked) { pg::web::app().setLocked(locked != 0); }

/// 1 when the page may autosave the scenario now (not in embed mode, not a link the user has not kept).
EMSCRIPTEN_KEEPALIVE int pg_autosave_allowed() { return pg::web::app().autosaveAllowed() ? 1 : 0; }

/// Shows a message in the app (the page reports what it could not do, e.g. a file too large to read).
EMSCRIPTEN_KEEPALIVE void pg_show_notice(const char* title, const char* text) {
    pg::web::app().showNotice(title ? title : "", text ? text : "");
}

/// The run's trace so far as JSON Lines: the command line's writer (src/scenario/trace_jsonl.cpp).
EMSCRIPTEN_KEEPALIVE const char* pg_trace_jsonl() {
    g_trace = pg::web::app().traceJsonl();
    return g_trace.c_str();
}

/// What ImGui pastes next, without pasting it.
EMSCRIPTEN_KEEPALIVE void pg_set_clipboard_text(const char* text) { g_clipboard = text ? text : ""; }

/// Pastes `text` (null: what ImGui last copied) into the focused ImGui text field, as Ctrl+V (Cmd+V on a Mac)
/// would. web/links.js calls it from the browser's paste event: the only place the page may read the
/// clipboard, and one SDL never lets happen for Ctrl+V (it prevents the default of every Ctrl key, so links.js
/// keeps that keydown from SDL). `shortcut_held`: the user holds the shortcut key (Ctrl; Cmd on a Mac), so
/// it is left down after V; otherwise (the browser's Edit menu) it is released again. ImGui's event queue
/// spreads these over the next frames.
EMSCRIPTEN_KEEPALIVE void pg_paste_text(const char* text, int shortcut_held) {
    if (text) g_clipboard = text;
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiKey mod = io.ConfigMacOSXBehaviors ? ImGuiMod_Super : ImGuiMod_Ctrl;
    // Pressed even when held: SDL's keydown for it waits in SDL's queue until the next frame, while these go
    // straight to ImGui's, so a Ctrl+V typed within one frame reached ImGui as a bare V (a web test saw the
    // paste land nowhere one run in six). ImGui drops the repeated press when it already knows the key down.
    io.AddKeyEvent(mod, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    if (!shortcut_held) io.AddKeyEvent(mod, false);
}

/// A sweep run's row from a worker (web/sweep.js): run index, row JSON, the sweep's generation.
EMSCRIPTEN_KEEPALIVE void pg_sweep_row(int index, const char* rowJson, int generation) {
    pg::web::app().sweepRow(index, rowJson ? rowJson : "", generation);
}

}  // extern "C"

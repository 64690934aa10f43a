// What the UI remembers between frames and the model does not: selection, playback, canvas and timeline views.
// Plain data (Tracy's ViewData analogue); panels read and write it, App applies the playback fields.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "bottom_tab.hpp"
#include "engine/sim_time.hpp"
#include "engine/sim_types.hpp"

namespace pg::ui {

/// Wall seconds of simulation per frame at most, whatever the speed (issue 7; 8 ms of slice alone made the
/// callback's p95 16.6 ms, issue 21). The page gives less when the rest of its frames is slow (SliceBudget).
constexpr double kSimulationSliceSeconds = 0.004;
/// The slice of a frame that also checks the invariants (LiveChecks, one pass over every item) or refreshes the
/// warnings: those frames would otherwise be the slowest ones.
constexpr double kCheckFrameSliceSeconds = 0.001;

enum class SelectionKind { None, Node, Edge };

/// The status line's kinds: feedback on what a command did (green), or why it did nothing (red).
enum class StatusKind { Info, Error };

/// One-line feedback of the last command, shown in the menu bar.
struct StatusLine {
    StatusKind kind = StatusKind::Info;
    std::string text;
};

struct Selection {
    SelectionKind kind = SelectionKind::None;
    std::string node;  ///< node id (kind Node)
    int edge = -1;     ///< index into Scenario::edges (kind Edge)
    bool operator==(const Selection& o) const { return kind == o.kind && node == o.node && edge == o.edge; }
};

/// Screen rectangle of a node as last drawn (CSS pixels), with its output pin; exported for browser tests.
struct ScreenRect {
    float x = 0, y = 0, w = 0, h = 0, pinX = 0, pinY = 0;
};

/// A two-finger pinch since the last frame (issue 20): zoom by `scale` about (x, y) and pan by (dx, dy), CSS
/// pixels. The panel under (x, y) takes it (canvas, timeline); App clears it after the frame.
struct PinchInput {
    bool active = false;
    float x = 0, y = 0, scale = 1, dx = 0, dy = 0;
};

struct UiState {
    Selection selection;
    std::uint32_t selectedItem = sim::kNone;  ///< item index in Engine::items(), for journey/timeline
    bool playing = false;
    double speed = 10.0;  ///< virtual seconds per wall second
    // canvas view: screen = origin + pan + world * zoom
    float canvasPanX = 40, canvasPanY = 20, canvasZoom = 1.0f;
    float canvasCenterWorldX = 300, canvasCenterWorldY = 200;  ///< where palette clicks add nodes
    /// Fit the whole scenario into the canvas every frame (follows resizes and loads) until the user pans, zooms
    /// or drags; opening a scenario (preset, file, link) and embed mode turn it on (App::fitOnOpen).
    bool canvasFit = false;
    ScreenRect canvasRect;  ///< the canvas as last drawn (CSS pixels); exported for browser tests
    std::map<std::string, ScreenRect> nodeRects;
    std::map<std::string, ScreenRect> menuRects;   ///< menus, their items and "palette:<label>" entries (tests)
    bool locked = false;  ///< a locked embed (?embed&lock): play, step, scrub, select; no edit, wire or delete
    std::map<std::string, ScreenRect> fieldRects;  ///< inspector text fields as last drawn, by parameter key (tests)
    std::map<std::string, ScreenRect> badgeRects;  ///< inspector source badges as last drawn, by parameter key (tests)
    std::map<std::string, int> timelineShards;     ///< stream id -> shard lanes the timeline last drew (tests)
    std::string editError;    ///< last rejected edit (validator message); shown by the inspector
    StatusLine status;        ///< one-line feedback of the last command (status bar)
    std::optional<BottomTab> requestTab;  ///< bottom tab to open on the next frame
    std::string copyRequest;  ///< text a panel asked to copy to the clipboard (App hands it to the platform)
    /// Counts the engines built (each scenario opened or edited, undo, redo): panels drop what they derived
    /// from an older one (a new engine's trace may be as long as the old one's, so sizes cannot tell).
    std::uint64_t engineBuild = 0;
    double lastFrameSimMs = 0;  ///< wall ms spent simulating in the last frame
    /// While playing: virtual seconds per wall second actually simulated (smoothed over about half a second),
    /// and whether the per-frame simulation budget cut playback short in that time (the engine cannot keep up
    /// with `speed`, so the transport shows the achieved rate instead of pretending).
    double achievedSpeed = 0;
    bool simulationBound = false;
    double boundHold = 0;  ///< wall seconds left before simulationBound clears
    double lastFrameUiMs = 0;   ///< wall ms of the last App::frame (simulation + panels, CPU side)
    // Touch (issue 20).
    PinchInput pinch;
    bool touchUi = false;  ///< a finger has been used: buttons get finger-sized targets
    std::int64_t timelineSpanUs = 0;  ///< the span the timeline last drew (tests)
    /// Narrow screens and embeds (issue 20): fitting never zooms out past this, so counters stay readable.
    float canvasMinFitZoom = 0.3f;
    std::map<std::string, ScreenRect> panelRects;  ///< the panels' windows as last laid out, by title (tests)
    bool costOnCanvas = true;   ///< View > Cost on canvas: each priced node's cost so far above it
    bool costFreeTier = false;  ///< View > Free tier: the cost view subtracts the monthly free tier (docs/cost.md)
};

}  // namespace pg::ui

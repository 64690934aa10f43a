// What the UI remembers between frames and the model does not: selection, playback, canvas and timeline views.
// Plain data (Tracy's ViewData analogue); panels read and write it, App applies the playback fields.
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "engine/sim_time.hpp"
#include "engine/sim_types.hpp"

namespace pg::ui {

enum class SelectionKind { None, Node, Edge };

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

struct UiState {
    Selection selection;
    std::uint32_t selectedItem = sim::kNone;  ///< item index in Engine::items(), for journey/timeline
    bool playing = false;
    double speed = 10.0;  ///< virtual seconds per wall second
    // canvas view: screen = origin + pan + world * zoom
    float canvasPanX = 40, canvasPanY = 20, canvasZoom = 1.0f;
    float canvasCenterWorldX = 300, canvasCenterWorldY = 200;  ///< where palette clicks add nodes
    /// Fit the whole scenario into the canvas every frame (follows resizes and loads) until the user pans, zooms
    /// or drags; embed mode turns it on, since an embed's canvas is far smaller than the layout the presets assume.
    bool canvasFit = false;
    ScreenRect canvasRect;  ///< the canvas as last drawn (CSS pixels); exported for browser tests
    std::map<std::string, ScreenRect> nodeRects;
    std::map<std::string, ScreenRect> menuRects;   ///< File menu items as last drawn, by label (tests)
    std::map<std::string, ScreenRect> fieldRects;  ///< inspector text fields as last drawn, by parameter key (tests)
    std::string editError;    ///< last rejected edit (validator message); shown by the inspector
    std::string status;       ///< one-line feedback of the last command (status bar)
    int requestTab = -1;      ///< bottom tab to open on the next frame (-1 none)
    std::string copyRequest;  ///< text a panel asked to copy to the clipboard (App hands it to the platform)
    double lastFrameSimMs = 0;  ///< wall ms spent simulating in the last frame
    double lastFrameUiMs = 0;   ///< wall ms of the last App::frame (simulation + panels, CPU side)
};

}  // namespace pg::ui

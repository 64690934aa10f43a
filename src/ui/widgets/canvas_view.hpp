// The pan/zoom transform of a 2-D canvas: screen pixels <-> canvas (world) units, and zooming about a point
// (imgui-node-editor's imgui_canvas, reduced to the arithmetic). ImVec2 only; knows nothing of what is drawn.
#pragma once
#include <imgui.h>

namespace pg::ui {

/// screen = origin + pan + world * zoom
struct CanvasView {
    ImVec2 origin;          ///< the canvas's top-left corner on screen
    float panX = 0, panY = 0;  ///< screen offset of world (0, 0) from the origin
    float zoom = 1;         ///< screen pixels per world unit

    ImVec2 toScreen(double x, double y) const {
        return ImVec2(origin.x + panX + static_cast<float>(x) * zoom, origin.y + panY + static_cast<float>(y) * zoom);
    }
    ImVec2 toWorld(ImVec2 p) const { return ImVec2((p.x - origin.x - panX) / zoom, (p.y - origin.y - panY) / zoom); }

    /// Sets the zoom, panning so the world point under `anchor` (screen) stays under it.
    void zoomAbout(ImVec2 anchor, float newZoom) {
        const ImVec2 before = toWorld(anchor);
        zoom = newZoom;
        panX = anchor.x - origin.x - before.x * zoom;
        panY = anchor.y - origin.y - before.y * zoom;
    }
};

}  // namespace pg::ui

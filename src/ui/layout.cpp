#include "layout.hpp"

#include <algorithm>
#include <cmath>

namespace pg::ui {

namespace {
Layout stackedLayout(ImVec2 display, float top, float transportH) {
    // Canvas first, at more than half of what is left; the tabs (inspector, palette, timeline...) under it.
    const float rest = std::max(120.0f, display.y - top - transportH);
    const float canvasH = std::round(rest * 0.55f);
    Layout l;
    l.stacked = true;
    l.transport = {{0, top}, {display.x, transportH}};
    l.canvas = {{0, top + transportH}, {display.x, canvasH}};
    l.bottom = {{0, top + transportH + canvasH}, {display.x, rest - canvasH}};
    l.palette = {{0, l.bottom.pos.y}, {0, 0}};
    l.inspector = {{0, l.bottom.pos.y}, {0, 0}};
    return l;
}
}  // namespace

Layout computeLayout(ImVec2 display, float menuBarHeight, float transportHeight) {
    if (display.x < kStackedBelowWidth) return stackedLayout(display, menuBarHeight, transportHeight);
    const float transportH = transportHeight;
    const float sideW = std::clamp(display.x * 0.16f, 170.0f, 260.0f);
    const float inspectorW = std::clamp(display.x * 0.22f, 220.0f, 380.0f);
    const float bottomH = std::clamp(display.y * 0.30f, 140.0f, 360.0f);
    const float top = menuBarHeight;
    const float middleTop = top + transportH;
    const float middleH = std::max(80.0f, display.y - middleTop - bottomH);

    Layout l;
    l.transport = {{0, top}, {display.x, transportH}};
    l.palette = {{0, middleTop}, {sideW, middleH}};
    l.canvas = {{sideW, middleTop}, {std::max(80.0f, display.x - sideW - inspectorW), middleH}};
    l.inspector = {{display.x - inspectorW, middleTop}, {inspectorW, middleH}};
    l.bottom = {{0, middleTop + middleH}, {display.x, display.y - middleTop - middleH}};
    return l;
}

bool beginPanel(const char* title, const PanelRect& rect, ImGuiWindowFlags extraFlags) {
    ImGui::SetNextWindowPos(rect.pos);
    ImGui::SetNextWindowSize(rect.size);
    // No background of their own: the panels tile the screen, which the host clears in WindowBg's colour. Under
    // software WebGL every covered pixel costs, and a full-screen layer is several ms a frame (issue 7).
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground | extraFlags;
    return ImGui::Begin(title, nullptr, flags);
}

}  // namespace pg::ui

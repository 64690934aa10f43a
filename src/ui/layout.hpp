// The fixed window layout: transport bar on top, palette left, canvas centre, inspector right, bottom tabs.
#pragma once
#include <imgui.h>

namespace pg::ui {

struct PanelRect {
    ImVec2 pos;
    ImVec2 size;
};

/// Below this width (CSS pixels) the layout stacks (issue 20): transport, canvas, then one tabbed panel that
/// holds the inspector and the palette beside the bottom tabs; nothing is drawn over anything else.
constexpr float kStackedBelowWidth = 760.0f;

/// The smallest zoom a fitted canvas gets on narrow screens and in embeds: node counters stay readable.
constexpr float kReadableZoom = 0.75f;

struct Layout {
    PanelRect transport, palette, canvas, inspector, bottom;
    bool stacked = false;  ///< palette and inspector are tabs of `bottom` (their rectangles are empty)
};

/// Splits the display (CSS pixels) into the panels; side and bottom sizes shrink on small screens, and below
/// kStackedBelowWidth the panels stack.
Layout computeLayout(ImVec2 display, float menuBarHeight, float transportHeight = 96.0f);

/// Begins a fixed, undecorated-but-titled window at `rect`, without a background fill: the host clears the
/// screen in ImGuiCol_WindowBg first. Always pair with ImGui::End().
bool beginPanel(const char* title, const PanelRect& rect, ImGuiWindowFlags extraFlags = 0);

}  // namespace pg::ui

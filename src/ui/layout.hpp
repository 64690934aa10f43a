// The fixed window layout: transport bar on top, palette left, canvas centre, inspector right, bottom tabs.
#pragma once
#include <imgui.h>

namespace pg::ui {

struct PanelRect {
    ImVec2 pos;
    ImVec2 size;
};

struct Layout {
    PanelRect transport, palette, canvas, inspector, bottom;
};

/// Splits the display (CSS pixels) into the panels; side and bottom sizes shrink on small screens.
Layout computeLayout(ImVec2 display, float menuBarHeight);

/// Begins a fixed, undecorated-but-titled window at `rect`, without a background fill: the host clears the
/// screen in ImGuiCol_WindowBg first. Always pair with ImGui::End().
bool beginPanel(const char* title, const PanelRect& rect, ImGuiWindowFlags extraFlags = 0);

}  // namespace pg::ui

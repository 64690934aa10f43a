// Text and colours shared by the panels: the text helpers (text_format.hpp, ImGui-free) and mode colours.
// ImGui types only; no engine state.
#pragma once
#include <imgui.h>

#include "text_format.hpp"

namespace pg::ui {

ImU32 modeColour(sim::InvocationMode mode, float alpha = 1.0f);

namespace colours {
constexpr ImU32 kOk = IM_COL32(90, 190, 110, 255);
constexpr ImU32 kError = IM_COL32(235, 80, 70, 255);
constexpr ImU32 kTimeout = IM_COL32(240, 150, 50, 255);
constexpr ImU32 kThrottle = IM_COL32(200, 110, 230, 255);
constexpr ImU32 kCold = IM_COL32(90, 150, 240, 255);
constexpr ImU32 kWait = IM_COL32(150, 150, 160, 255);
constexpr ImU32 kText = IM_COL32(225, 228, 232, 255);
constexpr ImU32 kDim = IM_COL32(140, 145, 155, 255);
constexpr ImU32 kSelect = IM_COL32(255, 210, 80, 255);
constexpr ImU32 kSend = IM_COL32(190, 140, 255, 255);  // send edges: messages a function's code sends
}  // namespace colours

}  // namespace pg::ui

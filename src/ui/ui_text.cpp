// Colours shared by the panels (ImGui types); the text helpers live in text_format.cpp.
#include "ui_text.hpp"

namespace pg::ui {

using namespace sim;

ImU32 modeColour(InvocationMode mode, float alpha) {
    const int a = static_cast<int>(alpha * 255.0f);
    switch (mode) {
    case InvocationMode::Synchronous: return IM_COL32(80, 160, 240, a);
    case InvocationMode::Asynchronous: return IM_COL32(235, 160, 60, a);
    case InvocationMode::PollBased: return IM_COL32(110, 200, 140, a);
    case InvocationMode::None: break;
    }
    return IM_COL32(230, 120, 40, a);
}

}  // namespace pg::ui

// Touch in the browser (issue 20): SDL's finger events go through the gesture recogniser (ui/touch_gestures.hpp)
// and come out as ImGui mouse input marked as touch, or as a pinch for the panel under the fingers. SDL's own
// finger-to-mouse translation is off (main_web.cpp), so one finger is never two pointers.
#include "touch_input.hpp"

#include <imgui.h>

#include <cfloat>
#include <deque>

#include "ui/touch_gestures.hpp"
#include "web_host.hpp"

namespace pg::web {

namespace {
ui::TouchGestures g_gestures;

/// One ImGui mouse input: a position, or a button going down or up.
struct MouseStep {
    enum Kind { Pos, Down, Up } kind;
    ImGuiMouseButton button;
    float x, y;
};
std::deque<MouseStep> g_pending;

/// Turns the gestures into ImGui mouse input, then feeds it one button change a frame: a tap whose press and
/// release came between two frames otherwise reached ImGui as no click at all.
void deliver() {
    for (const ui::GestureEvent& e : g_gestures.take()) {
        switch (e.kind) {
        case ui::GestureEvent::Kind::PointerMove: g_pending.push_back({MouseStep::Pos, 0, e.x, e.y}); break;
        case ui::GestureEvent::Kind::PrimaryDown: g_pending.push_back({MouseStep::Down, ImGuiMouseButton_Left, 0, 0}); break;
        case ui::GestureEvent::Kind::PrimaryUp:
            g_pending.push_back({MouseStep::Up, ImGuiMouseButton_Left, 0, 0});
            g_pending.push_back({MouseStep::Pos, 0, -FLT_MAX, -FLT_MAX});  // a lifted finger hovers nothing
            break;
        case ui::GestureEvent::Kind::SecondaryClick:
            g_pending.push_back({MouseStep::Down, ImGuiMouseButton_Right, 0, 0});
            g_pending.push_back({MouseStep::Up, ImGuiMouseButton_Right, 0, 0});
            break;
        case ui::GestureEvent::Kind::Pinch: app().pinch(e.x, e.y, e.scale, e.dx, e.dy); break;
        }
    }
    ImGuiIO& io = ImGui::GetIO();
    while (!g_pending.empty()) {
        const MouseStep step = g_pending.front();
        g_pending.pop_front();
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        if (step.kind == MouseStep::Pos) {
            io.AddMousePosEvent(step.x, step.y);
            continue;
        }
        io.AddMouseButtonEvent(step.button, step.kind == MouseStep::Down);
        return;  // the rest next frame
    }
}
}  // namespace

bool handleTouchEvent(const SDL_Event& event) {
    if (event.type != SDL_FINGERDOWN && event.type != SDL_FINGERMOTION && event.type != SDL_FINGERUP) return false;
    // SDL gives the finger in 0..1 of the canvas; ImGui works in CSS pixels (the display size).
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float x = event.tfinger.x * display.x, y = event.tfinger.y * display.y;
    const long id = static_cast<long>(event.tfinger.fingerId);
    // When the finger moved (SDL stamps the event as the browser delivers it), not when the frame polls it: a
    // quick tap in a slow frame is still a tap, not a long press.
    const double now = static_cast<double>(event.tfinger.timestamp);
    app().setTouchUi(true);
    if (event.type == SDL_FINGERDOWN) g_gestures.down(id, x, y, now);
    else if (event.type == SDL_FINGERMOTION) g_gestures.move(id, x, y, now);
    else g_gestures.up(id, x, y, now);
    return true;
}

void tickTouch() {
    g_gestures.tick(static_cast<double>(SDL_GetTicks()));
    deliver();
}

bool touchIdle() { return g_gestures.idle() && g_pending.empty(); }

}  // namespace pg::web

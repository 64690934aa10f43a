// Touch in the browser (issue 20): SDL's finger events go through the gesture recogniser (ui/touch_gestures.hpp)
// and come out as ImGui mouse input marked as touch, or as a pinch for the panel under the fingers. SDL's own
// finger-to-mouse translation is off (main_web.cpp), so one finger is never two pointers.
#include "touch_input.hpp"

#include <emscripten.h>
#include <imgui.h>

#include <cfloat>

#include "ui/touch_gestures.hpp"
#include "web_host.hpp"

namespace pg::web {

namespace {
ui::TouchGestures g_gestures;

void deliver() {
    ImGuiIO& io = ImGui::GetIO();
    for (const ui::GestureEvent& e : g_gestures.take()) {
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        switch (e.kind) {
        case ui::GestureEvent::Kind::PointerMove: io.AddMousePosEvent(e.x, e.y); break;
        case ui::GestureEvent::Kind::PrimaryDown: io.AddMouseButtonEvent(ImGuiMouseButton_Left, true); break;
        case ui::GestureEvent::Kind::PrimaryUp:
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
            io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // a lifted finger hovers nothing (no tooltip left behind)
            break;
        case ui::GestureEvent::Kind::SecondaryClick:
            io.AddMouseButtonEvent(ImGuiMouseButton_Right, true);
            io.AddMouseButtonEvent(ImGuiMouseButton_Right, false);
            break;
        case ui::GestureEvent::Kind::Pinch: app().pinch(e.x, e.y, e.scale, e.dx, e.dy); break;
        }
    }
}
}  // namespace

bool handleTouchEvent(const SDL_Event& event) {
    if (event.type != SDL_FINGERDOWN && event.type != SDL_FINGERMOTION && event.type != SDL_FINGERUP) return false;
    // SDL gives the finger in 0..1 of the canvas; ImGui works in CSS pixels (the display size).
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float x = event.tfinger.x * display.x, y = event.tfinger.y * display.y;
    const long id = static_cast<long>(event.tfinger.fingerId);
    const double now = emscripten_get_now();
    app().setTouchUi(true);
    if (event.type == SDL_FINGERDOWN) g_gestures.down(id, x, y, now);
    else if (event.type == SDL_FINGERMOTION) g_gestures.move(id, x, y, now);
    else g_gestures.up(id, x, y, now);
    deliver();
    return true;
}

void tickTouch() {
    g_gestures.tick(emscripten_get_now());
    deliver();
}

}  // namespace pg::web

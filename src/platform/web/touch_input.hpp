// Touch in the browser (issue 20): fingers to gestures to ImGui input; see touch_input.cpp.
#pragma once
#include <SDL.h>

namespace pg::web {

/// Takes SDL's finger events (true when `event` was one); the main loop passes the rest to ImGui.
bool handleTouchEvent(const SDL_Event& event);
/// Once a frame, before ImGui::NewFrame: a finger held still becomes a long press.
void tickTouch();
/// No finger down and nothing left to hand to ImGui: frames may be skipped without losing a gesture.
bool touchIdle();

}  // namespace pg::web

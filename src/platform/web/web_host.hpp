// The one App of the page, shared by the main loop and the JS bridge.
#pragma once
#include "ui/app.hpp"

namespace pg::web {

ui::App& app();
float devicePixelRatio();
/// Connects the App to browser services (clipboard); called once at startup.
void installBridgeHooks();

}  // namespace pg::web

// The one App of the page, shared by the main loop and the JS bridge.
#pragma once
#include "ui/app.hpp"

namespace pg::web {

ui::App& app();
float devicePixelRatio();

}  // namespace pg::web

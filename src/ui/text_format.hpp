// Text shared by the panels and the UI model (warnings): time formatting, service names and badges.
// No ImGui, no engine state: part of pg_ui_model.
#pragma once
#include <string>

#include "engine/scenario_config.hpp"

namespace pg::ui {

std::string formatClock(sim::SimTime t);      ///< "00:03:12.450" (days prefixed as "2d 01:00:00.000")
std::string formatDuration(sim::SimTime d);   ///< "250 ms", "30 s", "2 min", "1 h 30 min", "4 d"
std::string formatCalendar(sim::SimTime t);   ///< "2025-01-05 00:10:00 UTC" (sim epoch 2025-01-01, model choice)
const char* serviceName(sim::NodeType type);  ///< "API Gateway", "SQS", ...
const char* serviceBadge(sim::NodeType type); ///< 2-4 letter icon text: "APIGW", "SQS", "λ"
const char* modeName(sim::InvocationMode mode);

}  // namespace pg::ui

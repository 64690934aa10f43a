// Canvas prepare step: what the paint step draws besides the boxes, read from the engine once per frame: the
// dots recent trace records put on edges and loops, failure flashes, and each node's counter lines.
// Reads the engine only; draws nothing.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/engine.hpp"

namespace pg::ui::canvas {

/// Where recent trace records put moving dots: per path (edge lane, loop arc...) a list of fractions.
struct Motion {
    std::vector<std::vector<std::pair<float, ImU32>>> edgeForward, edgeBack, edgeReturn;  // per edge
    std::vector<std::vector<float>> retryLoop;      // per node (function)
    std::vector<float> flash;                       // per node: 0..1 failure flash
    std::vector<ImU32> flashColour;
    std::vector<std::vector<std::pair<std::uint32_t, float>>> delivered;  // per node (destination): from fn node
};

/// How far back in virtual time a dot still moves: longer at higher playback speeds.
sim::SimTime animationWindow(double speed);

Motion prepareMotion(const sim::Engine& engine, const sim::Scenario& scenario, sim::SimTime window);

/// The counter lines written in node `node`; `compact` writes large counts as "140k".
std::vector<std::string> counterLines(const sim::Engine& engine, std::uint32_t node, const sim::Node& n, bool compact);

}  // namespace pg::ui::canvas

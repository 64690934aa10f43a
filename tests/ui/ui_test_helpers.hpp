// Shared helpers for the UI-model suite: presets read through the scenario reader, run as the app runs them.
#pragma once
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "engine/engine.hpp"
#include "scenario/scenario_json.hpp"

namespace pg::ui::test {

/// assets/scenarios/<name>.json, which must read without errors.
inline sim::Scenario loadPreset(const std::string& name) {
    std::ifstream in(std::string(PG_SOURCE_DIR) + "/assets/scenarios/" + name + ".json", std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open preset " << name);
    std::stringstream text;
    text << in.rdbuf();
    const scenario::ParseResult parsed = scenario::parseScenario(text.str());
    REQUIRE_MESSAGE(parsed.ok(), scenario::formatErrors(parsed.errors));
    return parsed.scenario;
}

inline int nodeAt(const sim::Scenario& s, const std::string& id) {
    for (std::size_t i = 0; i < s.nodes.size(); ++i)
        if (s.nodes[i].id == id)
            return static_cast<int>(i);
    FAIL("no node " << id);
    return -1;
}

} // namespace pg::ui::test

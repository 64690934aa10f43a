// Seed corpora for the fuzz targets: every preset in assets/scenarios/ as JSON (scenario, simulate) and as
// share links, with and without a step and a selected item (share_link). Usage: make_seeds <source dir> <out dir>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "scenario/scenario_json.hpp"
#include "scenario/share_link.hpp"

namespace fs = std::filesystem;

static void writeFile(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: make_seeds <source dir> <out dir>\n";
        return 2;
    }
    const fs::path presets = fs::path(argv[1]) / "assets/scenarios", out = argv[2];
    for (const char* dir : {"scenario", "share_link"}) fs::create_directories(out / dir);
    int count = 0;
    for (const auto& entry : fs::directory_iterator(presets)) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        const std::string stem = entry.path().stem().string();
        writeFile(out / "scenario" / (stem + ".json"), text.str());
        const auto parsed = pg::scenario::parseScenario(text.str());
        if (!parsed.ok()) {
            std::cerr << entry.path() << ": preset does not parse\n" << pg::scenario::formatErrors(parsed.errors);
            return 1;
        }
        writeFile(out / "scenario" / (stem + ".compact.json"), pg::scenario::writeScenario(parsed.scenario, -1));
        writeFile(out / "share_link" / (stem + ".txt"), pg::scenario::encodeShareLink(parsed.scenario));
        std::string item = parsed.scenario.nodes.empty() ? "x#1" : parsed.scenario.nodes.front().id + "#3";
        writeFile(out / "share_link" / (stem + ".step.txt"), "#" + pg::scenario::encodeShareLink(parsed.scenario, 42, item));
        ++count;
    }
    std::cout << "seeded " << count << " presets into " << out << "\n";
    return count > 0 ? 0 : 1;
}

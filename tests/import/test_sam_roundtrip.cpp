// export-sam then import gives back the scenario, for the settings AWS has properties for (awsProjection):
// over every preset and over random scenarios of every node type (tests/common/random_scenario.hpp).
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../common/random_scenario.hpp"
#include "import_test_helpers.hpp"
#include "scenario/scenario_compare.hpp"

using namespace pg::templates;
namespace sim = pg::sim;

namespace {

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The round trip of one scenario: "" when it holds, else what differs.
std::string roundTripDifference(const sim::Scenario& s) {
    const std::string exported = exportSam(s);
    const ImportResult back = importTemplate(exported);
    if (!back.isTemplate) return "not a template: " + back.error;
    const std::string diff = pg::scenario::firstDifference(awsProjection(s), awsProjection(back.scenario));
    if (!diff.empty()) return diff + "\n" + exported;
    const auto errors = pg::scenario::validate(back.scenario);
    if (!errors.empty()) return pg::scenario::formatErrors(errors) + "\n" + exported;
    return "";
}

}  // namespace

TEST_CASE("round trip import(export-sam(x)) over every preset") {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(PG_SOURCE_DIR) / "assets/scenarios"))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    REQUIRE(files.size() >= 12);
    for (const auto& file : files) {
        INFO(file.filename().string());
        const pg::scenario::ParseResult parsed = pg::scenario::parseScenario(readText(file));
        REQUIRE(parsed.ok());
        CHECK(roundTripDifference(parsed.scenario) == "");
    }
}

TEST_CASE("round trip import(export-sam(x)) over random scenarios, fan-out and several mappings included") {
    pg::test::RandomScenarioOptions options;
    options.fanOut = true;
    options.severalMappings = true;
    for (const bool extended : {false, true}) {
        pg::test::RandomScenarioGenerator gen(extended ? 0x5a3 : 0x17, extended ? options : pg::test::RandomScenarioOptions{});
        int checked = 0;
        for (int n = 0; n < 200; ++n) {
            const sim::Scenario s = gen.next();
            if (!pg::scenario::validate(s).empty()) continue;
            INFO("scenario " << n << (extended ? " (extended)" : ""));
            REQUIRE(roundTripDifference(s) == "");
            ++checked;
        }
        CHECK(checked > 100);
    }
}

TEST_CASE("the projection keeps AWS settings and drops what a template cannot say") {
    sim::Scenario s;
    sim::Node fn;
    fn.id = "fn";
    fn.function.timeout = 7 * sim::kSecond;
    fn.function.coldStart = sim::kSecond;  // a model choice, not an AWS property
    fn.traffic.count = 3;
    fn.x = 500;
    sim::Node alb;
    alb.id = "lb";
    alb.type = sim::NodeType::Alb;  // no SAM event source
    s.nodes = {fn, alb};
    sim::Edge e;
    e.from = "lb";
    e.to = "fn";
    s.edges.push_back(e);
    const sim::Scenario p = awsProjection(s);
    REQUIRE(p.nodes.size() == 1);
    CHECK(p.nodes[0].function.timeout == 7 * sim::kSecond);
    CHECK(p.nodes[0].function.coldStart == sim::FunctionConfig{}.coldStart);
    CHECK(p.nodes[0].x == 0);
    CHECK(p.edges.empty());
}

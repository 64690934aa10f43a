// Nothing lost (issue 8): export always imports back identically, for random scenarios over every node type
// (tests/common/random_scenario.hpp), as indented JSON, compact JSON and share links.
#include "../common/random_scenario.hpp"
#include "scenario/scenario_compare.hpp"
#include "scenario/share_link.hpp"
#include "scenario_test_helpers.hpp"

using namespace pg::scenario;
namespace sim = pg::sim;

TEST_CASE("random scenarios: the generator makes valid ones, and every one round-trips through JSON and links") {
    pg::test::RandomScenarioGenerator gen(0x5eed);
    int valid = 0;
    const int total = 500;  // more run (validated) in tests/engine/test_properties.cpp; quick under ASan
    std::string firstInvalid;
    for (int n = 0; n < total; ++n) {
        CAPTURE(n);
        const sim::Scenario s = gen.next();
        const std::string written = writeScenario(s);
        const ParseResult r = parseScenario(written);
        if (!r.ok()) {
            if (firstInvalid.empty()) firstInvalid = written + "\n" + formatErrors(r.errors);
            continue;
        }
        ++valid;
        INFO(written);
        REQUIRE(firstDifference(s, r.scenario) == "");
        REQUIRE(writeScenario(r.scenario) == written);
        const std::string compact = writeScenario(s, -1);
        const ParseResult c = parseScenario(compact);
        REQUIRE(c.ok());
        REQUIRE(firstDifference(s, c.scenario) == "");
        const auto step = static_cast<std::uint64_t>(n * 7);
        const std::string item = "src0#" + std::to_string(n % 13 + 1);
        const DecodedShareLink link = decodeShareLink(encodeShareLink(s, step, item));
        REQUIRE(link.ok());
        REQUIRE(firstDifference(s, link.scenario) == "");
        CHECK(link.step == step);
        CHECK(link.item == item);
    }
    INFO("first invalid scenario:\n" << firstInvalid);
    CHECK(valid >= total * 95 / 100);  // the generator really exercises valid scenarios
}

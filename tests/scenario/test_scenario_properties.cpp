// Property tests over damaged preset text: parseScenario never crashes or throws, and whatever it accepts
// round-trips exactly through writeScenario.
#include "scenario/scenario_compare.hpp"
#include "scenario_test_helpers.hpp"

using namespace pg::scenario;
using namespace pg::scenario::test;

namespace {

struct Lcg {
    std::uint64_t state;
    std::size_t next(std::size_t bound) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::size_t>(state >> 33) % bound;
    }
};

}  // namespace

TEST_CASE("damaged presets never crash, and accepted ones round-trip") {
    static const char* const kSnippets[] = {"0", "-1", "1e9", "\"\"", "\"5m\"", "\"1.5ms\"", "true", "null", "[]",
                                            "{}", ",", ":", "\"orders\"", "\"fn\"", "\"sqs\"", "\"function\""};
    Lcg rng{2024};
    int accepted = 0, rejected = 0;
    for (const auto& file : presetFiles()) {
        const std::string original = readFile(file);
        for (int round = 0; round < 150; ++round) {
            std::string text = original;
            const std::size_t edits = 1 + rng.next(3);
            for (std::size_t e = 0; e < edits && !text.empty(); ++e) {
                const std::size_t at = rng.next(text.size());
                switch (rng.next(4)) {
                case 0: text.erase(at, 1 + rng.next(8)); break;
                case 1: text.insert(at, kSnippets[rng.next(std::size(kSnippets))]); break;
                case 2: text[at] = static_cast<char>(rng.next(256)); break;
                default: text.resize(at); break;
                }
            }
            ParseResult r;
            REQUIRE_NOTHROW(r = parseScenario(text));
            if (!r.ok()) {
                ++rejected;
                for (const ScenarioError& err : r.errors) CHECK_FALSE(err.message.empty());
                continue;
            }
            ++accepted;
            ParseResult again = parseScenario(writeScenario(r.scenario));
            REQUIRE(again.ok());
            CHECK(firstDifference(r.scenario, again.scenario) == "");
        }
    }
    CHECK(rejected > 0);
    CHECK(accepted > 0);
}

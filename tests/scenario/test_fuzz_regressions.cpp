// Inputs found by the libFuzzer targets (tests/fuzz, issue 8), kept inline as regression cases. Each one names
// the target that found it and what was wrong.
#include "scenario/share_link.hpp"
#include "scenario_test_helpers.hpp"

using namespace pg::scenario;

TEST_CASE("fuzz regression (fuzz_scenario, fuzz_simulate): a number beyond a double is a named JSON error") {
    // nlohmann throws out_of_range (not parse_error) for 1e400-like literals; it reached the reader's
    // catch-all as "internal error while reading the scenario" with no position.
    ParseResult r = parseScenario(R"({"version":11e308})");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message == "invalid JSON: the number 11e308 is too large (numbers must fit in a double, "
                                 "at most about 1.8e308)");
    CHECK(r.errors[0].line == 1);
    CHECK(r.errors[0].column == 12);
    r = parseScenario("{\"version\": 1,\n \"nodes\": [{\"id\": \"f\", \"type\": \"function\", \"position\": [420, 21e30800]}]}");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.find("the number 21e30800 is too large") != std::string::npos);
    CHECK(r.errors[0].line == 2);
    CHECK(r.errors[0].column == 62);
    CHECK(r.errors[0].message.find("internal error") == std::string::npos);
    CHECK_FALSE(parseScenario("[-1e999]").ok());
}

TEST_CASE("fuzz regression (fuzz_share_link): a link whose JSON has a number beyond a double is InvalidJson") {
    // Found by fuzz_share_link: a preset's link with "8e500" inside the deflated JSON.
    const char* link =
        "v1.dZLRboMwDEV_xbK0NzpRNqSJt039i6pCITElGyRRElZRxL_PUNq10vaWxDfX58YZ8Zt80NZgsU3QiI6wwN3AC7v7gBA9iQ5OOjYgwAkv2pZa"
        "fRaRb0AtZLQeE1QUpNcuLjb4_o8QbA05-N4E6B1Ey5vKRNlQAEceQiO8AhHBGklwanRL8EXktDmC9YoVs4qto15Mv2h45t6BSDH7S4LsXNbMU2DW"
        "ccFYxsJiP6JmAS4WYRNF1RJX4-DmpGpJqqrykpQLraiovelh0cOt6mzQl5j7tzTJ0vTAVl7UtZZYjOhJ8j3uuk1TBhIRSoYuAx8bhsj4sLJquNpv"
        "RjPNptdMJWe6qz1l6YTTlKwJnAefJOMvfA0bucA8cL1RnqZdwIk1pI7rK9Xedn-8k33ovAysDPrM_fOF_H7Q5fojinw6TD8";
    const DecodedShareLink d = decodeShareLink(link);
    CHECK(d.error == ShareLinkError::InvalidJson);
    CHECK_FALSE(d.message.empty());
    REQUIRE(d.scenarioErrors.size() == 1);
    CHECK(d.scenarioErrors[0].message.find("is too large") != std::string::npos);
}

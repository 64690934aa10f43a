// Typed text -> a setting (setSettingFromText, the one parser of the inspector and of sweeps): a text means
// what the same value means in a file. Each accepted case is checked against the scenario reader given that
// value as JSON (docs/scenario-format.md "Conventions": a duration is a string with a unit or a number of
// seconds; -1 only where a key documents it; booleans are true/false), so the two can never drift apart.
#include "scenario/settings.hpp"
#include "scenario_test_helpers.hpp"

namespace pg::scenario::test {

namespace {

/// The setting at a JSON path of baseScenario(): "/seed", "/nodes/1/timeout", "/edges/2/maximum_record_age".
struct At {
    sim::Scenario scenario;
    const Setting* setting = nullptr;
    SettingTarget target;
};

At settingAt(const std::string& path) {
    At at;
    const ParseResult base = parseScenario(baseScenario().dump());
    REQUIRE(base.ok());
    at.scenario = base.scenario;
    at.target.scenario = &at.scenario;
    SettingOwner owner = SettingOwner::Scenario;
    sim::NodeType type = sim::NodeType::Function;
    std::string key = path.substr(1);
    for (const char* list : {"nodes/", "edges/"}) {
        if (key.rfind(list, 0) != 0) continue;
        const std::size_t slash = key.find('/', 6);
        const auto index = static_cast<std::size_t>(std::stoi(key.substr(6, slash - 6)));
        key = key.substr(slash + 1);
        if (list[0] == 'n') {
            owner = SettingOwner::Node;
            at.target.node = &at.scenario.nodes.at(index);
            type = at.target.node->type;
        } else {
            owner = SettingOwner::Edge;
            at.target.edge = &at.scenario.edges.at(index);
            for (const sim::Node& n : at.scenario.nodes)
                if (n.id == at.target.edge->from) type = n.type;
        }
    }
    std::replace(key.begin(), key.end(), '/', '.');
    at.setting = findSetting(owner, key, type);
    REQUIRE_MESSAGE(at.setting != nullptr, "no setting at " << path);
    return at;
}

/// The scenario the reader makes of baseScenario() with `value` at `path`.
sim::Scenario readWith(const std::string& path, const json& value) {
    json doc = baseScenario();
    doc[json::json_pointer(path)] = value;
    const ParseResult r = parseScenario(doc.dump());
    REQUIRE_MESSAGE(r.ok(), formatErrors(r.errors));
    return r.scenario;
}

}  // namespace

TEST_CASE("setting text: an accepted text means what the same value means in a file") {
    struct Case {
        const char* path;
        const char* text;
        const char* jsonValue;
    };
    const Case cases[] = {
        {"/nodes/1/timeout", "30s", R"("30s")"},
        {"/nodes/1/timeout", "0.25m", R"("15s")"},
        {"/nodes/1/timeout", "30", "30"},  // a number of seconds, as a JSON number is
        {"/nodes/1/cold_start", "0.25", "0.25"},  // 250 ms exactly
        {"/nodes/1/idle_lifetime", "-1", "-1"},  // the documented "never"
        {"/nodes/1/idle_lifetime", "2m", "120"},
        {"/edges/2/maximum_record_age", "-1", "-1"},
        {"/edges/2/maximum_record_age", "60", R"("1m")"},
        {"/edges/2/maximum_retry_attempts", "-1", "-1"},
        {"/edges/2/bisect_batch_on_function_error", "true", "true"},
        {"/edges/1/report_batch_item_failures", "true", "true"},
        {"/edges/2/starting_position", "LATEST", R"("LATEST")"},
        {"/nodes/1/reserved_concurrency", "5", "5"},
        {"/nodes/1/memory", "512", "512"},
        {"/nodes/2/traffic/rate_per_second", "2.5", "2.5"},
        {"/seed", "18446744073709551615", "18446744073709551615"},  // the largest seed a file can hold
    };
    for (const Case& c : cases) {
        const std::string path = c.path, text = c.text;
        CAPTURE(path);
        CAPTURE(text);
        At at = settingAt(c.path);
        CHECK(setSettingFromText(*at.setting, at.target, c.text) == "");
        CHECK(firstDifference(at.scenario, readWith(c.path, json::parse(c.jsonValue))) == "");
    }
}

TEST_CASE("setting text: empty text unsets an optional and means -1 where -1 is documented") {
    At optional = settingAt("/nodes/1/reserved_concurrency");
    REQUIRE(setSettingFromText(*optional.setting, optional.target, "5") == "");
    CHECK(optional.target.node->function.reservedConcurrency.has_value());
    CHECK(setSettingFromText(*optional.setting, optional.target, "") == "");
    CHECK(!optional.target.node->function.reservedConcurrency.has_value());

    At age = settingAt("/edges/2/maximum_record_age");
    REQUIRE(setSettingFromText(*age.setting, age.target, "60s") == "");
    CHECK(setSettingFromText(*age.setting, age.target, "") == "");
    CHECK(firstDifference(age.scenario, readWith("/edges/2/maximum_record_age", -1)) == "");
}

TEST_CASE("setting text: a text of the wrong kind is refused with the text, and nothing changes") {
    struct Case {
        const char* path;
        const char* text;
        const char* message;  // the whole message, or its start when it ends in ':'
    };
    const Case cases[] = {
        // The timeout documents no -1, and "30 s" has a space (the format refuses both in a file too).
        {"/nodes/1/timeout", "-1", R"("-1" is not a duration (e.g. 150ms, 30s, 5m, 4h, 4d, or a number of seconds):)"},
        {"/nodes/1/timeout", "30 s",
         R"("30 s" is not a duration (e.g. 150ms, 30s, 5m, 4h, 4d, or a number of seconds):)"},
        {"/nodes/1/timeout", "", R"("" is not a duration (e.g. 150ms, 30s, 5m, 4h, 4d, or a number of seconds):)"},
        {"/edges/2/maximum_record_age", "-2",
         R"("-2" is not a duration (e.g. 150ms, 30s, 5m, 4h, 4d, or a number of seconds; -1 for no limit):)"},
        // Booleans are true or false, as in a file: "1" is not one.
        {"/edges/1/report_batch_item_failures", "1", R"("1" is not true or false)"},
        {"/edges/1/report_batch_item_failures", "yes", R"("yes" is not true or false)"},
        {"/nodes/1/memory", "5.0", R"("5.0" is not a whole number)"},
        {"/nodes/1/memory", "0x80", R"("0x80" is not a whole number)"},
        {"/nodes/1/memory", "99999999999999999999", R"("99999999999999999999" is not a whole number)"},  // > 2^63
        {"/seed", "-1", R"("-1" is not a whole number of 0 or more)"},
        {"/nodes/2/traffic/rate_per_second", "inf", R"("inf" is not a number)"},
        {"/nodes/2/traffic/rate_per_second", "nan", R"("nan" is not a number)"},
        {"/nodes/2/traffic/rate_per_second", "0x10", R"("0x10" is not a number)"},
        {"/nodes/2/traffic/rate_per_second", " 2", R"(" 2" is not a number)"},
        {"/edges/2/starting_position", "latest", R"("latest" is not one of TRIM_HORIZON, LATEST, AT_TIMESTAMP)"},
    };
    for (const Case& c : cases) {
        const std::string path = c.path, text = c.text;
        CAPTURE(path);
        CAPTURE(text);
        At at = settingAt(c.path);
        const sim::Scenario before = at.scenario;
        const std::string message = setSettingFromText(*at.setting, at.target, c.text);
        const std::string expected = c.message;
        if (expected.back() == ':')
            CHECK(message.rfind(expected, 0) == 0);
        else
            CHECK(message == expected);
        CHECK(firstDifference(at.scenario, before) == "");
    }
}

}  // namespace pg::scenario::test

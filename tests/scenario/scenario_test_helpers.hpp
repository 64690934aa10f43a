// Shared helpers for the scenario suites: a small valid base scenario to mutate, error assertions, presets.
#pragma once
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "scenario/scenario_compare.hpp"
#include "scenario/scenario_json.hpp"

namespace pg::scenario::test {

using json = nlohmann::json;

/// One of every kind the rules talk about: sync, async and poll-based sources, a function with async
/// settings, queues and a stream. Valid as it stands.
inline json baseScenario() {
    return json::parse(R"({
      "version": 1, "name": "base", "seed": 3, "run_for": "10m",
      "nodes": [
        { "id": "api", "type": "api_gateway", "traffic": { "requests": 5 } },
        { "id": "fn", "type": "function", "timeout": "3s" },
        { "id": "orders", "type": "sqs", "traffic": { "messages": 5 } },
        { "id": "dlq", "type": "sqs" },
        { "id": "topic", "type": "sns", "traffic": { "events": 5 } },
        { "id": "clicks", "type": "kinesis", "traffic": { "records": 5 } },
        { "id": "table", "type": "dynamodb_stream" },
        { "id": "other", "type": "function" },
        { "id": "bucket", "type": "s3" },
        { "id": "bus", "type": "eventbridge" }
      ],
      "edges": [
        { "from": "api", "to": "fn" },
        { "from": "orders", "to": "fn" },
        { "from": "clicks", "to": "fn" }
      ]
    })");
}
// Node indexes in baseScenario().
constexpr int kApi = 0, kFn = 1, kOrders = 2, kDlq = 3, kTopic = 4, kClicks = 5, kTable = 6, kOther = 7, kBucket = 8,
              kBus = 9;
// Edge indexes.
constexpr int kApiEdge = 0, kSqsEdge = 1, kStreamEdge = 2;

inline bool hasError(const ParseResult& r, const std::string& path, const std::string& fragment) {
    return std::any_of(r.errors.begin(), r.errors.end(), [&](const ScenarioError& e) {
        return e.path == path && e.message.find(fragment) != std::string::npos;
    });
}

/// Parses `doc` and checks that an error with exactly `path` whose message contains `fragment` is present.
inline ParseResult expectError(const json& doc, const std::string& path, const std::string& fragment) {
    ParseResult r = parseScenario(doc.dump());
    INFO("errors:\n" << formatErrors(r.errors));
    CHECK_MESSAGE(hasError(r, path, fragment), "expected error at " << path << " containing: " << fragment);
    return r;
}

inline ParseResult expectOk(const json& doc) {
    ParseResult r = parseScenario(doc.dump());
    INFO("errors:\n" << formatErrors(r.errors));
    REQUIRE(r.ok());
    return r;
}

inline std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::vector<std::filesystem::path> presetFiles() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(PG_SOURCE_DIR) / "assets/scenarios"))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

/// parse(write(s)) == s, and write is a fixed point (indented form).
inline void checkWrittenRoundTrip(const pg::sim::Scenario& s) {
    const std::string written = writeScenario(s);
    ParseResult again = parseScenario(written);
    INFO("written:\n" << written << "\nerrors:\n" << formatErrors(again.errors));
    REQUIRE(again.ok());
    CHECK(firstDifference(s, again.scenario) == "");
    CHECK(writeScenario(again.scenario) == written);
}

}  // namespace pg::scenario::test

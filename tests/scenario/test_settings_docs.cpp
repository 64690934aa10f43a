// docs/scenario-format.md and the settings descriptors (scenario/settings.hpp) say the same thing: every key in
// the docs' settings tables (tables with a Default column) is a setting with that default and range, or
// structure; and every setting is in those tables. When they disagree, the code (engine behaviour) is right.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "scenario/duration.hpp"
#include "scenario/settings.hpp"

namespace pg::scenario::test {

namespace {

struct DocRow {
    int line = 0;
    std::string key;           // the first `...` of the key cell
    std::string defaultCell;
    std::string rangeCell;
};

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<std::string> cells(const std::string& line) {
    std::vector<std::string> out;
    std::string cell;
    for (std::size_t i = 1; i < line.size(); ++i) {  // skips the leading '|'
        if (line[i] == '|') {
            out.push_back(trim(cell));
            cell.clear();
        } else {
            cell += line[i];
        }
    }
    return out;
}

std::string firstTicked(const std::string& cell) {
    const auto open = cell.find('`');
    if (open == std::string::npos) return "";
    const auto close = cell.find('`', open + 1);
    return close == std::string::npos ? "" : cell.substr(open + 1, close - open - 1);
}

/// Rows of every table whose header has a Default column.
std::vector<DocRow> settingsRows(const std::string& text) {
    std::vector<DocRow> rows;
    std::istringstream in(text);
    std::string line;
    int number = 0, defaultColumn = -1, rangeColumn = -1;
    bool inTable = false;
    while (std::getline(in, line)) {
        ++number;
        if (line.rfind("|", 0) != 0) {
            inTable = false;
            continue;
        }
        if (!inTable) {  // a header
            inTable = true;
            defaultColumn = rangeColumn = -1;
            const auto header = cells(line);
            for (std::size_t i = 0; i < header.size(); ++i) {
                if (header[i] == "Default") defaultColumn = static_cast<int>(i);
                if (header[i].rfind("Range", 0) == 0 || header[i] == "Rule") rangeColumn = static_cast<int>(i);
            }
            continue;
        }
        if (line.rfind("|---", 0) == 0 || defaultColumn < 0) continue;
        const auto row = cells(line);
        if (static_cast<int>(row.size()) <= std::max(defaultColumn, rangeColumn)) continue;
        DocRow r{number, firstTicked(row[0]), row[static_cast<std::size_t>(defaultColumn)],
                 rangeColumn >= 0 ? row[static_cast<std::size_t>(rangeColumn)] : ""};
        if (!r.key.empty()) rows.push_back(r);
    }
    return rows;
}

/// The docs' text with typographic minus and dashes made plain and thousands separators dropped.
std::string plain(std::string s) {
    auto replaceAll = [&](const std::string& from, const std::string& to) {
        for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
            s.replace(at, from.size(), to);
    };
    replaceAll("\u2212", "-");
    replaceAll("\u2013", " to ");
    replaceAll("\u00b5s", "us");
    replaceAll("\u2264", "<=");
    static const std::regex separator("([0-9]),([0-9]{3})");
    for (std::string before; before != s;) {
        before = s;
        s = std::regex_replace(s, separator, "$1$2");
    }
    return s;
}

/// A number with an optional unit from the docs, in the setting's own terms (microseconds for durations).
std::int64_t valueOf(const std::string& number, const std::string& unit) {
    if (unit.empty()) return std::stoll(number);
    auto t = parseDurationText(number + (unit == "us" ? "ms" : unit));
    REQUIRE_MESSAGE(t, number << unit);
    return unit == "us" ? *t / 1000 : *t;
}

/// The docs' default cell as the setting's text, or "" when the docs give no value (none, required, -).
std::string docDefault(const Setting& s, const std::string& cell) {
    if (cell.rfind("`", 0) != 0) return "";
    std::string token = firstTicked(cell);
    if (token.size() >= 2 && token.front() == '"' && token.back() == '"') token = token.substr(1, token.size() - 2);
    if (s.kind == SettingKind::Duration && token != "-1") {
        auto t = parseDurationText(token);
        return t ? formatDuration(*t) : "not a duration: " + token;
    }
    return token;
}

/// "" when the docs' range cell states the setting's range, else what differs.
std::string rangeMismatch(const Setting& s, const std::string& rawCell) {
    const std::string cell = plain(rawCell);
    switch (s.kind) {
    case SettingKind::Duration:
    case SettingKind::Int:
    case SettingKind::OptionalInt:
    case SettingKind::Number: {
        static const std::regex between(R"((-?[0-9]+(?:\.[0-9]+)?)\s*(us|ms|s|m|h|d)?\s+to\s+(-?[0-9]+(?:\.[0-9]+)?)\s*(us|ms|s|m|h|d)?\b)");
        static const std::regex above(R"(>\s*(-?[0-9]+)\s+and\s+<=\s*([0-9]+))");
        std::smatch m;
        std::int64_t lo = 0, hi = 0;
        if (s.has(setting_flags::kMinExclusive)) {
            if (!std::regex_search(cell, m, above)) return "no \"> min and <= max\" in the docs";
            lo = std::stoll(m[1]);
            hi = std::stoll(m[2]);
        } else {
            if (!std::regex_search(cell, m, between)) return "no \"min to max\" in the docs";
            const std::string unit = m[2].matched ? m[2].str() : m[4].str();
            lo = valueOf(m[1], m[2].matched ? m[2].str() : unit);
            hi = valueOf(m[3], m[4].matched ? m[4].str() : unit);
        }
        if (lo != s.min || hi != s.max)
            return "docs " + std::to_string(lo) + " to " + std::to_string(hi) + ", code " + std::to_string(s.min) +
                   " to " + std::to_string(s.max);
        if (s.has(setting_flags::kMinusOneUnlimited) && cell.find("-1") == std::string::npos)
            return "the docs do not mention -1";
        return "";
    }
    case SettingKind::Text: {
        static const std::regex atMost(R"(<=\s*([0-9]+) characters)");
        std::smatch m;
        if (!std::regex_search(cell, m, atMost)) return "no \"<= N characters\" in the docs";
        return std::stoll(m[1]) == s.max ? "" : "docs at most " + m[1].str() + ", code " + std::to_string(s.max);
    }
    case SettingKind::Choice:
        for (const std::string& name : s.choiceNames())
            if (cell.find("`" + name + "`") == std::string::npos) return "the docs do not list `" + name + "`";
        return "";
    default: return "";  // booleans, node ids, the seed and groups state no range
    }
}

/// "" when the row describes the setting, else why not.
std::string rowMismatch(const Setting& s, const DocRow& row) {
    const bool valued = s.kind != SettingKind::Group && s.kind != SettingKind::Range && s.kind != SettingKind::Rules;
    if (!valued) return "";
    const std::string expected = s.has(setting_flags::kRequired) ? "" : defaultText(s);
    const std::string documented = docDefault(s, row.defaultCell);
    if (documented != expected) return "default: docs \"" + documented + "\", code \"" + expected + "\"";
    return rangeMismatch(s, row.rangeCell);
}

}  // namespace

TEST_CASE("docs/scenario-format.md describes every setting as the code does, and nothing else") {
    std::ifstream in(std::filesystem::path(PG_SOURCE_DIR) / "docs/scenario-format.md", std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    const std::vector<DocRow> rows = settingsRows(text.str());
    REQUIRE(rows.size() > 40);

    std::vector<const Setting*> matched;
    for (const DocRow& row : rows) {
        const auto& structure = structuralKeys();
        if (std::find(structure.begin(), structure.end(), row.key) != structure.end()) continue;
        std::vector<std::string> why;
        bool found = false;
        for (const Setting& s : allSettings()) {
            if (row.key != s.key) continue;
            const std::string mismatch = rowMismatch(s, row);
            if (mismatch.empty()) {
                found = true;
                matched.push_back(&s);
            } else {
                why.push_back(mismatch);
            }
        }
        std::string reasons;
        for (const std::string& w : why) reasons += "\n  " + w;
        CHECK_MESSAGE(found, "docs line " << row.line << ": `" << std::string(row.key) << "` "
                                          << (why.empty() ? "is no setting" : "differs from the code:") << reasons);
    }
    for (const Setting& s : allSettings())
        CHECK_MESSAGE(std::find(matched.begin(), matched.end(), &s) != matched.end(),
                      "setting `" << std::string(s.key) << "` (" << std::string(s.label)
                                              << ") is missing from the docs' tables");
}

TEST_CASE("settings: defaults come from the engine config, and every value setting can be read and written") {
    sim::Scenario scenario;
    scenario.nodes.resize(1);
    scenario.edges.resize(1);
    const SettingTarget target{&scenario, &scenario.nodes[0], &scenario.edges[0]};
    CHECK(defaultText(*findSetting(SettingOwner::Edge, "maximum_retry_attempts", sim::NodeType::Kinesis)) == "-1");
    CHECK(defaultText(*findSetting(SettingOwner::Node, "visibility_timeout", sim::NodeType::Sqs)) == "30s");
    CHECK(findSetting(SettingOwner::Node, "visibility_timeout", sim::NodeType::Function) == nullptr);
    for (const Setting& s : allSettings()) {
        INFO(std::string(s.key));
        CHECK(isDefault(s, target));
        const SettingAccess& a = s.access;
        switch (s.kind) {
        case SettingKind::Duration:
        case SettingKind::Int:
        case SettingKind::OptionalInt:
        case SettingKind::Bool:
        case SettingKind::Choice:
        case SettingKind::Unsigned:
            REQUIRE(static_cast<bool>(a.getInt));
            REQUIRE(static_cast<bool>(a.setInt));
            break;
        case SettingKind::Number:
            REQUIRE(static_cast<bool>(a.getNumber));
            REQUIRE(static_cast<bool>(a.setNumber));
            break;
        case SettingKind::Text:
        case SettingKind::NodeRef:
            REQUIRE(static_cast<bool>(a.getText));
            REQUIRE(static_cast<bool>(a.setText));
            break;
        default: break;
        }
        if (s.kind == SettingKind::Choice) CHECK(s.choiceNames().size() >= 2);
    }
    const Setting& retries = *findSetting(SettingOwner::Edge, "maximum_retry_attempts", sim::NodeType::Kinesis);
    retries.access.setInt(target, 3);
    CHECK(scenario.edges[0].maximumRetryAttempts == 3);
    CHECK(settingText(retries, target) == "3");
    CHECK_FALSE(isDefault(retries, target));
}

}  // namespace pg::scenario::test

// The fidelity reference (docs/fidelity.md, issue 20) against everything that cites it: every key cited in
// src/, tests/ and docs/scenario-format.md resolves to an anchor of the reference, every section and source of
// the reference is cited somewhere, every model choice the engine lists has its entry, and every inspector
// badge opens an entry that exists.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "engine/model_choices.hpp"
#include "scenario/settings.hpp"
#include "ui/fidelity_link.hpp"

using namespace pg::ui;
namespace fs = std::filesystem;

namespace {
std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The key patterns the code uses (fidelity_link.hpp), as regexes.
const std::regex& keyPattern() {
    static const std::regex k(R"(FIDELITY [0-9]+(\.[0-9]+)?|[A-Z]{2,}-[A-Z0-9-]{2,})");
    return k;
}

const std::set<std::string> kTextExtensions = {".cpp", ".hpp", ".h", ".mjs", ".js", ".md", ".txt", ".json", ".cmake"};

/// Key -> first file citing it, over src/, tests/ and docs/scenario-format.md.
std::map<std::string, std::string> citedInProject() {
    const fs::path root(PG_SOURCE_DIR);
    std::vector<fs::path> files{root / "docs/scenario-format.md"};
    for (const char* dir : {"src", "tests"})
        for (const auto& e : fs::recursive_directory_iterator(root / dir))
            // source and documentation text only: not the browser tests' screenshots (tests/web/artifacts)
            if (e.is_regular_file() && kTextExtensions.count(e.path().extension().string()) &&
                e.path().string().find("/artifacts/") == std::string::npos)
                files.push_back(e.path());
    std::map<std::string, std::string> keys;
    for (const fs::path& f : files) {
        // this file names keys only to test the scanner
        if (f.filename() == "test_fidelity_reference.cpp") continue;
        const std::string text = readFile(f);
        for (std::sregex_iterator it(text.begin(), text.end(), keyPattern()), end; it != end; ++it)
            keys.emplace(it->str(), fs::relative(f, root).string());
    }
    return keys;
}

/// Matches of the key pattern that are not citations of the reference (a date format, a file name).
const std::set<std::string> kNotKeys = {"ISO-8601", "PEER-SCENARIOS"};

/// Anchors of docs/fidelity.md: "{#id}" after a heading, at the start of a list item or of a table row.
std::set<std::string> referenceAnchors(const std::string& md) {
    std::set<std::string> ids;
    static const std::regex anchor(R"(\{#([a-z0-9_-]+)\})");
    for (std::sregex_iterator it(md.begin(), md.end(), anchor), end; it != end; ++it) ids.insert((*it)[1]);
    return ids;
}
}  // namespace

TEST_CASE("the badge scanner finds the same keys as the regex") {
    for (const char* text : {"FIDELITY 6.3, API-CESM, DG-KIN-2022", "FIDELITY 5.1/7 [M] LS-EVM; see 8.11",
                             "scenario input (FIDELITY 6.3 1 MB limit)", "aDG-SQS-SCALING x AB-C ISO-8601 FIDELITY 10.",
                             "FIDELITY 6.2 [D] SQS-DLQ, OG-SQS-RETRIES; in-flight deletion [U]"}) {
        CAPTURE(text);
        const std::string s(text);
        std::vector<std::string> expected;
        for (std::sregex_iterator it(s.begin(), s.end(), keyPattern()), end; it != end; ++it)
            if (std::find(expected.begin(), expected.end(), it->str()) == expected.end()) expected.push_back(it->str());
        CHECK(citedKeys(s) == expected);
    }
    CHECK(anchorOfKey("FIDELITY 6.2") == "fidelity-6-2");
    CHECK(anchorOfKey("FIDELITY 10") == "fidelity-10");
    CHECK(anchorOfKey("DG-SQS-SCALING") == "src-dg-sqs-scaling");
    CHECK(fidelityPage("fidelity-6-2") == "docs/fidelity.html#fidelity-6-2");
}

TEST_CASE("a badge opens its model choice, else its first section, else its first source") {
    pg::scenario::Setting s;
    s.source = pg::scenario::SettingSource::ModelChoice;
    s.citation = "sqs_long_poll";
    CHECK(fidelityAnchor(s) == "mc-sqs_long_poll");
    s.source = pg::scenario::SettingSource::Documented;
    s.citation = "API-CESM, FIDELITY 6.3";
    CHECK(fidelityAnchor(s) == "fidelity-6-3");  // the section groups the rule; the source is one of its links
    s.citation = "API-CESM";
    CHECK(fidelityAnchor(s) == "src-api-cesm");
    s.source = pg::scenario::SettingSource::ScenarioInput;
    s.citation = "scenario";
    CHECK(fidelityAnchor(s).empty());  // nothing to open: drawn without a link
}

TEST_CASE("every key cited in the code, the tests and the format resolves to an entry of docs/fidelity.md") {
    const std::string md = readFile(fs::path(PG_SOURCE_DIR) / "docs/fidelity.md");
    REQUIRE_FALSE(md.empty());
    const std::set<std::string> anchors = referenceAnchors(md);
    const auto cited = citedInProject();
    REQUIRE(cited.count("FIDELITY 6.2") == 1);  // the scan sees the project (the most cited section)
    for (const auto& entry : cited) {
        // named copies, not a structured binding: clang 14 (Emscripten) cannot capture one in CAPTURE
        const std::string key = entry.first, file = entry.second;
        if (kNotKeys.count(key)) continue;
        CAPTURE(key);
        CAPTURE(file);
        CHECK(anchors.count(anchorOfKey(key)) == 1);
    }
}

TEST_CASE("every section, source and model choice of docs/fidelity.md is cited or listed by the engine") {
    const std::string md = readFile(fs::path(PG_SOURCE_DIR) / "docs/fidelity.md");
    const auto cited = citedInProject();
    std::set<std::string> citedAnchors;
    for (const auto& [key, file] : cited) citedAnchors.insert(anchorOfKey(key));
    std::set<std::string> choices;
    for (const pg::sim::ModelChoice& c : pg::sim::modelChoices()) choices.insert(std::string("mc-") + c.topic);
    std::size_t sections = 0, sources = 0, modelEntries = 0;
    for (const std::string& id : referenceAnchors(md)) {
        CAPTURE(id);
        if (id.rfind("fidelity-", 0) == 0) {
            ++sections;
            CHECK(citedAnchors.count(id) == 1);
        } else if (id.rfind("src-", 0) == 0) {
            ++sources;
            CHECK(citedAnchors.count(id) == 1);
        } else if (id.rfind("mc-", 0) == 0) {
            ++modelEntries;
            CHECK(choices.count(id) == 1);
        }
    }
    // and the other way: each model choice the inspector lists has its own entry
    for (const std::string& c : choices) {
        CAPTURE(c);
        CHECK(md.find("{#" + c + "}") != std::string::npos);
    }
    CHECK(modelEntries == choices.size());
    CHECK(sections >= 19);  // 1-5, 5.1-5.3, 6.1-6.4, 7, 8, 8.1, 8.4, 8.5, 8.11, 10 are cited today
    CHECK(sources >= 29);
}

TEST_CASE("every rule entry says its status and names a source or basis") {
    const std::string md = readFile(fs::path(PG_SOURCE_DIR) / "docs/fidelity.md");
    std::istringstream lines(md);
    std::string line, entry;
    int entries = 0;
    auto finish = [&] {
        if (entry.empty()) return;
        ++entries;
        CAPTURE(entry.substr(0, 60));
        const bool status = entry.find("Status: documented") != std::string::npos ||
                            entry.find("Status: observed") != std::string::npos ||
                            entry.find("Status: model choice") != std::string::npos;
        CHECK(status);
        const bool isModel = entry.rfind("- {#mc-", 0) == 0;
        // a documented or observed rule names its page (a link) or its recorded source
        if (!isModel) CHECK((entry.find("](") != std::string::npos || entry.find("LocalStack") != std::string::npos));
        entry.clear();
    };
    while (std::getline(lines, line)) {
        if (line.rfind("- {#", 0) == 0) {
            finish();
            entry = line;
        } else if (!entry.empty() && line.rfind("  ", 0) == 0) {
            entry += " " + line.substr(2);
        } else {
            finish();
        }
    }
    finish();
    CHECK(entries > 60);
}

TEST_CASE("every inspector badge opens an entry that exists") {
    const std::set<std::string> anchors = referenceAnchors(readFile(fs::path(PG_SOURCE_DIR) / "docs/fidelity.md"));
    int badges = 0;
    for (const pg::scenario::Setting& s : pg::scenario::allSettings()) {
        // the inspector draws a badge only for the settings it offers (ui/params.cpp)
        if (s.has(pg::scenario::setting_flags::kNotInInspector) || s.kind == pg::scenario::SettingKind::Group) continue;
        const std::string key = s.key, citation = s.citation;
        CAPTURE(key);
        CAPTURE(citation);
        const std::string a = fidelityAnchor(s);
        if (s.source == pg::scenario::SettingSource::ScenarioInput && a.empty()) continue;
        CHECK(anchors.count(a) == 1);
        ++badges;
    }
    CHECK(badges >= 30);  // a floor: the scan sees the inspector's settings (34 when written)
}

// Internal to src/scenario: the pieces the scenario reader and its cross-checks share. Sees nlohmann/json;
// include it from src/scenario .cpp files only.
#pragma once
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "duration.hpp"
#include "scenario_json.hpp"
#include "scenario_limits.hpp"
#include "settings.hpp"

namespace pg::scenario::detail {

using json = nlohmann::json;
using sim::NodeType;
using sim::SimTime;

//-----------------------------------------------------------------------------
// [SECTION] Messages and suggestions
//-----------------------------------------------------------------------------

inline constexpr std::size_t kMaxErrors = 200;

inline const char* const kDurationHint =
    "must be a duration: a number of seconds or a string with a unit, e.g. \"150ms\", \"30s\", \"5m\", \"4h\", "
    "\"4d\"";

inline std::string ticked(const std::string& s) { return "`" + s + "`"; }

/// A short rendering of a wrong value for messages. Containers are named, never dumped: dumping recurses,
/// and a hostile document can nest thousands of levels deep.
inline std::string shortDump(const json& v) {
    if (v.is_array()) return v.empty() ? "[]" : "an array";
    if (v.is_object()) return v.empty() ? "{}" : "an object";
    std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
    if (s.size() > 40) s = s.substr(0, 37) + "...";
    return s;
}

/// Optimal string alignment distance: edits plus adjacent transpositions ("dql" -> "dlq" is 1).
inline std::size_t editDistance(const std::string& a, const std::string& b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

/// " (did you mean `x`?)" when one candidate is obviously close, else "".
inline std::string suggestion(const std::string& word, const std::vector<std::string>& candidates) {
    if (word.empty() || word.size() > 64) return "";
    // A unique candidate that starts with the word, or that the word starts with ("visibility").
    std::vector<std::string> prefixed;
    if (word.size() >= 4) {
        for (const std::string& c : candidates)
            if (c.compare(0, word.size(), word) == 0 || word.compare(0, c.size(), c) == 0) prefixed.push_back(c);
    }
    if (prefixed.size() == 1) return " (did you mean " + ticked(prefixed[0]) + "?)";
    std::string best;
    std::size_t bestDistance = SIZE_MAX;
    for (const std::string& c : candidates) {
        std::size_t d = editDistance(word, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    std::size_t allowed = std::max<std::size_t>(1, std::min(word.size(), best.size()) / 3);
    if (!best.empty() && bestDistance <= allowed) return " (did you mean " + ticked(best) + "?)";
    return "";
}

inline const std::vector<NodeType>& allNodeTypes() {
    static const std::vector<NodeType> types = [] {
        std::vector<NodeType> v;
        for (int i = 0; i <= static_cast<int>(NodeType::DynamoDbStream); ++i) v.push_back(static_cast<NodeType>(i));
        return v;
    }();
    return types;
}

inline bool isStream(NodeType t) { return t == NodeType::Kinesis || t == NodeType::DynamoDbStream; }
inline bool isSource(NodeType t) { return sim::invocationModeOf(t) != sim::InvocationMode::None; }

/// The traffic count key for a source type.
inline const char* countKeyOf(NodeType t) {
    switch (sim::invocationModeOf(t)) {
    case sim::InvocationMode::Synchronous: return "requests";
    case sim::InvocationMode::Asynchronous: return "events";
    case sim::InvocationMode::PollBased: return t == NodeType::Sqs ? "messages" : "records";
    case sim::InvocationMode::None: break;
    }
    return "requests";
}

struct IntRange {
    std::int64_t min, max;
    const char* text;  // "between 0 and 2"
    const char* rule;  // "FIDELITY 5.1: MaximumRetryAttempts"
};
struct DurationRange {
    SimTime min, max;
    const char* text;
    const char* rule;
    bool allowMinusOne = false;  // -1 (a number) means "infinite"
};

//-----------------------------------------------------------------------------
// [SECTION] Reader: typed reads with range checks
//-----------------------------------------------------------------------------

inline std::string keyPath(const std::string& path, const std::string& key) {
    std::string out = path + "/";
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

/// A reference to a node id made somewhere, checked once all nodes are known.
struct Reference {
    std::string path;
    std::string target;
};

/// What the cross-checks need besides the Scenario: what reading found (a node whose type could not be read
/// is skipped), or, for a Scenario held as data, what its canonical JSON would give (crossCheckInputsOf).
struct CrossCheckInputs {
    std::map<std::string, std::size_t> nodeIndex;  // id -> first node with it
    std::vector<bool> nodeTypeKnown;              // per node: type read successfully
    std::vector<Reference> itemReferences;        // behavior `item` values
    std::vector<std::string> trafficCountPaths;   // per node: path of its traffic count ("" = none)
};

/// What reading found, for the cross-checks that need the whole graph.
struct ReadState : CrossCheckInputs {
    sim::Scenario scenario;
};

/// Collects errors (capped) and reads typed values with range checks; each read returns true when the key
/// is present and valid, and only then sets its output.
class ValueReader {
public:
    std::vector<ScenarioError> errors;

    void error(const std::string& path, std::string message, Rule rule = Rule::Value) {
        if (errors.size() < kMaxErrors) {
            errors.push_back({path, std::move(message), 0, 0, rule});
        } else if (errors.size() == kMaxErrors) {
            errors.push_back({"", "too many errors; stopped after " + std::to_string(kMaxErrors)});
        }
    }

    // ---- object shape ----
    bool expectObject(const json& v, const std::string& path, const char* what) {
        if (v.is_object()) return true;
        error(path, std::string("must be an object (") + what + "); got " + shortDump(v));
        return false;
    }
    bool expectArray(const json& v, const std::string& path, const char* what) {
        if (v.is_array()) return true;
        error(path, std::string("must be an array (") + what + "); got " + shortDump(v));
        return false;
    }
    void unknownKeys(const json& obj, const std::string& path, const std::vector<std::string>& allowed,
                     const char* where) {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end())
                error(keyPath(path, it.key()),
                      "unknown key " + ticked(it.key()) + " in " + where + suggestion(it.key(), allowed));
        }
    }
    const json* member(const json& obj, const char* key) {
        auto it = obj.find(key);
        return it == obj.end() ? nullptr : &*it;
    }
    void required(const json& obj, const std::string& path, const char* key, const char* what) {
        if (!obj.contains(key)) error(keyPath(path, key), std::string("is required (") + what + ")");
    }

    // ---- scalars; each returns true when the key is present and valid (and then sets out) ----
    bool readString(const json& obj, const char* key, const std::string& path, std::string& out,
                    std::size_t maxLength, bool allowEmpty = true) {
        const json* v = member(obj, key);
        if (!v) return false;
        const std::string p = keyPath(path, key);
        if (!v->is_string()) {
            error(p, "must be a string; got " + shortDump(*v));
            return false;
        }
        const auto& s = v->get_ref<const std::string&>();
        if (s.size() > maxLength) {
            error(p, "is longer than " + std::to_string(maxLength) + " characters (scenario limit)");
            return false;
        }
        if (!allowEmpty && s.empty()) {
            error(p, "must not be empty");
            return false;
        }
        out = s;
        return true;
    }
    bool readBool(const json& obj, const char* key, const std::string& path, bool& out) {
        const json* v = member(obj, key);
        if (!v) return false;
        if (!v->is_boolean()) {
            error(keyPath(path, key), "must be true or false; got " + shortDump(*v));
            return false;
        }
        out = v->get<bool>();
        return true;
    }
    bool readNumber(const json& obj, const char* key, const std::string& path, double& out, double min,
                    double max, const char* rangeText, const char* rule) {
        const json* v = member(obj, key);
        if (!v) return false;
        const std::string p = keyPath(path, key);
        if (!v->is_number()) {
            error(p, "must be a number; got " + shortDump(*v));
            return false;
        }
        double d = v->get<double>();
        if (!std::isfinite(d) || d < min || d > max) {
            error(p, std::string("must be ") + rangeText + " (" + rule + "); got " + shortDump(*v));
            return false;
        }
        out = d;
        return true;
    }
    bool readInt(const json& obj, const char* key, const std::string& path, std::int64_t& out,
                 const IntRange& range) {
        const json* v = member(obj, key);
        if (!v) return false;
        const std::string p = keyPath(path, key);
        std::int64_t value = 0;
        bool inRange = true;
        if (v->is_number_unsigned()) {
            auto u = v->get<std::uint64_t>();
            inRange = u <= static_cast<std::uint64_t>(INT64_MAX);
            value = inRange ? static_cast<std::int64_t>(u) : INT64_MAX;
        } else if (v->is_number_integer()) {
            value = v->get<std::int64_t>();
        } else if (v->is_number_float()) {
            double d = v->get<double>();
            if (!std::isfinite(d) || std::floor(d) != d) {
                error(p, "must be a whole number; got " + shortDump(*v));
                return false;
            }
            inRange = std::fabs(d) < 9.0e18;
            value = inRange ? static_cast<std::int64_t>(d) : INT64_MAX;
        } else {
            error(p, "must be a whole number; got " + shortDump(*v));
            return false;
        }
        if (!inRange || value < range.min || value > range.max) {
            error(p, std::string("must be ") + range.text + " (" + range.rule + "); got " + shortDump(*v));
            return false;
        }
        out = value;
        return true;
    }
    bool readInt(const json& obj, const char* key, const std::string& path, int& out, const IntRange& range) {
        std::int64_t v = 0;
        if (!readInt(obj, key, path, v, range)) return false;
        out = static_cast<int>(v);
        return true;
    }
    /// A duration value (not looked up by key): for `duration` {min,max} and friends.
    bool durationValue(const json& v, const std::string& p, SimTime& out, const DurationRange& range) {
        SimTime t = 0;
        if (v.is_number()) {
            double d = v.get<double>();
            if (range.allowMinusOne && d == -1.0) {
                out = -1;
                return true;
            }
            auto micros = durationFromSeconds(d);
            if (!micros) {
                error(p, std::string("must be ") + range.text + " (" + range.rule + "); got " + shortDump(v));
                return false;
            }
            t = *micros;
        } else if (v.is_string()) {
            std::string why;
            auto parsed = parseDurationText(v.get_ref<const std::string&>(), &why);
            if (!parsed) {
                error(p, shortDump(v) + " " + why);
                return false;
            }
            t = *parsed;
        } else {
            error(p, std::string(kDurationHint) + "; got " + shortDump(v));
            return false;
        }
        if (t < range.min || t > range.max) {
            error(p, std::string("must be ") + range.text + " (" + range.rule + "); got " + shortDump(v));
            return false;
        }
        out = t;
        return true;
    }
    bool readDuration(const json& obj, const char* key, const std::string& path, SimTime& out,
                      const DurationRange& range) {
        const json* v = member(obj, key);
        if (!v) return false;
        return durationValue(*v, keyPath(path, key), out, range);
    }
    template <typename Enum>
    bool readEnum(const json& obj, const char* key, const std::string& path, Enum& out,
                  const std::vector<std::pair<std::string, Enum>>& names) {
        const json* v = member(obj, key);
        if (!v) return false;
        std::vector<std::string> spellings;
        std::string list;
        for (const auto& [name, value] : names) {
            spellings.push_back(name);
            list += (list.empty() ? "" : ", ") + ticked(name);
        }
        const std::string p = keyPath(path, key);
        if (!v->is_string()) {
            error(p, "must be one of " + list + "; got " + shortDump(*v));
            return false;
        }
        const auto& s = v->get_ref<const std::string&>();
        for (const auto& [name, value] : names) {
            if (name == s) {
                out = value;
                return true;
            }
        }
        error(p, "must be one of " + list + "; got " + shortDump(*v) + suggestion(s, spellings));
        return false;
    }

    // ---- settings described in settings.hpp (read_setting.cpp) ----
    /// Reads the value setting `s` from obj[jsonKey] (by default its own key) into the target, with its
    /// range; true when present and valid.
    bool readSetting(const json& obj, const std::string& path, const Setting& s, const SettingTarget& target,
                     const std::string& jsonKey = "");
    /// Reads the object of a Group setting (`async`, `redrive`...): shape, unknown keys, required and value
    /// children. `v` is the group's value, `path` its path.
    void readGroup(const json& v, const std::string& path, const Setting& group, const SettingTarget& target);
};

/// The settings of an owner at one level: its own keys (group "") or a group's children, in canonical order.
std::vector<const Setting*> settingsAt(SettingOwner owner, const std::string& group);
/// Their distinct keys (leaf names for a group's children).
std::vector<std::string> keysOf(const std::vector<const Setting*>& settings);

/// Cross-reference checks over everything read: destinations, redrive, wiring, concurrency, limits. The one
/// implementation: parseScenario runs it on what it read, validate() on a Scenario held as data.
void checkGraph(const sim::Scenario& scenario, const CrossCheckInputs& inputs, ValueReader& sink);

/// The inputs reading the scenario's canonical JSON (writeScenario) would collect.
CrossCheckInputs crossCheckInputsOf(const sim::Scenario& scenario);

/// parseScenario without its last pass (line/column of each error); crossCheck false leaves out checkGraph.
/// `allowCompareB`: the top level may hold "compare_b" (a whole scenario, read into ParseResult::compareB);
/// false inside compare_b itself (a comparison has two sides).
ParseResult readScenarioText(const std::string& jsonText, bool crossCheck, bool allowCompareB = false);

}  // namespace pg::scenario::detail

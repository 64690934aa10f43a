// parseScenario: JSON text -> pg::sim::Scenario plus every problem found, each with a JSON pointer.
// Reads with nlohmann/json (exceptions caught here, never escaping), then validates cross-references.
//
// Index
//   [SECTION] Messages, key tables and suggestions
//   [SECTION] Reader: typed reads with range checks
//   [SECTION] Top level, account
//   [SECTION] Nodes: common keys, function, sources, queues, streams
//   [SECTION] Edges
//   [SECTION] Cross-reference checks (destinations, redrive, wiring, concurrency, limits)
//   [SECTION] parseScenario
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "duration.hpp"
#include "json_positions.hpp"
#include "scenario_json.hpp"
#include "scenario_limits.hpp"

namespace pg::scenario {

namespace {

using json = nlohmann::json;
using sim::NodeType;
using sim::SimTime;

//-----------------------------------------------------------------------------
// [SECTION] Messages, key tables and suggestions
//-----------------------------------------------------------------------------

constexpr std::size_t kMaxErrors = 200;

const char* const kDurationHint =
    "must be a duration: a number of seconds or a string with a unit, e.g. \"150ms\", \"30s\", \"5m\", \"4h\", "
    "\"4d\"";

std::string ticked(const std::string& s) { return "`" + s + "`"; }

/// A short rendering of a wrong value for messages. Containers are named, never dumped: dumping recurses,
/// and a hostile document can nest thousands of levels deep.
std::string shortDump(const json& v) {
    if (v.is_array()) return v.empty() ? "[]" : "an array";
    if (v.is_object()) return v.empty() ? "{}" : "an object";
    std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
    if (s.size() > 40) s = s.substr(0, 37) + "...";
    return s;
}

/// Optimal string alignment distance: edits plus adjacent transpositions ("dql" -> "dlq" is 1).
std::size_t editDistance(const std::string& a, const std::string& b) {
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
std::string suggestion(const std::string& word, const std::vector<std::string>& candidates) {
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

const std::vector<NodeType>& allNodeTypes() {
    static const std::vector<NodeType> types = [] {
        std::vector<NodeType> v;
        for (int i = 0; i <= static_cast<int>(NodeType::DynamoDbStream); ++i) v.push_back(static_cast<NodeType>(i));
        return v;
    }();
    return types;
}

bool isStream(NodeType t) { return t == NodeType::Kinesis || t == NodeType::DynamoDbStream; }
bool isSource(NodeType t) { return sim::invocationModeOf(t) != sim::InvocationMode::None; }

/// The traffic count key for a source type.
const char* countKeyOf(NodeType t) {
    switch (sim::invocationModeOf(t)) {
    case sim::InvocationMode::Synchronous: return "requests";
    case sim::InvocationMode::Asynchronous: return "events";
    case sim::InvocationMode::PollBased: return t == NodeType::Sqs ? "messages" : "records";
    case sim::InvocationMode::None: break;
    }
    return "requests";
}

const std::vector<std::string> kTopKeys = {"version", "name",    "description", "seed",
                                           "run_for", "account", "nodes",       "edges"};
const std::vector<std::string> kCommonNodeKeys = {"id", "type", "label", "position"};

/// Every node-level key besides the common ones, with where it applies (for "does not apply" messages).
struct NodeKey {
    const char* key;
    const char* appliesTo;
    bool (*applies)(NodeType);
};
const std::vector<NodeKey> kNodeKeys = {
    {"timeout", "function nodes", [](NodeType t) { return t == NodeType::Function; }},
    {"duration", "function nodes", [](NodeType t) { return t == NodeType::Function; }},
    {"cold_start", "function nodes", [](NodeType t) { return t == NodeType::Function; }},
    {"reserved_concurrency", "function nodes", [](NodeType t) { return t == NodeType::Function; }},
    {"behavior", "function nodes", [](NodeType t) { return t == NodeType::Function; }},
    {"async", "function nodes", [](NodeType t) { return t == NodeType::Function; }},
    {"traffic", "source nodes (every type except function)", isSource},
    {"client_retry", "synchronous sources (api_gateway, alb, cognito, lex, alexa, cloudfront, firehose)",
     [](NodeType t) { return sim::invocationModeOf(t) == sim::InvocationMode::Synchronous; }},
    {"integration_timeout", "api_gateway nodes", [](NodeType t) { return t == NodeType::ApiGateway; }},
    {"fifo", "sqs and sns nodes", [](NodeType t) { return t == NodeType::Sqs || t == NodeType::Sns; }},
    {"visibility_timeout", "sqs nodes", [](NodeType t) { return t == NodeType::Sqs; }},
    {"redrive", "sqs nodes", [](NodeType t) { return t == NodeType::Sqs; }},
    {"retention", "sqs and kinesis nodes (DynamoDB Streams keep records for a fixed 24 h, FIDELITY 6.4)",
     [](NodeType t) { return t == NodeType::Sqs || t == NodeType::Kinesis; }},
    {"shards", "kinesis and dynamodb_stream nodes", isStream},
};

struct EdgeKey {
    const char* key;
    const char* appliesTo;
    bool (*applies)(NodeType from);
};
bool isPoll(NodeType t) { return sim::invocationModeOf(t) == sim::InvocationMode::PollBased; }
const std::vector<EdgeKey> kEdgeKeys = {
    {"batch_size", "edges from sqs, kinesis or dynamodb_stream", isPoll},
    {"batching_window", "edges from sqs, kinesis or dynamodb_stream", isPoll},
    {"report_batch_item_failures", "edges from sqs, kinesis or dynamodb_stream", isPoll},
    {"maximum_concurrency", "edges from sqs", [](NodeType t) { return t == NodeType::Sqs; }},
    {"bisect_batch_on_function_error", "edges from kinesis or dynamodb_stream", isStream},
    {"maximum_retry_attempts", "edges from kinesis or dynamodb_stream", isStream},
    {"maximum_record_age", "edges from kinesis or dynamodb_stream", isStream},
    {"parallelization_factor", "edges from kinesis or dynamodb_stream", isStream},
    {"starting_position", "edges from kinesis or dynamodb_stream", isStream},
    {"starting_position_timestamp", "edges from kinesis with starting_position AT_TIMESTAMP", isStream},
    {"on_failure", "edges from kinesis or dynamodb_stream", isStream},
};

std::vector<std::string> allEdgeKeyNames() {
    std::vector<std::string> v = {"from", "to"};
    for (const EdgeKey& k : kEdgeKeys) v.push_back(k.key);
    return v;
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

std::string keyPath(const std::string& path, const std::string& key) {
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

class Reader {
public:
    std::vector<ScenarioError> errors;
    sim::Scenario scenario;
    std::map<std::string, std::size_t> nodeIndex;  // id -> first node with it
    std::vector<bool> nodeTypeKnown;              // per node: type read successfully
    std::vector<Reference> itemReferences;        // behavior `item` values
    std::vector<std::string> trafficCountPaths;   // per node: path of its traffic count ("" = none)

    void error(const std::string& path, std::string message) {
        if (errors.size() < kMaxErrors) {
            errors.push_back({path, std::move(message)});
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

    //-------------------------------------------------------------------------
    // [SECTION] Top level, account
    //-------------------------------------------------------------------------

    void readDocument(const json& doc) {
        if (!doc.is_object()) {
            error("", "a scenario must be a JSON object; got " + shortDump(doc));
            return;
        }
        // The version decides how to read everything else, so it comes first and stops a newer file early.
        const json* version = member(doc, "version");
        if (!version) {
            error("/version", "is required (this playground reads scenario format version 1: \"version\": 1)");
        } else if (!version->is_number_integer() && !version->is_number_unsigned()) {
            error("/version", "must be the number 1 (scenario format version); got " + shortDump(*version));
        } else if ((version->is_number_unsigned() && version->get<std::uint64_t>() > 1) ||
                   (!version->is_number_unsigned() && version->get<std::int64_t>() > 1)) {
            error("/version", "this scenario was made by a newer version of Lambda Playground (format version " +
                                  shortDump(*version) +
                                  "); this version reads format version 1. Open it in the latest playground.");
            return;
        } else if (version->get<std::int64_t>() != 1) {
            error("/version", "must be 1 (scenario format version); got " + shortDump(*version));
        }
        unknownKeys(doc, "", kTopKeys, "the scenario (top level)");
        sim::Scenario& s = scenario;
        readString(doc, "name", "", s.name, kMaxNameLength);
        readString(doc, "description", "", s.description, kMaxDescriptionLength);
        if (const json* seed = member(doc, "seed")) {
            if (seed->is_number_unsigned()) s.seed = seed->get<std::uint64_t>();
            else if (seed->is_number_integer() && seed->get<std::int64_t>() >= 0)
                s.seed = static_cast<std::uint64_t>(seed->get<std::int64_t>());
            else error("/seed", "must be a whole number from 0 to 18446744073709551615; got " + shortDump(*seed));
        }
        readDuration(doc, "run_for", "", s.runFor,
                     {1, kMaxRunFor, "between 1 us and 366 d", "scenario limit: run length"});
        if (const json* account = member(doc, "account")) {
            if (expectObject(*account, "/account", "account settings")) {
                unknownKeys(*account, "/account", {"concurrency_limit"}, "`account`");
                readInt(*account, "concurrency_limit", "/account", s.accountConcurrencyLimit,
                        {1, kMaxAccountConcurrency, "between 1 and 100000",
                         "FIDELITY 3: account concurrent executions, default 1000"});
            }
        }
        if (const json* nodes = member(doc, "nodes")) {
            if (expectArray(*nodes, "/nodes", "the nodes")) {
                if (nodes->size() > kMaxNodes) {
                    error("/nodes", "has " + std::to_string(nodes->size()) + " nodes; the limit is " +
                                        std::to_string(kMaxNodes) + " (scenario limit)");
                } else {
                    for (std::size_t i = 0; i < nodes->size(); ++i)
                        readNode((*nodes)[i], "/nodes/" + std::to_string(i));
                }
            }
        } else {
            error("/nodes", "is required (the list of services and functions)");
        }
        if (const json* edges = member(doc, "edges")) {
            if (expectArray(*edges, "/edges", "the edges")) {
                if (edges->size() > kMaxEdges) {
                    error("/edges", "has " + std::to_string(edges->size()) + " edges; the limit is " +
                                        std::to_string(kMaxEdges) + " (scenario limit)");
                } else {
                    for (std::size_t i = 0; i < edges->size(); ++i)
                        readEdge((*edges)[i], "/edges/" + std::to_string(i));
                }
            }
        }
    }

    //-------------------------------------------------------------------------
    // [SECTION] Nodes: common keys, function, sources, queues, streams
    //-------------------------------------------------------------------------

    void readNode(const json& v, const std::string& path) {
        sim::Node node;
        bool typeKnown = false;
        trafficCountPaths.emplace_back();
        if (!expectObject(v, path, "a node")) {
            scenario.nodes.push_back(node);
            nodeTypeKnown.push_back(false);
            return;
        }
        required(v, path, "id", "a node id");
        required(v, path, "type", "a node type");
        if (readString(v, "id", path, node.id, kMaxIdLength, false)) {
            bool valid = std::all_of(node.id.begin(), node.id.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                       c == '_' || c == '.';
            });
            if (!valid) {
                error(path + "/id", "must use only letters, digits, '-', '_' and '.' (item ids are \"<node id>#<n>\"); "
                                    "got " + shortDump(v["id"]));
            } else if (auto [it, inserted] = nodeIndex.emplace(node.id, scenario.nodes.size()); !inserted) {
                error(path + "/id", "duplicate node id " + ticked(node.id) + " (first used by /nodes/" +
                                        std::to_string(it->second) + ")");
            }
        }
        if (const json* type = member(v, "type")) {
            std::vector<std::string> names;
            for (NodeType t : allNodeTypes()) names.push_back(sim::nodeTypeName(t));
            if (type->is_string()) {
                for (NodeType t : allNodeTypes())
                    if (type->get_ref<const std::string&>() == sim::nodeTypeName(t)) {
                        node.type = t;
                        typeKnown = true;
                    }
            }
            if (!typeKnown) {
                std::string list;
                for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
                error(path + "/type", "unknown node type " + shortDump(*type) +
                                          (type->is_string() ? suggestion(type->get<std::string>(), names) : "") +
                                          "; known types: " + list);
            }
        }
        readString(v, "label", path, node.label, kMaxNameLength);
        if (const json* pos = member(v, "position")) {
            bool ok = pos->is_array() && pos->size() == 2 && (*pos)[0].is_number() && (*pos)[1].is_number();
            double x = ok ? (*pos)[0].get<double>() : 0, y = ok ? (*pos)[1].get<double>() : 0;
            if (!ok || !std::isfinite(x) || !std::isfinite(y) || std::fabs(x) > kMaxCanvasCoordinate ||
                std::fabs(y) > kMaxCanvasCoordinate) {
                error(path + "/position", "must be [x, y]: two numbers within +-1000000 (canvas position); got " +
                                              shortDump(*pos));
            } else {
                node.x = x;
                node.y = y;
            }
        }
        // Keys: common ones, plus those that apply to this type.
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string& key = it.key();
            if (std::find(kCommonNodeKeys.begin(), kCommonNodeKeys.end(), key) != kCommonNodeKeys.end()) continue;
            auto known = std::find_if(kNodeKeys.begin(), kNodeKeys.end(),
                                      [&](const NodeKey& k) { return key == k.key; });
            if (known == kNodeKeys.end()) {
                std::vector<std::string> candidates = kCommonNodeKeys;
                for (const NodeKey& k : kNodeKeys)
                    if (!typeKnown || k.applies(node.type)) candidates.push_back(k.key);
                error(keyPath(path, key), "unknown key " + ticked(key) + " in a node" + suggestion(key, candidates));
            } else if (typeKnown && !known->applies(node.type)) {
                error(keyPath(path, key), ticked(key) + " does not apply to node type " +
                                              ticked(sim::nodeTypeName(node.type)) + "; it is a setting of " +
                                              known->appliesTo);
            }
        }
        if (typeKnown) readTypeSettings(v, path, node);
        scenario.nodes.push_back(std::move(node));
        nodeTypeKnown.push_back(typeKnown);
    }

    void readTypeSettings(const json& v, const std::string& path, sim::Node& node) {
        const NodeType t = node.type;
        if (t == NodeType::Function) readFunction(v, path, node.function);
        if (isSource(t)) {
            if (const json* traffic = member(v, "traffic")) readTraffic(*traffic, path + "/traffic", node);
        }
        if (sim::invocationModeOf(t) == sim::InvocationMode::Synchronous) {
            if (const json* retry = member(v, "client_retry")) {
                const std::string p = path + "/client_retry";
                if (expectObject(*retry, p, "client retry policy: count, backoff")) {
                    unknownKeys(*retry, p, {"count", "backoff"}, "`client_retry`");
                    readInt(*retry, "count", p, node.clientRetry.count,
                            {0, 10, "between 0 and 10", "model choice: SDK-style client retries, FIDELITY 4"});
                    readDuration(*retry, "backoff", p, node.clientRetry.backoff,
                                 {0, 60 * sim::kSecond, "between 0 s and 60 s",
                                  "model choice: first client retry backoff, doubled after each retry"});
                }
            }
        }
        if (t == NodeType::ApiGateway)
            readDuration(v, "integration_timeout", path, node.integrationTimeout,
                         {50 * sim::kMillisecond, 29 * sim::kSecond, "between 50 ms and 29 s",
                          "FIDELITY 4: API Gateway integration timeout"});
        if (t == NodeType::Sqs || t == NodeType::Sns) readBool(v, "fifo", path, node.queue.fifo);
        if (t == NodeType::Sqs) {
            readDuration(v, "visibility_timeout", path, node.queue.visibilityTimeout,
                         {0, 12 * sim::kHour, "between 0 s and 12 h", "FIDELITY 6.2: SQS visibility timeout"});
            readDuration(v, "retention", path, node.queue.retention,
                         {60 * sim::kSecond, 14 * sim::kDay, "between 60 s and 14 d",
                          "FIDELITY 6.2: SQS message retention"});
            if (const json* redrive = member(v, "redrive")) {
                const std::string p = path + "/redrive";
                if (expectObject(*redrive, p, "redrive policy: dead_letter_queue, max_receive_count")) {
                    sim::Redrive r;
                    unknownKeys(*redrive, p, {"dead_letter_queue", "max_receive_count"}, "`redrive`");
                    required(*redrive, p, "dead_letter_queue", "the id of the sqs node that receives the messages");
                    readString(*redrive, "dead_letter_queue", p, r.deadLetterQueue, kMaxIdLength, false);
                    readInt(*redrive, "max_receive_count", p, r.maxReceiveCount,
                            {1, 1000, "between 1 and 1000", "FIDELITY 6.2: redrive policy maxReceiveCount"});
                    node.queue.redrive = r;
                }
            }
        }
        if (t == NodeType::Kinesis)
            readDuration(v, "retention", path, node.stream.retention,
                         {24 * sim::kHour, 365 * sim::kDay, "between 24 h and 365 d",
                          "Kinesis stream retention, default 24 h: issue 4, FIDELITY 8 item 7"});
        if (isStream(t))
            readInt(v, "shards", path, node.stream.shards,
                    {1, kMaxShards, "between 1 and 100", "scenario limit: shards per stream"});
    }

    void readFunction(const json& v, const std::string& path, sim::FunctionConfig& f) {
        readDuration(v, "timeout", path, f.timeout,
                     {sim::kSecond, 900 * sim::kSecond, "between 1 s and 900 s", "FIDELITY 2: Lambda function timeout"});
        if (const json* d = member(v, "duration")) {
            const std::string p = path + "/duration";
            const DurationRange range{0, 900 * sim::kSecond, "between 0 s and 900 s",
                                      "model choice: invocation duration"};
            if (d->is_object()) {
                unknownKeys(*d, p, {"min", "max"}, "`duration` (a range: min, max)");
                required(*d, p, "min", "shortest duration");
                required(*d, p, "max", "longest duration");
                SimTime lo = f.duration.min, hi = f.duration.max;
                bool okLo = d->contains("min") && durationValue((*d)["min"], p + "/min", lo, range);
                bool okHi = d->contains("max") && durationValue((*d)["max"], p + "/max", hi, range);
                if (okLo && okHi) {
                    if (lo > hi) error(p + "/min", "must not be greater than `max`");
                    else f.duration = {lo, hi};
                }
            } else {
                SimTime fixed = 0;
                if (durationValue(*d, p, fixed, range)) f.duration = {fixed, fixed};
            }
        }
        readDuration(v, "cold_start", path, f.coldStart,
                     {0, 10 * sim::kSecond, "between 0 s and 10 s", "model choice: init duration of a new environment"});
        std::int64_t reserved = 0;
        if (readInt(v, "reserved_concurrency", path, reserved,
                    {0, kMaxAccountConcurrency, "a whole number >= 0", "FIDELITY 3: reserved concurrency"}))
            f.reservedConcurrency = static_cast<int>(reserved);
        if (const json* behavior = member(v, "behavior")) readBehavior(*behavior, path + "/behavior", f.behavior);
        if (const json* async = member(v, "async")) {
            const std::string p = path + "/async";
            if (expectObject(*async, p, "asynchronous invocation settings")) {
                unknownKeys(*async, p, {"max_retry_attempts", "max_event_age", "dead_letter_queue", "on_success", "on_failure"},
                            "`async`");
                readInt(*async, "max_retry_attempts", p, f.async.maxRetryAttempts,
                        {0, 2, "between 0 and 2", "FIDELITY 5.1: MaximumRetryAttempts"});
                readDuration(*async, "max_event_age", p, f.async.maxEventAge,
                             {60 * sim::kSecond, 6 * sim::kHour, "between 60 s and 6 h",
                              "FIDELITY 5.1: MaximumEventAgeInSeconds"});
                readString(*async, "dead_letter_queue", p, f.async.deadLetterQueue, kMaxIdLength, false);
                readString(*async, "on_success", p, f.async.onSuccess, kMaxIdLength, false);
                readString(*async, "on_failure", p, f.async.onFailure, kMaxIdLength, false);
            }
        }
    }

    void readBehavior(const json& v, const std::string& path, std::vector<sim::BehaviorRule>& rules) {
        if (!expectArray(v, path, "behaviour rules: [{\"when\": {...}, \"then\": \"error\"}]")) return;
        if (v.size() > kMaxBehaviorRules) {
            error(path, "has " + std::to_string(v.size()) + " rules; the limit is " +
                            std::to_string(kMaxBehaviorRules) + " (scenario limit)");
            return;
        }
        for (std::size_t i = 0; i < v.size(); ++i) {
            const std::string p = path + "/" + std::to_string(i);
            const json& r = v[i];
            if (!expectObject(r, p, "a rule: {\"when\": {...}, \"then\": ...}")) continue;
            sim::BehaviorRule rule;
            unknownKeys(r, p, {"when", "then"}, "a behaviour rule");
            required(r, p, "then", "the outcome: error, timeout, success or report_failure");
            readEnum<sim::RuleOutcome>(r, "then", p, rule.then,
                                       {{"error", sim::RuleOutcome::Error},
                                        {"timeout", sim::RuleOutcome::Timeout},
                                        {"success", sim::RuleOutcome::Success},
                                        {"report_failure", sim::RuleOutcome::ReportFailure}});
            if (const json* when = member(r, "when")) readCondition(*when, p + "/when", rule.when);
            rules.push_back(rule);
        }
    }

    void readCondition(const json& w, const std::string& p, sim::RuleCondition& c) {
        if (!expectObject(w, p, "rule conditions, all of which must hold")) return;
        unknownKeys(w, p, {"body_contains", "attempt_at_most", "item", "rate", "after", "before", "item_modulo"},
                    "`when`");
        std::string s;
        if (readString(w, "body_contains", p, s, kMaxTemplateLength)) c.bodyContains = s;
        if (readString(w, "item", p, s, kMaxTemplateLength, false)) {
            c.item = s;
            itemReferences.push_back({p + "/item", s});
        }
        int attempt = 0;
        if (readInt(w, "attempt_at_most", p, attempt,
                    {1, 100000, "between 1 and 100000", "attempt numbers start at 1"}))
            c.attemptAtMost = attempt;
        double rate = 0;
        if (readNumber(w, "rate", p, rate, 0.0, 1.0, "between 0 and 1", "a probability"))
            c.rate = rate;
        SimTime t = 0;
        const DurationRange range{0, kMaxRunFor, "between 0 s and 366 d", "virtual time since the start"};
        if (readDuration(w, "after", p, t, range)) c.after = t;
        if (readDuration(w, "before", p, t, range)) c.before = t;
        if (c.after && c.before && *c.after >= *c.before)
            error(p + "/before", "must be later than `after` (otherwise the rule never matches)");
        if (const json* m = member(w, "item_modulo")) {
            const std::string mp = p + "/item_modulo";
            if (expectObject(*m, mp, "{\"divisor\": N, \"remainder\": R}: item number % N == R")) {
                unknownKeys(*m, mp, {"divisor", "remainder"}, "`item_modulo`");
                required(*m, mp, "divisor", "item number % divisor == remainder");
                std::int64_t divisor = 0, remainder = 0;
                if (readInt(*m, "divisor", mp, divisor, {1, 1000000000, "between 1 and 1000000000", "item_modulo"})) {
                    c.itemModulo = divisor;
                    if (readInt(*m, "remainder", mp, remainder,
                                {0, divisor - 1, "between 0 and divisor - 1", "item_modulo"}))
                        c.itemRemainder = remainder;
                }
            }
        }
    }

    void readTraffic(const json& v, const std::string& p, sim::Node& node) {
        if (!expectObject(v, p, "items this source produces")) return;
        const NodeType t = node.type;
        const std::string countKey = countKeyOf(t);
        std::vector<std::string> allowed = {countKey, "rate_per_second", "start", "arrival", "body"};
        if (t == NodeType::Sqs) allowed.push_back("group");
        if (isStream(t)) allowed.push_back("partition_key");
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string& key = it.key();
            if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
            static const std::vector<std::string> countKeys = {"requests", "events", "messages", "records"};
            if (std::find(countKeys.begin(), countKeys.end(), key) != countKeys.end())
                error(keyPath(p, key), "a " + std::string(sim::nodeTypeName(t)) + " node counts its items with " +
                                           ticked(countKey) + ", not " + ticked(key) +
                                           " (requests: synchronous, events: asynchronous, messages: sqs, "
                                           "records: kinesis/dynamodb_stream)");
            else if (key == "group")
                error(keyPath(p, key), "`group` (a FIFO message group) applies only to sqs nodes");
            else if (key == "partition_key")
                error(keyPath(p, key), "`partition_key` applies only to kinesis and dynamodb_stream nodes");
            else
                error(keyPath(p, key), "unknown key " + ticked(key) + " in `traffic`" + suggestion(key, allowed));
        }
        sim::Traffic& tr = node.traffic;
        required(v, p, countKey.c_str(), "how many items this source produces");
        if (readInt(v, countKey.c_str(), p, tr.count,
                    {0, kMaxItemsPerTraffic, "between 0 and 1000000", "scenario limit: items per traffic block"}))
            trafficCountPaths.back() = p + "/" + countKey;
        if (const json* r = member(v, "rate_per_second"); r && r->is_number() && r->get<double>() <= 0)
            error(p + "/rate_per_second", "must be greater than 0 (items per second); got " + shortDump(*r));
        else
            readNumber(v, "rate_per_second", p, tr.ratePerSecond, 0.0, kMaxRatePerSecond,
                       "greater than 0 and at most 100000", "scenario limit: items per second");
        readDuration(v, "start", p, tr.start, {0, kMaxRunFor, "between 0 s and 366 d", "virtual time of the first item"});
        readEnum<sim::Arrival>(v, "arrival", p, tr.arrival,
                               {{"uniform", sim::Arrival::Uniform}, {"poisson", sim::Arrival::Poisson},
                                {"burst", sim::Arrival::Burst}});
        readString(v, "body", p, tr.body, kMaxTemplateLength);
        readString(v, "group", p, tr.group, kMaxTemplateLength);
        readString(v, "partition_key", p, tr.partitionKey, kMaxTemplateLength);
    }

    //-------------------------------------------------------------------------
    // [SECTION] Edges
    //-------------------------------------------------------------------------

    void readEdge(const json& v, const std::string& path) {
        sim::Edge e;
        if (!expectObject(v, path, "an edge: {\"from\": source id, \"to\": function id, ...settings}")) {
            scenario.edges.push_back(e);
            return;
        }
        required(v, path, "from", "the source node id");
        required(v, path, "to", "the function node id");
        readString(v, "from", path, e.from, kMaxIdLength, false);
        readString(v, "to", path, e.to, kMaxIdLength, false);
        // Which settings apply depends on the source's type; unknown sources check names only.
        std::optional<NodeType> fromType;
        if (auto it = nodeIndex.find(e.from); it != nodeIndex.end() && nodeTypeKnown[it->second])
            fromType = scenario.nodes[it->second].type;
        const std::vector<std::string> names = allEdgeKeyNames();
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string& key = it.key();
            if (key == "from" || key == "to") continue;
            auto known = std::find_if(kEdgeKeys.begin(), kEdgeKeys.end(), [&](const EdgeKey& k) { return key == k.key; });
            if (known == kEdgeKeys.end()) {
                error(keyPath(path, key), "unknown key " + ticked(key) + " in an edge" + suggestion(key, names));
            } else if (fromType && key == "on_failure" && *fromType == NodeType::Sqs) {
                error(keyPath(path, key), "Unsupported DestinationConfig parameter for given event source mapping "
                                          "type. (FIDELITY 6.1: an SQS mapping has no on-failure destination; give "
                                          "the queue a `redrive` policy instead)");
            } else if (fromType && !known->applies(*fromType)) {
                error(keyPath(path, key), ticked(key) + " does not apply to an edge from node type " +
                                              ticked(sim::nodeTypeName(*fromType)) + "; it is a setting of " +
                                              known->appliesTo);
            }
        }
        // Ranges that hold for every source; per-source ranges are checked with the graph.
        std::int64_t batch = 0;
        if (readInt(v, "batch_size", path, batch, {1, 10000, "between 1 and 10000", "FIDELITY 6.1: BatchSize"}))
            e.batchSize = static_cast<int>(batch);
        readDuration(v, "batching_window", path, e.batchingWindow,
                     {0, 300 * sim::kSecond, "between 0 s and 300 s", "FIDELITY 6.1: MaximumBatchingWindowInSeconds"});
        int maxConcurrency = 0;
        if (readInt(v, "maximum_concurrency", path, maxConcurrency,
                    {2, 1000, "between 2 and 1000", "FIDELITY 6.2: ScalingConfig.MaximumConcurrency"}))
            e.maximumConcurrency = maxConcurrency;
        readBool(v, "report_batch_item_failures", path, e.reportBatchItemFailures);
        readBool(v, "bisect_batch_on_function_error", path, e.bisectBatchOnFunctionError);
        readInt(v, "maximum_retry_attempts", path, e.maximumRetryAttempts,
                {-1, 10000, "between -1 (retry until the record expires) and 10000",
                 "FIDELITY 6.3: MaximumRetryAttempts"});
        readDuration(v, "maximum_record_age", path, e.maximumRecordAge,
                     {60 * sim::kSecond, 7 * sim::kDay, "-1 (no limit) or between 60 s and 7 d",
                      "FIDELITY 6.3: MaximumRecordAgeInSeconds", true});
        readInt(v, "parallelization_factor", path, e.parallelizationFactor,
                {1, 10, "between 1 and 10", "FIDELITY 6.3: ParallelizationFactor"});
        readEnum<sim::StartingPosition>(v, "starting_position", path, e.startingPosition,
                                        {{"TRIM_HORIZON", sim::StartingPosition::TrimHorizon},
                                         {"LATEST", sim::StartingPosition::Latest},
                                         {"AT_TIMESTAMP", sim::StartingPosition::AtTimestamp}});
        readDuration(v, "starting_position_timestamp", path, e.startingPositionTimestamp,
                     {0, kMaxRunFor, "between 0 s and 366 d", "virtual time to start reading at"});
        readString(v, "on_failure", path, e.onFailure, kMaxIdLength, false);
        if (v.contains("starting_position_timestamp") && e.startingPosition != sim::StartingPosition::AtTimestamp)
            error(path + "/starting_position_timestamp", "applies only with \"starting_position\": \"AT_TIMESTAMP\"");
        scenario.edges.push_back(e);
    }

    //-------------------------------------------------------------------------
    // [SECTION] Cross-reference checks (destinations, redrive, wiring, concurrency, limits)
    //-------------------------------------------------------------------------

    std::vector<std::string> nodeIds() const {
        std::vector<std::string> ids;
        for (const auto& [id, index] : nodeIndex) ids.push_back(id);
        return ids;
    }

    /// The node a reference names, or nullptr after reporting a dangling reference.
    const sim::Node* resolve(const std::string& path, const std::string& target) {
        auto it = nodeIndex.find(target);
        if (it == nodeIndex.end()) {
            error(path, "refers to " + ticked(target) + ", but no node has that id" + suggestion(target, nodeIds()));
            return nullptr;
        }
        return nodeTypeKnown[it->second] ? &scenario.nodes[it->second] : nullptr;
    }

    void checkAsyncTargets(const sim::Node& fn, const std::string& path) {
        const sim::AsyncConfig& a = fn.function.async;
        if (!a.deadLetterQueue.empty()) {
            const std::string p = path + "/async/dead_letter_queue";
            if (const sim::Node* t = resolve(p, a.deadLetterQueue)) {
                if (t->type != NodeType::Sqs && t->type != NodeType::Sns)
                    error(p, "a function's dead-letter queue must be an sqs queue or an sns topic (FIDELITY 5.3); " +
                                 ticked(t->id) + " is type " + ticked(sim::nodeTypeName(t->type)));
                else if (t->queue.fifo)
                    error(p, "a function's dead-letter queue must be a standard queue or topic, not FIFO "
                             "(FIDELITY 5.3); " + ticked(t->id) + " is FIFO");
            }
        }
        const std::pair<const std::string*, const char*> destinations[] = {{&a.onSuccess, "on_success"},
                                                                          {&a.onFailure, "on_failure"}};
        for (const auto& [target, key] : destinations) {
            if (target->empty()) continue;
            const std::string p = path + "/async/" + key;
            if (*target == fn.id) {
                error(p, "You can't specify the function as a destination for itself. (FIDELITY 5.2)");
                continue;
            }
            const sim::Node* t = resolve(p, *target);
            if (!t) continue;
            const bool onFailure = std::string(key) == "on_failure";
            if (t->type == NodeType::S3 && !onFailure) {
                error(p, "an S3 bucket can be an on-failure destination only (FIDELITY 5.2: destination types)");
            } else if (t->type != NodeType::Sqs && t->type != NodeType::Sns && t->type != NodeType::Function &&
                       t->type != NodeType::EventBridge && t->type != NodeType::S3) {
                error(p, std::string("a destination must be an sqs queue, sns topic, function or eventbridge bus") +
                             (onFailure ? " (or an s3 bucket for on_failure)" : "") +
                             " (FIDELITY 5.2: destination types); " + ticked(t->id) + " is type " +
                             ticked(sim::nodeTypeName(t->type)));
            } else if ((t->type == NodeType::Sqs || t->type == NodeType::Sns) && t->queue.fifo) {
                error(p, "FIFO queues and topics are not supported as destinations (FIDELITY 5.2); " +
                             ticked(t->id) + " is FIFO");
            }
        }
    }

    void checkRedrive(const sim::Node& queue, const std::string& path) {
        if (!queue.queue.redrive || queue.queue.redrive->deadLetterQueue.empty()) return;
        const std::string p = path + "/redrive/dead_letter_queue";
        const std::string& target = queue.queue.redrive->deadLetterQueue;
        if (target == queue.id) {
            error(p, "a queue cannot be its own dead-letter queue");
            return;
        }
        const sim::Node* t = resolve(p, target);
        if (!t) return;
        if (t->type != NodeType::Sqs)
            error(p, "a redrive dead-letter queue must be an sqs queue (FIDELITY 6.2); " + ticked(t->id) +
                         " is type " + ticked(sim::nodeTypeName(t->type)));
        else if (t->queue.fifo != queue.queue.fifo)
            error(p, std::string("the dead-letter queue of a ") + (queue.queue.fifo ? "FIFO" : "standard") +
                         " queue must also be " + (queue.queue.fifo ? "a FIFO" : "a standard") +
                         " queue (FIDELITY 6.2: DLQ type must match the source); " + ticked(t->id) + " is " +
                         (t->queue.fifo ? "FIFO" : "standard"));
    }

    void checkEdges() {
        std::map<std::pair<std::string, std::string>, std::size_t> seen;
        for (std::size_t i = 0; i < scenario.edges.size(); ++i) {
            const sim::Edge& e = scenario.edges[i];
            const std::string path = "/edges/" + std::to_string(i);
            if (e.from.empty() || e.to.empty()) continue;
            const sim::Node* from = resolve(path + "/from", e.from);
            const sim::Node* to = resolve(path + "/to", e.to);
            if (from && from->type == NodeType::Function) {
                error(path + "/from", "a function cannot start an edge: edges wire a source to a function. Send a "
                                      "function's results on with its `async` settings (on_success, on_failure, "
                                      "dead_letter_queue)");
                continue;
            }
            if (to && to->type != NodeType::Function) {
                error(path + "/to", "an edge must end at a function; " + ticked(to->id) + " is type " +
                                        ticked(sim::nodeTypeName(to->type)) +
                                        " (failures reach queues through a function's `async` settings or a "
                                        "queue's `redrive`)");
                continue;
            }
            if (auto [it, inserted] = seen.emplace(std::make_pair(e.from, e.to), i); !inserted) {
                error(path, "duplicate edge " + ticked(e.from) + " -> " + ticked(e.to) + " (already /edges/" +
                                std::to_string(it->second) +
                                "); AWS rejects a second event source mapping of the same source and function "
                                "with ResourceConflictException (FIDELITY 6.1)");
                continue;
            }
            if (!from || !to) continue;
            if (from->type == NodeType::Sqs) checkSqsEdge(e, path, *from, *to);
            if (isStream(from->type)) checkStreamEdge(e, path, *from);
        }
    }

    void checkSqsEdge(const sim::Edge& e, const std::string& path, const sim::Node& queue, const sim::Node& fn) {
        if (e.batchSize && queue.queue.fifo && *e.batchSize > 10)
            error(path + "/batch_size", "must be between 1 and 10 for a FIFO queue (FIDELITY 6.1: BatchSize); got " +
                                            std::to_string(*e.batchSize));
        else if (e.batchSize && *e.batchSize > 10 && e.batchingWindow == 0)
            error(path + "/batch_size", "Maximum batch window in seconds must be greater than 0 if maximum batch "
                                        "size is greater than 10 (FIDELITY 6.1: set `batching_window`)");
        if (queue.queue.visibilityTimeout < fn.function.timeout)
            error(path, "Queue visibility timeout: " + secondsText(queue.queue.visibilityTimeout) +
                            " is less than Function timeout: " + secondsText(fn.function.timeout) +
                            " (FIDELITY 6.2: AWS rejects this event source mapping; AWS recommends at least 6 x "
                            "the function timeout)");
    }

    void checkStreamEdge(const sim::Edge& e, const std::string& path, const sim::Node& stream) {
        if (e.startingPosition == sim::StartingPosition::AtTimestamp && stream.type != NodeType::Kinesis)
            error(path + "/starting_position", "AT_TIMESTAMP is supported for Kinesis only (FIDELITY 6.4)");
        if (!e.onFailure.empty()) {
            const std::string p = path + "/on_failure";
            if (const sim::Node* t = resolve(p, e.onFailure)) {
                if (t->type != NodeType::Sqs && t->type != NodeType::Sns && t->type != NodeType::S3)
                    error(p, "a stream's on-failure destination must be an sqs queue, sns topic or s3 bucket "
                             "(FIDELITY 6.3); " + ticked(t->id) + " is type " + ticked(sim::nodeTypeName(t->type)));
            }
        }
    }

    void checkGraph() {
        std::int64_t reserved = 0, totalItems = 0;
        const std::int64_t limit = scenario.accountConcurrencyLimit;
        const std::int64_t minimumUnreserved = std::min<std::int64_t>(100, limit);
        for (std::size_t i = 0; i < scenario.nodes.size(); ++i) {
            const sim::Node& n = scenario.nodes[i];
            if (!nodeTypeKnown[i]) continue;
            const std::string path = "/nodes/" + std::to_string(i);
            if (n.type == NodeType::Function) {
                checkAsyncTargets(n, path);
                if (n.function.reservedConcurrency) {
                    reserved += *n.function.reservedConcurrency;
                    if (limit - reserved < minimumUnreserved)
                        error(path + "/reserved_concurrency",
                              "Specified ReservedConcurrentExecutions for function decreases account's "
                              "UnreservedConcurrentExecution below its minimum value of [" +
                                  std::to_string(minimumUnreserved) + "]. (FIDELITY 3: reserved concurrency must leave "
                                  "at least " + std::to_string(minimumUnreserved) + " of the account's " +
                                  std::to_string(limit) + " unreserved; " + std::to_string(reserved) +
                                  " reserved so far)");
                }
            }
            if (n.type == NodeType::Sqs) checkRedrive(n, path);
            if (!trafficCountPaths[i].empty()) {
                totalItems += n.traffic.count;
                if (totalItems > kMaxTotalItems && totalItems - n.traffic.count <= kMaxTotalItems)
                    error(trafficCountPaths[i], "brings the total number of items above " +
                                                    std::to_string(kMaxTotalItems) + " (scenario limit)");
                if (n.type == NodeType::Sqs && !n.queue.fifo && !n.traffic.group.empty())
                    error(path + "/traffic/group", "applies only to FIFO queues (set \"fifo\": true)");
            }
        }
        for (const Reference& ref : itemReferences) {
            auto hash = ref.target.rfind('#');
            std::string origin = hash == std::string::npos ? "" : ref.target.substr(0, hash);
            std::string number = hash == std::string::npos ? "" : ref.target.substr(hash + 1);
            bool numeric = !number.empty() && number.size() <= 18 && number[0] != '0' &&
                           std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (!numeric) {
                error(ref.path, "must be an item id \"<source node id>#<n>\" (n from 1), e.g. \"orders#13\"; got " +
                                    ticked(ref.target));
                continue;
            }
            auto it = nodeIndex.find(origin);
            if (it == nodeIndex.end())
                error(ref.path, "names items of " + ticked(origin) + ", but no node has that id" +
                                    suggestion(origin, nodeIds()));
        }
        checkEdges();
    }
};

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] parseScenario
//-----------------------------------------------------------------------------

ParseResult parseScenario(const std::string& jsonText) {
    ParseResult result;
    if (jsonText.size() > kMaxScenarioBytes) {
        result.errors.push_back({"", "the scenario is " + std::to_string(jsonText.size()) +
                                         " bytes; the limit is " + std::to_string(kMaxScenarioBytes) +
                                         " bytes (scenario limit)"});
        return result;
    }
    try {
        json doc;
        try {
            doc = json::parse(jsonText);
        } catch (const json::parse_error& e) {
            std::string what = e.what();
            // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." -> the tail.
            auto colon = what.find(": ");
            std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
            auto pos = detail::JsonPositions::positionOfOffset(jsonText, e.byte == 0 ? 0 : e.byte - 1);
            result.errors.push_back({"", "invalid JSON: " + detail, pos.line, pos.column});
            return result;
        }
        Reader reader;
        reader.readDocument(doc);  // a newer-version file stops there with nothing to cross-check
        reader.checkGraph();
        // Duplicate keys are invisible in the parsed document (the last one wins), so the text is scanned.
        detail::JsonPositions positions(jsonText);
        for (const auto& [path, offset] : positions.duplicateKeys()) {
            std::size_t before = reader.errors.size();
            reader.error(path, "this key appears more than once in the same object; only the last value would count");
            if (reader.errors.size() > before && reader.errors.back().path == path) {
                auto pos = detail::JsonPositions::positionOfOffset(jsonText, offset);
                reader.errors.back().line = pos.line;
                reader.errors.back().column = pos.column;
            }
        }
        result.errors = std::move(reader.errors);
        result.scenario = std::move(reader.scenario);
    } catch (const std::exception& e) {
        result.errors.push_back({"", std::string("internal error while reading the scenario: ") + e.what()});
    } catch (...) {
        result.errors.push_back({"", "internal error while reading the scenario"});
    }
    if (!result.errors.empty()) {
        detail::JsonPositions positions(jsonText);
        for (ScenarioError& e : result.errors) {
            if (e.line != 0) continue;
            auto pos = positions.find(e.path);
            e.line = pos.line;
            e.column = pos.column;
        }
    }
    return result;
}

}  // namespace pg::scenario

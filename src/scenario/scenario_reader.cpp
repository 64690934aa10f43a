// parseScenario: JSON text -> pg::sim::Scenario plus every problem found, each with a JSON pointer.
// Reads key by key with nlohmann/json (exceptions caught here, never escaping): the settings as settings.hpp
// describes them, the structure (ids, wiring, behaviour rules) here; scenario_checks.cpp then validates the
// cross-references.
//
// Index
//   [SECTION] Key tables (the settings' own keys come from settings.hpp)
//   [SECTION] Top level, account
//   [SECTION] Nodes: common keys, function, sources, queues, streams
//   [SECTION] Edges
//   [SECTION] parseScenario
#include "json_positions.hpp"
#include "reader_support.hpp"

namespace pg::scenario {

namespace {

using namespace detail;

//-----------------------------------------------------------------------------
// [SECTION] Key tables (the settings' own keys come from settings.hpp)
//-----------------------------------------------------------------------------

const std::vector<std::string> kCommonNodeKeys = {"id", "type", "label", "position"};

std::vector<std::string> topLevelKeys(bool allowCompareB) {
    std::vector<std::string> keys = {"version"};
    for (const std::string& k : keysOf(settingsAt(SettingOwner::Scenario, ""))) keys.push_back(k);
    keys.insert(keys.end(), {"nodes", "edges", "sweep"});  // "sweep": parseSweepSection (sweep_json.cpp)
    if (allowCompareB) keys.push_back("compare_b");
    return keys;
}

/// A node-level or edge key: whether any setting has it, and the first that applies to `type` (any when null).
struct KeyLookup {
    const Setting* any = nullptr;
    const Setting* applicable = nullptr;
};
KeyLookup lookUp(const std::vector<const Setting*>& settings, const std::string& key, const NodeType* type) {
    KeyLookup found;
    for (const Setting* s : settings) {
        if (key != s->key) continue;
        if (!found.any) found.any = s;
        if (!found.applicable && (!type || s->appliesToType(*type))) found.applicable = s;
    }
    return found;
}

class Reader : public ValueReader, public ReadState {
public:
    bool allowCompareB = false;

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
        unknownKeys(doc, "", topLevelKeys(allowCompareB), "the scenario (top level)");
        const SettingTarget target{&scenario, nullptr, nullptr};
        for (const Setting* s : settingsAt(SettingOwner::Scenario, "")) {
            if (s->kind != SettingKind::Group) readSetting(doc, "", *s, target);
            else if (const json* group = member(doc, s->key)) readGroup(*group, keyPath("", s->key), *s, target);
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
        const std::vector<const Setting*> nodeSettings = settingsAt(SettingOwner::Node, "");
        const NodeType* knownType = typeKnown ? &node.type : nullptr;
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string& key = it.key();
            if (std::find(kCommonNodeKeys.begin(), kCommonNodeKeys.end(), key) != kCommonNodeKeys.end()) continue;
            const KeyLookup known = lookUp(nodeSettings, key, knownType);
            if (!known.any) {
                std::vector<std::string> candidates = kCommonNodeKeys;
                for (const Setting* k : nodeSettings)
                    if ((!typeKnown || k->appliesToType(node.type)) &&
                        std::find(candidates.begin(), candidates.end(), k->key) == candidates.end())
                        candidates.push_back(k->key);
                error(keyPath(path, key), "unknown key " + ticked(key) + " in a node" + suggestion(key, candidates));
            } else if (!known.applicable) {
                error(keyPath(path, key), ticked(key) + " does not apply to node type " +
                                              ticked(sim::nodeTypeName(node.type)) + "; it is a setting of " +
                                              known.any->appliesText);
            }
        }
        if (typeKnown) readTypeSettings(v, path, node);
        scenario.nodes.push_back(std::move(node));
        nodeTypeKnown.push_back(typeKnown);
    }

    /// The settings that apply to the node's type, in canonical order; structured ones by their own code.
    void readTypeSettings(const json& v, const std::string& path, sim::Node& node) {
        const SettingTarget target{&scenario, &node, nullptr};
        for (const Setting* s : settingsAt(SettingOwner::Node, "")) {
            if (!s->appliesToType(node.type)) continue;
            const json* value = member(v, s->key);
            if (s->kind == SettingKind::Group && value) {
                // traffic's count key depends on the type, and its misplaced keys get their own messages
                if (std::string(s->key) == "traffic") readTraffic(*value, keyPath(path, s->key), node);
                else readGroup(*value, keyPath(path, s->key), *s, target);
            } else if (s->kind == SettingKind::Range && value) {
                readDurationRange(*value, keyPath(path, s->key), *s, node.function.duration);
            } else if (s->kind == SettingKind::Rules && value) {
                readBehavior(*value, keyPath(path, s->key), node.function.behavior);
            } else {
                readSetting(v, path, *s, target);
            }
        }
    }

    /// `duration`: one fixed duration, or {"min", "max"} drawn uniformly.
    void readDurationRange(const json& d, const std::string& p, const Setting& s, sim::DurationModel& duration) {
        const DurationRange range{s.min, s.max, s.rangeText, s.rule};
        if (d.is_object()) {
            unknownKeys(d, p, {"min", "max"}, "`duration` (a range: min, max)");
            required(d, p, "min", "shortest duration");
            required(d, p, "max", "longest duration");
            SimTime lo = duration.min, hi = duration.max;
            bool okLo = d.contains("min") && durationValue(d["min"], p + "/min", lo, range);
            bool okHi = d.contains("max") && durationValue(d["max"], p + "/max", hi, range);
            if (okLo && okHi) {
                if (lo > hi) error(p + "/min", "must not be greater than `max`");
                else duration = {lo, hi};
            }
        } else {
            SimTime fixed = 0;
            if (durationValue(d, p, fixed, range)) duration = {fixed, fixed};
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
            required(r, p, "then",
                     "the outcome: error, timeout, success, report_failure, invalid_batch_response or missing_state");
            readEnum<sim::RuleOutcome>(r, "then", p, rule.then,
                                       {{"error", sim::RuleOutcome::Error},
                                        {"timeout", sim::RuleOutcome::Timeout},
                                        {"success", sim::RuleOutcome::Success},
                                        {"report_failure", sim::RuleOutcome::ReportFailure},
                                        {"invalid_batch_response", sim::RuleOutcome::InvalidBatchResponse},
                                        {"missing_state", sim::RuleOutcome::MissingState}});
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
        const Setting& group = *findSetting(SettingOwner::Node, "traffic", node.type);
        if (!expectObject(v, p, group.rangeText)) return;
        const NodeType t = node.type;
        const std::string countKey = countKeyOf(t);
        // The count is spelled after what the source sends; the other keys as they are.
        std::vector<const Setting*> settings;
        std::vector<std::string> allowed;
        for (const Setting* s : settingsAt(SettingOwner::Node, group.key)) {
            if (!s->appliesToType(t)) continue;
            settings.push_back(s);
            allowed.push_back(s->leaf() == "count" ? countKey : s->leaf());
        }
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string& key = it.key();
            if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
            static const std::vector<std::string> countKeys = {"requests", "events", "messages", "records"};
            const Setting* elsewhere = nullptr;
            for (const Setting* s : settingsAt(SettingOwner::Node, group.key))
                if (s->leaf() == key) elsewhere = s;
            if (std::find(countKeys.begin(), countKeys.end(), key) != countKeys.end())
                error(keyPath(p, key), "a " + std::string(sim::nodeTypeName(t)) + " node counts its items with " +
                                           ticked(countKey) + ", not " + ticked(key) +
                                           " (requests: synchronous, events: asynchronous, messages: sqs, "
                                           "records: kinesis/dynamodb_stream)");
            else if (elsewhere)
                error(keyPath(p, key), ticked(key) + (*elsewhere->unit ? std::string(" (") + elsewhere->unit + ")" : "") +
                                           " applies only to " + elsewhere->appliesText);
            else
                error(keyPath(p, key), "unknown key " + ticked(key) + " in `traffic`" + suggestion(key, allowed));
        }
        const SettingTarget target{&scenario, &node, nullptr};
        for (std::size_t i = 0; i < settings.size(); ++i) {
            const Setting& s = *settings[i];
            if (s.has(setting_flags::kRequired)) required(v, p, allowed[i].c_str(), s.unit);
            if (readSetting(v, p, s, target, allowed[i]) && s.leaf() == "count")
                trafficCountPaths.back() = keyPath(p, allowed[i]);
        }
    }

    //-------------------------------------------------------------------------
    // [SECTION] Edges
    //-------------------------------------------------------------------------

    void readEdge(const json& v, const std::string& path) {
        sim::Edge e;
        if (!expectObject(v, path, "an edge: {\"from\": source id, \"to\": function id, ...settings} (or from a "
                                   "function to an sqs, sns or s3 node: a send edge)")) {
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
        const std::vector<const Setting*> edgeSettings = settingsAt(SettingOwner::Edge, "");
        std::vector<std::string> names = {"from", "to"};
        for (const std::string& k : keysOf(edgeSettings)) names.push_back(k);
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string& key = it.key();
            if (key == "from" || key == "to") continue;
            const KeyLookup known = lookUp(edgeSettings, key, fromType ? &*fromType : nullptr);
            if (!known.any) {
                error(keyPath(path, key), "unknown key " + ticked(key) + " in an edge" + suggestion(key, names));
            } else if (fromType && key == "on_failure" && *fromType == NodeType::Sqs) {
                error(keyPath(path, key), "Unsupported DestinationConfig parameter for given event source mapping "
                                          "type. (FIDELITY 6.1: an SQS mapping has no on-failure destination; give "
                                          "the queue a `redrive` policy instead)");
            } else if (!known.applicable) {
                error(keyPath(path, key), ticked(key) + " does not apply to an edge from node type " +
                                              ticked(sim::nodeTypeName(*fromType)) + "; it is a setting of " +
                                              known.any->appliesText);
            }
        }
        // Every setting is read whatever the source (ranges that hold for every source; per-source ranges are
        // checked with the graph), then the rules between settings.
        const SettingTarget target{&scenario, nullptr, &e};
        std::vector<std::string> valid;
        for (const Setting* s : edgeSettings) {
            if (s->kind == SettingKind::Group) {  // provisioned_pollers
                if (const json* group = member(v, s->key)) readGroup(*group, keyPath(path, s->key), *s, target);
            } else if (readSetting(v, path, *s, target)) {
                valid.push_back(s->key);
            }
        }
        auto wasRead = [&](const char* key) { return std::find(valid.begin(), valid.end(), key) != valid.end(); };
        if (wasRead("tumbling_window") && e.tumblingWindow % sim::kSecond != 0) {
            error(path + "/tumbling_window", "must be a whole number of seconds (TumblingWindowInSeconds is an "
                                             "integer); got " + shortDump(v["tumbling_window"]));
            e.tumblingWindow = 0;
        }
        if (wasRead("window_state_bytes_per_record") && e.tumblingWindow == 0)
            error(path + "/window_state_bytes_per_record", "applies only with a `tumbling_window` above 0 s");
        if (v.contains("starting_position_timestamp") && e.startingPosition != sim::StartingPosition::AtTimestamp)
            error(path + "/starting_position_timestamp", "applies only with \"starting_position\": \"AT_TIMESTAMP\"");
        scenario.edges.push_back(e);
    }
};

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] parseScenario
//-----------------------------------------------------------------------------

namespace {
/// B of a comparison: a whole scenario of its own, its errors under /compare_b (positions found later).
void readCompareB(const json& b, ParseResult& result) {
    if (!b.is_object()) {
        result.errors.push_back({"/compare_b", "must be a whole scenario (a JSON object with version, nodes, edges), B of "
                                               "a comparison; got " + b.dump().substr(0, 40)});
        return;
    }
    ParseResult side = detail::readScenarioText(b.dump(), true, false);
    for (ScenarioError& e : side.errors) {
        e.path = "/compare_b" + e.path;
        e.line = e.column = 0;
        result.errors.push_back(std::move(e));
    }
    if (side.ok()) result.compareB = std::move(side.scenario);
}
}  // namespace

ParseResult detail::readScenarioText(const std::string& jsonText, bool crossCheck, bool allowCompareB) {
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
        } catch (const json::out_of_range& e) {
            // A number beyond a double (e.g. 1e400): nlohmann reports it as out_of_range without a position
            // (found by fuzzing, issue 8). Name it and point at the first such literal in the text.
            std::string what = e.what();
            auto quote = what.find('\'');
            std::string literal = quote == std::string::npos ? "" : what.substr(quote + 1, what.rfind('\'') - quote - 1);
            auto at = literal.empty() ? std::string::npos : jsonText.find(literal);
            auto pos = detail::JsonPositions::positionOfOffset(jsonText, at == std::string::npos ? 0 : at);
            result.errors.push_back({"", "invalid JSON: the number " + (literal.empty() ? std::string("") : literal + " ") +
                                             "is too large (numbers must fit in a double, at most about 1.8e308)",
                                     at == std::string::npos ? 0 : pos.line, at == std::string::npos ? 0 : pos.column});
            return result;
        }
        Reader reader;
        reader.allowCompareB = allowCompareB;
        reader.readDocument(doc);  // a newer-version file stops there with nothing to cross-check
        if (crossCheck) checkGraph(reader.scenario, reader, reader);
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
        if (allowCompareB && doc.is_object() && doc.contains("compare_b")) readCompareB(doc["compare_b"], result);
    } catch (const std::exception& e) {
        result.errors.push_back({"", std::string("internal error while reading the scenario: ") + e.what()});
    } catch (...) {
        result.errors.push_back({"", "internal error while reading the scenario"});
    }
    return result;
}

ParseResult parseScenario(const std::string& jsonText) {
    ParseResult result = detail::readScenarioText(jsonText, true, true);
    if (!result.errors.empty()) {
        try {
            detail::JsonPositions positions(jsonText);
            for (ScenarioError& e : result.errors) {
                if (e.line != 0) continue;
                auto pos = positions.find(e.path);
                e.line = pos.line;
                e.column = pos.column;
            }
        } catch (...) {
            // Positions are a convenience; errors without them are still complete.
        }
    }
    return result;
}

}  // namespace pg::scenario

// parseScenario: JSON text -> pg::sim::Scenario plus every problem found, each with a JSON pointer.
// Reads key by key with nlohmann/json (exceptions caught here, never escaping); scenario_checks.cpp then
// validates the cross-references.
//
// Index
//   [SECTION] Key tables
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
// [SECTION] Key tables
//-----------------------------------------------------------------------------

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
    {"recursive_loop", "function nodes", [](NodeType t) { return t == NodeType::Function; }},
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
    {"poll_latency", "edges from sqs", [](NodeType t) { return t == NodeType::Sqs; }},
    {"bisect_batch_on_function_error", "edges from kinesis or dynamodb_stream", isStream},
    {"maximum_retry_attempts", "edges from kinesis or dynamodb_stream", isStream},
    {"maximum_record_age", "edges from kinesis or dynamodb_stream", isStream},
    {"parallelization_factor", "edges from kinesis or dynamodb_stream", isStream},
    {"starting_position", "edges from kinesis or dynamodb_stream", isStream},
    {"starting_position_timestamp", "edges from kinesis with starting_position AT_TIMESTAMP", isStream},
    {"on_failure", "edges from kinesis or dynamodb_stream", isStream},
    {"tumbling_window", "edges from kinesis or dynamodb_stream", isStream},
    {"window_state_bytes_per_record", "edges from kinesis or dynamodb_stream with a tumbling_window", isStream},
    {"send_on", "send edges (from a function to an sqs or sns node)", [](NodeType t) { return t == NodeType::Function; }},
};

std::vector<std::string> allEdgeKeyNames() {
    std::vector<std::string> v = {"from", "to"};
    for (const EdgeKey& k : kEdgeKeys) v.push_back(k.key);
    return v;
}

class Reader : public ValueReader, public ReadState {
public:
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
        // PutFunctionRecursionConfig RecursiveLoop (AWS DG invocation-recursion): Terminate is the default.
        readEnum<sim::RecursiveLoop>(v, "recursive_loop", path, f.recursiveLoop,
                                     {{"Terminate", sim::RecursiveLoop::Terminate}, {"Allow", sim::RecursiveLoop::Allow}});
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
        if (!expectObject(v, path, "an edge: {\"from\": source id, \"to\": function id, ...settings} (or from a "
                                   "function to an sqs or sns node: a send edge)")) {
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
        readEnum<sim::SendOn>(v, "send_on", path, e.sendOn, {{"success", sim::SendOn::Success}, {"always", sim::SendOn::Always}});
        // Model choice (sqs_poll_latency / sqs_long_poll): "zero" by default, "realistic" opts into long polling.
        readEnum<sim::SqsPollLatency>(v, "poll_latency", path, e.pollLatency,
                                      {{"zero", sim::SqsPollLatency::Zero}, {"realistic", sim::SqsPollLatency::Realistic}});
        // TumblingWindowInSeconds: an integer 0-900, 0 = off (FIDELITY 6.3; API-CESM).
        if (readDuration(v, "tumbling_window", path, e.tumblingWindow,
                         {0, 900 * sim::kSecond, "between 0 s and 900 s",
                          "FIDELITY 6.3: TumblingWindowInSeconds, 0 = off; AWS: Member must have value less than "
                          "or equal to 900"}) &&
            e.tumblingWindow % sim::kSecond != 0) {
            error(path + "/tumbling_window", "must be a whole number of seconds (TumblingWindowInSeconds is an "
                                             "integer); got " + shortDump(v["tumbling_window"]));
            e.tumblingWindow = 0;
        }
        if (readInt(v, "window_state_bytes_per_record", path, e.windowStateBytesPerRecord,
                    {0, 1048576, "between 0 and 1048576",
                     "scenario input: bytes each record adds to the window state; above 1 MB the window "
                     "terminates early (FIDELITY 6.3)"}) &&
            e.tumblingWindow == 0)
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

ParseResult detail::readScenarioText(const std::string& jsonText, bool crossCheck) {
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
    } catch (const std::exception& e) {
        result.errors.push_back({"", std::string("internal error while reading the scenario: ") + e.what()});
    } catch (...) {
        result.errors.push_back({"", "internal error while reading the scenario"});
    }
    return result;
}

ParseResult parseScenario(const std::string& jsonText) {
    ParseResult result = detail::readScenarioText(jsonText, true);
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

// writeScenario (canonical JSON) and formatErrors. Canonical: fixed key order; durations as strings in their
// largest exact unit; every key equal to its default omitted, except version, name, seed, run_for, node id,
// type and position, the traffic count, and edge from/to, which are always written.
#include <nlohmann/json.hpp>

#include <cmath>

#include "duration.hpp"
#include "scenario_json.hpp"

namespace pg::scenario {

namespace {

using ojson = nlohmann::ordered_json;
using sim::NodeType;

/// Whole numbers as JSON integers ("40", not "40.0"); everything else as the shortest round-trip double.
ojson number(double v) {
    if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 9007199254740992.0)
        return static_cast<std::int64_t>(v);
    return v;
}

ojson duration(sim::SimTime t) { return formatDuration(t); }

const char* countKeyOf(NodeType t) {
    switch (sim::invocationModeOf(t)) {
    case sim::InvocationMode::Synchronous: return "requests";
    case sim::InvocationMode::Asynchronous: return "events";
    case sim::InvocationMode::PollBased: return t == NodeType::Sqs ? "messages" : "records";
    case sim::InvocationMode::None: break;
    }
    return "requests";
}

const char* outcomeName(sim::RuleOutcome o) {
    switch (o) {
    case sim::RuleOutcome::Success: return "success";
    case sim::RuleOutcome::Error: return "error";
    case sim::RuleOutcome::Timeout: return "timeout";
    case sim::RuleOutcome::ReportFailure: return "report_failure";
    case sim::RuleOutcome::InvalidBatchResponse: return "invalid_batch_response";
    case sim::RuleOutcome::MissingState: return "missing_state";
    }
    return "success";
}

const char* startingPositionName(sim::StartingPosition p) {
    switch (p) {
    case sim::StartingPosition::TrimHorizon: return "TRIM_HORIZON";
    case sim::StartingPosition::Latest: return "LATEST";
    case sim::StartingPosition::AtTimestamp: return "AT_TIMESTAMP";
    }
    return "TRIM_HORIZON";
}

void writeFunction(ojson& out, const sim::FunctionConfig& f) {
    const sim::FunctionConfig d;
    if (f.timeout != d.timeout) out["timeout"] = duration(f.timeout);
    if (f.duration.min != d.duration.min || f.duration.max != d.duration.max) {
        if (f.duration.min == f.duration.max) out["duration"] = duration(f.duration.min);
        else out["duration"] = ojson{{"min", duration(f.duration.min)}, {"max", duration(f.duration.max)}};
    }
    if (f.coldStart != d.coldStart) out["cold_start"] = duration(f.coldStart);
    if (f.reservedConcurrency) out["reserved_concurrency"] = *f.reservedConcurrency;
    if (!f.behavior.empty()) {
        ojson rules = ojson::array();
        for (const sim::BehaviorRule& r : f.behavior) {
            ojson when = ojson::object();
            const sim::RuleCondition& c = r.when;
            if (c.bodyContains) when["body_contains"] = *c.bodyContains;
            if (c.attemptAtMost) when["attempt_at_most"] = *c.attemptAtMost;
            if (c.item) when["item"] = *c.item;
            if (c.rate) when["rate"] = number(*c.rate);
            if (c.after) when["after"] = duration(*c.after);
            if (c.before) when["before"] = duration(*c.before);
            if (c.itemModulo) when["item_modulo"] = ojson{{"divisor", *c.itemModulo}, {"remainder", c.itemRemainder}};
            ojson rule = ojson::object();
            if (!when.empty()) rule["when"] = std::move(when);
            rule["then"] = outcomeName(r.then);
            rules.push_back(std::move(rule));
        }
        out["behavior"] = std::move(rules);
    }
    const sim::AsyncConfig& a = f.async;
    ojson async = ojson::object();
    if (a.maxRetryAttempts != d.async.maxRetryAttempts) async["max_retry_attempts"] = a.maxRetryAttempts;
    if (a.maxEventAge != d.async.maxEventAge) async["max_event_age"] = duration(a.maxEventAge);
    if (!a.deadLetterQueue.empty()) async["dead_letter_queue"] = a.deadLetterQueue;
    if (!a.onSuccess.empty()) async["on_success"] = a.onSuccess;
    if (!a.onFailure.empty()) async["on_failure"] = a.onFailure;
    if (!async.empty()) out["async"] = std::move(async);
    if (f.recursiveLoop != d.recursiveLoop) out["recursive_loop"] = "Allow";
}

void writeTraffic(ojson& out, const sim::Node& n) {
    const sim::Traffic& t = n.traffic;
    const sim::Traffic d;
    const bool isStream = n.type == NodeType::Kinesis || n.type == NodeType::DynamoDbStream;
    const bool hasGroup = n.type == NodeType::Sqs && !t.group.empty();
    const bool hasKey = isStream && !t.partitionKey.empty();
    if (t.count == d.count && t.ratePerSecond == d.ratePerSecond && t.start == d.start && t.arrival == d.arrival &&
        t.body == d.body && !hasGroup && !hasKey)
        return;
    ojson tr = ojson::object();
    tr[countKeyOf(n.type)] = t.count;
    if (t.ratePerSecond != d.ratePerSecond) tr["rate_per_second"] = number(t.ratePerSecond);
    if (t.start != d.start) tr["start"] = duration(t.start);
    if (t.arrival != d.arrival) tr["arrival"] = t.arrival == sim::Arrival::Poisson ? "poisson"
                                                    : t.arrival == sim::Arrival::Burst ? "burst" : "uniform";
    if (t.body != d.body) tr["body"] = t.body;
    if (hasGroup) tr["group"] = t.group;
    if (hasKey) tr["partition_key"] = t.partitionKey;
    out["traffic"] = std::move(tr);
}

ojson writeNode(const sim::Node& n) {
    const sim::Node d;
    ojson out = ojson::object();
    out["id"] = n.id;
    out["type"] = sim::nodeTypeName(n.type);
    if (!n.label.empty()) out["label"] = n.label;
    out["position"] = ojson::array({number(n.x), number(n.y)});
    const sim::InvocationMode mode = sim::invocationModeOf(n.type);
    if (n.type == NodeType::Function) writeFunction(out, n.function);
    if (n.type == NodeType::ApiGateway && n.integrationTimeout != d.integrationTimeout)
        out["integration_timeout"] = duration(n.integrationTimeout);
    if (mode == sim::InvocationMode::Synchronous &&
        (n.clientRetry.count != d.clientRetry.count || n.clientRetry.backoff != d.clientRetry.backoff)) {
        ojson retry = ojson::object();
        if (n.clientRetry.count != d.clientRetry.count) retry["count"] = n.clientRetry.count;
        if (n.clientRetry.backoff != d.clientRetry.backoff) retry["backoff"] = duration(n.clientRetry.backoff);
        out["client_retry"] = std::move(retry);
    }
    if ((n.type == NodeType::Sqs || n.type == NodeType::Sns) && n.queue.fifo) out["fifo"] = true;
    if (n.type == NodeType::Sqs) {
        if (n.queue.visibilityTimeout != d.queue.visibilityTimeout)
            out["visibility_timeout"] = duration(n.queue.visibilityTimeout);
        if (n.queue.retention != d.queue.retention) out["retention"] = duration(n.queue.retention);
        if (n.queue.redrive) {
            ojson r = ojson::object();
            r["dead_letter_queue"] = n.queue.redrive->deadLetterQueue;
            if (n.queue.redrive->maxReceiveCount != sim::Redrive{}.maxReceiveCount)
                r["max_receive_count"] = n.queue.redrive->maxReceiveCount;
            out["redrive"] = std::move(r);
        }
    }
    if (n.type == NodeType::Kinesis || n.type == NodeType::DynamoDbStream) {
        if (n.stream.shards != d.stream.shards) out["shards"] = n.stream.shards;
        if (n.type == NodeType::Kinesis && n.stream.retention != d.stream.retention)
            out["retention"] = duration(n.stream.retention);
    }
    if (mode != sim::InvocationMode::None) writeTraffic(out, n);
    return out;
}

ojson writeEdge(const sim::Edge& e) {
    const sim::Edge d;
    ojson out = ojson::object();
    out["from"] = e.from;
    out["to"] = e.to;
    if (e.batchSize) out["batch_size"] = *e.batchSize;
    if (e.batchingWindow != d.batchingWindow) out["batching_window"] = duration(e.batchingWindow);
    if (e.maximumConcurrency) out["maximum_concurrency"] = *e.maximumConcurrency;
    if (e.reportBatchItemFailures) out["report_batch_item_failures"] = true;
    if (e.bisectBatchOnFunctionError) out["bisect_batch_on_function_error"] = true;
    if (e.maximumRetryAttempts != d.maximumRetryAttempts) out["maximum_retry_attempts"] = e.maximumRetryAttempts;
    if (e.maximumRecordAge != d.maximumRecordAge) out["maximum_record_age"] = duration(e.maximumRecordAge);
    if (e.parallelizationFactor != d.parallelizationFactor) out["parallelization_factor"] = e.parallelizationFactor;
    if (e.startingPosition != d.startingPosition) out["starting_position"] = startingPositionName(e.startingPosition);
    if (e.startingPositionTimestamp != d.startingPositionTimestamp)
        out["starting_position_timestamp"] = duration(e.startingPositionTimestamp);
    if (!e.onFailure.empty()) out["on_failure"] = e.onFailure;
    if (e.pollLatency != d.pollLatency) out["poll_latency"] = "realistic";
    if (e.tumblingWindow != d.tumblingWindow) out["tumbling_window"] = duration(e.tumblingWindow);
    if (e.windowStateBytesPerRecord != d.windowStateBytesPerRecord)
        out["window_state_bytes_per_record"] = e.windowStateBytesPerRecord;
    if (e.sendOn != d.sendOn) out["send_on"] = "always";
    return out;
}

}  // namespace

std::string writeScenario(const sim::Scenario& s, int indent) {
    ojson doc = ojson::object();
    doc["version"] = 1;
    doc["name"] = s.name;
    if (!s.description.empty()) doc["description"] = s.description;
    doc["seed"] = s.seed;
    doc["run_for"] = duration(s.runFor);
    if (s.accountConcurrencyLimit != sim::Scenario{}.accountConcurrencyLimit)
        doc["account"] = ojson{{"concurrency_limit", s.accountConcurrencyLimit}};
    ojson nodes = ojson::array();
    for (const sim::Node& n : s.nodes) nodes.push_back(writeNode(n));
    doc["nodes"] = std::move(nodes);
    ojson edges = ojson::array();
    for (const sim::Edge& e : s.edges) edges.push_back(writeEdge(e));
    doc["edges"] = std::move(edges);
    // replace: invalid UTF-8 in a hand-built Scenario becomes U+FFFD instead of throwing.
    std::string text = doc.dump(indent < 0 ? -1 : indent, ' ', false, ojson::error_handler_t::replace);
    if (indent >= 0) text += '\n';
    return text;
}

std::string formatErrors(const std::vector<ScenarioError>& errors) {
    std::string out;
    for (const ScenarioError& e : errors) {
        if (e.line > 0) out += std::to_string(e.line) + ":" + std::to_string(e.column) + " ";
        if (!e.path.empty()) out += e.path + ": ";
        out += e.message + "\n";
    }
    return out;
}

}  // namespace pg::scenario

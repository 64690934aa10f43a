// firstDifference: walks every field of pg::sim::Scenario. When a field is added to scenario_config.hpp it
// must be added here too (the round-trip tests then cover it).
#include "scenario_compare.hpp"

#include <algorithm>
#include <sstream>
#include <utility>
#include <vector>

namespace pg::scenario {

namespace {

template <typename T>
std::string show(const T& v) {
    std::ostringstream s;
    if constexpr (std::is_enum_v<T>) s << static_cast<int>(v);
    else s << v;
    return s.str();
}
template <typename T>
std::string show(const std::optional<T>& v) {
    return v ? show(*v) : std::string("(none)");
}
std::string show(const std::string& v) { return "\"" + v + "\""; }
std::string show(double v) {
    std::ostringstream s;
    s.precision(17);
    s << v;
    return s.str();
}

class Differ {
public:
    std::string diff;
    bool collectAll = false;             ///< scenarioDelta: every differing field, not just the first
    bool ignorePositions = false;        ///< scenarioDelta: where a node sits is not a difference of design
    std::vector<std::string> fields;     ///< with collectAll: the differing fields' names
    template <typename T>
    void field(const std::string& name, const T& a, const T& b) {
        if (a == b) return;
        if (collectAll) {
            const bool position = name == "x" || name == "y";  // a node's, compared with no prefix
            if (!(ignorePositions && position)) fields.push_back(name);
        } else if (diff.empty()) {
            diff = name + ": " + show(a) + " != " + show(b);
        }
    }
};

void compareFunction(Differ& d, const std::string& p, const sim::FunctionConfig& a, const sim::FunctionConfig& b) {
    d.field(p + "timeout", a.timeout, b.timeout);
    d.field(p + "duration.min", a.duration.min, b.duration.min);
    d.field(p + "duration.max", a.duration.max, b.duration.max);
    d.field(p + "coldStart", a.coldStart, b.coldStart);
    d.field(p + "reservedConcurrency", a.reservedConcurrency, b.reservedConcurrency);
    d.field(p + "provisionedConcurrency", a.provisionedConcurrency, b.provisionedConcurrency);
    d.field(p + "idleLifetime", a.idleLifetime, b.idleLifetime);
    d.field(p + "behavior.size", a.behavior.size(), b.behavior.size());
    for (std::size_t i = 0; i < a.behavior.size() && i < b.behavior.size(); ++i) {
        const std::string r = p + "behavior[" + std::to_string(i) + "].";
        const sim::RuleCondition &x = a.behavior[i].when, &y = b.behavior[i].when;
        d.field(r + "then", a.behavior[i].then, b.behavior[i].then);
        d.field(r + "when.bodyContains", x.bodyContains, y.bodyContains);
        d.field(r + "when.attemptAtMost", x.attemptAtMost, y.attemptAtMost);
        d.field(r + "when.item", x.item, y.item);
        d.field(r + "when.rate", x.rate, y.rate);
        d.field(r + "when.after", x.after, y.after);
        d.field(r + "when.before", x.before, y.before);
        d.field(r + "when.itemModulo", x.itemModulo, y.itemModulo);
        d.field(r + "when.itemRemainder", x.itemRemainder, y.itemRemainder);
    }
    d.field(p + "recursiveLoop", a.recursiveLoop, b.recursiveLoop);
    d.field(p + "memoryMb", a.memoryMb, b.memoryMb);
    d.field(p + "architecture", a.architecture, b.architecture);
    d.field(p + "async.maxRetryAttempts", a.async.maxRetryAttempts, b.async.maxRetryAttempts);
    d.field(p + "async.maxEventAge", a.async.maxEventAge, b.async.maxEventAge);
    d.field(p + "async.deadLetterQueue", a.async.deadLetterQueue, b.async.deadLetterQueue);
    d.field(p + "async.onSuccess", a.async.onSuccess, b.async.onSuccess);
    d.field(p + "async.onFailure", a.async.onFailure, b.async.onFailure);
}

void compareNode(Differ& d, const std::string& p, const sim::Node& a, const sim::Node& b) {
    d.field(p + "id", a.id, b.id);
    d.field(p + "type", a.type, b.type);
    d.field(p + "label", a.label, b.label);
    d.field(p + "x", a.x, b.x);
    d.field(p + "y", a.y, b.y);
    compareFunction(d, p + "function.", a.function, b.function);
    const sim::Traffic &t = a.traffic, &u = b.traffic;
    d.field(p + "traffic.count", t.count, u.count);
    d.field(p + "traffic.ratePerSecond", t.ratePerSecond, u.ratePerSecond);
    d.field(p + "traffic.start", t.start, u.start);
    d.field(p + "traffic.arrival", t.arrival, u.arrival);
    d.field(p + "traffic.body", t.body, u.body);
    d.field(p + "traffic.group", t.group, u.group);
    d.field(p + "traffic.partitionKey", t.partitionKey, u.partitionKey);
    d.field(p + "integrationTimeout", a.integrationTimeout, b.integrationTimeout);
    d.field(p + "clientRetry.count", a.clientRetry.count, b.clientRetry.count);
    d.field(p + "clientRetry.backoff", a.clientRetry.backoff, b.clientRetry.backoff);
    d.field(p + "queue.fifo", a.queue.fifo, b.queue.fifo);
    d.field(p + "queue.visibilityTimeout", a.queue.visibilityTimeout, b.queue.visibilityTimeout);
    d.field(p + "queue.retention", a.queue.retention, b.queue.retention);
    d.field(p + "queue.redrive", a.queue.redrive.has_value(), b.queue.redrive.has_value());
    if (a.queue.redrive && b.queue.redrive) {
        d.field(p + "queue.redrive.deadLetterQueue", a.queue.redrive->deadLetterQueue, b.queue.redrive->deadLetterQueue);
        d.field(p + "queue.redrive.maxReceiveCount", a.queue.redrive->maxReceiveCount, b.queue.redrive->maxReceiveCount);
    }
    d.field(p + "stream.shards", a.stream.shards, b.stream.shards);
    d.field(p + "stream.retention", a.stream.retention, b.stream.retention);
}

void compareEdge(Differ& d, const std::string& p, const sim::Edge& a, const sim::Edge& b) {
    d.field(p + "from", a.from, b.from);
    d.field(p + "to", a.to, b.to);
    d.field(p + "batchSize", a.batchSize, b.batchSize);
    d.field(p + "batchingWindow", a.batchingWindow, b.batchingWindow);
    d.field(p + "maximumConcurrency", a.maximumConcurrency, b.maximumConcurrency);
    d.field(p + "provisionedPollers", a.provisionedPollers.has_value(), b.provisionedPollers.has_value());
    if (a.provisionedPollers && b.provisionedPollers) {
        d.field(p + "provisionedPollers.minimum", a.provisionedPollers->minimum, b.provisionedPollers->minimum);
        d.field(p + "provisionedPollers.maximum", a.provisionedPollers->maximum, b.provisionedPollers->maximum);
    }
    d.field(p + "reportBatchItemFailures", a.reportBatchItemFailures, b.reportBatchItemFailures);
    d.field(p + "bisectBatchOnFunctionError", a.bisectBatchOnFunctionError, b.bisectBatchOnFunctionError);
    d.field(p + "maximumRetryAttempts", a.maximumRetryAttempts, b.maximumRetryAttempts);
    d.field(p + "maximumRecordAge", a.maximumRecordAge, b.maximumRecordAge);
    d.field(p + "parallelizationFactor", a.parallelizationFactor, b.parallelizationFactor);
    d.field(p + "startingPosition", a.startingPosition, b.startingPosition);
    d.field(p + "startingPositionTimestamp", a.startingPositionTimestamp, b.startingPositionTimestamp);
    d.field(p + "onFailure", a.onFailure, b.onFailure);
    d.field(p + "pollLatency", a.pollLatency, b.pollLatency);
    d.field(p + "tumblingWindow", a.tumblingWindow, b.tumblingWindow);
    d.field(p + "windowStateBytesPerRecord", a.windowStateBytesPerRecord, b.windowStateBytesPerRecord);
    d.field(p + "sendOn", a.sendOn, b.sendOn);
}

/// The fields of one node (or edge) pair that differ, their names relative to it ("queue.redrive").
template <typename T, typename F>
std::vector<std::string> differingFields(const T& a, const T& b, F compare) {
    Differ d;
    d.collectAll = true;
    d.ignorePositions = true;
    compare(d, std::string(), a, b);
    return d.fields;
}

}  // namespace

ScenarioDelta scenarioDelta(const sim::Scenario& a, const sim::Scenario& b) {
    ScenarioDelta delta;
    Differ top;
    top.collectAll = true;
    top.field("seed", a.seed, b.seed);
    top.field("run_for", a.runFor, b.runFor);
    top.field("account_concurrency_limit", a.accountConcurrencyLimit, b.accountConcurrencyLimit);
    for (const std::string& f : top.fields) delta.settings.push_back("scenario: " + f);
    for (const sim::Node& n : a.nodes) {
        const sim::Node* other = nullptr;
        for (const sim::Node& m : b.nodes)
            if (m.id == n.id) other = &m;
        if (!other) {
            delta.nodes.push_back(n.id);
            delta.settings.push_back("node " + n.id + ": only in A");
            continue;
        }
        const std::vector<std::string> fields = differingFields(n, *other, compareNode);
        if (fields.empty()) continue;
        delta.nodes.push_back(n.id);
        for (const std::string& f : fields) delta.settings.push_back("node " + n.id + ": " + f);
    }
    for (const sim::Node& m : b.nodes)
        if (std::none_of(a.nodes.begin(), a.nodes.end(), [&](const sim::Node& n) { return n.id == m.id; })) {
            delta.nodes.push_back(m.id);
            delta.settings.push_back("node " + m.id + ": only in B");
        }
    // Edges pair up by their ends, in order (two edges between the same nodes pair first with first).
    std::vector<bool> usedB(b.edges.size(), false);
    for (const sim::Edge& e : a.edges) {
        const std::string name = "edge " + e.from + " -> " + e.to;
        std::size_t match = b.edges.size();
        for (std::size_t j = 0; j < b.edges.size() && match == b.edges.size(); ++j)
            if (!usedB[j] && b.edges[j].from == e.from && b.edges[j].to == e.to) match = j;
        if (match == b.edges.size()) {
            delta.edges.emplace_back(e.from, e.to);
            delta.settings.push_back(name + ": only in A");
            continue;
        }
        usedB[match] = true;
        const std::vector<std::string> fields = differingFields(e, b.edges[match], compareEdge);
        if (fields.empty()) continue;
        delta.edges.emplace_back(e.from, e.to);
        for (const std::string& f : fields) delta.settings.push_back(name + ": " + f);
    }
    for (std::size_t j = 0; j < b.edges.size(); ++j)
        if (!usedB[j]) {
            delta.edges.emplace_back(b.edges[j].from, b.edges[j].to);
            delta.settings.push_back("edge " + b.edges[j].from + " -> " + b.edges[j].to + ": only in B");
        }
    return delta;
}

bool ScenarioDelta::nodeDiffers(const std::string& id) const {
    return std::find(nodes.begin(), nodes.end(), id) != nodes.end();
}

bool ScenarioDelta::edgeDiffers(const std::string& from, const std::string& to) const {
    return std::find(edges.begin(), edges.end(), std::make_pair(from, to)) != edges.end();
}

std::string firstDifference(const sim::Scenario& a, const sim::Scenario& b) {
    Differ d;
    d.field("version", a.version, b.version);
    d.field("name", a.name, b.name);
    d.field("description", a.description, b.description);
    d.field("seed", a.seed, b.seed);
    d.field("runFor", a.runFor, b.runFor);
    d.field("accountConcurrencyLimit", a.accountConcurrencyLimit, b.accountConcurrencyLimit);
    d.field("nodes.size", a.nodes.size(), b.nodes.size());
    for (std::size_t i = 0; i < a.nodes.size() && i < b.nodes.size(); ++i)
        compareNode(d, "nodes[" + std::to_string(i) + "].", a.nodes[i], b.nodes[i]);
    d.field("edges.size", a.edges.size(), b.edges.size());
    for (std::size_t i = 0; i < a.edges.size() && i < b.edges.size(); ++i)
        compareEdge(d, "edges[" + std::to_string(i) + "].", a.edges[i], b.edges[i]);
    return d.diff;
}

}  // namespace pg::scenario

// [SECTION] table  [SECTION] access
#include "params.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include "scenario/duration.hpp"

namespace pg::ui {

using namespace sim;

namespace {

struct Target {
    Scenario& scenario;
    Node* node;
    Edge* edge;
};

struct ParamDef {
    ParamInfo info;
    std::function<bool(const Scenario&, const Node*, const Edge*)> applies;
    std::function<std::string(const Target&)> get;
    std::function<std::string(const Target&, const std::string&)> set;  // "" ok, else error
};

bool isSource(NodeType t) { return t != NodeType::Function; }
bool isSync(NodeType t) { return invocationModeOf(t) == InvocationMode::Synchronous; }
bool isStream(NodeType t) { return t == NodeType::Kinesis || t == NodeType::DynamoDbStream; }
NodeType fromType(const Scenario& s, const Edge* e) {
    for (const Node& n : s.nodes)
        if (e && n.id == e->from) return n.type;
    return NodeType::Function;
}

// [SECTION] value codecs
std::string durText(SimTime t) { return t < 0 ? "-1" : scenario::formatDuration(t); }
std::string parseDur(const std::string& v, SimTime& out, bool allowMinusOne = false) {
    if (allowMinusOne && (v == "-1" || v.empty())) {
        out = -1;
        return "";
    }
    std::string error;
    if (auto t = scenario::parseDurationText(v, &error)) {
        out = *t;
        return "";
    }
    return "not a duration (e.g. 150ms, 30s, 5m, 4h, 4d): " + error;
}
std::string parseInt(const std::string& v, int& out) {
    char* end = nullptr;
    const long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end) return "not a whole number";
    out = static_cast<int>(n);
    return "";
}
std::string parseI64(const std::string& v, std::int64_t& out) {
    char* end = nullptr;
    const long long n = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end) return "not a whole number";
    out = n;
    return "";
}
std::string parseDouble(const std::string& v, double& out) {
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    if (v.empty() || *end) return "not a number";
    out = d;
    return "";
}
std::string boolText(bool b) { return b ? "true" : "false"; }

// Helpers that build getters/setters over a member reached from the target.
template <typename Access>
ParamDef durationParam(ParamInfo info, std::function<bool(const Scenario&, const Node*, const Edge*)> applies,
                       Access access, bool allowMinusOne = false) {
    return {info, applies, [access](const Target& t) { return durText(access(t)); },
            [access, allowMinusOne](const Target& t, const std::string& v) {
                return parseDur(v, access(t), allowMinusOne);
            }};
}
template <typename Access>
ParamDef intParam(ParamInfo info, std::function<bool(const Scenario&, const Node*, const Edge*)> applies,
                  Access access) {
    return {info, applies, [access](const Target& t) { return std::to_string(access(t)); },
            [access](const Target& t, const std::string& v) { return parseInt(v, access(t)); }};
}
template <typename Access>
ParamDef optIntParam(ParamInfo info, std::function<bool(const Scenario&, const Node*, const Edge*)> applies,
                     Access access) {
    return {info, applies,
            [access](const Target& t) {
                const std::optional<int>& o = access(t);
                return o ? std::to_string(*o) : std::string();
            },
            [access](const Target& t, const std::string& v) {
                if (v.empty()) {
                    access(t).reset();
                    return std::string();
                }
                int n = 0;
                std::string e = parseInt(v, n);
                if (e.empty()) access(t) = n;
                return e;
            }};
}
template <typename Access>
ParamDef boolParam(ParamInfo info, std::function<bool(const Scenario&, const Node*, const Edge*)> applies,
                   Access access) {
    return {info, applies, [access](const Target& t) { return boolText(access(t)); },
            [access](const Target& t, const std::string& v) {
                access(t) = v == "true" || v == "1";
                return std::string();
            }};
}
template <typename Access>
ParamDef textParam(ParamInfo info, std::function<bool(const Scenario&, const Node*, const Edge*)> applies,
                   Access access) {
    return {info, applies, [access](const Target& t) { return std::string(access(t)); },
            [access](const Target& t, const std::string& v) {
                access(t) = v;
                return std::string();
            }};
}

auto onNode(std::function<bool(NodeType)> f) {
    return [f](const Scenario&, const Node* n, const Edge* e) { return n && !e && f(n->type); };
}
auto onEdge(std::function<bool(NodeType)> f) {
    return [f](const Scenario& s, const Node*, const Edge* e) { return e && f(fromType(s, e)); };
}
auto onScenario() {
    return [](const Scenario&, const Node* n, const Edge* e) { return !n && !e; };
}
bool isFn(NodeType t) { return t == NodeType::Function; }
bool isSqs(NodeType t) { return t == NodeType::Sqs; }
bool isPoll(NodeType t) { return invocationModeOf(t) == InvocationMode::PollBased; }

// [SECTION] table
const std::vector<ParamDef>& table() {
    using K = ParamKind;
    static const std::vector<ParamDef> kTable = [] {
        std::vector<ParamDef> t;
        // scenario
        t.push_back(textParam({"name", "Name", K::Text, "Untitled", "up to 200 characters", "Shown in the title bar.",
                               false, "scenario", ""}, onScenario(), [](const Target& x) -> std::string& { return x.scenario.name; }));
        t.push_back(durationParam({"run_for", "Run for", K::Duration, "10m", "up to 366 d",
                                   "How much virtual time the run covers; the scrubber spans it.", false, "scenario", ""},
                                  onScenario(), [](const Target& x) -> SimTime& { return x.scenario.runFor; }));
        t.push_back(intParam({"account.concurrency_limit", "Account concurrency", K::Int, "1000", "1 - 100000",
                              "Concurrent executions of the whole account in the Region; functions without reserved "
                              "concurrency share what is not reserved.", true, "FIDELITY 3, DG-LIMITS-2022", ""},
                             onScenario(), [](const Target& x) -> int& { return x.scenario.accountConcurrencyLimit; }));
        // function
        t.push_back(durationParam({"timeout", "Timeout", K::Duration, "3s", "1 s - 900 s",
                                   "A run longer than this ends as a timeout (Sandbox.Timedout), a function error.",
                                   true, "FIDELITY 2, API-CF", ""},
                                  onNode(isFn), [](const Target& x) -> SimTime& { return x.node->function.timeout; }));
        t.push_back(durationParam({"duration.min", "Duration (min)", K::Duration, "100ms", "0 - timeout and beyond",
                                   "How long your code runs; uniform between min and max. A scenario input.",
                                   false, "scenario input", ""},
                                  onNode(isFn), [](const Target& x) -> SimTime& { return x.node->function.duration.min; }));
        t.push_back(durationParam({"duration.max", "Duration (max)", K::Duration, "100ms", ">= min",
                                   "Longest run; a run past the timeout is cut at the timeout.", false, "scenario input", ""},
                                  onNode(isFn), [](const Target& x) -> SimTime& { return x.node->function.duration.max; }));
        t.push_back(durationParam({"cold_start", "Cold start (init)", K::Duration, "250ms", "0 - 10 s",
                                   "Init phase of a new execution environment, before the handler; the timeout "
                                   "applies after it.", false, "cold_start_outside_timeout", ""},
                                  onNode(isFn), [](const Target& x) -> SimTime& { return x.node->function.coldStart; }));
        t.push_back(optIntParam({"reserved_concurrency", "Reserved concurrency", K::OptionalInt, "none (unreserved pool)",
                                 "0 - account limit minus 100", "A guarantee and a ceiling; 0 throttles every invoke.",
                                 true, "FIDELITY 3, API-PFC", ""},
                                onNode(isFn), [](const Target& x) -> std::optional<int>& { return x.node->function.reservedConcurrency; }));
        t.push_back(intParam({"async.max_retry_attempts", "Async: retry attempts", K::Int, "2", "0 - 2",
                              "Retries after a function error for asynchronous invokes (1 min, then 2 min apart).",
                              true, "FIDELITY 5.1, API-PFEIC", ""},
                             onNode(isFn), [](const Target& x) -> int& { return x.node->function.async.maxRetryAttempts; }));
        t.push_back(durationParam({"async.max_event_age", "Async: maximum event age", K::Duration, "6h", "60 s - 6 h",
                                   "An event older than this is discarded (EventAgeExceeded) instead of retried.",
                                   true, "FIDELITY 5.1, API-PFEIC", ""},
                                  onNode(isFn), [](const Target& x) -> SimTime& { return x.node->function.async.maxEventAge; }));
        t.push_back(textParam({"async.dead_letter_queue", "Async: dead-letter queue", K::NodeRef, "none",
                               "an sqs queue or sns topic",
                               "Receives events that failed every attempt. Applies only to asynchronous invokes, "
                               "never to SQS-triggered runs.", true, "FIDELITY 5.3, DG-ASYNC-ERR", ""},
                              onNode(isFn), [](const Target& x) -> std::string& { return x.node->function.async.deadLetterQueue; }));
        t.push_back(textParam({"async.on_success", "Async: on-success destination", K::NodeRef, "none",
                               "sqs, sns, eventbridge or function", "Receives an invocation record after success.",
                               true, "FIDELITY 5.2, DG-ASYNC-REC", ""},
                              onNode(isFn), [](const Target& x) -> std::string& { return x.node->function.async.onSuccess; }));
        t.push_back(textParam({"async.on_failure", "Async: on-failure destination", K::NodeRef, "none",
                               "sqs, sns, eventbridge, function or s3", "Receives an invocation record after the last failure.",
                               true, "FIDELITY 5.2, DG-ASYNC-REC", ""},
                              onNode(isFn), [](const Target& x) -> std::string& { return x.node->function.async.onFailure; }));
        t.push_back(ParamDef{{"recursive_loop", "Recursive loop detection", K::Choice, "Terminate", "Terminate | Allow",
                              "Terminate: Lambda stops the next invocation once a chain of requests (messages this "
                              "function sent to the queue or topic that invokes it) has run about 16 times. Allow "
                              "lets the loop run on.", true, "AWS DG invocation-recursion", "Terminate|Allow"},
                             onNode(isFn),
                             [](const Target& x) {
                                 return std::string(x.node->function.recursiveLoop == RecursiveLoop::Allow ? "Allow" : "Terminate");
                             },
                             [](const Target& x, const std::string& v) {
                                 x.node->function.recursiveLoop = v == "Allow" ? RecursiveLoop::Allow : RecursiveLoop::Terminate;
                                 return std::string();
                             }});
        // sources: traffic
        t.push_back(ParamDef{{"traffic.count", "Items to send", K::Int, "0", "0 - 1,000,000",
                              "How many requests/events/messages/records the source produces. A scenario input.",
                              false, "scenario input", ""},
                             onNode(isSource), [](const Target& x) { return std::to_string(x.node->traffic.count); },
                             [](const Target& x, const std::string& v) { return parseI64(v, x.node->traffic.count); }});
        t.push_back(ParamDef{{"traffic.rate_per_second", "Rate per second", K::Double, "1", "> 0 - 100,000",
                              "Arrival rate of the items.", false, "scenario input", ""},
                             onNode(isSource),
                             [](const Target& x) {
                                 char buf[32];
                                 std::snprintf(buf, sizeof buf, "%g", x.node->traffic.ratePerSecond);
                                 return std::string(buf);
                             },
                             [](const Target& x, const std::string& v) { return parseDouble(v, x.node->traffic.ratePerSecond); }});
        t.push_back(durationParam({"traffic.start", "Start at", K::Duration, "0s", ">= 0", "When the first item arrives.",
                                   false, "scenario input", ""},
                                  onNode(isSource), [](const Target& x) -> SimTime& { return x.node->traffic.start; }));
        t.push_back(ParamDef{{"traffic.arrival", "Arrivals", K::Choice, "uniform", "uniform | poisson",
                              "Evenly spaced, or random (Poisson) with the same mean rate.", false, "scenario input",
                              "uniform|poisson"},
                             onNode(isSource),
                             [](const Target& x) { return std::string(x.node->traffic.arrival == Arrival::Poisson ? "poisson" : "uniform"); },
                             [](const Target& x, const std::string& v) {
                                 x.node->traffic.arrival = v == "poisson" ? Arrival::Poisson : Arrival::Uniform;
                                 return std::string();
                             }});
        t.push_back(textParam({"traffic.body", "Body template", K::Text, "{n}", "up to 4096 characters",
                               "Item body; {n} is the item number. Behaviour rules can match on it.", false,
                               "scenario input", ""},
                              onNode(isSource), [](const Target& x) -> std::string& { return x.node->traffic.body; }));
        // synchronous sources
        t.push_back(intParam({"client_retry.count", "Client retries", K::Int, "0", "0 - 10",
                              "SDK-style retries by the caller after 429 or 5xx, each with a new request id.", false,
                              "client_retry_statuses", ""},
                             onNode(isSync), [](const Target& x) -> int& { return x.node->clientRetry.count; }));
        t.push_back(durationParam({"client_retry.backoff", "Client retry backoff", K::Duration, "100ms", "doubles each retry",
                                   "Wait before the first client retry.", false, "client_retry_statuses", ""},
                                  onNode(isSync), [](const Target& x) -> SimTime& { return x.node->clientRetry.backoff; }));
        t.push_back(durationParam({"integration_timeout", "Integration timeout", K::Duration, "29s", "50 ms - 29 s",
                                   "API Gateway answers 504 when the function has not answered by then.", true,
                                   "FIDELITY 4, WN-2024-APIGW", ""},
                                  onNode([](NodeType t) { return t == NodeType::ApiGateway; }),
                                  [](const Target& x) -> SimTime& { return x.node->integrationTimeout; }));
        // sqs
        t.push_back(boolParam({"fifo", "FIFO", K::Bool, "false", "true | false",
                               "FIFO queues deliver in order within a message group.", true, "FIDELITY 6.2, DG-SQS-2022", ""},
                              onNode([](NodeType t) { return t == NodeType::Sqs || t == NodeType::Sns; }),
                              [](const Target& x) -> bool& { return x.node->queue.fifo; }));
        t.push_back(durationParam({"visibility_timeout", "Visibility timeout", K::Duration, "30s", "0 s - 12 h",
                                   "A received message is hidden this long; if not deleted it becomes visible again "
                                   "and is received again. Must be >= the function timeout.", true,
                                   "FIDELITY 6.2, SQS-VIS", ""},
                                  onNode(isSqs), [](const Target& x) -> SimTime& { return x.node->queue.visibilityTimeout; }));
        t.push_back(durationParam({"retention", "Retention", K::Duration, "4d", "60 s - 14 d",
                                   "SQS deletes a message this long after it was sent, received or not.", true,
                                   "FIDELITY 6.2, SQS-QP", ""},
                                  onNode(isSqs), [](const Target& x) -> SimTime& { return x.node->queue.retention; }));
        t.push_back(ParamDef{{"redrive.dead_letter_queue", "Redrive: dead-letter queue", K::NodeRef, "none (no redrive)",
                              "an sqs queue of the same type",
                              "Without a redrive policy a failing message comes back until retention ends.", true,
                              "FIDELITY 6.2, SQS-DLQ", ""},
                             onNode(isSqs),
                             [](const Target& x) { return x.node->queue.redrive ? x.node->queue.redrive->deadLetterQueue : std::string(); },
                             [](const Target& x, const std::string& v) {
                                 if (v.empty()) x.node->queue.redrive.reset();
                                 else {
                                     if (!x.node->queue.redrive) x.node->queue.redrive = Redrive{};
                                     x.node->queue.redrive->deadLetterQueue = v;
                                 }
                                 return std::string();
                             }});
        t.push_back(ParamDef{{"redrive.max_receive_count", "Redrive: max receive count", K::Int, "5 (recommended >= 5)",
                              "1 - 1000", "Moved to the DLQ once the receive count exceeds this.", true,
                              "FIDELITY 6.2, SQS-DLQ-CFG", ""},
                             onNode(isSqs),
                             [](const Target& x) { return x.node->queue.redrive ? std::to_string(x.node->queue.redrive->maxReceiveCount) : std::string("5"); },
                             [](const Target& x, const std::string& v) {
                                 if (!x.node->queue.redrive) return std::string("set a redrive dead-letter queue first");
                                 return parseInt(v, x.node->queue.redrive->maxReceiveCount);
                             }});
        // streams
        t.push_back(intParam({"shards", "Shards", K::Int, "1", "1 - 100", "Each shard is read in order by one poller.",
                              true, "FIDELITY 6.3, DG-KIN-2022", ""},
                             onNode(isStream), [](const Target& x) -> int& { return x.node->stream.shards; }));
        t.push_back(durationParam({"stream_retention", "Retention", K::Duration, "24h", "24 h - 365 d (Kinesis)",
                                   "Records older than this expire from the stream.", true, "FIDELITY 6.3", ""},
                                  onNode([](NodeType t) { return t == NodeType::Kinesis; }),
                                  [](const Target& x) -> SimTime& { return x.node->stream.retention; }));
        // edges (event source mappings)
        t.push_back(optIntParam({"batch_size", "Batch size", K::OptionalInt, "SQS 10, streams 100",
                                 "1 - 10,000 (FIFO max 10)", "Most items per invocation.", true, "FIDELITY 6.1, API-CESM", ""},
                                onEdge(isPoll), [](const Target& x) -> std::optional<int>& { return x.edge->batchSize; }));
        t.push_back(durationParam({"batching_window", "Batching window", K::Duration, "0s", "0 - 300 s",
                                   "How long to gather a batch; required > 0 for SQS batch sizes above 10.", true,
                                   "FIDELITY 6.1, API-CESM", ""},
                                  onEdge(isPoll), [](const Target& x) -> SimTime& { return x.edge->batchingWindow; }));
        t.push_back(optIntParam({"maximum_concurrency", "Maximum concurrency", K::OptionalInt, "none", "2 - 1000",
                                 "Caps concurrent invokes of this SQS mapping.", true, "FIDELITY 6.2, API-SCALING", ""},
                                onEdge(isSqs), [](const Target& x) -> std::optional<int>& { return x.edge->maximumConcurrency; }));
        t.push_back(ParamDef{{"poll_latency", "Poll latency", K::Choice, "zero", "zero | realistic",
                              "zero: batches are handed over at once. realistic: long polling; at low traffic a "
                              "batch waits up to 20 s even with a shorter batching window.", false,
                              "sqs_long_poll", "zero|realistic"},
                             onEdge(isSqs),
                             [](const Target& x) {
                                 return std::string(x.edge->pollLatency == SqsPollLatency::Realistic ? "realistic" : "zero");
                             },
                             [](const Target& x, const std::string& v) {
                                 x.edge->pollLatency = v == "realistic" ? SqsPollLatency::Realistic : SqsPollLatency::Zero;
                                 return std::string();
                             }});
        t.push_back(boolParam({"report_batch_item_failures", "ReportBatchItemFailures", K::Bool, "false", "true | false",
                               "Lets the function return only the failed items; without it a listed failure is "
                               "ignored and the whole batch counts as success.", true, "FIDELITY 6.2, API-CESM", ""},
                              onEdge(isPoll), [](const Target& x) -> bool& { return x.edge->reportBatchItemFailures; }));
        t.push_back(boolParam({"bisect_batch_on_function_error", "Bisect batch on error", K::Bool, "false", "true | false",
                               "Split a failing batch in two and retry the halves.", true, "FIDELITY 6.3, API-CESM", ""},
                              onEdge(isStream), [](const Target& x) -> bool& { return x.edge->bisectBatchOnFunctionError; }));
        t.push_back(intParam({"maximum_retry_attempts", "Maximum retry attempts", K::Int, "-1 (until the record expires)",
                              "-1, 0 - 10000", "With -1 a failing record blocks its shard until it expires.", true,
                              "FIDELITY 6.3, API-CESM", ""},
                             onEdge(isStream), [](const Target& x) -> int& { return x.edge->maximumRetryAttempts; }));
        t.push_back(durationParam({"maximum_record_age", "Maximum record age", K::Duration, "-1 (infinite)",
                                   "-1, 60 s - 7 d", "Records older than this are skipped (sent to on-failure).", true,
                                   "FIDELITY 6.3, API-CESM", ""},
                                  onEdge(isStream), [](const Target& x) -> SimTime& { return x.edge->maximumRecordAge; }, true));
        t.push_back(intParam({"parallelization_factor", "Parallelization factor", K::Int, "1", "1 - 10",
                              "Concurrent batches per shard (order kept per partition key).", true, "FIDELITY 6.3, BLOG-PF", ""},
                             onEdge(isStream), [](const Target& x) -> int& { return x.edge->parallelizationFactor; }));
        t.push_back(ParamDef{{"starting_position", "Starting position", K::Choice, "TRIM_HORIZON",
                              "TRIM_HORIZON | LATEST | AT_TIMESTAMP", "Where reading the stream begins.", true,
                              "FIDELITY 6.3, API-CESM", "TRIM_HORIZON|LATEST|AT_TIMESTAMP"},
                             onEdge(isStream),
                             [](const Target& x) {
                                 switch (x.edge->startingPosition) {
                                 case StartingPosition::Latest: return std::string("LATEST");
                                 case StartingPosition::AtTimestamp: return std::string("AT_TIMESTAMP");
                                 default: return std::string("TRIM_HORIZON");
                                 }
                             },
                             [](const Target& x, const std::string& v) {
                                 x.edge->startingPosition = v == "LATEST" ? StartingPosition::Latest
                                                            : v == "AT_TIMESTAMP" ? StartingPosition::AtTimestamp
                                                                                  : StartingPosition::TrimHorizon;
                                 return std::string();
                             }});
        t.push_back(textParam({"on_failure", "On-failure destination", K::NodeRef, "none", "sqs or sns",
                               "Receives a record about batches that failed every attempt.", true,
                               "FIDELITY 6.3, DG-KIN-OFD", ""},
                              onEdge(isStream), [](const Target& x) -> std::string& { return x.edge->onFailure; }));
        t.push_back(durationParam({"tumbling_window", "Tumbling window", K::Duration, "0s (off)", "0 - 900 s",
                                   "Aggregates each window's records in a state carried across invocations; after "
                                   "the window ends one final invoke (isFinalInvokeForWindow) runs per shard.",
                                   true, "FIDELITY 6.3, API-CESM, DG-KIN-2022", ""},
                                  onEdge(isStream), [](const Target& x) -> SimTime& { return x.edge->tumblingWindow; }));
        t.push_back(ParamDef{{"window_state_bytes_per_record", "Window state per record (bytes)", K::Int, "0",
                              "0 - 1,048,576",
                              "How much each record adds to the window state; above 1 MB per shard Lambda ends "
                              "the window early.", false, "scenario input (FIDELITY 6.3 1 MB limit)", ""},
                             onEdge(isStream),
                             [](const Target& x) { return std::to_string(x.edge->windowStateBytesPerRecord); },
                             [](const Target& x, const std::string& v) {
                                 return parseI64(v, x.edge->windowStateBytesPerRecord);
                             }});
        // send edges (function -> sqs/sns): the function's code sends
        t.push_back(ParamDef{{"send_on", "Send after", K::Choice, "success", "success | always",
                              "The handler sends one message per item it processed: after each successful "
                              "invocation, or after every one (it sends, then fails).", false, "send_messages",
                              "success|always"},
                             onEdge(isFn),
                             [](const Target& x) { return std::string(x.edge->sendOn == SendOn::Always ? "always" : "success"); },
                             [](const Target& x, const std::string& v) {
                                 x.edge->sendOn = v == "always" ? SendOn::Always : SendOn::Success;
                                 return std::string();
                             }});
        return t;
    }();
    return kTable;
}

const ParamDef* find(const std::string& key, const Scenario& s, const Node* n, const Edge* e) {
    for (const ParamDef& d : table())
        if (key == d.info.key && d.applies(s, n, e)) return &d;
    return nullptr;
}

}  // namespace

// [SECTION] access
std::vector<const ParamInfo*> paramsOf(const Scenario& scenario, int node, int edge) {
    const Node* n = node >= 0 && node < static_cast<int>(scenario.nodes.size()) ? &scenario.nodes[node] : nullptr;
    const Edge* e = edge >= 0 && edge < static_cast<int>(scenario.edges.size()) ? &scenario.edges[edge] : nullptr;
    std::vector<const ParamInfo*> out;
    for (const ParamDef& d : table())
        if (d.applies(scenario, n, e)) out.push_back(&d.info);
    // The service's own (documented) settings first, scenario inputs such as traffic after them.
    std::stable_partition(out.begin(), out.end(),
                          [](const ParamInfo* p) { return std::string(p->source).rfind("scenario", 0) != 0; });
    return out;
}

std::string getParam(const Scenario& scenario, int node, int edge, const std::string& key) {
    Scenario& s = const_cast<Scenario&>(scenario);  // getters only read
    Node* n = node >= 0 && node < static_cast<int>(s.nodes.size()) ? &s.nodes[node] : nullptr;
    Edge* e = edge >= 0 && edge < static_cast<int>(s.edges.size()) ? &s.edges[edge] : nullptr;
    const ParamDef* d = find(key, s, n, e);
    return d ? d->get(Target{s, n, e}) : std::string();
}

std::string setParam(Scenario& s, int node, int edge, const std::string& key, const std::string& value) {
    Node* n = node >= 0 && node < static_cast<int>(s.nodes.size()) ? &s.nodes[node] : nullptr;
    Edge* e = edge >= 0 && edge < static_cast<int>(s.edges.size()) ? &s.edges[edge] : nullptr;
    const ParamDef* d = find(key, s, n, e);
    if (!d) return "no setting `" + key + "` here";
    return d->set(Target{s, n, e}, value);
}

}  // namespace pg::ui

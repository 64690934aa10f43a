// The settings of the scenario itself and of nodes (function, sources, queues, streams), in canonical-form
// order. Defaults are the engine config's own (engine/scenario_config.hpp); ranges are what the reader enforces.
#include "scenario_limits.hpp"
#include "settings_table.hpp"

namespace pg::scenario::detail {

namespace {

using K = SettingKind;
using namespace setting_flags;
using sim::kDay;
using sim::kHour;
using sim::kMillisecond;
using sim::kSecond;

constexpr const char* kFunctionNodes = "function nodes";
constexpr const char* kRetentionNodes = "sqs and kinesis nodes (DynamoDB Streams keep records for a fixed 24 h, FIDELITY 6.4)";

SettingAccess redriveAccess() {
    SettingAccess a;
    a.isSet = [](const SettingView& v) { return v.node->queue.redrive.has_value(); };
    a.unset = [](const SettingTarget& t) { t.node->queue.redrive.reset(); };
    a.create = [](const SettingTarget& t) {
        if (!t.node->queue.redrive) t.node->queue.redrive = sim::Redrive{};
    };
    return a;
}
/// Setting the dead-letter queue creates the redrive policy; clearing it removes the policy.
SettingAccess redriveQueueAccess() {
    SettingAccess a;
    a.getText = [](const SettingView& v) {
        return v.node->queue.redrive ? v.node->queue.redrive->deadLetterQueue : std::string();
    };
    a.setText = [](const SettingTarget& t, const std::string& id) {
        if (id.empty()) {
            t.node->queue.redrive.reset();
            return;
        }
        if (!t.node->queue.redrive) t.node->queue.redrive = sim::Redrive{};
        t.node->queue.redrive->deadLetterQueue = id;
    };
    return a;
}
/// Without a redrive policy the count reads as the policy's default and cannot be set.
SettingAccess redriveCountAccess() {
    SettingAccess a;
    a.getInt = [](const SettingView& v) -> std::int64_t {
        return v.node->queue.redrive ? v.node->queue.redrive->maxReceiveCount : sim::Redrive{}.maxReceiveCount;
    };
    a.setInt = [](const SettingTarget& t, std::int64_t n) {
        if (t.node->queue.redrive) t.node->queue.redrive->maxReceiveCount = static_cast<int>(n);
    };
    return a;
}

void addScenarioSettings(std::vector<Setting>& t) {
    using sim::Scenario;
    const auto top = SettingOwner::Scenario;
    t.push_back(Describe("name", "Name", K::Text).owner(top).range(0, kMaxNameLength, "up to 200 characters")
                    .help("Shown in the title bar.").input("scenario").flags(kAlwaysWritten)
                    .access(fieldAccess<&Scenario::name>()));
    t.push_back(Describe("description", "Description", K::Text).owner(top)
                    .range(0, kMaxDescriptionLength, "up to 500 characters")
                    .help("A one-line lesson; the presets gallery shows it.").input("scenario")
                    .access(fieldAccess<&Scenario::description>()));
    t.push_back(Describe("seed", "Seed", K::Unsigned).owner(top)
                    .range(0, 0, "a whole number from 0 to 18446744073709551615")
                    .help("Same seed, same run.").input("DESIGN \"Engine\"").flags(kAlwaysWritten)
                    .access(fieldAccess<&Scenario::seed>()));
    t.push_back(Describe("run_for", "Run for", K::Duration).owner(top)
                    .range(1, kMaxRunFor, "between 1 us and 366 d", "scenario limit: run length")
                    .help("How much virtual time the run covers; the scrubber spans it.").input("scenario")
                    .flags(kAlwaysWritten).access(fieldAccess<&Scenario::runFor>()));
    t.push_back(Describe("account", "Account", K::Group).owner(top).range(0, 0, "account settings")
                    .flags(kNotInInspector));
    t.push_back(Describe("account.concurrency_limit", "Account concurrency", K::Int).owner(top)
                    .range(1, kMaxAccountConcurrency, "between 1 and 100000",
                           "FIDELITY 3: account concurrent executions, default 1000")
                    .help("Concurrent executions of the whole account in the Region; functions without reserved "
                          "concurrency share what is not reserved.")
                    .documented("FIDELITY 3, DG-LIMITS-2022").access(fieldAccess<&Scenario::accountConcurrencyLimit>()));
}

void addFunctionSettings(std::vector<Setting>& t) {
    using sim::AsyncConfig;
    using sim::FunctionConfig;
    using sim::Node;
    t.push_back(Describe("timeout", "Timeout", K::Duration).on(isFunctionType, kFunctionNodes)
                    .range(kSecond, 900 * kSecond, "between 1 s and 900 s", "FIDELITY 2: Lambda function timeout")
                    .help("A run longer than this ends as a timeout (Sandbox.Timedout), a function error.")
                    .documented("FIDELITY 2, API-CF").access(fieldAccess<&Node::function, &FunctionConfig::timeout>()));
    t.push_back(Describe("duration", "Duration", K::Range).on(isFunctionType, kFunctionNodes)
                    .range(0, 900 * kSecond, "between 0 s and 900 s", "model choice: invocation duration")
                    .input("scenario input").flags(kNotInInspector));
    t.push_back(Describe("duration.min", "Duration (min)", K::Duration).on(isFunctionType, kFunctionNodes)
                    .range(0, 900 * kSecond, "between 0 s and 900 s", "model choice: invocation duration")
                    .help("How long your code runs; uniform between min and max. A scenario input.")
                    .input("scenario input")
                    .access(fieldAccess<&Node::function, &FunctionConfig::duration, &sim::DurationModel::min>()));
    t.push_back(Describe("duration.max", "Duration (max)", K::Duration).on(isFunctionType, kFunctionNodes)
                    .range(0, 900 * kSecond, "between 0 s and 900 s", "model choice: invocation duration")
                    .help("Longest run; a run past the timeout is cut at the timeout.").input("scenario input")
                    .access(fieldAccess<&Node::function, &FunctionConfig::duration, &sim::DurationModel::max>()));
    t.push_back(Describe("cold_start", "Cold start (init)", K::Duration).on(isFunctionType, kFunctionNodes)
                    .range(0, 10 * kSecond, "between 0 s and 10 s", "model choice: init duration of a new environment")
                    .help("Init phase of a new execution environment, before the handler; the timeout applies "
                          "after it.")
                    .modelChoice("cold_start_outside_timeout")
                    .access(fieldAccess<&Node::function, &FunctionConfig::coldStart>()));
    t.push_back(Describe("reserved_concurrency", "Reserved concurrency", K::OptionalInt)
                    .on(isFunctionType, kFunctionNodes)
                    .range(0, kMaxAccountConcurrency, "a whole number >= 0", "FIDELITY 3: reserved concurrency")
                    .help("A guarantee and a ceiling; 0 throttles every invoke. The total reserved must leave at "
                          "least 100 unreserved.")
                    .documented("FIDELITY 3, API-PFC").note("unreserved pool")
                    .access(fieldAccess<&Node::function, &FunctionConfig::reservedConcurrency>()));
    t.push_back(Describe("provisioned_concurrency", "Provisioned concurrency", K::OptionalInt)
                    .on(isFunctionType, kFunctionNodes)
                    .range(1, kMaxAccountConcurrency, "a whole number >= 1, at most reserved_concurrency",
                           "DG-PC: provisioned concurrency")
                    .help("Pre-initialised environments: invocations up to this many start warm, more spill over to "
                          "on-demand environments with cold starts. Counts against reserved concurrency (or comes "
                          "out of the unreserved pool).")
                    .documented("DG-PC https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html")
                    .note("none").access(fieldAccess<&Node::function, &FunctionConfig::provisionedConcurrency>()));
    // Model choice environment_idle_lifetime: AWS documents no lifetime for an idle environment.
    t.push_back(Describe("idle_lifetime", "Idle environment lifetime", K::Duration).on(isFunctionType, kFunctionNodes)
                    .range(1 * sim::kSecond, 7 * sim::kDay, "-1 (never) or between 1 s and 7 d",
                           "model choice environment_idle_lifetime")
                    .help("An on-demand environment idle this long is reclaimed; the next invocation starts cold. "
                          "AWS documents no number: -1 keeps idle environments for the whole run.")
                    .modelChoice("environment_idle_lifetime").note("never").flags(kMinusOneUnlimited)
                    .access(fieldAccess<&Node::function, &FunctionConfig::idleLifetime>()));
    t.push_back(Describe("behavior", "Behaviour rules", K::Rules).on(isFunctionType, kFunctionNodes)
                    .range(0, kMaxBehaviorRules, "behaviour rules: [{\"when\": {...}, \"then\": \"error\"}]")
                    .input("scenario limit").flags(kNotInInspector));
    t.push_back(Describe("async", "Async", K::Group).on(isFunctionType, kFunctionNodes)
                    .range(0, 0, "asynchronous invocation settings").documented("FIDELITY 5").flags(kNotInInspector));
    t.push_back(Describe("async.max_retry_attempts", "Async: retry attempts", K::Int).on(isFunctionType, kFunctionNodes)
                    .range(0, 2, "between 0 and 2", "FIDELITY 5.1: MaximumRetryAttempts")
                    .help("Retries after a function error for asynchronous invokes (1 min, then 2 min apart).")
                    .documented("FIDELITY 5.1, API-PFEIC")
                    .access(fieldAccess<&Node::function, &FunctionConfig::async, &AsyncConfig::maxRetryAttempts>()));
    t.push_back(Describe("async.max_event_age", "Async: maximum event age", K::Duration).on(isFunctionType, kFunctionNodes)
                    .range(60 * kSecond, 6 * kHour, "between 60 s and 6 h", "FIDELITY 5.1: MaximumEventAgeInSeconds")
                    .help("An event older than this is discarded (EventAgeExceeded) instead of retried.")
                    .documented("FIDELITY 5.1, API-PFEIC")
                    .access(fieldAccess<&Node::function, &FunctionConfig::async, &AsyncConfig::maxEventAge>()));
    t.push_back(Describe("async.dead_letter_queue", "Async: dead-letter queue", K::NodeRef).on(isFunctionType, kFunctionNodes)
                    .range(1, kMaxIdLength, "an sqs queue or sns topic")
                    .help("Receives events that failed every attempt. Applies only to asynchronous invokes, never "
                          "to SQS-triggered runs.")
                    .documented("FIDELITY 5.3, DG-ASYNC-ERR")
                    .access(fieldAccess<&Node::function, &FunctionConfig::async, &AsyncConfig::deadLetterQueue>()));
    t.push_back(Describe("async.on_success", "Async: on-success destination", K::NodeRef).on(isFunctionType, kFunctionNodes)
                    .range(1, kMaxIdLength, "sqs, sns, eventbridge or function")
                    .help("Receives an invocation record after success.").documented("FIDELITY 5.2, DG-ASYNC-REC")
                    .access(fieldAccess<&Node::function, &FunctionConfig::async, &AsyncConfig::onSuccess>()));
    t.push_back(Describe("async.on_failure", "Async: on-failure destination", K::NodeRef).on(isFunctionType, kFunctionNodes)
                    .range(1, kMaxIdLength, "sqs, sns, eventbridge, function or s3")
                    .help("Receives an invocation record after the last failure.")
                    .documented("FIDELITY 5.2, DG-ASYNC-REC")
                    .access(fieldAccess<&Node::function, &FunctionConfig::async, &AsyncConfig::onFailure>()));
    // PutFunctionRecursionConfig RecursiveLoop (AWS DG invocation-recursion): Terminate is the default.
    t.push_back(Describe("recursive_loop", "Recursive loop detection", K::Choice).on(isFunctionType, kFunctionNodes)
                    .choices("Terminate|Allow")
                    .help("Terminate: Lambda stops the next invocation once a chain of requests (messages this "
                          "function sent to the queue or topic that invokes it) has run about 16 times. Allow lets "
                          "the loop run on.")
                    .documented("FIDELITY 10, AWS DG invocation-recursion")
                    .access(fieldAccess<&Node::function, &FunctionConfig::recursiveLoop>()));
    // MemorySize (AWS DG "Configure Lambda function memory"): 128 MB to 10,240 MB in 1 MB steps, default 128.
    t.push_back(Describe("memory", "Memory (MB)", K::Int).on(isFunctionType, kFunctionNodes)
                    .range(128, 10240, "between 128 and 10240", "AWS DG configuration-memory: MemorySize")
                    .unit("MB").help("Memory of the function, priced per GB-second in the cost view. It does not "
                                     "change the duration here (model choice memory_does_not_change_duration).")
                    .documented("DG-MEMORY (Configure Lambda function memory)")
                    .access(fieldAccess<&Node::function, &FunctionConfig::memoryMb>()));
    // Architectures (AWS DG "Selecting and configuring an instruction set architecture"): x86_64 by default.
    t.push_back(Describe("architecture", "Architecture", K::Choice).on(isFunctionType, kFunctionNodes)
                    .choices("x86_64|arm64")
                    .help("Instruction set of the function; arm64 has a lower GB-second price in the cost view. "
                          "It does not change the duration here.")
                    .documented("DG-ARCH (Selecting and configuring an instruction set architecture)")
                    .access(fieldAccess<&Node::function, &FunctionConfig::architecture>()));
}

void addSourceSettings(std::vector<Setting>& t) {
    using sim::ClientRetry;
    using sim::Node;
    using sim::QueueConfig;
    using sim::Traffic;
    t.push_back(Describe("integration_timeout", "Integration timeout", K::Duration)
                    .on([](NodeType n) { return n == NodeType::ApiGateway; }, "api_gateway nodes")
                    .range(50 * kMillisecond, 29 * kSecond, "between 50 ms and 29 s",
                           "FIDELITY 4: API Gateway integration timeout")
                    .help("API Gateway answers 504 when the function has not answered by then.")
                    .documented("FIDELITY 4, WN-2024-APIGW").access(fieldAccess<&Node::integrationTimeout>()));
    const char* syncNodes = "synchronous sources (api_gateway, alb, cognito, lex, alexa, cloudfront, firehose)";
    t.push_back(Describe("client_retry", "Client retry", K::Group).on(isSyncType, syncNodes)
                    .range(0, 0, "client retry policy: count, backoff").modelChoice("client_retry_statuses")
                    .flags(kNotInInspector));
    t.push_back(Describe("client_retry.count", "Client retries", K::Int).on(isSyncType, syncNodes)
                    .range(0, 10, "between 0 and 10", "model choice: SDK-style client retries, FIDELITY 4")
                    .help("SDK-style retries by the caller after 429 or 5xx, each with a new request id.")
                    .modelChoice("client_retry_statuses").access(fieldAccess<&Node::clientRetry, &ClientRetry::count>()));
    t.push_back(Describe("client_retry.backoff", "Client retry backoff", K::Duration).on(isSyncType, syncNodes)
                    .range(0, 60 * kSecond, "between 0 s and 60 s",
                           "model choice: first client retry backoff, doubled after each retry")
                    .help("Wait before the first client retry; doubled after each retry.")
                    .modelChoice("client_retry_statuses").access(fieldAccess<&Node::clientRetry, &ClientRetry::backoff>()));
    t.push_back(Describe("fifo", "FIFO", K::Bool)
                    .on([](NodeType n) { return n == NodeType::Sqs || n == NodeType::Sns; }, "sqs and sns nodes")
                    .help("FIFO queues deliver in order within a message group.").documented("FIDELITY 6.2, DG-SQS-2022")
                    .access(fieldAccess<&Node::queue, &QueueConfig::fifo>()));
    t.push_back(Describe("visibility_timeout", "Visibility timeout", K::Duration).on(isSqsType, "sqs nodes")
                    .range(0, 12 * kHour, "between 0 s and 12 h", "FIDELITY 6.2: SQS visibility timeout")
                    .help("A received message is hidden this long; if not deleted it becomes visible again and is "
                          "received again. Must be >= the function timeout.")
                    .documented("FIDELITY 6.2, SQS-VIS").access(fieldAccess<&Node::queue, &QueueConfig::visibilityTimeout>()));
    t.push_back(Describe("retention", "Retention", K::Duration).on(isSqsType, kRetentionNodes)
                    .range(60 * kSecond, 14 * kDay, "between 60 s and 14 d", "FIDELITY 6.2: SQS message retention")
                    .help("SQS deletes a message this long after it was sent, received or not.")
                    .documented("FIDELITY 6.2, SQS-QP").access(fieldAccess<&Node::queue, &QueueConfig::retention>()));
    t.push_back(Describe("redrive", "Redrive policy", K::Group).on(isSqsType, "sqs nodes")
                    .range(0, 0, "redrive policy: dead_letter_queue, max_receive_count").documented("FIDELITY 6.2")
                    .flags(kNotInInspector).access(redriveAccess()));
    t.push_back(Describe("redrive.dead_letter_queue", "Redrive: dead-letter queue", K::NodeRef).on(isSqsType, "sqs nodes")
                    .range(1, kMaxIdLength, "an sqs queue of the same type")
                    .unit("the id of the sqs node that receives the messages")
                    .help("Without a redrive policy a failing message comes back until retention ends.")
                    .documented("FIDELITY 6.2, SQS-DLQ").note("no redrive").flags(kAlwaysWritten | kRequired)
                    .access(redriveQueueAccess()));
    t.push_back(Describe("redrive.max_receive_count", "Redrive: max receive count", K::Int).on(isSqsType, "sqs nodes")
                    .range(1, 1000, "between 1 and 1000", "FIDELITY 6.2: redrive policy maxReceiveCount")
                    .help("Moved to the DLQ once the receive count exceeds this.").documented("FIDELITY 6.2, SQS-DLQ-CFG")
                    .note("recommended >= 5").access(redriveCountAccess()));
    t.push_back(Describe("shards", "Shards", K::Int).on(isStreamType, "kinesis and dynamodb_stream nodes")
                    .range(1, kMaxShards, "between 1 and 100", "scenario limit: shards per stream")
                    .help("Each shard is read in order by one poller.").documented("FIDELITY 6.3, DG-KIN-2022")
                    .access(fieldAccess<&Node::stream, &sim::StreamConfig::shards>()));
    t.push_back(Describe("retention", "Retention", K::Duration).on(isKinesisType, kRetentionNodes)
                    .range(24 * kHour, 365 * kDay, "between 24 h and 365 d",
                           "Kinesis stream retention, default 24 h: issue 4, FIDELITY 8 item 7")
                    .help("Records older than this expire from the stream.").documented("FIDELITY 6.3")
                    .access(fieldAccess<&Node::stream, &sim::StreamConfig::retention>()));
    // traffic: what a source sends (scenario inputs, not AWS settings)
    const char* sources = "source nodes (every type except function)";
    t.push_back(Describe("traffic", "Traffic", K::Group).on(isSourceType, sources)
                    .range(0, 0, "items this source produces").input("scenario input").flags(kNotInInspector));
    t.push_back(Describe("traffic.count", "Items to send", K::Int).on(isSourceType, sources)
                    .range(0, kMaxItemsPerTraffic, "between 0 and 1000000", "scenario limit: items per traffic block")
                    .unit("how many items this source produces")
                    .help("How many requests/events/messages/records the source produces. A scenario input.")
                    .input("scenario input").flags(kAlwaysWritten | kRequired)
                    .access(fieldAccess<&Node::traffic, &Traffic::count>()));
    t.push_back(Describe("traffic.rate_per_second", "Rate per second", K::Number).on(isSourceType, sources)
                    .range(0, static_cast<std::int64_t>(kMaxRatePerSecond), "greater than 0 and at most 100000",
                           "scenario limit: items per second")
                    .unit("items per second").help("Arrival rate of the items.").input("scenario input")
                    .flags(kMinExclusive).access(fieldAccess<&Node::traffic, &Traffic::ratePerSecond>()));
    t.push_back(Describe("traffic.start", "Start at", K::Duration).on(isSourceType, sources)
                    .range(0, kMaxRunFor, "between 0 s and 366 d", "virtual time of the first item")
                    .help("When the first item arrives.").input("scenario input")
                    .access(fieldAccess<&Node::traffic, &Traffic::start>()));
    t.push_back(Describe("traffic.arrival", "Arrivals", K::Choice).on(isSourceType, sources).choices("uniform|poisson|burst")
                    .help("Evenly spaced, random (Poisson) with the same mean rate, or all at the start at once.")
                    .input("scenario input").access(fieldAccess<&Node::traffic, &Traffic::arrival>()));
    t.push_back(Describe("traffic.body", "Body template", K::Text).on(isSourceType, sources)
                    .range(0, kMaxTemplateLength, "up to 4096 characters")
                    .help("Item body; {n} is the item number. Behaviour rules can match on it.").input("scenario input")
                    .access(fieldAccess<&Node::traffic, &Traffic::body>()));
    t.push_back(Describe("traffic.group", "Message group template", K::Text).on(isSqsType, "sqs nodes")
                    .range(0, kMaxTemplateLength, "up to 4096 characters")
                    .unit("a FIFO message group").help("FIFO message group id; {n%K} spreads messages over K groups.").input("FIDELITY 6.2 (FIFO)")
                    .access(fieldAccess<&Node::traffic, &Traffic::group>()));
    t.push_back(Describe("traffic.partition_key", "Partition key template", K::Text)
                    .on(isStreamType, "kinesis and dynamodb_stream nodes")
                    .range(0, kMaxTemplateLength, "up to 4096 characters")
                    .help("Record partition key; empty: the item number.").input("FIDELITY 6.3")
                    .access(fieldAccess<&Node::traffic, &Traffic::partitionKey>()));
}

}  // namespace

std::vector<Setting> scenarioAndNodeSettings() {
    std::vector<Setting> t;
    addScenarioSettings(t);
    addFunctionSettings(t);
    addSourceSettings(t);
    return t;
}

}  // namespace pg::scenario::detail

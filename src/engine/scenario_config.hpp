// The scenario as plain data: what the engine is built from. No JSON here (src/scenario reads and writes it);
// every default below is the documented AWS default, cited by FIDELITY.md section.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim_time.hpp"

namespace pg::sim {

/// Node types: the AWS services themselves. The order is the palette order and is part of no file format.
enum class NodeType {
    Function,
    // synchronous (FIDELITY 1)
    ApiGateway, Alb, Cognito, Lex, Alexa, CloudFront, Firehose,
    // asynchronous (FIDELITY 1)
    Sns, S3, Ses, CloudFormation, CloudWatchLogs, EventBridge, CodeCommit, Config,
    // poll-based (FIDELITY 1)
    Sqs, Kinesis, DynamoDbStream,
};

enum class InvocationMode { None, Synchronous, Asynchronous, PollBased };

InvocationMode invocationModeOf(NodeType type);
const char* nodeTypeName(NodeType type);  // the scenario-format spelling, e.g. "api_gateway"

/// Duration of one invocation: fixed when min == max, else uniform in [min, max].
struct DurationModel {
    SimTime min = 100 * kMillisecond;
    SimTime max = 100 * kMillisecond;
};

/// What the handler does with an item. The last two return normally (no function error) with a response the
/// mapping may reject: InvalidBatchResponse = a batchItemFailures response that is invalid (bad JSON, empty or
/// null itemIdentifier, bad key, an id not in the batch: FIDELITY 6.2/6.3 tables), MissingState = a response
/// without `state` while a tumbling window is on (FIDELITY 6.3). New values go last: the trace stores the number.
enum class RuleOutcome { Success, Error, Timeout, ReportFailure, InvalidBatchResponse, MissingState };

/// All present conditions must hold for a rule to match.
struct RuleCondition {
    std::optional<std::string> bodyContains;
    std::optional<int> attemptAtMost;  // attempt number (1-based) <= value
    std::optional<std::string> item;   // exact item id, e.g. "orders#13"
    std::optional<double> rate;        // seeded probability in [0, 1]
    std::optional<SimTime> after;      // virtual time of the attempt >= after
    std::optional<SimTime> before;     // virtual time of the attempt < before
    std::optional<std::int64_t> itemModulo;     // item number % itemModulo == itemRemainder
    std::int64_t itemRemainder = 0;
};

struct BehaviorRule {
    RuleCondition when;
    RuleOutcome then = RuleOutcome::Success;
};

/// Asynchronous invocation settings (FIDELITY 5.1-5.3). Empty strings mean "not configured".
struct AsyncConfig {
    int maxRetryAttempts = 2;           // 0-2
    SimTime maxEventAge = 6 * kHour;    // 60 s - 6 h
    std::string deadLetterQueue;        // node id of an sqs/sns node
    std::string onSuccess;              // node id
    std::string onFailure;              // node id
};

/// Recursive loop detection setting (PutFunctionRecursionConfig RecursiveLoop; AWS DG invocation-recursion).
enum class RecursiveLoop { Terminate, Allow };

/// Instruction set architecture (CreateFunction Architectures; AWS DG "Selecting and configuring an instruction
/// set architecture"). Read only by the cost view (GB-second price); the run is the same on both.
enum class Architecture { X86_64, Arm64 };

struct FunctionConfig {
    SimTime timeout = 3 * kSecond;      // 1-900 s (FIDELITY 2)
    DurationModel duration;
    SimTime coldStart = 250 * kMillisecond;  // model choice: init duration of a new environment
    std::optional<int> reservedConcurrency;  // none = uses the unreserved pool
    /// Pre-initialised environments (DG-PC): none = 0. Counts against reservedConcurrency (at most it) or, on a
    /// function without it, is taken out of the account's unreserved pool.
    std::optional<int> provisionedConcurrency;
    /// Model choice environment_idle_lifetime: an idle environment is reclaimed after this long (the next
    /// invocation past it starts cold); -1 = never (the default: AWS documents no lifetime).
    SimTime idleLifetime = -1;
    std::vector<BehaviorRule> behavior;
    AsyncConfig async;
    RecursiveLoop recursiveLoop = RecursiveLoop::Terminate;  // AWS default: loops are stopped
    /// MemorySize in MB, 128-10,240 (AWS DG "Configure Lambda function memory"). Read only by the cost view:
    /// durations do not depend on it (model choice memory_does_not_change_duration).
    int memoryMb = 128;
    Architecture architecture = Architecture::X86_64;  // AWS default x86_64
};

/// Uniform: evenly spaced at rate_per_second. Poisson: seeded exponential gaps. Burst: all `count` items at
/// `start` in one step (a queue or stream that is already full when the run begins; the rate is ignored).
enum class Arrival { Uniform, Poisson, Burst };

/// Items a source produces: `count` items at `ratePerSecond` from `start`.
struct Traffic {
    std::int64_t count = 0;
    double ratePerSecond = 1.0;
    SimTime start = 0;
    Arrival arrival = Arrival::Uniform;
    std::string body = "{n}";           // template; {n} is the item number from 1
    std::string group;                  // SQS FIFO message group template
    std::string partitionKey;           // stream partition key template
};

/// SDK-style retries made by the caller of a synchronous source (FIDELITY 4: modelled separately).
struct ClientRetry {
    int count = 0;
    SimTime backoff = 100 * kMillisecond;  // doubled after each retry
};

struct Redrive {
    std::string deadLetterQueue;
    int maxReceiveCount = 5;            // 1-1000
};

struct QueueConfig {                    // sqs (an sns node uses only `fifo`: a FIFO topic)
    bool fifo = false;
    SimTime visibilityTimeout = 30 * kSecond;  // 0 s - 12 h
    SimTime retention = 4 * kDay;              // 60 s - 14 d
    std::optional<Redrive> redrive;
};

struct StreamConfig {                   // kinesis, dynamodb_stream
    int shards = 1;
    SimTime retention = 24 * kHour;
};

struct Node {
    std::string id;
    NodeType type = NodeType::Function;
    std::string label;
    double x = 0, y = 0;                // canvas position; carried by links
    FunctionConfig function;            // type == Function
    Traffic traffic;                    // sources, queues and streams
    SimTime integrationTimeout = 29 * kSecond;  // api_gateway: 50 ms - 29 s
    ClientRetry clientRetry;            // synchronous sources
    QueueConfig queue;                  // sqs
    StreamConfig stream;                // kinesis, dynamodb_stream
};

enum class StartingPosition { TrimHorizon, Latest, AtTimestamp };

/// When a function's code sends on a send edge: after each successful invocation, or on every invocation
/// (the handler sends before it fails or times out).
enum class SendOn { Success, Always };

/// How long an SQS mapping's pollers take to hand a batch over (model choice sqs_poll_latency / sqs_long_poll):
/// Zero = at once in virtual time (the default); Realistic = long polling, where at low traffic Lambda may wait
/// up to 20 s even with a batching window below 20 s (FIDELITY 6.2, 7; DG-SQS-2022).
enum class SqsPollLatency { Zero, Realistic };

/// Provisioned mode of an SQS mapping (DG-SQS-PROV; API ProvisionedPollerConfig): dedicated event pollers, each
/// up to 10 concurrent invokes (DG-SQS-PARAMS). Defaults are the API's for SQS: minimum 2, maximum 200.
struct ProvisionedPollers {
    int minimum = 2;    // 2-200
    int maximum = 200;  // 2-2,000, at least minimum
};

/// An edge wires a source to a function; its fields are that integration's settings. An edge from a function
/// to an sqs or sns node is a send edge instead: the function's code sends one message per item it processed.
struct Edge {
    std::string from;
    std::string to;
    // poll-based (FIDELITY 6.1); unset means the documented default for the source type
    std::optional<int> batchSize;
    SimTime batchingWindow = 0;
    std::optional<int> maximumConcurrency;      // SQS: 2-1000
    std::optional<ProvisionedPollers> provisionedPollers;  // SQS: provisioned mode; none = on-demand polling
    bool reportBatchItemFailures = false;
    bool bisectBatchOnFunctionError = false;
    int maximumRetryAttempts = -1;              // streams: -1 or 0-10000
    SimTime maximumRecordAge = -1;              // streams: -1 or 60 s - 7 d
    int parallelizationFactor = 1;              // streams: 1-10
    StartingPosition startingPosition = StartingPosition::TrimHorizon;
    SimTime startingPositionTimestamp = 0;      // AT_TIMESTAMP (Kinesis only): virtual time to start reading at
    std::string onFailure;                      // streams: destination node id
    SendOn sendOn = SendOn::Success;            // send edges (function -> sqs/sns) only
    SqsPollLatency pollLatency = SqsPollLatency::Zero;  // sqs: model choice, see SqsPollLatency
    SimTime tumblingWindow = 0;                 // streams: TumblingWindowInSeconds, 0 (off) - 900 s
    std::int64_t windowStateBytesPerRecord = 0;  // streams with a tumbling window: state growth (scenario input)
};

struct Scenario {
    int version = 1;
    std::string name = "Untitled";
    std::string description;             // one-line lesson shown in the presets gallery
    std::uint64_t seed = 1;
    SimTime runFor = 10 * kMinute;
    int accountConcurrencyLimit = 1000;  // FIDELITY 3
    std::vector<Node> nodes;
    std::vector<Edge> edges;
};

}  // namespace pg::sim

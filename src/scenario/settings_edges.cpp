// The settings of edges: event source mappings (from sqs, kinesis, dynamodb_stream) and send edges (from a
// function), in canonical-form order. Defaults are sim::Edge's own; ranges are what the reader enforces.
#include "scenario_limits.hpp"
#include "settings_table.hpp"

namespace pg::scenario::detail {

namespace {
/// provisioned_pollers exists or not: clearing either count (the inspector's empty value) turns provisioned mode
/// off; setting one turns it on with the API's defaults for the other.
SettingAccess pollersGroupAccess() {
    SettingAccess a;
    a.isSet = [](const SettingView& v) { return v.edge->provisionedPollers.has_value(); };
    a.unset = [](const SettingTarget& t) { t.edge->provisionedPollers.reset(); };
    a.create = [](const SettingTarget& t) {
        if (!t.edge->provisionedPollers) t.edge->provisionedPollers = sim::ProvisionedPollers{};
    };
    return a;
}
template <int sim::ProvisionedPollers::*Field>
SettingAccess pollersAccess() {
    SettingAccess a = pollersGroupAccess();
    a.create = nullptr;
    a.getInt = [](const SettingView& v) -> std::int64_t {
        return v.edge->provisionedPollers ? (*v.edge->provisionedPollers).*Field : sim::ProvisionedPollers{}.*Field;
    };
    a.setInt = [](const SettingTarget& t, std::int64_t n) {
        if (!t.edge->provisionedPollers) t.edge->provisionedPollers = sim::ProvisionedPollers{};
        (*t.edge->provisionedPollers).*Field = static_cast<int>(n);
    };
    return a;
}
}  // namespace

std::vector<Setting> edgeSettings() {
    using K = SettingKind;
    using namespace setting_flags;
    using sim::Edge;
    using sim::kDay;
    using sim::kSecond;
    const auto edge = SettingOwner::Edge;
    const char* pollEdges = "edges from sqs, kinesis or dynamodb_stream";
    const char* sqsEdges = "edges from sqs";
    const char* streamEdges = "edges from kinesis or dynamodb_stream";
    std::vector<Setting> t;
    t.push_back(Describe("batch_size", "Batch size", K::OptionalInt).owner(edge).on(isPollType, pollEdges)
                    .range(1, 10000, "between 1 and 10000", "FIDELITY 6.1: BatchSize")
                    .help("Most items per invocation (FIFO queues at most 10).").documented("FIDELITY 6.1, API-CESM")
                    .note("SQS 10, streams 100").access(fieldAccess<&Edge::batchSize>()));
    t.push_back(Describe("batching_window", "Batching window", K::Duration).owner(edge).on(isPollType, pollEdges)
                    .range(0, 300 * kSecond, "between 0 s and 300 s", "FIDELITY 6.1: MaximumBatchingWindowInSeconds")
                    .help("How long to gather a batch; required > 0 for SQS batch sizes above 10.")
                    .documented("FIDELITY 6.1, API-CESM").access(fieldAccess<&Edge::batchingWindow>()));
    t.push_back(Describe("maximum_concurrency", "Maximum concurrency", K::OptionalInt).owner(edge).on(isSqsType, sqsEdges)
                    .range(2, 1000, "between 2 and 1000", "FIDELITY 6.2: ScalingConfig.MaximumConcurrency")
                    .help("Caps concurrent invokes of this SQS mapping.").documented("FIDELITY 6.2, API-SCALING")
                    .access(fieldAccess<&Edge::maximumConcurrency>()));
    // Provisioned mode (DG-SQS-PROV; API ProvisionedPollerConfig: SQS minimum 2 (default 2), maximum default 200).
    t.push_back(Describe("provisioned_pollers", "Provisioned pollers", K::Group).owner(edge).on(isSqsType, sqsEdges)
                    .range(0, 0, "provisioned mode: minimum, maximum")
                    .documented("DG-SQS-PROV https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html")
                    .flags(kNotInInspector).access(pollersGroupAccess()));
    t.push_back(Describe("provisioned_pollers.minimum", "Provisioned pollers: minimum", K::OptionalInt).owner(edge)
                    .on(isSqsType, sqsEdges)
                    .range(2, 200, "between 2 and 200", "DG-SQS-PARAMS: ProvisionedPollerConfig MinimumPollers")
                    .help("Provisioned mode: event pollers kept ready (10 concurrent invokes each). Empty: on-demand "
                          "polling. Not with maximum_concurrency.")
                    .documented("DG-SQS-PARAMS, DG-SQS-PROV").note("on-demand polling")
                    .access(pollersAccess<&sim::ProvisionedPollers::minimum>()));
    t.push_back(Describe("provisioned_pollers.maximum", "Provisioned pollers: maximum", K::OptionalInt).owner(edge)
                    .on(isSqsType, sqsEdges)
                    .range(2, 2000, "between 2 and 2000, at least the minimum",
                           "DG-SQS-PARAMS: ProvisionedPollerConfig MaximumPollers")
                    .help("Provisioned mode: the most event pollers (x 10 concurrent invokes); they scale up about 3 "
                          "times faster than on-demand polling (1,000 concurrent invokes per minute).")
                    .documented("DG-SQS-PARAMS, DG-SQS-PROV").note("on-demand polling")
                    .access(pollersAccess<&sim::ProvisionedPollers::maximum>()));
    t.push_back(Describe("report_batch_item_failures", "ReportBatchItemFailures", K::Bool).owner(edge)
                    .on(isPollType, pollEdges)
                    .help("Lets the function return only the failed items; without it a listed failure is ignored "
                          "and the whole batch counts as success.")
                    .documented("FIDELITY 6.2, API-CESM").access(fieldAccess<&Edge::reportBatchItemFailures>()));
    t.push_back(Describe("bisect_batch_on_function_error", "Bisect batch on error", K::Bool).owner(edge)
                    .on(isStreamType, streamEdges).help("Split a failing batch in two and retry the halves.")
                    .documented("FIDELITY 6.3, API-CESM").access(fieldAccess<&Edge::bisectBatchOnFunctionError>()));
    t.push_back(Describe("maximum_retry_attempts", "Maximum retry attempts", K::Int).owner(edge)
                    .on(isStreamType, streamEdges)
                    .range(-1, 10000, "between -1 (retry until the record expires) and 10000",
                           "FIDELITY 6.3: MaximumRetryAttempts")
                    .help("With -1 a failing record blocks its shard until it expires.")
                    .documented("FIDELITY 6.3, API-CESM").note("until the record expires")
                    .access(fieldAccess<&Edge::maximumRetryAttempts>()));
    t.push_back(Describe("maximum_record_age", "Maximum record age", K::Duration).owner(edge)
                    .on(isStreamType, streamEdges)
                    .range(60 * kSecond, 7 * kDay, "-1 (no limit) or between 60 s and 7 d",
                           "FIDELITY 6.3: MaximumRecordAgeInSeconds")
                    .help("Records older than this are skipped (sent to on-failure).")
                    .documented("FIDELITY 6.3, API-CESM").note("infinite").flags(kMinusOneUnlimited)
                    .access(fieldAccess<&Edge::maximumRecordAge>()));
    t.push_back(Describe("parallelization_factor", "Parallelization factor", K::Int).owner(edge)
                    .on(isStreamType, streamEdges)
                    .range(1, 10, "between 1 and 10", "FIDELITY 6.3: ParallelizationFactor")
                    .help("Concurrent batches per shard (order kept per partition key).")
                    .documented("FIDELITY 6.3, BLOG-PF").access(fieldAccess<&Edge::parallelizationFactor>()));
    t.push_back(Describe("starting_position", "Starting position", K::Choice).owner(edge).on(isStreamType, streamEdges)
                    .choices("TRIM_HORIZON|LATEST|AT_TIMESTAMP").help("Where reading the stream begins.")
                    .documented("FIDELITY 6.3, API-CESM").access(fieldAccess<&Edge::startingPosition>()));
    t.push_back(Describe("starting_position_timestamp", "Starting timestamp", K::Duration).owner(edge)
                    .on(isStreamType, "edges from kinesis with starting_position AT_TIMESTAMP")
                    .range(0, kMaxRunFor, "between 0 s and 366 d", "virtual time to start reading at")
                    .help("With AT_TIMESTAMP: the virtual time to start reading at.").documented("API-CESM")
                    .access(fieldAccess<&Edge::startingPositionTimestamp>()));
    t.push_back(Describe("on_failure", "On-failure destination", K::NodeRef).owner(edge).on(isStreamType, streamEdges)
                    .range(1, kMaxIdLength, "sqs or sns")
                    .help("Receives a record about batches that failed every attempt.")
                    .documented("FIDELITY 6.3, DG-KIN-OFD").access(fieldAccess<&Edge::onFailure>()));
    // Model choice (sqs_poll_latency / sqs_long_poll): "zero" by default, "realistic" opts into long polling.
    t.push_back(Describe("poll_latency", "Poll latency", K::Choice).owner(edge).on(isSqsType, sqsEdges)
                    .choices("zero|realistic")
                    .help("zero: batches are handed over at once. realistic: long polling; at low traffic a batch "
                          "waits up to 20 s even with a shorter batching window.")
                    .modelChoice("sqs_long_poll").access(fieldAccess<&Edge::pollLatency>()));
    // TumblingWindowInSeconds: an integer 0-900, 0 = off (FIDELITY 6.3; API-CESM).
    t.push_back(Describe("tumbling_window", "Tumbling window", K::Duration).owner(edge).on(isStreamType, streamEdges)
                    .range(0, 900 * kSecond, "between 0 s and 900 s",
                           "FIDELITY 6.3: TumblingWindowInSeconds, 0 = off; AWS: Member must have value less than or "
                           "equal to 900")
                    .help("Aggregates each window's records in a state carried across invocations; after the "
                          "window ends one final invoke (isFinalInvokeForWindow) runs per shard.")
                    .documented("FIDELITY 6.3, API-CESM, DG-KIN-2022").note("off")
                    .access(fieldAccess<&Edge::tumblingWindow>()));
    t.push_back(Describe("window_state_bytes_per_record", "Window state per record (bytes)", K::Int).owner(edge)
                    .on(isStreamType, "edges from kinesis or dynamodb_stream with a tumbling_window")
                    .range(0, 1048576, "between 0 and 1048576",
                           "scenario input: bytes each record adds to the window state; above 1 MB the window "
                           "terminates early (FIDELITY 6.3)")
                    .help("How much each record adds to the window state; above 1 MB per shard Lambda ends the "
                          "window early.")
                    .input("scenario input (FIDELITY 6.3 1 MB limit)").access(fieldAccess<&Edge::windowStateBytesPerRecord>()));
    t.push_back(Describe("send_on", "Send after", K::Choice).owner(edge)
                    .on(isFunctionType, "send edges (from a function to an sqs, sns or s3 node)").choices("success|always")
                    .help("The handler sends one message per item it processed: after each successful invocation, "
                          "or after every one (it sends, then fails).")
                    .modelChoice("send_messages").access(fieldAccess<&Edge::sendOn>()));
    return t;
}

}  // namespace pg::scenario::detail

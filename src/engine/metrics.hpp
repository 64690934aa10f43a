// Per-second metric series per function, updated as the engine runs (CloudWatch-like granularity).
// Second k covers virtual time [k s, k+1 s). Gauges (concurrency, queue depth) hold the peak of the second.
#pragma once
#include <cstdint>
#include <vector>

#include "sim_time.hpp"

namespace pg::sim {

struct FunctionSecond {
    std::uint32_t invocations = 0;      ///< invocations started
    std::uint32_t errors = 0;           ///< function errors ended, timeouts included (FIDELITY 2)
    std::uint32_t timeouts = 0;
    std::uint32_t throttles = 0;
    std::uint32_t coldStarts = 0;
    std::uint32_t peakConcurrency = 0;
    std::uint32_t peakAsyncQueueDepth = 0;  ///< events in the internal queue, ready or waiting on a timer
    std::uint32_t dwellCount = 0;           ///< async events whose first invocation started this second
    std::int64_t dwellSum = 0;              ///< sum of their dwell times (receipt -> first start), µs
};

/// One second of an SQS queue or a stream (poll-based modes). Gauges hold the peak of the second.
struct QueueSecond {
    std::uint32_t peakVisible = 0;       ///< SQS: visible messages; stream: records not yet read
    std::uint32_t peakInFlight = 0;      ///< SQS: received, not deleted; stream: records in batches
    std::uint32_t peakDlqDepth = 0;      ///< SQS: messages in this queue's redrive DLQ
    std::int64_t oldestAge = 0;          ///< SQS ApproximateAgeOfOldestMessage (peak of the second), µs
    std::int64_t iteratorAge = 0;        ///< stream IteratorAge: max of the second (last record of a batch), µs
    std::uint32_t received = 0;          ///< SQS receives / stream records read this second
    std::uint32_t deleted = 0;           ///< SQS deletes / stream records checkpointed
    /// SQS with mappings: batches the pollers hold (received, not yet invoked to the end), every mapping summed,
    /// on-demand or provisioned; and the scaling limit on them (model choices sqs_poller_ramp,
    /// sqs_provisioned_ramp). Both the peak of the second; 0 for streams.
    std::uint32_t peakPollersBusy = 0;
    std::uint32_t peakPollerLimit = 0;
};

class Metrics {
public:
    void reset(std::size_t functionCount);
    /// Per-node queue/stream series (poll-based modes call this from their start()).
    void resetQueues(std::size_t nodeCount) {
        m_queueSeries.assign(nodeCount, {});
        m_pollers.assign(nodeCount, {});
    }
    /// The bucket of `node` for `time`, creating seconds up to it from the current gauges, which are then
    /// folded into the bucket's peaks.
    QueueSecond& queueAt(std::uint32_t node, SimTime time, std::uint32_t visible, std::uint32_t inFlight,
                         std::uint32_t dlqDepth);
    /// Folds the pollers' gauges of `node` into the bucket of `time` (call queueAt for `time` first); seconds
    /// queueAt creates later start from these values.
    void notePollers(std::uint32_t node, SimTime time, std::uint32_t busy, std::uint32_t limit);
    const std::vector<QueueSecond>& queueSeries(std::uint32_t node) const { return m_queueSeries[node]; }
    bool hasQueueSeries(std::uint32_t node) const { return node < m_queueSeries.size(); }
    /// The bucket for `time`, creating seconds up to it; new seconds start from the current gauges.
    FunctionSecond& at(std::uint32_t function, SimTime time, std::uint32_t concurrency, std::uint32_t depth);
    const std::vector<FunctionSecond>& series(std::uint32_t function) const { return m_series[function]; }
    std::size_t functionCount() const { return m_series.size(); }
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool enabled() const { return m_enabled; }

private:
    std::vector<std::vector<FunctionSecond>> m_series;
    std::vector<std::vector<QueueSecond>> m_queueSeries;
    struct PollerGauges {
        std::uint32_t busy = 0, limit = 0;
    };
    std::vector<PollerGauges> m_pollers;  ///< per node: the last notePollers values
    bool m_enabled = true;
};

}  // namespace pg::sim

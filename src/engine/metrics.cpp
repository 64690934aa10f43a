// Metric series storage.
#include "metrics.hpp"

#include <algorithm>

namespace pg::sim {

void Metrics::reset(std::size_t functionCount) {
    m_series.assign(functionCount, {});
}

FunctionSecond& Metrics::at(std::uint32_t function, SimTime time, std::uint32_t concurrency,
                            std::uint32_t depth) {
    auto& series = m_series[function];
    const std::size_t second = static_cast<std::size_t>(time / kSecond);
    if (series.size() <= second) {
        FunctionSecond carried;
        carried.peakConcurrency = concurrency;
        carried.peakAsyncQueueDepth = depth;
        series.resize(second + 1, carried);
    }
    FunctionSecond& bucket = series[second];
    bucket.peakConcurrency = std::max(bucket.peakConcurrency, concurrency);
    bucket.peakAsyncQueueDepth = std::max(bucket.peakAsyncQueueDepth, depth);
    return bucket;
}

QueueSecond& Metrics::queueAt(std::uint32_t node, SimTime time, std::uint32_t visible, std::uint32_t inFlight,
                              std::uint32_t dlqDepth) {
    auto& series = m_queueSeries[node];
    const std::size_t second = static_cast<std::size_t>(time / kSecond);
    if (series.size() <= second) {
        QueueSecond carried;
        carried.peakVisible = visible;
        carried.peakInFlight = inFlight;
        carried.peakDlqDepth = dlqDepth;
        carried.peakPollersBusy = m_pollers[node].busy;
        carried.peakPollerLimit = m_pollers[node].limit;
        series.resize(second + 1, carried);
    }
    QueueSecond& bucket = series[second];
    bucket.peakVisible = std::max(bucket.peakVisible, visible);
    bucket.peakInFlight = std::max(bucket.peakInFlight, inFlight);
    bucket.peakDlqDepth = std::max(bucket.peakDlqDepth, dlqDepth);
    return bucket;
}

void Metrics::notePollers(std::uint32_t node, SimTime time, std::uint32_t busy, std::uint32_t limit) {
    m_pollers[node] = {busy, limit};
    QueueSecond& bucket = m_queueSeries[node][static_cast<std::size_t>(time / kSecond)];
    bucket.peakPollersBusy = std::max(bucket.peakPollersBusy, busy);
    bucket.peakPollerLimit = std::max(bucket.peakPollerLimit, limit);
}

}  // namespace pg::sim

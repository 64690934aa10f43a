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

class Metrics {
public:
    void reset(std::size_t functionCount);
    /// The bucket for `time`, creating seconds up to it; new seconds start from the current gauges.
    FunctionSecond& at(std::uint32_t function, SimTime time, std::uint32_t concurrency, std::uint32_t depth);
    const std::vector<FunctionSecond>& series(std::uint32_t function) const { return m_series[function]; }
    std::size_t functionCount() const { return m_series.size(); }
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool enabled() const { return m_enabled; }

private:
    std::vector<std::vector<FunctionSecond>> m_series;
    bool m_enabled = true;
};

}  // namespace pg::sim

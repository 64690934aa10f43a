// InvariantScan: Engine::checkInvariants in bounded pieces (issue 21). The full check is one pass over every
// item, environment, queue entry and delivery: 100,000 items take milliseconds, too long for one frame of the
// page. A scan walks the same passes with a cursor and stops after about `budget` elements; called again, it
// goes on where it stopped. Its findings are exactly those of checkInvariants() (which is a scan run to the
// end in one call) as long as the engine does not move between the calls: the caller checks current() and
// starts over when the engine stepped, sought or was reset since the scan began.
//
//   InvariantScan scan(engine);
//   while (!scan.advance(engine, 8192)) { /* next frame or task; if (!scan.current(engine)) start over */ }
//   use(scan.problems());
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim_time.hpp"
#include "sim_types.hpp"

namespace pg::sim {

class Engine;

class InvariantScan {
public:
    /// Starts a scan of `engine` as it is now (its step and time).
    explicit InvariantScan(const Engine& engine);
    /// Checks about `budget` more elements (a chunk of items or deliveries, a function with its environments
    /// and queue, at least one piece per call) and returns finished(). A mode's own check (SQS messages, stream
    /// shards) is one piece that is not split: it runs at the start of a call of its own unless the budget is
    /// unlimited. `engine` must be the engine the scan began with, unmoved (current()).
    bool advance(const Engine& engine, std::size_t budget);
    bool finished() const { return m_phase == Phase::Done; }
    /// False once the engine stepped, sought or was reset to another step or time since the scan began: the
    /// findings so far describe a state that is gone.
    bool current(const Engine& engine) const;
    /// The step the scan checks (Engine::stepCount() when it began).
    std::uint64_t step() const { return m_step; }
    /// Every violated invariant found so far, in checkInvariants() order; complete once finished().
    const std::vector<std::string>& problems() const { return m_problems; }
    std::vector<std::string> takeProblems() { return std::move(m_problems); }

    static constexpr std::size_t kUnlimited = SIZE_MAX;

private:
    enum class Phase { Items, Functions, Refs, Deliveries, Modes, Done };
    void startFunctions(const Engine& engine);
    void finishFunctions(const Engine& engine);
    void startDeliveries(const Engine& engine);
    void finishDeliveries(const Engine& engine);

    std::uint64_t m_step = 0;
    SimTime m_now = 0;
    Phase m_phase = Phase::Items;
    std::size_t m_cursor = 0;  ///< chunk, function or mode next in the current phase
    std::array<std::size_t, kItemStateCount> m_counted{};
    std::vector<std::uint32_t> m_runningRefs, m_queuedRefs;
    std::int64_t m_unreservedInFlight = 0;
    std::size_t m_queuedTotal = 0;
    std::vector<std::int64_t> m_received;
    std::vector<std::string> m_problems;
};

}  // namespace pg::sim

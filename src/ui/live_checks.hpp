// What the page derives from the run as it plays, beside the panels: the cost series (metrics tab) and the
// engine's invariants checked live (the status next to the clock). Read-only: it never changes the run.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "cost/cost_series.hpp"

namespace pg::ui {

/// The four promises the status next to the clock shows, each with what it means (its tooltip).
enum class InvariantGroup { NoItemLost, CountsBalance, FifoOrder, StreamOrder };
constexpr int kInvariantGroupCount = 4;
const char* invariantGroupName(InvariantGroup group);
const char* invariantGroupMeaning(InvariantGroup group);
/// Which promise one of Engine::checkInvariants' problems breaks (by its wording).
InvariantGroup invariantGroupOf(const std::string& problem);

class LiveChecks {
public:
    /// After the frame's commands and playback: samples the cost series and, at most every `kCheckEvery` wall
    /// seconds while the run changes (at once when it stopped), checks the invariants.
    void update(const sim::Engine& engine, std::uint64_t engineBuild, double dtSeconds);
    const cost::CostSeries& costSeries() const { return m_cost; }
    /// The problems of the last check (none: every invariant holds), and the step it was made at.
    const std::vector<std::string>& problems() const { return m_problems; }
    std::uint64_t checkedStep() const { return m_checkedStep; }
    bool checked() const { return m_checkedStep != UINT64_MAX; }
    /// True when update(.., dtSeconds) will check the invariants if the run moved (the caller then keeps the
    /// frame's other work short).
    bool checkDue(double dtSeconds) const { return m_sinceCheck + dtSeconds >= kCheckEvery; }

    /// With `defer` set, a check that falls due while the run plays is left for runDeferred() instead of
    /// update(): the page runs it in its own task right after the frame, so no frame's main-loop callback
    /// carries one pass over every item (issue 21). A paused or stepped run is still checked at once.
    void setDeferWhilePlaying(bool defer) { m_defer = defer; }
    bool deferredDue() const { return m_deferredDue; }
    /// The deferred check, of the engine as it is now (nothing when it was replaced since, or already checked).
    void runDeferred(const sim::Engine& engine, std::uint64_t engineBuild);

    static constexpr double kCheckEvery = 0.5;

private:
    void check(const sim::Engine& engine);

    cost::CostSeries m_cost;
    std::vector<std::string> m_problems;
    std::uint64_t m_build = UINT64_MAX, m_checkedStep = UINT64_MAX, m_seenStep = UINT64_MAX;
    double m_sinceCheck = 0;
    bool m_defer = false, m_deferredDue = false;
};

}  // namespace pg::ui

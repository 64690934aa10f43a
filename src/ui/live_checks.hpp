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

    static constexpr double kCheckEvery = 0.5;

private:
    cost::CostSeries m_cost;
    std::vector<std::string> m_problems;
    std::uint64_t m_build = UINT64_MAX, m_checkedStep = UINT64_MAX, m_seenStep = UINT64_MAX;
    double m_sinceCheck = 0;
};

}  // namespace pg::ui

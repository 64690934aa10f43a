// What the page derives from the run as it plays, beside the panels: the cost series (metrics tab) and the
// engine's invariants checked live (the status next to the clock). Read-only: it never changes the run.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cost/cost_series.hpp"
#include "engine/invariant_scan.hpp"

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
    /// frame's other work short); never when deferring, as the check then runs outside the frame.
    bool checkDue(double dtSeconds) const { return !m_defer && m_sinceCheck + dtSeconds >= kCheckEvery; }

    /// With `defer` set, no check runs in update(): the page runs it in tasks of its own right after the frame
    /// (runDeferred), so no frame's main-loop callback carries one pass over every item (issue 21). While the
    /// run plays, one task checks the engine as it is then; a paused, stepped or ended run (an engine that does
    /// not move between tasks) is checked in pieces of kScanPiece elements, one a task (sim::InvariantScan:
    /// the same findings), started over if the engine moves before the last piece. Without setPlaying(false),
    /// a run that moved since the last update counts as playing.
    void setDeferWhilePlaying(bool defer) { m_defer = defer; }
    /// Whether the run plays (App's transport, each frame): a playing run moves again before the next task.
    void setPlaying(bool playing) { m_playing = playing; }
    bool deferredDue() const { return m_deferredDue; }
    /// The deferred check, or its next piece (nothing when the engine was replaced since, or already checked).
    /// True when a piece is left for another task.
    bool runDeferred(const sim::Engine& engine, std::uint64_t engineBuild);

    static constexpr double kCheckEvery = 0.5;
    /// Elements (items, queue entries, deliveries) a deferred piece checks: a few of ChunkedVector's chunks.
    static constexpr std::size_t kScanPiece = 16384;

private:
    void check(const sim::Engine& engine);
    void finishScan();
    void dropScan();

    cost::CostSeries m_cost;
    std::vector<std::string> m_problems;
    std::uint64_t m_build = UINT64_MAX, m_checkedStep = UINT64_MAX, m_seenStep = UINT64_MAX;
    double m_sinceCheck = 0;
    bool m_defer = false, m_deferredDue = false, m_playing = true;
    std::optional<sim::InvariantScan> m_scan;  ///< the check of an unmoving engine, in pieces (deferred)
};

}  // namespace pg::ui

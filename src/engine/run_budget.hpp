// Budgeted running (issue 8): a page must never freeze on a huge run, so it advances the engine in slices
// bounded by a step count and/or a wall-clock check, and every run as a whole stops at kMaxRunSteps events.
// The engine itself is step-based and stays clock-free; the caller supplies the clock (`outOfTime`).
//
//   RunBudget b; b.maxSteps = 20000; b.outOfTime = [&] { return clock() - frameStart > 8ms; };
//   RunSlice s = runSlice(engine, target, b);   // once per frame; s.stop says why it returned
//
// A long rewind is a reset() followed by slices of stepSlice() up to the target step.
#pragma once
#include <cstdint>
#include <functional>
#include <limits>
#include <string>

#include "engine.hpp"

namespace pg::sim {

/// Events in one run, at most. Why 10 million: a stored trace record is 32 bytes and an event writes one or
/// two, so the trace of a run this long stays under about 640 MB, inside a wasm tab's 2 GB; and at the
/// engine's 0.5-4 million events per second (bench/results.txt, natively and in wasm) it is 3-20 s of work,
/// spread over frames. The scenario limits (src/scenario/scenario_limits.hpp) keep ordinary runs far below;
/// only runs that retry the same items many times (streams retrying until a record expires, SQS redelivery
/// with a tiny visibility timeout) get here.
constexpr std::uint64_t kMaxRunSteps = 10'000'000;

struct RunBudget {
    std::uint64_t maxSteps = std::numeric_limits<std::uint64_t>::max();  ///< steps in this slice
    std::function<bool()> outOfTime;     ///< checked every kClockEvery steps (and never before the first step)
    std::uint64_t runLimit = kMaxRunSteps;  ///< total steps of the run (Engine::stepCount())
    static constexpr std::uint64_t kClockEvery = 64;
};

enum class RunStop {
    Reached,      ///< every event before `until` ran; now() == until
    Idle,         ///< nothing left to run (stepSlice only; runSlice reports Reached)
    StepBudget,   ///< maxSteps ran; call again next frame
    TimeBudget,   ///< outOfTime() said so; call again next frame
    RunLimit,     ///< the run reached runLimit steps: stop playing and say so (runLimitMessage)
};

struct RunSlice {
    std::uint64_t steps = 0;  ///< steps taken by this call
    RunStop stop = RunStop::Reached;
    bool more() const { return stop == RunStop::StepBudget || stop == RunStop::TimeBudget; }
};

/// Like Engine::runUntil(until), but returns early when the budget is spent (now() is then the time of the
/// last event processed, never beyond `until`).
RunSlice runSlice(Engine& engine, SimTime until, const RunBudget& budget);

/// Up to budget.maxSteps steps regardless of time (stepping, fast rewind after reset()).
RunSlice stepSlice(Engine& engine, const RunBudget& budget);

/// "The run stopped after 10000000 events (limit: events per run) ..." for the UI and the runner.
std::string runLimitMessage(std::uint64_t runLimit = kMaxRunSteps);

}  // namespace pg::sim

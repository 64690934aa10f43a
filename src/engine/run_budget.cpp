// Budgeted running: see run_budget.hpp.
#include "run_budget.hpp"

#include <algorithm>

namespace pg::sim {

namespace {

/// Why the loop must stop before the next step, if it must.
bool spent(const Engine& engine, const RunBudget& budget, std::uint64_t steps, RunStop& why) {
    if (engine.stepCount() >= budget.runLimit) {
        why = RunStop::RunLimit;
        return true;
    }
    if (steps >= budget.maxSteps) {
        why = RunStop::StepBudget;
        return true;
    }
    if (steps > 0 && steps % RunBudget::kClockEvery == 0 && budget.outOfTime && budget.outOfTime()) {
        why = RunStop::TimeBudget;
        return true;
    }
    return false;
}

/// Steps that can run after a `spent` check without another: none of the checks spent() would make before
/// them can stop the slice (the run limit, the slice's steps and the clock every kClockEvery steps all lie
/// further on). At least 1 when spent() just said no.
std::uint64_t stepsBeforeNextCheck(const Engine& engine, const RunBudget& budget, std::uint64_t steps) {
    std::uint64_t n = std::min(budget.runLimit - engine.stepCount(), budget.maxSteps - steps);
    if (budget.outOfTime) n = std::min(n, RunBudget::kClockEvery - steps % RunBudget::kClockEvery);
    return n;
}

}  // namespace

RunSlice runSlice(Engine& engine, SimTime until, const RunBudget& budget) {
    RunSlice slice;
    while (!engine.idle() && engine.nextEventTime() < until) {
        if (spent(engine, budget, slice.steps, slice.stop)) return slice;
        // The same steps and stops as one spent() check per step, without the checks that cannot stop it.
        slice.steps += engine.runSteps(until, stepsBeforeNextCheck(engine, budget, slice.steps));
    }
    engine.runUntil(until);  // nothing left before `until`: only moves now() forward
    slice.stop = RunStop::Reached;
    return slice;
}

RunSlice stepSlice(Engine& engine, const RunBudget& budget) {
    RunSlice slice;
    while (!engine.idle()) {
        if (spent(engine, budget, slice.steps, slice.stop)) return slice;
        engine.step();
        ++slice.steps;
    }
    slice.stop = RunStop::Idle;
    return slice;
}

std::string runLimitMessage(std::uint64_t runLimit) {
    return "The run stopped after " + std::to_string(runLimit) +
           " events (limit: events per run), so the page stays responsive and within memory. Shorten run_for, "
           "send fewer items, or cap retries (max_receive_count, maximum_retry_attempts, maximum_record_age).";
}

}  // namespace pg::sim

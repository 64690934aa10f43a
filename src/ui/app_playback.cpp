// App: playback. Each frame advances virtual time by wall time x speed, in a slice of at most
// kSimulationSliceSeconds of wall time (issue 7; kCheckFrameSliceSeconds on a frame that also checks the run;
// less when the rest of the page's frames is slow, SliceBudget), and measures the rate actually achieved for
// the transport.
#include <algorithm>
#include <chrono>

#include "app.hpp"
#include "engine/run_budget.hpp"

namespace pg::ui {

using namespace sim;

bool App::stepWithinRun() {
    Engine& e = *m_engine;
    if (e.idle() || e.nextEventTime() >= m_scenario.runFor) return false;
    return e.step();
}

void App::noteCallbackTime(double seconds) {
    if (m_slicePlayed) m_slice.observe(seconds, m_ui.lastFrameSimMs / 1000.0);
}

void App::advance(double dtSeconds, double sliceSeconds) {
    Engine& e = *m_engine;
    m_ui.lastFrameSimMs = 0;
    if (!m_ui.playing) {
        m_ui.achievedSpeed = 0;
        m_ui.simulationBound = false;
        m_ui.boundHold = 0;
        return;
    }
    const auto start = std::chrono::steady_clock::now();
    const double dt = std::clamp(dtSeconds, 0.0, 0.1);  // a hidden tab must not jump minutes ahead
    const SimTime end = std::max(m_scenario.runFor, SimTime{0});
    const SimTime before = e.now();
    const SimTime target = std::min(end, before + static_cast<SimTime>(dt * m_ui.speed * kSecond));
    // At most `sliceSeconds` (kSimulationSliceSeconds or less) of simulation per frame, whatever the speed; the next frame carries on
    // from the last event processed (no debt piles up). Where a slice stops never changes the trace: events
    // run in the same order whichever frame they fall in.
    RunBudget budget;
    budget.outOfTime = [start, sliceSeconds] {
        const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
        return spent.count() > sliceSeconds;
    };
    const RunSlice slice = runSlice(e, target, budget);
    if (slice.stop == RunStop::RunLimit) {
        m_ui.playing = false;
        showNotice("The run stopped", runLimitMessage(budget.runLimit));
    }
    if (e.now() >= end) m_ui.playing = false;
    m_ui.lastFrameSimMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

    // The rate actually achieved, smoothed over about half a second; "bound" holds as long for a steady label.
    if (dt > 0) {
        const double rate = toSeconds(e.now() - before) / dt;
        const double k = std::min(1.0, dt / 0.5);
        m_ui.achievedSpeed = m_ui.achievedSpeed > 0 ? m_ui.achievedSpeed + (rate - m_ui.achievedSpeed) * k : rate;
    }
    if (slice.stop == RunStop::TimeBudget) m_ui.boundHold = 0.5;
    else m_ui.boundHold = std::max(0.0, m_ui.boundHold - dt);
    m_ui.simulationBound = m_ui.boundHold > 0;
}

}  // namespace pg::ui

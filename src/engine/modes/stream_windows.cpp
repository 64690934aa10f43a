// StreamMapping, continued: tumbling windows (TumblingWindowInSeconds), the final invoke that closes each
// window per lane, its retries and early termination when the state grows over the limit.
#include <algorithm>

#include "../engine.hpp"
#include "stream_lanes.hpp"

namespace pg::sim {

// [SECTION] tumbling windows

// Tumbling windows (FIDELITY 6.3; DG-KIN-2022 "Time windows"): windows of `tumbling` length aligned to virtual
// time 0 by record arrival; every invocation of a window carries its state; once the window has ended and all
// its records are done, one final invoke (isFinalInvokeForWindow, no records) runs before the shard reads on.
// It must succeed: the shard waits and retries (model: up to MaximumRetryAttempts, then the state is dropped).
// Returns true when the lane is taken by the final invoke (started now, or waiting: FinalWait).
bool StreamLanes::windowDue(std::uint32_t laneIndex) {
    StreamLane& lane = m_data.lanes[laneIndex];
    const MappedStream& s = m_data.streams[lane.stream];
    if (s.tumbling == 0 || lane.window < 0) return false;
    const bool more =
        lane.checkpoint < lane.records.size() && windowOf(s, recordAt(laneIndex, lane.checkpoint)) == lane.window;
    if (more && !lane.terminateEarly) return false;
    // At the first poll tick at or after the window's end; an early termination (state over the limit) at once.
    SimTime at = m_context.now();
    if (!lane.terminateEarly) {
        const SimTime end = (lane.window + 1) * s.tumbling;
        at = std::max(at, (end + s.interval - 1) / s.interval * s.interval);
    }
    if (at <= m_context.now()) {
        finalInvoke(laneIndex);
        return true;
    }
    lane.state = StreamLaneState::FinalWait;
    m_context.schedule(at, kFinal, laneIndex, lane.generation);
    return true;
}

void StreamLanes::finalInvoke(std::uint32_t laneIndex) {
    const MappedStream& s = m_data.streams[m_data.lanes[laneIndex].stream];
    // Retry policies apply to windows too (DG-KIN-2022 "fully support ... maxRetryAttempts and maxRecordAge"):
    // a final invoke still throttled or failing when the window's end is older than MaximumRecordAge (or the
    // stream's retention) is given up and the state dropped (model choice stream_tumbling_window).
    const SimTime age = m_context.now() - (m_data.lanes[laneIndex].window + 1) * s.tumbling;
    if (age > s.retention || (s.maxRecordAge >= 0 && age > s.maxRecordAge)) {
        closeWindow(laneIndex, false);
        return;
    }
    m_data.scratchItems.clear();
    m_data.scratchAttempts.clear();
    std::vector<RuleOutcome> outcomes;
    const ThrottleReason throttle =
        m_context.startBatch(s.function, m_data.scratchItems, m_data.scratchAttempts, laneIndex, outcomes);
    StreamLane& lane = m_data.lanes[laneIndex];
    if (throttle == ThrottleReason::None) {
        lane.state = StreamLaneState::FinalInvoking;
        ++lane.finalTries;
        lane.throttles = 0;
        if (lane.windowLastItem != kNone)
            m_context.record(TraceKind::WindowFinal, lane.windowLastItem, m_context.functions()[s.function].node,
                            static_cast<std::uint16_t>(std::min<std::uint32_t>(lane.finalTries, 65535)), 0,
                            lane.terminateEarly ? 1 : 0);
        return;
    }
    ++lane.throttles;  // throttles are not tries (as for batches, FIDELITY 6.3)
    lane.state = StreamLaneState::FinalWait;
    m_context.schedule(m_context.now() + streamRetryBackoff(static_cast<int>(lane.throttles)), kFinal,
                      laneIndex, lane.generation);
}

void StreamLanes::onFinalEnd(std::uint32_t laneIndex, const ExecutionEnvironment& invocation) {
    StreamLane& lane = m_data.lanes[laneIndex];
    const MappedStream& s = m_data.streams[lane.stream];
    if (lane.windowLastItem != kNone)
        m_context.record(TraceKind::WindowFinal, lane.windowLastItem, m_context.functions()[s.function].node,
                        static_cast<std::uint16_t>(std::min<std::uint32_t>(lane.finalTries, 65535)),
                        static_cast<std::uint8_t>(invocation.result), lane.terminateEarly ? 1 : 0);
    const bool exhausted = s.maxRetry >= 0 && lane.finalTries > static_cast<std::uint32_t>(s.maxRetry);
    if (invocation.result != InvokeResult::Success && !exhausted) {
        // "If invocation is unsuccessful, your Lambda function suspends further processing until a successful
        // invocation" (DG-KIN-2022): the shard waits and tries the final invoke again.
        lane.state = StreamLaneState::FinalWait;
        m_context.schedule(m_context.now() + streamRetryBackoff(static_cast<int>(lane.finalTries)), kFinal,
                          laneIndex, lane.generation);
        return;
    }
    closeWindow(laneIndex, invocation.result == InvokeResult::Success);
}

void StreamLanes::closeWindow(std::uint32_t laneIndex, bool succeeded) {
    StreamLane& lane = m_data.lanes[laneIndex];
    if (succeeded) ++lane.windowsClosed;
    lane.stateBytes = 0;
    lane.windowRecords = 0;
    lane.finalTries = lane.throttles = 0;
    if (lane.terminateEarly) {
        lane.terminateEarly = false;  // the same window goes on with a fresh state
    } else {
        lane.window = -1;
        lane.windowLastItem = kNone;
    }
    lane.state = StreamLaneState::Idle;
    startNext(laneIndex);
}

}  // namespace pg::sim

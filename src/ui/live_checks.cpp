// LiveChecks: cost samples every frame (cheap: one pass over the nodes); invariants at most twice a second
// while playing (one pass over every item: fine for the page's runs, not for every frame; the page runs it
// between frames, and in pieces once the run stopped).
#include "live_checks.hpp"

namespace pg::ui {

const char* invariantGroupName(InvariantGroup group) {
    switch (group) {
    case InvariantGroup::NoItemLost: return "no item lost";
    case InvariantGroup::CountsBalance: return "counts balance";
    case InvariantGroup::FifoOrder: return "FIFO order in a group";
    case InvariantGroup::StreamOrder: return "stream order in a shard";
    }
    return "";
}

const char* invariantGroupMeaning(InvariantGroup group) {
    switch (group) {
    case InvariantGroup::NoItemLost:
        return "every item is in exactly one state (waiting, queued, running, in flight, done) and each one done "
               "has its outcome: nothing vanishes between nodes";
    case InvariantGroup::CountsBalance:
        return "the counters on the canvas add up: running invocations match busy environments and the concurrency "
               "pools, queued and visible counts match what the queues hold, each delivery is counted once";
    case InvariantGroup::FifoOrder:
        return "SQS FIFO: a message group's messages in flight are the ones of its one batch, so the next message "
               "of a group is received only after the earlier ones are deleted or moved to the DLQ";
    case InvariantGroup::StreamOrder:
        return "Kinesis / DynamoDB Streams: the records before a shard's checkpoint are done, the ones in its batch "
               "are in flight, the rest wait: a shard is read in order, one batch at a time";
    }
    return "";
}

InvariantGroup invariantGroupOf(const std::string& problem) {
    if (problem.find("group") != std::string::npos) return InvariantGroup::FifoOrder;
    if (problem.rfind("stream", 0) == 0 && problem.find("lane") != std::string::npos)
        return InvariantGroup::StreamOrder;
    if (problem.find("count") != std::string::npos || problem.find("inFlight") != std::string::npos ||
        problem.find("pool") != std::string::npos || problem.find("busy") != std::string::npos ||
        problem.find("off") != std::string::npos)
        return InvariantGroup::CountsBalance;
    return InvariantGroup::NoItemLost;
}

void LiveChecks::update(const sim::Engine& engine, std::uint64_t engineBuild, double dtSeconds) {
    if (engineBuild != m_build) {  // a new engine: nothing derived from the old one holds
        m_build = engineBuild;
        m_cost.clear();
        m_problems.clear();
        m_checkedStep = m_seenStep = UINT64_MAX;
        m_sinceCheck = kCheckEvery;
        m_deferredDue = false;
        m_scan.reset();
    }
    m_cost.sample(engine);
    m_sinceCheck += dtSeconds;
    const std::uint64_t step = engine.stepCount();
    const bool moving = step != m_seenStep;
    m_seenStep = step;
    if (m_scan && !m_scan->current(engine)) dropScan();  // the engine moved under it: decide again now
    if (step == m_checkedStep || (moving && m_sinceCheck < kCheckEvery)) return;
    if (!m_defer) {
        check(engine);
        return;
    }
    m_deferredDue = true;
    m_sinceCheck = 0;
    // Playing: the engine moves again next frame, so one task checks it whole. Stopped, stepped or sought: it
    // stays put between frames, so it is checked in pieces, one task each.
    if ((!moving || !m_playing) && !m_scan) m_scan.emplace(engine);
}

void LiveChecks::dropScan() {
    m_scan.reset();
    m_deferredDue = false;
    m_sinceCheck = kCheckEvery;
}

bool LiveChecks::runDeferred(const sim::Engine& engine, std::uint64_t engineBuild) {
    if (!m_deferredDue || engineBuild != m_build) return false;
    if (m_scan) {
        if (!m_scan->current(engine)) {  // a command moved it since the last piece: the next frame decides again
            dropScan();
            return false;
        }
        if (!m_scan->advance(engine, kScanPiece)) return true;
        finishScan();
        return false;
    }
    if (engine.stepCount() != m_checkedStep) check(engine);
    m_deferredDue = false;
    return false;
}

void LiveChecks::check(const sim::Engine& engine) {
    m_problems = engine.checkInvariants();
    m_checkedStep = engine.stepCount();
    m_sinceCheck = 0;
    m_deferredDue = false;
    m_scan.reset();
}

void LiveChecks::finishScan() {
    m_problems = m_scan->takeProblems();
    m_checkedStep = m_scan->step();
    m_deferredDue = false;
    m_scan.reset();
}

}  // namespace pg::ui

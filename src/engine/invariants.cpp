// Engine::checkInvariants: every item is in exactly one state and every count adds up. Called by tests after
// every step (and by EngineOptions::checkEveryStep). O(items + environments): not for the hot path. The check
// is an InvariantScan (invariant_scan.hpp) run to its end in one call; the page runs one in pieces.
#include <string>
#include <vector>

#include "engine.hpp"
#include "invariant_scan.hpp"
#include "modes/mode_handler.hpp"

namespace pg::sim {

std::vector<std::string> Engine::checkInvariants() const {
    InvariantScan scan(*this);
    scan.advance(*this, InvariantScan::kUnlimited);
    return scan.takeProblems();
}

InvariantScan::InvariantScan(const Engine& engine) : m_step(engine.m_steps), m_now(engine.m_now) {
    // Items dropped after retirement are Done.
    m_counted[static_cast<int>(ItemState::Done)] = static_cast<std::size_t>(engine.m_droppedTotals.items);
}

bool InvariantScan::current(const Engine& engine) const { return engine.m_steps == m_step && engine.m_now == m_now; }

namespace {
std::size_t chunksOf(std::size_t size) {
    using Chunks = ChunkedVector<Item>;
    static_assert(ChunkedVector<DeliveredRecord>::kShift == Chunks::kShift, "one chunk size");
    return (size + Chunks::kChunk - 1) >> Chunks::kShift;
}
}  // namespace

bool InvariantScan::advance(const Engine& engine, std::size_t budget) {
    const auto& items = engine.m_items.all();
    auto fail = [&](const std::string& text) { m_problems.push_back(text); };
    std::size_t spent = 0;
    const auto more = [&] { return spent == 0 || spent < budget; };  // at least one piece per call

    // Items: state counts, outcome consistency, attempt lists, one chunk at a time.
    for (; m_phase == Phase::Items && m_cursor < chunksOf(items.size()) && more(); ++m_cursor) {
        items.forEachInChunk(m_cursor, [&](std::size_t index, const Item& it) {
            const auto i = static_cast<std::uint32_t>(index);
            ++m_counted[static_cast<int>(it.state)];
            if ((it.state == ItemState::Done) != (it.outcome != ItemOutcome::Pending))
                fail(engine.itemId(i) + ": state " + itemStateName(it.state) + " with outcome " +
                     itemOutcomeName(it.outcome));
            if (it.retired && it.state != ItemState::Done) fail(engine.itemId(i) + ": retired before it finished");
            const std::size_t attempts = engine.m_items.attemptCount(i);
            if (attempts > 0 && engine.m_items.attemptAt(i, 0) != it.firstAttempt)
                fail(engine.itemId(i) + ": first attempt is not the start of its attempt list");
            if (engine.m_options.recordAttempts && attempts != it.attempts)
                fail(engine.itemId(i) + ": attempt list length differs from attempts");
            if ((it.state == ItemState::Running || it.state == ItemState::Queued) && it.function == kNone)
                fail(engine.itemId(i) + ": active without a function");
        });
        spent += ChunkedVector<Item>::kChunk;
    }
    if (m_phase == Phase::Items && m_cursor >= chunksOf(items.size())) startFunctions(engine);

    // Functions: environments, concurrency, queues, one function at a time.
    for (; m_phase == Phase::Functions && m_cursor < engine.m_functions.size() && more(); ++m_cursor) {
        const auto f = static_cast<std::uint32_t>(m_cursor);
        const FunctionState& fn = engine.m_functions[f];
        const std::string& id = engine.m_scenario.nodes[fn.node].id;
        std::uint32_t busy = 0, busyProvisioned = 0;
        for (const ExecutionEnvironment& env : fn.environments) {
            if (!env.busy) continue;
            ++busy;
            if (&env - fn.environments.data() < static_cast<std::ptrdiff_t>(fn.provisioned)) ++busyProvisioned;
            if (env.item != kNone && env.item < items.size()) {
                const Item& it = items[env.item];
                if (it.state == ItemState::Running && it.attempts == env.attempt) ++m_runningRefs[env.item];
            }
            if (env.endsAt < engine.m_now) fail("function " + id + ": environment past its end");
        }
        if (busy != fn.inFlight) fail("function " + id + ": inFlight != busy environments");
        if (busy + fn.idle.size() + fn.provisionedIdle.size() + fn.reclaimed != fn.environments.size())
            fail("function " + id + ": environments neither busy nor idle");
        if (fn.reserved >= 0 && static_cast<std::int64_t>(fn.inFlight) > fn.reserved)
            fail("function " + id + ": concurrency above its reservation");
        if (fn.reserved < 0) m_unreservedInFlight += fn.inFlight - busyProvisioned;  // provisioned: outside the pool
        if (fn.environments.size() - fn.provisioned >
            static_cast<std::size_t>(kScalingBurst) + engine.m_now / kScalingCostPerEnvironment)
            fail("function " + id + ": more environments than the scaling rate allows");
        for (std::uint32_t item : fn.asyncQueue) {
            ++m_queuedRefs[item];
            if (items[item].state != ItemState::Queued || items[item].function != f)
                fail(engine.itemId(item) + ": in a queue but not queued for this function");
        }
        m_queuedTotal += fn.asyncQueue.size();
        spent += 1 + fn.environments.size() + fn.asyncQueue.size();
    }
    if (m_phase == Phase::Functions && m_cursor >= engine.m_functions.size()) finishFunctions(engine);

    // Items again: each queued once, each running one carried by exactly one invocation.
    for (; m_phase == Phase::Refs && m_cursor < chunksOf(items.size()) && more(); ++m_cursor) {
        items.forEachInChunk(m_cursor, [&](std::size_t i, const Item& it) {
            if (m_queuedRefs[i] > 1) fail(engine.itemId(static_cast<std::uint32_t>(i)) + ": queued more than once");
            if (it.state == ItemState::Running && m_runningRefs[i] != 1)
                fail(engine.itemId(static_cast<std::uint32_t>(i)) + ": running but carried by " +
                     std::to_string(m_runningRefs[i]) + " invocations");
        });
        spent += ChunkedVector<Item>::kChunk;
    }
    if (m_phase == Phase::Refs && m_cursor >= chunksOf(items.size())) startDeliveries(engine);

    // Deliveries: each counted once at its node.
    const auto& deliveries = engine.m_deliveries;
    for (; m_phase == Phase::Deliveries && m_cursor < chunksOf(deliveries.size()) && more(); ++m_cursor) {
        deliveries.forEachInChunk(m_cursor, [&](std::size_t, const DeliveredRecord& r) { ++m_received[r.node]; });
        spent += ChunkedVector<DeliveredRecord>::kChunk;
    }
    if (m_phase == Phase::Deliveries && m_cursor >= chunksOf(deliveries.size())) finishDeliveries(engine);

    // The modes' own invariants (FIFO groups, stream shards): one piece each, never split.
    for (; m_phase == Phase::Modes && m_cursor < engine.m_modes.size() && (spent == 0 || budget == kUnlimited);
         ++m_cursor) {
        engine.m_modes[m_cursor]->checkInvariants(m_problems);
        spent += 1;
    }
    if (m_phase == Phase::Modes && m_cursor >= engine.m_modes.size()) m_phase = Phase::Done;
    return finished();
}

void InvariantScan::startFunctions(const Engine& engine) {
    const std::size_t n = engine.m_items.all().size();
    for (int s = 0; s < kItemStateCount; ++s)
        if (m_counted[s] != engine.m_stateCounts[s])
            m_problems.push_back(std::string("state count mismatch for ") + itemStateName(static_cast<ItemState>(s)));
    std::size_t total = 0;
    for (std::size_t c : m_counted) total += c;
    if (total != n) m_problems.push_back("items are not each in exactly one state");
    m_runningRefs.assign(n, 0);
    m_queuedRefs.assign(n, 0);
    m_phase = Phase::Functions;
    m_cursor = 0;
}

void InvariantScan::finishFunctions(const Engine& engine) {
    if (m_unreservedInFlight != engine.m_pool.unreservedInFlight) m_problems.push_back("account pool in-flight count is off");
    if (engine.m_pool.unreservedInFlight > engine.m_pool.unreservedCapacity) m_problems.push_back("account pool over capacity");
    if (m_queuedTotal != engine.m_stateCounts[static_cast<int>(ItemState::Queued)])
        m_problems.push_back("queued items and queue contents differ");
    m_phase = Phase::Refs;
    m_cursor = 0;
}

void InvariantScan::startDeliveries(const Engine& engine) {
    m_runningRefs = {};
    m_queuedRefs = {};
    m_received.assign(engine.m_counters.size(), 0);
    m_phase = Phase::Deliveries;
    m_cursor = 0;
}

void InvariantScan::finishDeliveries(const Engine& engine) {
    for (std::size_t n = 0; n < engine.m_counters.size(); ++n)
        if (m_received[n] != engine.m_counters[n].received)
            m_problems.push_back("node " + engine.m_scenario.nodes[n].id + ": received count off");
    m_received = {};
    m_phase = Phase::Modes;
    m_cursor = 0;
}

}  // namespace pg::sim

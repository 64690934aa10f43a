// Engine::checkInvariants: every item is in exactly one state and every count adds up. Called by tests after
// every step (and by EngineOptions::checkEveryStep). O(items + environments): not for the hot path.
#include <string>
#include <vector>

#include "engine.hpp"
#include "modes/mode_handler.hpp"

namespace pg::sim {

std::vector<std::string> Engine::checkInvariants() const {
    std::vector<std::string> problems;
    auto fail = [&](const std::string& text) { problems.push_back(text); };
    const auto& items = m_items.all();

    // Items: state counts, outcome consistency, attempt lists. Items dropped after retirement are Done.
    std::array<std::size_t, kItemStateCount> counted{};
    counted[static_cast<int>(ItemState::Done)] = static_cast<std::size_t>(m_droppedTotals.items);
    items.forEachHeld([&](std::size_t index, const Item& it) {
        const auto i = static_cast<std::uint32_t>(index);
        ++counted[static_cast<int>(it.state)];
        if ((it.state == ItemState::Done) != (it.outcome != ItemOutcome::Pending))
            fail(itemId(i) + ": state " + itemStateName(it.state) + " with outcome " + itemOutcomeName(it.outcome));
        if (it.retired && it.state != ItemState::Done) fail(itemId(i) + ": retired before it finished");
        const std::size_t attempts = m_items.attemptCount(i);
        if (attempts > 0 && m_items.attemptAt(i, 0) != it.firstAttempt)
            fail(itemId(i) + ": first attempt is not the start of its attempt list");
        if (m_options.recordAttempts && attempts != it.attempts) fail(itemId(i) + ": attempt list length differs from attempts");
        if ((it.state == ItemState::Running || it.state == ItemState::Queued) && it.function == kNone)
            fail(itemId(i) + ": active without a function");
    });
    for (int s = 0; s < kItemStateCount; ++s)
        if (counted[s] != m_stateCounts[s])
            fail(std::string("state count mismatch for ") + itemStateName(static_cast<ItemState>(s)));
    std::size_t total = 0;
    for (std::size_t c : counted) total += c;
    if (total != items.size()) fail("items are not each in exactly one state");

    // Functions: environments, concurrency, queues.
    std::vector<std::uint32_t> runningRefs(items.size(), 0), queuedRefs(items.size(), 0);
    std::int64_t unreservedInFlight = 0;
    std::size_t queuedTotal = 0;
    for (std::uint32_t f = 0; f < m_functions.size(); ++f) {
        const FunctionState& fn = m_functions[f];
        std::uint32_t busy = 0, busyProvisioned = 0;
        for (const ExecutionEnvironment& env : fn.environments) {
            if (!env.busy) continue;
            ++busy;
            if (&env - fn.environments.data() < static_cast<std::ptrdiff_t>(fn.provisioned)) ++busyProvisioned;
            if (env.item != kNone && env.item < items.size()) {
                const Item& it = items[env.item];
                if (it.state == ItemState::Running && it.attempts == env.attempt) ++runningRefs[env.item];
            }
            if (env.endsAt < m_now) fail("function " + m_scenario.nodes[fn.node].id + ": environment past its end");
        }
        if (busy != fn.inFlight) fail("function " + m_scenario.nodes[fn.node].id + ": inFlight != busy environments");
        if (busy + fn.idle.size() + fn.provisionedIdle.size() + fn.reclaimed != fn.environments.size())
            fail("function " + m_scenario.nodes[fn.node].id + ": environments neither busy nor idle");
        if (fn.reserved >= 0 && static_cast<std::int64_t>(fn.inFlight) > fn.reserved)
            fail("function " + m_scenario.nodes[fn.node].id + ": concurrency above its reservation");
        if (fn.reserved < 0) unreservedInFlight += fn.inFlight - busyProvisioned;  // provisioned: outside the pool
        if (fn.environments.size() - fn.provisioned >
            static_cast<std::size_t>(kScalingBurst) + m_now / kScalingCostPerEnvironment)
            fail("function " + m_scenario.nodes[fn.node].id + ": more environments than the scaling rate allows");
        for (std::uint32_t item : fn.asyncQueue) {
            ++queuedRefs[item];
            if (items[item].state != ItemState::Queued || items[item].function != f)
                fail(itemId(item) + ": in a queue but not queued for this function");
        }
        queuedTotal += fn.asyncQueue.size();
    }
    if (unreservedInFlight != m_pool.unreservedInFlight) fail("account pool in-flight count is off");
    if (m_pool.unreservedInFlight > m_pool.unreservedCapacity) fail("account pool over capacity");
    if (queuedTotal != m_stateCounts[static_cast<int>(ItemState::Queued)])
        fail("queued items and queue contents differ");
    items.forEachHeld([&](std::size_t i, const Item& it) {
        if (queuedRefs[i] > 1) fail(itemId(static_cast<std::uint32_t>(i)) + ": queued more than once");
        if (it.state == ItemState::Running && runningRefs[i] != 1)
            fail(itemId(static_cast<std::uint32_t>(i)) + ": running but carried by " +
                 std::to_string(runningRefs[i]) + " invocations");
    });

    // Deliveries: each counted once at its node.
    std::vector<std::int64_t> received(m_counters.size(), 0);
    for (const DeliveredRecord& r : m_deliveries) ++received[r.node];
    for (std::size_t n = 0; n < m_counters.size(); ++n)
        if (received[n] != m_counters[n].received) fail("node " + m_scenario.nodes[n].id + ": received count off");

    for (const auto& mode : m_modes) mode->checkInvariants(problems);
    return problems;
}

}  // namespace pg::sim

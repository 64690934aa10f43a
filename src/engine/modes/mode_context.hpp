// ModeContext: the face of the Engine a mode handler acts through. Engine's public API is the read-only view
// (UI, runner, tests); what a mode does to a run (its events, items, invocations, deliveries, counters) goes
// through here. Inline forwards to Engine, no virtual calls: it costs nothing. Only the engine makes one.
//
// Index: [SECTION] reads  [SECTION] events and items  [SECTION] invocations  [SECTION] deliveries and metrics
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "../engine.hpp"

namespace pg::sim {

class ModeContext {
public:
    /// The mode this context belongs to: the owner of the events it schedules and the invocations it starts.
    ModeId mode() const { return m_mode; }

    // [SECTION] reads: the part of the view API modes use (documented on Engine)
    SimTime now() const { return m_engine.now(); }
    const Scenario& scenario() const { return m_engine.scenario(); }
    std::size_t nodeCount() const { return m_engine.nodeCount(); }
    const Node& node(std::uint32_t index) const { return m_engine.node(index); }
    std::uint32_t nodeIndex(const std::string& id) const { return m_engine.nodeIndex(id); }
    const char* modeNameOfNode(std::uint32_t node) const { return m_engine.modeNameOfNode(node); }
    const NodeCounters& counters(std::uint32_t node) const { return m_engine.counters(node); }
    const std::vector<FunctionState>& functions() const { return m_engine.functions(); }
    std::uint32_t functionOfNode(std::uint32_t node) const { return m_engine.functionOfNode(node); }
    const FunctionConfig& functionConfig(std::uint32_t function) const { return m_engine.functionConfig(function); }
    std::uint32_t targetFunction(std::uint32_t sourceNode) const { return m_engine.targetFunction(sourceNode); }
    const std::vector<std::uint32_t>& targetFunctions(std::uint32_t sourceNode) const {
        return m_engine.targetFunctions(sourceNode);
    }
    const std::vector<std::uint32_t>& subscribedQueues(std::uint32_t topicNode) const {
        return m_engine.subscribedQueues(topicNode);
    }
    const ItemStore& items() const { return m_engine.items(); }
    std::string itemId(std::uint32_t item) const { return m_engine.itemId(item); }
    std::uint32_t chainDepth(std::uint32_t item) const { return m_engine.chainDepth(item); }
    bool keepsFinishedItems() const { return m_engine.keepsFinishedItems(); }
    const Metrics& metrics() const { return m_engine.metrics(); }
    const ChunkedVector<DeliveredRecord>& deliveries() const { return m_engine.deliveries(); }

    // [SECTION] events and items
    /// Schedules one of this mode's own events (back in ModeHandler::onEvent); returns its sequence number.
    std::uint64_t schedule(SimTime time, std::uint16_t kind, std::uint32_t a = 0, std::uint32_t b = 0) {
        return m_engine.schedule(time, m_mode, kind, a, b);
    }
    /// The run's generator: every draw a mode makes comes from it (runs stay deterministic).
    Rng& rng() { return m_engine.rng(); }
    NodeCounters& mutableCounters(std::uint32_t node) { return m_engine.mutableCounters(node); }
    FunctionState& function(std::uint32_t index) { return m_engine.function(index); }
    PG_FORCE_INLINE Item& item(std::uint32_t index) { return m_engine.item(index); }
    Item* itemSpan(std::uint32_t first, std::uint32_t n) { return m_engine.itemSpan(first, n); }
    std::uint32_t lastTraceOf(std::uint32_t item) const { return m_engine.lastTraceOf(item); }
    /// Trace records are kept or hashed (else record() does nothing): lets a loop test it once, not per record.
    bool tracing() const { return m_engine.m_tracing; }
    std::uint32_t newRequestId() { return m_engine.newRequestId(); }
    std::uint32_t createItem(std::uint32_t origin, std::uint32_t number, std::uint32_t function, ItemState initial) {
        return m_engine.createItem(origin, number, function, initial);
    }
    std::uint32_t createItems(std::uint32_t origin, std::uint32_t number, std::uint32_t count, std::uint32_t function,
                              ItemState initial) {
        return m_engine.createItems(origin, number, count, function, initial);
    }
    std::uint32_t createRoutedItem(std::uint32_t origin, std::uint32_t number) {
        return m_engine.createRoutedItem(origin, number);
    }
    std::uint32_t createFanOutCopy(std::uint32_t first, std::uint32_t function, std::uint32_t cause) {
        return m_engine.createFanOutCopy(first, function, cause);
    }
    PG_FORCE_INLINE void setItemState(std::uint32_t item, ItemState state) { m_engine.setItemState(item, state); }
    PG_FORCE_INLINE void setItemState(Item& it, ItemState state) { m_engine.setItemState(it, state); }
    void finishItem(std::uint32_t item, ItemOutcome outcome, std::uint32_t endedIn, Condition condition) {
        m_engine.finishItem(item, outcome, endedIn, condition);
    }
    void finishItem(std::uint32_t index, Item& it, ItemOutcome outcome, std::uint32_t endedIn, Condition condition) {
        m_engine.finishItem(index, it, outcome, endedIn, condition);
    }
    PG_FORCE_INLINE void finishItemUntraced(Item& it, ItemOutcome outcome, std::uint32_t endedIn,
                                            Condition condition) {
        m_engine.finishItemUntraced(it, outcome, endedIn, condition);
    }
    void retireItem(std::uint32_t item) { m_engine.retireItem(item); }
    void retireItem(std::uint32_t index, Item& it) { m_engine.retireItem(index, it); }
    void pinItem(std::uint32_t item) { m_engine.pinItem(item); }
    std::uint32_t record(TraceKind kind, std::uint32_t item, std::uint32_t node, std::uint16_t attempt,
                         std::uint8_t outcome = 0, std::uint16_t detail = 0) {
        return m_engine.record(kind, item, node, attempt, outcome, detail);
    }

    // [SECTION] invocations (this mode's: Engine::startSingle / startBatch with mode())
    ThrottleReason startSingle(std::uint32_t function, std::uint32_t item, std::uint32_t token,
                               SimTime* endsAt = nullptr) {
        return m_engine.startSingle(function, item, m_mode, token, endsAt);
    }
    /// The same for item `item` already at hand as `it` (Engine::startSingle): `it` is still valid after it.
    ThrottleReason startSingle(std::uint32_t function, std::uint32_t item, Item& it, std::uint32_t token,
                               SimTime* endsAt = nullptr) {
        return m_engine.startSingle(function, item, it, m_mode, token, endsAt);
    }
    ThrottleReason startBatch(std::uint32_t function, const std::uint32_t* items, const std::uint16_t* attempts,
                              std::size_t n, std::uint32_t token, std::vector<RuleOutcome>& ruleOut) {
        return m_engine.startBatch(function, items, attempts, n, m_mode, token, ruleOut);
    }
    ThrottleReason startBatch(std::uint32_t function, const std::vector<std::uint32_t>& items,
                              const std::vector<std::uint16_t>& attempts, std::uint32_t token,
                              std::vector<RuleOutcome>& ruleOut, SimTime* endsAt = nullptr) {
        return m_engine.startBatch(function, items, attempts, m_mode, token, ruleOut, endsAt);
    }
    bool recursionStops(std::uint32_t function, std::uint32_t item) const {
        return m_engine.recursionStops(function, item);
    }
    bool hasChains() const { return m_engine.hasChains(); }
    void noteRecursionStopped(std::uint32_t function, std::uint32_t item, std::uint16_t attempt) {
        m_engine.noteRecursionStopped(function, item, attempt);
    }
    std::uint32_t armSpawn(std::uint32_t node, std::uint32_t parent, std::uint32_t depth, std::uint32_t cause,
                           bool metadataOnly = false) {
        return m_engine.armSpawn(node, parent, depth, cause, metadataOnly);
    }
    void arriveSpawned(std::uint32_t node, std::uint32_t number) { m_engine.arriveSpawned(node, number); }

    // [SECTION] deliveries and metrics
    std::uint32_t deliver(const DeliveredRecord& record, const StreamBatchInfo* batch = nullptr) {
        return m_engine.deliver(record, batch);
    }
    std::size_t deliveryRoom() const { return m_engine.deliveryRoom(); }
    DeliveredRecord* reserveDeliveries(std::size_t n) { return m_engine.reserveDeliveries(n); }
    PG_FORCE_INLINE void deadLetterToQueue(DeliveredRecord& r, std::uint32_t dlqNode, std::uint32_t item,
                                           const Item& it, std::uint32_t function) {
        m_engine.deadLetterToQueue(r, dlqNode, item, it, function);
    }
    void countDelivered(std::uint32_t dlqNode, std::size_t n) { m_engine.countDelivered(dlqNode, n); }
    Metrics& mutableMetrics() { return m_engine.mutableMetrics(); }
    void noteAsyncDepth(std::uint32_t function) { m_engine.noteAsyncDepth(function); }
    void noteDwell(std::uint32_t function, SimTime dwell) { m_engine.noteDwell(function, dwell); }

private:
    friend class Engine;  // the only maker of contexts (one per mode, at registration)
    ModeContext(Engine& engine, ModeId mode) : m_engine(engine), m_mode(mode) {}
    Engine& m_engine;
    ModeId m_mode;
};

}  // namespace pg::sim

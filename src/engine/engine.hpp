// Engine: the deterministic discrete-event simulation of one scenario. Pure C++17 (no UI, JSON or platform
// includes). Same scenario + same seed => the same trace, natively and in wasm.
//
// Two faces: the public API is the read-only view (UI, runner, tests); modes act through a ModeContext
// (modes/mode_context.hpp), which alone reaches the private mode API.
//
// Index: [SECTION] options  [SECTION] running  [SECTION] read-only views  [SECTION] mode API  [SECTION] internals
#pragma once
#include <array>
#include <cassert>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chunk_retirement.hpp"
#include "destinations.hpp"
#include "event_queue.hpp"
#include "force_inline.hpp"
#include "function_runtime.hpp"
#include "items.hpp"
#include "metrics.hpp"
#include "rng.hpp"
#include "scenario_config.hpp"
#include "trace.hpp"
#include "views.hpp"

namespace pg::sim {

class ModeHandler;
class ModeContext;
class SqsMapping;
class StreamMapping;
class SyncInvoke;
class AsyncInvoke;

/// Recursive loop detection (AWS DG invocation-recursion): Lambda stops the next invocation once a chain of
/// requests has invoked functions "approximately 16" times; boto3#3899 observed exactly 16 calls. Model choice
/// recursion_threshold: 16 run, the 17th is stopped.
constexpr std::uint32_t kRecursionLimit = 16;
/// Items a run may spawn (sent messages, consumed deliveries): a runaway loop with recursion allowed must not
/// exhaust a browser tab (scenario limit, like the 2,000,000 traffic items).
constexpr std::uint64_t kMaxSpawnedItems = 1000000;
/// Engine::bodyItem of an item that carries batch metadata only (a stream's on-failure record consumed by a
/// function: KinesisBatchInfo / DDBStreamBatchInfo, never the records' data, FIDELITY 6.3): an empty body.
constexpr std::uint32_t kMetadataBody = kNone - 1;

// [SECTION] options
struct EngineOptions {
    bool storeTrace = true;        ///< keep trace records (the fingerprint is computed either way)
    /// With storeTrace off: still hash every record into traceFingerprint(). Both off = no tracing work at all
    /// (traceFingerprint() and trace().count() then stay at their initial values).
    bool fingerprint = true;
    bool collectMetrics = true;    ///< per-second series
    /// Keep the per-item attempt list (ItemStore::attempts(), attemptTimes) for views. Off: lists stay empty
    /// (Item::attempts still counts); for a runner that prints no per-item detail.
    bool recordAttempts = true;
    bool checkEveryStep = false;   ///< run checkInvariants() after every step; the first problem aborts
    /// Keep every item (and SQS message) once finished, for views that list or open them. Off (a runner that
    /// prints only totals): modes retire items nothing reads any more and the stores drop them chunk by chunk
    /// (ChunkRetirement). The run, its counters, itemTotals() and the trace fingerprint stay the same;
    /// items().all() then holds only what is still needed, and per-message views (liveMessages,
    /// messageView, a queue's oldest age) miss what was let go: for runners, not for the UI.
    bool keepFinishedItems = true;
};

/// Outcome totals over every item of a run, dropped ones included (Engine::itemTotals).
struct ItemTotals {
    std::array<std::int64_t, kItemOutcomeCount> outcomes{};  ///< by ItemOutcome (Pending: not finished)
    std::int64_t attempts = 0;  ///< invocations that carried an item, summed over items
    std::int64_t items = 0;
    void add(const Item& it) {
        ++outcomes[static_cast<std::size_t>(it.outcome)];
        attempts += it.attempts;
        ++items;
    }
};

class Engine {
public:
    /// Builds the run from a validated scenario (src/scenario validates; unknown references are ignored).
    explicit Engine(const Scenario& scenario, EngineOptions options = {});
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // [SECTION] running
    /// Processes the next scheduled event (ties in scheduling order). False when nothing is left.
    bool step();
    /// Processes every event with time < `until`, then sets now() = `until` (never moves backwards).
    void runUntil(SimTime until);
    /// Steps while the next event is before `until`, at most `maxSteps` times; returns the steps taken. For a
    /// budgeted loop (runSlice): one call for many steps, the step inlined into the loop.
    std::uint64_t runSteps(SimTime until, std::uint64_t maxSteps);
    /// Steps until `stop(*this)` holds (checked before each step) or nothing is left; returns stop's value.
    bool runUntil(const std::function<bool(const Engine&)>& stop);
    /// Back to the state right after step `step` by re-running from the start (exact: runs are deterministic).
    void rewindTo(std::uint64_t step);
    /// Back to time 0, nothing processed.
    void reset();

    SimTime now() const { return m_now; }
    SimTime lastEventTime() const { return m_lastEventTime; }
    std::uint64_t stepCount() const { return m_steps; }
    bool idle() const { return m_queue.empty(); }
    SimTime nextEventTime() const { return m_queue.empty() ? kNever : m_queue.topTime(); }
    std::size_t pendingEvents() const { return m_queue.size(); }

    // [SECTION] read-only views (for the UI and the runner)
    const Scenario& scenario() const { return m_scenario; }
    std::size_t nodeCount() const { return m_scenario.nodes.size(); }
    std::uint32_t nodeIndex(const std::string& id) const;  ///< kNone if unknown
    const Node& node(std::uint32_t index) const { return m_scenario.nodes[index]; }
    const NodeCounters& counters(std::uint32_t node) const { return m_counters[node]; }
    /// Billed duration of the finished invocations of function node `node`, in ms: each from its start (the
    /// init phase included on a cold start) to its end, rounded up to 1 ms. Read by the cost view only (model
    /// choice billed_duration); kept beside NodeCounters so the counters stay what they were.
    std::int64_t billedMilliseconds(std::uint32_t node) const { return m_billedMs[node]; }
    const std::vector<FunctionState>& functions() const { return m_functions; }
    /// Invocations of every function so far: the function nodes' counters summed.
    std::int64_t totalInvocations() const {
        std::int64_t n = 0;
        for (const FunctionState& f : m_functions) n += m_counters[f.node].invocations;
        return n;
    }
    std::uint32_t functionOfNode(std::uint32_t node) const { return m_functionOfNode[node]; }
    const FunctionConfig& functionConfig(std::uint32_t function) const {
        return m_scenario.nodes[m_functions[function].node].function;
    }
    /// The first function a source node is wired to, kNone if none.
    std::uint32_t targetFunction(std::uint32_t sourceNode) const { return m_targetOf[sourceNode]; }
    /// Every function a source node is wired to, in edge order (async fan-out: one invoke per function; streams
    /// and queues: one event source mapping per function).
    const std::vector<std::uint32_t>& targetFunctions(std::uint32_t sourceNode) const {
        return m_targetsOf[sourceNode];
    }
    /// The sqs queues subscribed to an sns topic node (sns -> sqs edges), in edge order; empty for other nodes.
    const std::vector<std::uint32_t>& subscribedQueues(std::uint32_t topicNode) const {
        return m_subscribedQueues[topicNode];
    }
    const AccountPool& accountPool() const { return m_pool; }
    const ItemStore& items() const { return m_items; }
    std::string itemId(std::uint32_t item) const;    ///< "<origin id>#<n>"
    std::string itemBody(std::uint32_t item) const;  ///< the origin's body template rendered for the item
    /// Chain of requests (AWS DG invocation-recursion): invocations before this item in its chain (0 for
    /// traffic), the item whose processing sent or delivered it (kNone for traffic), and the item whose body
    /// it carries (itself for traffic).
    std::uint32_t chainDepth(std::uint32_t item) const { return item < m_chain.size() ? m_chain[item].depth : 0; }
    std::uint32_t chainParent(std::uint32_t item) const {
        return item < m_chain.size() ? m_chain[item].parent : kNone;
    }
    /// kMetadataBody when the item carries a record the engine does not render as a body (a stream's on-failure
    /// batch metadata): its body is empty.
    std::uint32_t bodyItem(std::uint32_t item) const {
        return item < m_chain.size() && m_chain[item].body != kNone ? m_chain[item].body : item;
    }
    /// Send edges (function -> sqs/sns) of `function`: target node indices with their settings.
    const std::vector<std::pair<std::uint32_t, SendOn>>& sendsOf(std::uint32_t function) const {
        return m_sends[function];
    }
    /// Messages a send could not create because the run reached kMaxSpawnedItems.
    std::uint64_t spawnsRefused() const { return m_spawnsRefused; }
    std::size_t itemsInState(ItemState state) const { return m_stateCounts[static_cast<int>(state)]; }
    /// Outcome and attempt totals of every item, those dropped without keepFinishedItems included.
    ItemTotals itemTotals() const;
    /// Bytes the item store holds now (chunks and compacted side arrays).
    std::size_t itemBytes() const { return m_items.all().capacityBytes(); }
    bool keepsFinishedItems() const { return m_options.keepFinishedItems; }
    const Trace& trace() const { return m_trace; }
    std::uint64_t traceFingerprint() const { return m_trace.fingerprint(); }
    const Metrics& metrics() const { return m_metrics; }
    const ChunkedVector<DeliveredRecord>& deliveries() const { return m_deliveries; }
    /// The batch metadata of a StreamBatchInfo delivery.
    const StreamBatchInfo& batchInfo(const DeliveredRecord& r) const { return m_batchInfos[r.batchInfo]; }
    /// Id ("<origin id>#<n>") and rendered body of a delivery's item, from the record itself.
    std::string deliveredItemId(const DeliveredRecord& r) const;
    std::string deliveredItemBody(const DeliveredRecord& r) const;
    /// "<origin id>#<number>" and the origin's body template rendered for `number`.
    std::string idOf(std::uint32_t origin, std::uint32_t number) const;
    std::string bodyOf(std::uint32_t origin, std::uint32_t number) const;
    std::string requestIdText(std::uint32_t requestId) const { return requestIdString(m_scenario.seed, requestId); }
    /// Gauges of the queue at sqs node `node`; nullopt if `node` is not an sqs node.
    std::optional<SqsQueueView> queueView(std::uint32_t node) const;
    /// Loop view of `item` in its source queue (its DLQ copy once dead-lettered); nullopt if not a message.
    std::optional<SqsMessageView> messageView(std::uint32_t item) const;
    /// The messages of the queue at `node` that are not gone, oldest first, at most `limit` (for a table).
    std::vector<SqsMessageView> liveMessages(std::uint32_t node, std::size_t limit = 1000) const;
    /// Bytes the SQS message store holds now (chunks and compacted side arrays).
    std::size_t sqsMessageBytes() const;
    /// Shards of the stream at `node` as its event source mapping `mapping` (0: its first function edge) reads
    /// them; nullopt if it is not a kinesis / dynamodb_stream node or has no such mapping.
    std::optional<StreamView> streamView(std::uint32_t node, std::uint32_t mapping = 0) const;
    /// Event source mappings of the stream at `node` (1 when it has no function, 0 if it is no stream).
    std::uint32_t streamMappingCount(std::uint32_t node) const;
    /// Shard (0-based) and per-shard sequence number of a stream record; false if `item` is not one.
    bool streamRecordPosition(std::uint32_t item, std::uint32_t& shard, std::uint64_t& sequence) const;
    /// Which mode owns a source node ("sync", "async", ...) or "" if none.
    const char* modeNameOfNode(std::uint32_t node) const;
    /// Every violated invariant, as text; empty when all hold (InvariantScan, invariant_scan.hpp, in pieces).
    std::vector<std::string> checkInvariants() const;

private:
    // [SECTION] mode API: what modes do to a run, reached only through their ModeContext (modes/mode_context.hpp)
    friend class ModeContext;
    friend class InvariantScan;  // reads the bookkeeping it checks (invariants.cpp)
    std::uint64_t schedule(SimTime time, ModeId mode, std::uint16_t kind, std::uint32_t a = 0, std::uint32_t b = 0) {
        return m_queue.push(time, static_cast<std::uint16_t>(mode), kind, a, b);
    }
    Rng& rng() { return m_rng; }
    NodeCounters& mutableCounters(std::uint32_t node) { return m_counters[node]; }
    FunctionState& function(std::uint32_t index) { return m_functions[index]; }
    PG_FORCE_INLINE Item& item(std::uint32_t index) { return m_items[index]; }
    /// Items first .. first + n - 1 as one array, or nullptr (ChunkedVector::span): for loops over a run.
    Item* itemSpan(std::uint32_t first, std::uint32_t n) { return m_items.mutableAll().span(first, n); }
    /// The last trace record about `item` (the cause of its next one); kNone when tracing is off.
    std::uint32_t lastTraceOf(std::uint32_t item) const { return m_tracing ? m_lastTrace[item] : kNone; }
    std::uint32_t newRequestId() { return ++m_requestCounter; }

    /// Creates an item of `origin` (records an Arrival). Its state must then be set by the mode.
    std::uint32_t createItem(std::uint32_t origin, std::uint32_t number, std::uint32_t function,
                             ItemState initial);
    /// Creates `count` items of `origin` numbered `number`, `number`+1, ... at once (their Arrival records in
    /// order), stored lazily; returns the first index. Same items and records as `count` createItem calls.
    std::uint32_t createItems(std::uint32_t origin, std::uint32_t number, std::uint32_t count,
                              std::uint32_t function, ItemState initial);
    /// Creates the item of an event-driven arrival at `origin`, Waiting for the origin's target function.
    /// A source wired to no function drops it at once (counted as `unrouted`) and returns kNone.
    std::uint32_t createRoutedItem(std::uint32_t origin, std::uint32_t number);
    /// Async fan-out: another copy of the event `first` (same origin, number, body and chain link) for
    /// `function`, Waiting; its Arrival record is caused by record `cause` (the first copy's Arrival).
    std::uint32_t createFanOutCopy(std::uint32_t first, std::uint32_t function, std::uint32_t cause);
    PG_FORCE_INLINE void setItemState(std::uint32_t item, ItemState state) { setItemState(m_items[item], state); }
    /// The same for an item already at hand (`it` must be an element of items()): no second lookup.
    PG_FORCE_INLINE void setItemState(Item& it, ItemState state) {  // inline: runs several times per message
        --m_stateCounts[static_cast<int>(it.state)];
        it.state = state;
        ++m_stateCounts[static_cast<int>(state)];
    }
    /// Final outcome: state Done, records Finished.
    void finishItem(std::uint32_t item, ItemOutcome outcome, std::uint32_t endedIn, Condition condition) {
        finishItem(item, m_items[item], outcome, endedIn, condition);
    }
    /// The same for item `index` already at hand as `it` (inline: runs once per message deleted).
    void finishItem(std::uint32_t index, Item& it, ItemOutcome outcome, std::uint32_t endedIn, Condition condition) {
        finishItemUntraced(it, outcome, endedIn, condition);
        record(TraceKind::Finished, index, it.origin, it.attempts, static_cast<std::uint8_t>(outcome),
               static_cast<std::uint16_t>(condition));
    }
    /// finishItem for a caller that knows tracing is off (tested once per batch): no record, no test.
    PG_FORCE_INLINE void finishItemUntraced(Item& it, ItemOutcome outcome, std::uint32_t endedIn,
                                            Condition condition) {
        setItemState(it, ItemState::Done);
        it.outcome = outcome;
        it.endedIn = endedIn;
        it.condition = condition;
    }
    /// A Done item that nothing reads any more (no trace record, no mode structure, no view): without
    /// keepFinishedItems the store may drop it. Modes call it where they let go of the item; a mode that never
    /// does keeps its items. Item references may move: hold none across this call.
    void retireItem(std::uint32_t item) {
        if (!m_options.keepFinishedItems) retireItem(item, m_items[item]);
    }
    /// The same for item `index` already at hand as `it` (no second lookup); `it` is invalid afterwards.
    // Inline up to the chunk's count (once per item: two calls here were 4% of a command-line run's time).
    void retireItem(std::uint32_t index, Item& it) {
        if (m_options.keepFinishedItems) return;
        assert(it.state == ItemState::Done);
        if (it.retired || it.pinned) return;
        it.retired = true;
        if (m_itemRetirement.countRetired<Item>(index, m_items.size())) shrinkItemChunk(index);
    }
    /// An item read after it finishes (a chain's body by every descendant, a sync request by the run API
    /// Gateway detached from at its integration timeout): never retired.
    void pinItem(std::uint32_t item);
    /// Appends a trace record about `item` (cause = its previous record); returns the record's sequence number.
    std::uint32_t record(TraceKind kind, std::uint32_t item, std::uint32_t node, std::uint16_t attempt,
                         std::uint8_t outcome = 0, std::uint16_t detail = 0) {
        if (!m_tracing) return kNone;  // tracing off (no store, no fingerprint) costs one branch
        return appendPacked(item, node, traceTailWord(attempt, kind, outcome, detail), kNone);
    }

    /// Tries to invoke `function` with one item: acquires a slot and an environment (or records a throttle
    /// and returns its reason), evaluates the behaviour rules for attempt item.attempts+1, schedules the end,
    /// and updates the item (attempt list, Running). `token` is handed back in onInvocationEnd.
    ThrottleReason startSingle(std::uint32_t function, std::uint32_t item, ModeId mode, std::uint32_t token,
                               SimTime* endsAt = nullptr) {
        return startSingle(function, item, m_items[item], mode, token, endsAt);
    }
    /// The same for item `item` already at hand as `it` (an element of items()): a retried event's item sits in
    /// a compacted chunk, where each lookup is a rank in a bitmap. `it` is still valid after the call.
    ThrottleReason startSingle(std::uint32_t function, std::uint32_t item, Item& it, ModeId mode,
                               std::uint32_t token, SimTime* endsAt = nullptr);
    /// Poll-based batch invoke (batch_invocation.cpp): acquires a slot, or records a throttle on every item and
    /// returns its reason. Otherwise evaluates each item's behaviour rules with attempt number `attempts[i]`
    /// (SQS: its receive count; streams: the batch's invoke count), runs the batch as ONE invocation whose
    /// result is the worst outcome (timeout > error > success; report_failure items only listed) and writes
    /// each item's rule outcome to `ruleOut`. Every item gets an attempt, the batch's request id and an
    /// InvokeStart record; item states are left to the mode. The environment's `item` is kNone and `token`
    /// comes back in ModeHandler::onInvocationEnd.
    ThrottleReason startBatch(std::uint32_t function, const std::uint32_t* items, const std::uint16_t* attempts,
                              std::size_t n, ModeId mode, std::uint32_t token, std::vector<RuleOutcome>& ruleOut,
                              SimTime* endsAt = nullptr);
    ThrottleReason startBatch(std::uint32_t function, const std::vector<std::uint32_t>& items,
                              const std::vector<std::uint16_t>& attempts, ModeId mode,
                              std::uint32_t token, std::vector<RuleOutcome>& ruleOut, SimTime* endsAt = nullptr) {
        return startBatch(function, items.data(), attempts.data(), items.size(), mode, token, ruleOut, endsAt);
    }
    Metrics& mutableMetrics() { return m_metrics; }
    /// Lambda's recursive loop detection (AWS DG invocation-recursion, model choice recursion_threshold): true
    /// if invoking `function` with `item` would go past kRecursionLimit invocations in the item's chain and the
    /// function's setting is Terminate.
    bool recursionStops(std::uint32_t function, std::uint32_t item) const {
        return chainDepth(item) >= kRecursionLimit &&
               functionConfig(function).recursiveLoop == RecursiveLoop::Terminate;
    }
    /// False while no item has a chain (then no check can stop anything): the cheap guard for hot paths.
    bool hasChains() const { return !m_chain.empty(); }
    /// Records one stopped invocation: trace RecursionStopped and the function's RecursiveInvocationsDropped.
    void noteRecursionStopped(std::uint32_t function, std::uint32_t item, std::uint16_t attempt);
    /// The next createItem makes an item caused by `parent` (a sent message or a record delivered to a queue or
    /// topic a function consumes): chain depth `depth`, the parent's body, its Arrival caused by record `cause`.
    /// Returns the item number to use at `node` (numbers after the node's traffic), 0 when the run already
    /// holds kMaxSpawnedItems spawned items (then nothing is armed and the caller drops the message).
    /// `metadataOnly`: the item carries batch metadata, not the parent's body (kMetadataBody).
    std::uint32_t armSpawn(std::uint32_t node, std::uint32_t parent, std::uint32_t depth, std::uint32_t cause,
                           bool metadataOnly = false);
    /// The armed spawn (armSpawn) arrives at `node` now, through the mode that owns the node (a message sent
    /// to a queue or topic, a topic's message delivered to a subscribed queue).
    void arriveSpawned(std::uint32_t node, std::uint32_t number);
    /// Delivers a record/message to a destination or DLQ node (`batch`: a StreamBatchInfo's metadata); returns
    /// its index in deliveries().
    std::uint32_t deliver(const DeliveredRecord& record, const StreamBatchInfo* batch = nullptr);
    /// Redriven SQS messages to their DLQ, a queue the sqs mode owns, `n` at a time (SqsMapping::moveRunToDlq):
    /// reserveDeliveries hands out `n` unwritten records in one piece (n <= deliveryRoom()), deadLetterToQueue
    /// fills one as deliver() would and records its Delivered, countDelivered counts them at the DLQ. No
    /// onDelivered: the mode adds the DLQ's copies itself.
    std::size_t deliveryRoom() const { return m_deliveries.room(); }
    DeliveredRecord* reserveDeliveries(std::size_t n) { return m_deliveries.appendSpan(n); }
    /// `r`: a reserved record; `it`: item `item` (the message's), `function`: the function the record is about.
    PG_FORCE_INLINE void deadLetterToQueue(DeliveredRecord& r, std::uint32_t dlqNode, std::uint32_t item,
                                           const Item& it, std::uint32_t function) {
        r = DeliveredRecord{};
        r.time = m_now;
        r.node = dlqNode;
        r.item = item;
        r.function = function;
        r.requestId = it.requestId;
        r.approximateInvokeCount = it.attempts;
        r.kind = DeliveryKind::SqsRedrive;
        r.lastResult = it.lastResult;
        nameDelivery(r, it);
        record(TraceKind::Delivered, item, dlqNode, r.approximateInvokeCount,
               static_cast<std::uint8_t>(DeliveryKind::SqsRedrive), static_cast<std::uint16_t>(Condition::None));
    }
    void countDelivered(std::uint32_t dlqNode, std::size_t n) {
        NodeCounters& c = m_counters[dlqNode];
        c.received += static_cast<std::int64_t>(n);
        c.sent += static_cast<std::int64_t>(n);
    }
    /// A delivery's item id and body as origin and number (read when the record is rendered; the item may be
    /// gone by then); `it` is item r.item.
    PG_FORCE_INLINE void nameDelivery(DeliveredRecord& r, const Item& it) const {
        r.itemOrigin = it.origin;
        r.itemNumber = it.number;
        if (const std::uint32_t bodyIndex = bodyItem(r.item); bodyIndex != kMetadataBody) {
            const Item& body = bodyIndex == r.item ? it : m_items[bodyIndex];
            r.bodyOrigin = body.origin;
            r.bodyNumber = body.number;
        }
    }
    /// Refreshes the async queue depth gauge of `function` (call after queue/waiting changes).
    void noteAsyncDepth(std::uint32_t function) {
        if (m_metrics.enabled()) sampleAsyncDepth(function);  // the check inline: metrics are often off
    }
    /// Adds one async event's dwell time (receipt -> first invocation start) to the current second.
    void noteDwell(std::uint32_t function, SimTime dwell) {
        if (m_metrics.enabled()) addDwell(function, dwell);
    }

    // [SECTION] internals
    enum CoreEvent : std::uint16_t { kArrival = 0, kInvocationEnd = 1 };
    static constexpr auto kCoreHandler = static_cast<std::uint16_t>(ModeId::None);  // the core's events
    void build();
    /// step() with an event pending: inlined into step and the run loops.
    void stepNext();
    void registerModes();
    /// A mode's event (Engine::step passes the Async mode's on directly), rebuilt here, out of the step's way.
    __attribute__((noinline)) void dispatchToMode(SimTime time, std::uint64_t seq, std::uint32_t a, std::uint32_t b,
                                                  std::uint16_t handler, std::uint16_t kind);
    /// checkEveryStep: the first violated invariant aborts the run.
    __attribute__((noinline)) void checkAfterStep() const;
    void onArrival(std::uint32_t node);
    void onInvocationEnd(std::uint32_t function, std::uint32_t environment);
    /// Occupies the acquired environment for one invocation, counts it (counters, metrics) and schedules its
    /// end; shared by startSingle and startBatch, inlined into both (engine_occupy.hpp). Returns the end time.
    SimTime occupy(std::uint32_t function, const AcquireResult& acquired, const RunPlan& plan, std::uint32_t item,
                   std::uint32_t token, std::uint32_t requestId, ModeId mode, std::uint16_t attempt);
    void scheduleArrival(std::uint32_t node);
    /// createItem's body, inlined where an item is made per event (createRoutedItem).
    std::uint32_t createItemInline(std::uint32_t origin, std::uint32_t number, std::uint32_t function,
                                   ItemState initial);
    /// startSingle's rule evaluation when the rules read text (the item's id or body): the outcome, and the
    /// deciding rule in bits 8-15. Out of line, returning one number: its input and outputs passed by address
    /// would give every startSingle a frame on wasm's linear-memory stack.
    __attribute__((noinline)) std::uint32_t evaluateTextRules(const FunctionConfig& cfg, std::uint32_t itemIndex,
                                                               const Item& it);
    /// retireItem's compaction of the chunk holding item `index` (ChunkRetirement::shrink).
    void shrinkItemChunk(std::uint32_t index);
    /// Send edges: the messages an ending invocation's code sent (send_messages.cpp).
    void sendMessages(std::uint32_t function, std::uint32_t environment, const ExecutionEnvironment& invocation);
    void sampleAsyncDepth(std::uint32_t function);
    void addDwell(std::uint32_t function, SimTime dwell);
    void noteBatchForSends(std::uint32_t function, std::uint32_t environment, const std::uint32_t* items,
                           std::size_t n, const std::vector<RuleOutcome>& outcomes);
    std::uint32_t appendRecord(TraceKind kind, std::uint32_t item, std::uint32_t node, std::uint16_t attempt,
                               std::uint8_t outcome, std::uint16_t detail, std::uint32_t environment = kNone) {
        return appendPacked(item, node, traceTailWord(attempt, kind, outcome, detail), environment);
    }
    /// appendRecord with attempt, kind, outcome and detail as one traceTailWord: folded at the call site (a
    /// command-line run appends 1.4 M records, so fewer values passed per call count).
    std::uint32_t appendPacked(std::uint32_t item, std::uint32_t node, std::uint64_t tail, std::uint32_t environment);
    /// appendPacked's other cases: a stored trace, an item whose last-trace chunk is not written yet.
    __attribute__((noinline)) std::uint32_t appendRecordSlow(std::uint32_t item, std::uint32_t node,
                                                             std::uint64_t tail, std::uint32_t environment);

    Scenario m_scenario;
    EngineOptions m_options;
    bool m_tracing = true;  // storeTrace || fingerprint
    std::vector<std::unique_ptr<ModeHandler>> m_modes;  // in ModeId order: m_modes[modeSlot(id)]
    SyncInvoke* m_sync = nullptr;        // owned by m_modes (ModeId::Sync)
    AsyncInvoke* m_async = nullptr;      // owned by m_modes (ModeId::Async)
    SqsMapping* m_sqs = nullptr;         // owned by m_modes (ModeId::Sqs)
    StreamMapping* m_streams = nullptr;  // owned by m_modes (ModeId::Stream)
    /// Registers `mode` (the next ModeId in order) and returns it as its own type.
    template <typename Mode>
    Mode* addMode(std::unique_ptr<Mode> mode);
    /// fn(mode) with `mode` as its own (final) type: direct calls instead of one through ModeHandler
    /// (an indirect call costs far more in wasm, and the hot paths make several per event).
    template <typename Fn>
    void onMode(ModeId mode, Fn&& fn);
    std::map<std::string, std::uint32_t> m_nodeIndex;

    // mutable run state (rebuilt by reset)
    SimTime m_now = 0;
    SimTime m_lastEventTime = 0;
    std::uint64_t m_steps = 0;
    EventQueue m_queue;
    Rng m_rng;
    std::vector<NodeCounters> m_counters;
    std::vector<std::int64_t> m_billedMs;  // per node, see billedMilliseconds
    std::vector<FunctionState> m_functions;
    std::vector<std::uint32_t> m_functionOfNode;
    std::vector<std::uint32_t> m_targetOf;                 // per node: its first wired function
    std::vector<std::vector<std::uint32_t>> m_targetsOf;   // per node: every wired function, in edge order
    std::vector<std::vector<std::uint32_t>> m_subscribedQueues;  // per sns node: its sqs subscriptions
    std::vector<ModeId> m_modeOfNode;              // the mode owning each source node (None: no mode)
    std::vector<std::uint32_t> m_arrivalsEmitted;  // per node
    std::vector<SimTime> m_lastArrival;            // per node (Poisson)
    AccountPool m_pool;
    ItemStore m_items;
    ChunkedVector<std::uint32_t> m_lastTrace;  // per item while tracing (lastTraceOf): kept out of Item, smaller
    std::array<std::size_t, kItemStateCount> m_stateCounts{};
    // retired items (keepFinishedItems off): per-chunk counts, totals of dropped items
    ChunkRetirement m_itemRetirement;
    ItemTotals m_droppedTotals;
    Trace m_trace;
    Metrics m_metrics;
    ChunkedVector<DeliveredRecord> m_deliveries;  // chunked: no doubling copy of 100k dead letters
    std::vector<StreamBatchInfo> m_batchInfos;
    std::uint32_t m_requestCounter = 0;
    ExecutionEnvironment m_endedInvocation;  // onInvocationEnd: the invocation that ended, as the modes see it
    std::string m_scratch;
    std::vector<std::uint8_t> m_scratchRules;  // startBatch: the rule that decided each item (trace only)
    // chains of requests and send edges (send_messages.cpp)
    struct ChainLink {
        std::uint32_t parent = kNone;
        std::uint32_t depth = 0;
        std::uint32_t body = kNone;
    };
    std::vector<ChainLink> m_chain;                // per item; empty until the first spawned item
    ChainLink m_armed;                             // consumed by the next createItem (parent kNone: none)
    std::uint32_t m_armedCause = kNone;
    std::vector<std::uint32_t> m_spawned;          // per node: items spawned there (numbered after traffic)
    std::uint64_t m_spawnedTotal = 0, m_spawnsRefused = 0;
    std::vector<std::vector<std::pair<std::uint32_t, SendOn>>> m_sends;  // per function
    /// Batch invocations of functions with send edges: (function, environment) -> items and rule outcomes.
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::pair<std::uint32_t, RuleOutcome>>> m_sendBatches;
};

}  // namespace pg::sim

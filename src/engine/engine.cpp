// Engine core: building the run, the event loop, arrivals, invocation start/end, items, deliveries.
// Mode-specific rules live in modes/; invariants in invariants.cpp.
//
// Index: [SECTION] build  [SECTION] event loop  [SECTION] arrivals  [SECTION] invocations
//        [SECTION] items and deliveries (views by name and id: engine_views.cpp)
#include "engine.hpp"
#include "engine_occupy.hpp"
#include "force_inline.hpp"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <cstdlib>

#include "modes/async_invoke.hpp"
#include "modes/sqs_mapping.hpp"
#include "modes/stream_mapping.hpp"
#include "modes/sync_invoke.hpp"

namespace pg::sim {

// [SECTION] build

Engine::Engine(const Scenario& scenario, EngineOptions options) : m_scenario(scenario), m_options(options) {
    for (std::size_t i = 0; i < m_scenario.nodes.size(); ++i)
        m_nodeIndex.emplace(m_scenario.nodes[i].id, static_cast<std::uint32_t>(i));
    registerModes();
    build();
}

Engine::~Engine() = default;

template <typename Mode>
Mode* Engine::addMode(std::unique_ptr<Mode> mode) {
    assert(modeSlot(mode->id()) == m_modes.size() && "modes register in ModeId order");
    Mode* registered = mode.get();
    m_modes.push_back(std::move(mode));
    return registered;
}

void Engine::registerModes() {
    // In ModeId order: the first mode claiming a node type owns its nodes; modes start, release item chunks
    // and check invariants in this order. Poll-based modes (SQS, Kinesis, DynamoDB Streams) register here too.
    m_sync = addMode(std::make_unique<SyncInvoke>(ModeContext(*this, ModeId::Sync)));
    m_async = addMode(std::make_unique<AsyncInvoke>(ModeContext(*this, ModeId::Async)));
    m_sqs = addMode(std::make_unique<SqsMapping>(ModeContext(*this, ModeId::Sqs)));
    m_streams = addMode(std::make_unique<StreamMapping>(ModeContext(*this, ModeId::Stream)));
}

template <typename Fn>
void Engine::onMode(ModeId mode, Fn&& fn) {
    switch (mode) {
    case ModeId::Sync: fn(*m_sync); return;
    case ModeId::Async: fn(*m_async); return;
    case ModeId::Sqs: fn(*m_sqs); return;
    case ModeId::Stream: fn(*m_streams); return;
    case ModeId::None: break;
    }
    assert(false && "no mode");
}

void Engine::build() {
    const std::size_t n = m_scenario.nodes.size();
    m_now = 0;
    m_lastEventTime = 0;
    m_steps = 0;
    m_queue.clear();
    m_rng.reseed(m_scenario.seed);
    m_counters.assign(n, NodeCounters{});
    m_billedMs.assign(n, 0);
    m_functions.clear();
    m_functionOfNode.assign(n, kNone);
    m_targetOf.assign(n, kNone);
    m_targetsOf.assign(n, {});
    m_subscribedQueues.assign(n, {});
    m_modeOfNode.assign(n, ModeId::None);
    m_arrivalsEmitted.assign(n, 0);
    m_lastArrival.assign(n, 0);
    m_items.clear();
    m_lastTrace.clear();
    m_stateCounts = {};
    m_itemRetirement.clear();
    m_droppedTotals = ItemTotals{};
    m_batchInfos.clear();
    m_trace.clear();
    m_trace.setStoring(m_options.storeTrace);
    m_tracing = m_options.storeTrace || m_options.fingerprint;
    m_deliveries.clear();
    m_requestCounter = 0;
    m_chain.clear();
    m_armed = ChainLink{};
    m_armedCause = kNone;
    m_spawned.assign(n, 0);
    m_spawnedTotal = 0;
    m_spawnsRefused = 0;
    m_sendBatches.clear();

    std::int64_t reservedTotal = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Node& node = m_scenario.nodes[i];
        if (node.type != NodeType::Function) continue;
        FunctionState fn;
        fn.node = static_cast<std::uint32_t>(i);
        fn.reserved = node.function.reservedConcurrency ? *node.function.reservedConcurrency : -1;
        if (fn.reserved > 0) reservedTotal += fn.reserved;
        fn.idleLifetime = node.function.idleLifetime;
        if (int p = node.function.provisionedConcurrency.value_or(0); p > 0) {
            if (fn.reserved >= 0) p = std::min(p, fn.reserved);  // counts against the reservation (DG-PC)
            else reservedTotal += p;                             // else taken out of the unreserved pool
            provisionEnvironments(fn, static_cast<std::uint32_t>(p));
        }
        fn.onSuccess = nodeIndex(node.function.async.onSuccess);
        fn.onFailure = nodeIndex(node.function.async.onFailure);
        fn.deadLetterQueue = nodeIndex(node.function.async.deadLetterQueue);
        fn.rulesReadText = behaviorReadsText(node.function.behavior);
        if (!fn.rulesReadText) fn.numericRules = compileNumericRules(node.function.behavior, m_nodeIndex);
        m_functionOfNode[i] = static_cast<std::uint32_t>(m_functions.size());
        m_functions.push_back(std::move(fn));
    }
    m_pool = AccountPool{};
    m_pool.limit = m_scenario.accountConcurrencyLimit;
    m_pool.unreservedCapacity = std::max<std::int64_t>(0, m_pool.limit - reservedTotal);

    m_sends.assign(m_functions.size(), {});
    for (const Edge& edge : m_scenario.edges) {
        const std::uint32_t from = nodeIndex(edge.from), to = nodeIndex(edge.to);
        if (from != kNone && to != kNone && m_functionOfNode[from] != kNone && m_functionOfNode[to] == kNone)
            m_sends[m_functionOfNode[from]].emplace_back(to, edge.sendOn);  // a send edge
        if (from != kNone && to != kNone && m_scenario.nodes[from].type == NodeType::Sns &&
            m_scenario.nodes[to].type == NodeType::Sqs)
            m_subscribedQueues[from].push_back(to);  // an SNS -> SQS subscription
        if (from == kNone || to == kNone || m_functionOfNode[to] == kNone) continue;
        if (m_targetOf[from] == kNone) m_targetOf[from] = m_functionOfNode[to];
        m_targetsOf[from].push_back(m_functionOfNode[to]);
    }
    m_metrics.reset(m_functions.size());
    m_metrics.setEnabled(m_options.collectMetrics);

    for (std::size_t i = 0; i < n; ++i) {
        for (const auto& mode : m_modes)
            if (mode->handlesNodeType(m_scenario.nodes[i].type)) {
                m_modeOfNode[i] = mode->id();
                break;
            }
    }
    for (const auto& mode : m_modes) mode->start();
    for (std::size_t i = 0; i < n; ++i)
        if (m_modeOfNode[i] != ModeId::None && m_scenario.nodes[i].traffic.count > 0)
            scheduleArrival(static_cast<std::uint32_t>(i));
}

void Engine::reset() { build(); }

// [SECTION] event loop

PG_FORCE_INLINE inline void Engine::stepNext() {
    // popRef() is inline and the event's fields are passed on as values: an Event passed by reference lives in
    // wasm's linear-memory stack, moved on every step (bench/README.md "Where wasm loses time"). The popped
    // event stays where the queue kept it: every field is read before a handler schedules anything.
    const Event& event = m_queue.popRef();
    m_now = event.time;
    m_lastEventTime = event.time;
    ++m_steps;
    const auto owner = static_cast<ModeId>(event.handler);
    if (owner == ModeId::None) {  // the core's own events
        if (event.kind == kArrival) onArrival(event.a);
        else if (event.kind == kInvocationEnd) onInvocationEnd(event.a, event.b);
    } else if (owner == ModeId::Async) {
        m_async->onEvent(event.kind, event.a);  // retries: a sixth of async_retry's events
    } else {
        dispatchToMode(event.time, event.seq, event.a, event.b, event.handler, event.kind);
    }
    if (m_options.checkEveryStep) checkAfterStep();
}

bool Engine::step() {
    if (m_queue.empty()) return false;
    stepNext();
    return true;
}

void Engine::dispatchToMode(SimTime time, std::uint64_t seq, std::uint32_t a, std::uint32_t b,
                            std::uint16_t handler, std::uint16_t kind) {
    Event event;
    fillEvent(event, time, seq, a, b, handler, kind);
    onMode(static_cast<ModeId>(handler), [&](auto& mode) { mode.onEvent(event); });
}

void Engine::checkAfterStep() const {
    const auto problems = checkInvariants();
    if (!problems.empty()) {
        std::fprintf(stderr, "invariant violated after step %llu: %s\n", static_cast<unsigned long long>(m_steps),
                     problems.front().c_str());
        std::abort();
    }
}

void Engine::runUntil(SimTime until) {
    while (!m_queue.empty() && m_queue.topTime() < until) stepNext();  // inline: no call per event
    if (until > m_now) m_now = until;
}

std::uint64_t Engine::runSteps(SimTime until, std::uint64_t maxSteps) {
    std::uint64_t steps = 0;
    while (steps < maxSteps && !m_queue.empty() && m_queue.topTime() < until) {
        stepNext();
        ++steps;
    }
    return steps;
}

bool Engine::runUntil(const std::function<bool(const Engine&)>& stop) {
    for (;;) {
        if (stop(*this)) return true;
        if (!step()) return false;
    }
}

void Engine::rewindTo(std::uint64_t target) {
    // The state right after step k has now() == that step's time: rebuild also when runUntil(time) has moved
    // now() past the last event at the current step (issue 8 property: rewindTo(k) == running k steps).
    if (target < m_steps || (target == m_steps && m_now != m_lastEventTime)) build();
    while (m_steps < target && step()) {
    }
}

// [SECTION] arrivals

// Inline (into onArrival, once per arrival): the call kept onArrival's values across it, spilled on wasm.
PG_FORCE_INLINE inline void Engine::scheduleArrival(std::uint32_t node) {
    const Traffic& traffic = m_scenario.nodes[node].traffic;
    const std::uint32_t k = m_arrivalsEmitted[node];
    if (k >= traffic.count) return;
    SimTime t = traffic.start;
    if (traffic.arrival == Arrival::Burst) {
        // one event for the whole burst (onArrival hands every item over at once)
    } else if (traffic.ratePerSecond > 0) {
        if (traffic.arrival == Arrival::Poisson) {
            const auto mean = static_cast<SimTime>(static_cast<double>(kSecond) / traffic.ratePerSecond + 0.5);
            t = (k == 0 ? traffic.start : m_lastArrival[node]) + m_rng.exponential(mean);
            m_lastArrival[node] = t;
        } else {
            t = traffic.start +
                static_cast<SimTime>(static_cast<double>(k) * static_cast<double>(kSecond) / traffic.ratePerSecond);
        }
    }
    m_queue.pushInline(std::max(t, m_now), kCoreHandler, kArrival, node);
}

void Engine::onArrival(std::uint32_t node) {
    const Traffic& traffic = m_scenario.nodes[node].traffic;
    if (traffic.arrival == Arrival::Burst) {
        const std::uint32_t first = m_arrivalsEmitted[node] + 1;
        const auto count = static_cast<std::uint32_t>(traffic.count) - m_arrivalsEmitted[node];
        m_arrivalsEmitted[node] += count;
        m_counters[node].items += count;
        onMode(m_modeOfNode[node], [&](auto& mode) { mode.onArrivals(node, first, count); });
        return;
    }
    const std::uint32_t number = ++m_arrivalsEmitted[node];
    ++m_counters[node].items;
    onMode(m_modeOfNode[node], [&](auto& mode) { mode.onArrival(node, number); });
    scheduleArrival(node);  // lazily: one pending arrival per source
}

// [SECTION] invocations

namespace {
const std::string kNoBody;  // the body template of an item that carries no body (batch metadata)
}  // namespace

ThrottleReason Engine::startSingle(std::uint32_t function, std::uint32_t itemIndex, Item& it, ModeId mode,
                                   std::uint32_t token, SimTime* endsAt) {
    // `it` stays valid throughout: nothing here adds or retires an item (only those move items, see retireItem).
    FunctionState& fn = m_functions[function];
    const std::uint32_t fnNode = fn.node;
    const AcquireResult acquired = acquireEnvironment(fn, m_pool, m_now);
    if (acquired.environment == kNone) {
        ++m_counters[fnNode].throttles;
        if (m_metrics.enabled()) ++m_metrics.at(function, m_now, fn.inFlight, fn.asyncDepth()).throttles;
        record(TraceKind::Throttled, itemIndex, fnNode, static_cast<std::uint16_t>(it.attempts + 1), 0,
               static_cast<std::uint16_t>(acquired.throttle));
        return acquired.throttle;
    }
    const FunctionConfig& cfg = m_scenario.nodes[fnNode].function;
    std::uint8_t decidedBy = 0;
    RuleOutcome rule;
    if (fn.rulesReadText) {
        const std::uint32_t decided = evaluateTextRules(cfg, itemIndex, it);
        rule = static_cast<RuleOutcome>(decided & 0xFF);
        decidedBy = static_cast<std::uint8_t>(decided >> 8);
    } else {
        RuleInput in;
        in.origin = it.origin;
        in.number = it.number;
        in.attempt = it.attempts + 1;
        in.now = m_now;
        rule = evaluateNumericRules(fn.numericRules, in, m_rng, &decidedBy);
    }
    const RunPlan plan = planRun(cfg, rule, m_rng);

    const auto attempt = static_cast<std::uint16_t>(it.attempts + 1);
    const SimTime end = occupy(function, acquired, plan, itemIndex, token, it.requestId, mode, attempt);

    ++it.attempts;
    if (m_options.recordAttempts) m_items.addAttempt(it, m_now, it.requestId);
    setItemState(it, ItemState::Running);
    if (m_tracing)
        appendPacked(itemIndex, fnNode,
                     traceTailWord(attempt, TraceKind::InvokeStart, static_cast<std::uint8_t>(rule),
                                   invokeStartDetail(acquired.cold, decidedBy)),
                     acquired.environment);
    if (endsAt) *endsAt = end;
    return ThrottleReason::None;
}

std::uint32_t Engine::evaluateTextRules(const FunctionConfig& cfg, std::uint32_t itemIndex, const Item& it) {
    RuleInput in;
    in.origin = it.origin;
    in.number = it.number;
    in.attempt = it.attempts + 1;
    in.now = m_now;
    // Only text rules read the origin's id and the body (compiled rules never do): the body's item is looked up
    // here alone (a sent message carries its parent's body).
    in.originId = &m_scenario.nodes[it.origin].id;
    in.bodyTemplate = &kNoBody;
    const std::uint32_t bodyIndex = bodyItem(itemIndex);
    if (bodyIndex != kMetadataBody) {
        const Item& bodyOf = bodyIndex == itemIndex ? it : m_items[bodyIndex];
        in.bodyTemplate = &m_scenario.nodes[bodyOf.origin].traffic.body;
        in.bodyNumber = bodyOf.number;
    }
    std::uint8_t decidedBy = 0;
    const RuleOutcome rule = evaluateBehavior(cfg.behavior, in, m_rng, m_scratch, &decidedBy);
    return static_cast<std::uint32_t>(rule) | std::uint32_t{decidedBy} << 8;
}

void Engine::onInvocationEnd(std::uint32_t function, std::uint32_t environment) {
    FunctionState& fn = m_functions[function];
    // A copy (the mode may start another invocation in this environment), kept in the engine: a local whose
    // address the modes get would live on wasm's linear-memory stack, moved on every invocation end.
    m_endedInvocation = fn.environments[environment];
    const ExecutionEnvironment& invocation = m_endedInvocation;
    NodeCounters& c = m_counters[fn.node];
    const bool failed = invocation.result != InvokeResult::Success;
    if (failed) ++c.errors;
    if (invocation.result == InvokeResult::Timeout) ++c.timeouts;
    m_billedMs[fn.node] += (m_now - invocation.startedAt + kMillisecond - 1) / kMillisecond;
    releaseEnvironment(fn, m_pool, environment);
    if (m_metrics.enabled()) {
        FunctionSecond& b = m_metrics.at(function, m_now, fn.inFlight, fn.asyncDepth());
        if (failed) ++b.errors;
        if (invocation.result == InvokeResult::Timeout) ++b.timeouts;
    }
    if (invocation.item != kNone)
        record(TraceKind::InvokeEnd, invocation.item, fn.node, invocation.attempt,
               static_cast<std::uint8_t>(invocation.result), invocation.cold ? 1 : 0);
    if (!m_sends[function].empty()) sendMessages(function, environment, invocation);
    onMode(invocation.mode, [&](auto& mode) { mode.onInvocationEnd(function, invocation); });
    m_async->onCapacityFreed(function);  // the one mode with work waiting for capacity (its internal queue)
}

// [SECTION] items and deliveries

/// A new item as it arrives now at `origin` (createItem and createItems fill the rest).
static Item arrivingItem(SimTime now, std::uint32_t origin, std::uint32_t number, std::uint32_t function,
                         ItemState initial) {
    Item it;
    it.createdAt = now;
    it.origin = origin;
    it.number = number;
    it.function = function;
    it.state = initial;
    return it;
}

PG_FORCE_INLINE inline std::uint32_t Engine::createItemInline(std::uint32_t origin, std::uint32_t number,
                                                              std::uint32_t function, ItemState initial) {
    // ItemStore::add's push_back, inline (Clang keeps add out of line, and the item passed to it by reference
    // then lives on wasm's linear-memory stack): the new item is written where it is kept.
    ChunkedVector<Item>& items = m_items.mutableAll();
    items.push_back(arrivingItem(m_now, origin, number, function, initial));
    const auto index = static_cast<std::uint32_t>(items.size() - 1);
    ++m_stateCounts[static_cast<int>(initial)];
    const bool spawned = m_armed.parent != kNone;
    if (m_tracing) m_lastTrace.push_back(spawned ? m_armedCause : kNone);
    if (spawned) {  // a spawned item (armSpawn): chain link, Arrival caused by the sender
        if (m_chain.size() <= index) m_chain.resize(index + 1);
        m_chain[index] = m_armed;
        m_armed = ChainLink{};
    }
    record(TraceKind::Arrival, index, origin, 0);
    return index;
}

std::uint32_t Engine::createItem(std::uint32_t origin, std::uint32_t number, std::uint32_t function,
                                 ItemState initial) {
    return createItemInline(origin, number, function, initial);
}

std::uint32_t Engine::createItems(std::uint32_t origin, std::uint32_t number, std::uint32_t count,
                                  std::uint32_t function, ItemState initial) {
    Item it = arrivingItem(m_now, origin, number, function, initial);
    const auto base = static_cast<std::uint32_t>(m_items.size());
    if (m_tracing && count > 0) {
        // A new item has no previous record (cause kNone); the records get consecutive sequence numbers.
        TraceRecord r;
        r.time = m_now;
        r.node = origin;
        r.kind = TraceKind::Arrival;
        // The last-trace links are written now: written lazily, the runner's peak RSS on sqs_poison_1m was
        // 28 MiB against 21 (measured; the cause was not found, likely where the chunks land in the heap).
        for (std::uint32_t k = 0; k < count; ++k) {
            r.item = base + k;
            m_lastTrace.push_back(m_trace.append(r));
        }
    }
    m_items.addRange(it, count);
    m_stateCounts[static_cast<int>(initial)] += count;
    return base;
}

std::uint32_t Engine::createRoutedItem(std::uint32_t origin, std::uint32_t number) {
    const std::uint32_t fn = targetFunction(origin);
    const std::uint32_t item = createItemInline(origin, number, fn, ItemState::Waiting);  // once per async event
    if (fn != kNone) return item;
    ++m_counters[origin].unrouted;
    finishItem(item, ItemOutcome::Dropped, kNone, Condition::None);
    retireItem(item);
    return kNone;
}

std::uint32_t Engine::createFanOutCopy(std::uint32_t first, std::uint32_t function, std::uint32_t cause) {
    const Item& source = m_items[first];
    const std::uint32_t origin = source.origin;
    const std::uint32_t index = m_items.add(arrivingItem(m_now, origin, source.number, function, ItemState::Waiting));
    ++m_stateCounts[static_cast<int>(ItemState::Waiting)];
    if (m_tracing) m_lastTrace.push_back(cause);
    if (first < m_chain.size() && m_chain[first].body != kNone) {  // a spawned event: every copy on its chain
        if (m_chain.size() <= index) m_chain.resize(index + 1);
        m_chain[index] = m_chain[first];
    }
    record(TraceKind::Arrival, index, origin, 0);
    return index;
}

void Engine::shrinkItemChunk(std::uint32_t index) {
    m_itemRetirement.shrink(
        m_items.mutableAll(), index >> ChunkedVector<Item>::kShift, [](const Item& v) { return !v.retired; },
        [this](std::size_t, const Item& v) { m_droppedTotals.add(v); },
        [this](std::size_t chunk) {
            // Every item of the chunk is gone for good: nothing records about them again, so their last-trace
            // links go too (when the link array covers the chunk whole).
            if (((chunk + 1) << ChunkedVector<std::uint32_t>::kShift) <= m_lastTrace.size() &&
                !m_lastTrace.compacted(chunk))
                m_lastTrace.releaseChunk(chunk);
            for (const auto& mode : m_modes) mode->onItemChunkReleased(chunk);
        });
}

void Engine::pinItem(std::uint32_t index) {
    Item& it = m_items[index];
    assert(!it.retired);  // pinned while still in use (a body item when its first descendant is made)
    it.pinned = true;
}

ItemTotals Engine::itemTotals() const {
    ItemTotals t = m_droppedTotals;
    m_items.all().forEachHeld([&](std::size_t, const Item& it) { t.add(it); });
    return t;
}

namespace {
// A record from its fields (the last four as traceTailWord), for the slow path that stores it. `cause` is the
// item's previous record (kNone for none).
TraceRecord traceRecord(SimTime now, std::uint32_t cause, std::uint32_t item, std::uint32_t node,
                        std::uint64_t tail, std::uint32_t environment) {
    TraceRecord r;
    r.time = now;
    r.cause = cause;
    r.item = item;
    r.node = node;
    r.attempt = static_cast<std::uint16_t>(tail);
    r.kind = static_cast<TraceKind>(static_cast<std::uint8_t>(tail >> 16));
    r.outcome = static_cast<std::uint8_t>(tail >> 24);
    r.detail = static_cast<std::uint16_t>(tail >> 32);
    r.environment = environment;
    return r;
}
}  // namespace

std::uint32_t Engine::appendPacked(std::uint32_t item, std::uint32_t node, std::uint64_t tail,
                                   std::uint32_t environment) {
    // The common case first (records hashed, not stored; the item's last-trace link in a written chunk) with no
    // call on its path, so it needs no saved registers; everything else goes through a tail call.
    std::uint32_t* last = item == kNone ? nullptr : m_lastTrace.resident(item);
    if (m_trace.storing() || (item != kNone && !last)) return appendRecordSlow(item, node, tail, environment);
    const std::uint32_t seq = m_trace.appendUnstored(m_now, last ? *last : kNone, item, node, environment, tail);
    if (last) *last = seq;
    return seq;
}

std::uint32_t Engine::appendRecordSlow(std::uint32_t item, std::uint32_t node, std::uint64_t tail,
                                       std::uint32_t environment) {
    if (item == kNone) return m_trace.append(traceRecord(m_now, kNone, item, node, tail, environment));
    std::uint32_t& last = m_lastTrace[item];  // chunked: the reference stays valid while the trace grows
    const TraceRecord r = traceRecord(m_now, last, item, node, tail, environment);
    last = m_trace.append(r);
    return last;
}

std::uint32_t Engine::deliver(const DeliveredRecord& delivered, const StreamBatchInfo* batch) {
    DeliveredRecord r = delivered;
    r.time = m_now;
    if (r.item != kNone) nameDelivery(r, m_items[r.item]);
    if (batch) {
        r.batchInfo = static_cast<std::uint32_t>(m_batchInfos.size());
        m_batchInfos.push_back(*batch);
    }
    const auto index = static_cast<std::uint32_t>(m_deliveries.size());
    m_deliveries.push_back(r);
    NodeCounters& c = m_counters[r.node];
    ++c.received;
    ++c.sent;
    if (m_scenario.nodes[r.node].type == NodeType::Sqs && m_modeOfNode[r.node] == ModeId::None) ++c.visible;
    record(TraceKind::Delivered, r.item, r.node, r.approximateInvokeCount, static_cast<std::uint8_t>(r.kind),
           static_cast<std::uint16_t>(r.condition));
    if (m_modeOfNode[r.node] != ModeId::None)
        onMode(m_modeOfNode[r.node], [&](auto& mode) { mode.onDelivered(r.node, index); });
    else if (m_functionOfNode[r.node] != kNone)  // a function as destination: invoked asynchronously
        m_async->onDeliveredToFunction(r.node, index);
    return index;
}

void Engine::sampleAsyncDepth(std::uint32_t function) {
    const FunctionState& fn = m_functions[function];
    m_metrics.at(function, m_now, fn.inFlight, fn.asyncDepth());
}

void Engine::addDwell(std::uint32_t function, SimTime dwell) {
    const FunctionState& fn = m_functions[function];
    FunctionSecond& b = m_metrics.at(function, m_now, fn.inFlight, fn.asyncDepth());
    ++b.dwellCount;
    b.dwellSum += dwell;
}

}  // namespace pg::sim

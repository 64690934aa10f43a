// Asynchronous invocation through each function's internal queue. Model choices (model_choices.cpp):
// async_retry_wait_origin, async_max_event_age_lookahead, async_throttle_backoff,
// async_poller_under_throttling, throttled_until_max_age_condition, failure_outcome_precedence.
#include "async_invoke.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "../engine.hpp"

namespace pg::sim {

SimTime asyncThrottleBackoff(int throttles) {
    const int exponent = std::min(std::max(throttles - 1, 0), 9);  // 2^9 = 512 > 300
    return std::min<SimTime>(SimTime{1} << exponent, 300) * kSecond;
}

bool AsyncInvoke::handlesNodeType(NodeType type) const {
    return invocationModeOf(type) == InvocationMode::Asynchronous;
}

SimTime AsyncInvoke::age(const Item& it) const {
    return m_context.now() - it.createdAt;  // accepted at arrival
}

void AsyncInvoke::onArrival(std::uint32_t node, std::uint32_t number) {
    // The common case (no subscribed queue, one function) here; the rest out of line, so that their locals
    // (a vector of copies) give this function no frame on wasm's linear-memory stack.
    if (!m_context.subscribedQueues(node).empty() || m_context.targetFunctions(node).size() != 1) {
        arriveFannedOut(node, number);
        return;
    }
    const std::uint32_t first = m_context.createRoutedItem(node, number);
    if (first != kNone) accept(first);
}

void AsyncInvoke::arriveFannedOut(std::uint32_t node, std::uint32_t number) {
    const std::vector<std::uint32_t>& targets = m_context.targetFunctions(node);
    const std::vector<std::uint32_t>& queues = m_context.subscribedQueues(node);
    std::uint32_t first;
    if (queues.empty()) {
        first = m_context.createRoutedItem(node, number);
        if (first == kNone) return;
    } else {
        // SNS -> SQS subscriptions (SNS DG sns-sqs-as-subscriber): each subscribed queue gets the message as a
        // new message there, consumed by the queue's own mapping. The event exists as an item even when no
        // function is subscribed; it ends `succeeded` once published.
        first = m_context.createItem(node, number, targets.empty() ? kNone : targets.front(), ItemState::Waiting);
        publish(first, queues);
        if (targets.empty()) {
            m_context.finishItem(first, ItemOutcome::Succeeded, kNone, Condition::None);
            m_context.retireItem(first);
            return;
        }
    }
    if (targets.size() == 1) {
        accept(first);
        return;
    }
    // Fan-out (Lambda DG "Invoking Lambda functions with Amazon SNS notifications"; EventBridge targets; one
    // notification configuration per function): each wired function gets its own async invoke of the event,
    // its own internal queue, retries and destinations. Every copy is made before any is accepted: accepting
    // one can finish it (and, without kept items, let it go) at once.
    std::vector<std::uint32_t> copies{first};
    const std::uint32_t cause = m_context.lastTraceOf(first);  // the first copy's Arrival
    for (std::size_t k = 1; k < targets.size(); ++k)
        copies.push_back(m_context.createFanOutCopy(first, targets[k], cause));
    for (std::uint32_t item : copies) accept(item);
}

void AsyncInvoke::publish(std::uint32_t event, const std::vector<std::uint32_t>& queues) {
    // No function runs between topic and queue: the message stays on the event's hop of the chain (recursive
    // loop detection counts invocations). Raw message delivery: the message body is the event's body (model
    // choice sns_sqs_raw_delivery).
    const std::uint32_t depth = m_context.chainDepth(event);
    const std::uint32_t cause = m_context.lastTraceOf(event);
    for (std::uint32_t queue : queues) {
        const std::uint32_t number = m_context.armSpawn(queue, event, depth, cause);
        if (number == 0) continue;  // kMaxSpawnedItems reached: the delivery is refused
        m_context.arriveSpawned(queue, number);
    }
}

// Item references (Item&) are held across calls here only where nothing in between creates, delivers or
// retires an item: retiring one may compact its chunk and move the items kept there (Engine::retireItem).
// Recording, scheduling, metrics and startSingle do neither. Each retried event's item lives in a compacted
// chunk, where every lookup is a rank in a bitmap: one lookup per handler, not one per field.

PG_FORCE_INLINE inline void AsyncInvoke::pumpInline(std::uint32_t function) {
    FunctionState& f = m_context.function(function);
    const SimTime maxAge = m_context.functionConfig(function).async.maxEventAge;
    while (!f.asyncQueue.empty()) {
        const std::uint32_t item = f.asyncQueue.front();
        f.asyncQueue.pop_front();
        Item& it = m_context.item(item);  // valid until fail() (it retires the item)
        if (age(it) > maxAge) {  // aged out while queued
            fail(item, Condition::EventAgeExceeded);
            continue;
        }
        // Recursive loop detection (AWS DG invocation-recursion): the stopped event goes to the function's
        // on-failure destination or DLQ if configured; no attempt runs.
        if (it.attempts == 0 && m_context.recursionStops(function, item)) {
            m_context.noteRecursionStopped(function, item, 1);
            fail(item, Condition::RecursiveLoop);
            continue;
        }
        const ThrottleReason throttle = m_context.startSingle(function, item, it, 0);
        if (throttle == ThrottleReason::None) {
            it.throttles = 0;  // counts throttles since the last real attempt
            // dwell time: receipt to first invocation start (FIDELITY 5.1, X-Ray "Dwell time")
            if (it.attempts == 1) m_context.noteDwell(function, m_context.now() - it.createdAt);
            continue;
        }
        ++it.throttles;
        const SimTime backoff = asyncThrottleBackoff(it.throttles);
        if (age(it) + backoff > maxAge) {
            fail(item, Condition::EventAgeExceeded);
            continue;
        }
        ++m_context.mutableCounters(f.node).asyncThrottleRetries;
        waitThenRequeue(item, it, backoff);
        break;  // the poller slows down: the rest stay queued until the next trigger
    }
    m_context.noteAsyncDepth(function);
}

void AsyncInvoke::accept(std::uint32_t item) {
    Item& it = m_context.item(item);
    const std::uint32_t fn = it.function;
    const std::uint32_t node = it.origin;
    FunctionState& f = m_context.function(fn);
    it.requestId = m_context.newRequestId();  // one request id for every attempt (FIDELITY 5.1 [O])
    it.throttles = 0;  // the member of Item's union an async event uses, written before any read
    ++m_context.mutableCounters(node).accepted;      // one 202 per function invoked (fan-out: per copy)
    ++m_context.mutableCounters(node).responses2xx;  // 202 at once (FIDELITY 5.1)
    m_context.record(TraceKind::Accepted, item, f.node, 0, 0, 202);
    if (m_context.hasChains() && m_context.recursionStops(fn, item)) {  // before any other failure: ends the chain
        m_context.noteRecursionStopped(fn, item, 1);
        fail(item, Condition::RecursiveLoop);
        return;
    }
    if (f.reserved == 0) {  // FIDELITY 5.1/5.2: no attempt, approximateInvokeCount 0
        fail(item, Condition::ZeroReservedConcurrency);
        return;
    }
    m_context.setItemState(it, ItemState::Queued);
    f.asyncQueue.push_back(item);
    m_context.noteAsyncDepth(fn);
    pumpInline(fn);
}

void AsyncInvoke::pump(std::uint32_t function) { pumpInline(function); }

void AsyncInvoke::waitThenRequeue(std::uint32_t item, Item& it, SimTime wait) {
    ++m_context.function(it.function).asyncWaiting;
    m_context.setItemState(it, ItemState::Waiting);
    m_context.record(TraceKind::RetryScheduled, item, m_context.function(it.function).node, it.attempts, 0,
                    static_cast<std::uint16_t>(wait / kSecond));
    m_context.schedule(m_context.now() + wait, kRequeue, item);
}

void AsyncInvoke::onEvent(std::uint16_t kind, std::uint32_t a) {
    if (kind != kRequeue) return;
    const std::uint32_t item = a;
    Item& it = m_context.item(item);
    const std::uint32_t fn = it.function;
    FunctionState& f = m_context.function(fn);
    --f.asyncWaiting;
    m_context.setItemState(it, ItemState::Queued);
    f.asyncQueue.push_back(item);  // back at the tail of the internal queue
    m_context.record(TraceKind::Requeued, item, f.node, it.attempts);
    pumpInline(fn);
}

void AsyncInvoke::onInvocationEnd(std::uint32_t function, const ExecutionEnvironment& invocation) {
    const std::uint32_t item = invocation.item;
    Item& it = m_context.item(item);
    it.lastResult = invocation.result;
    if (invocation.result == InvokeResult::Success) {
        succeed(item, it);
        return;
    }
    const AsyncConfig& cfg = m_context.functionConfig(function).async;
    const int retriesUsed = it.attempts - 1;
    if (retriesUsed >= cfg.maxRetryAttempts) {
        fail(item, Condition::RetriesExhausted);
        return;
    }
    const SimTime wait = asyncRetryWait(retriesUsed + 1);
    if (age(it) + wait > cfg.maxEventAge) {  // look-ahead (FIDELITY 5.1 [O] test_maxeventage)
        fail(item, Condition::EventAgeExceeded);
        return;
    }
    ++m_context.mutableCounters(m_context.function(function).node).asyncRetries;
    waitThenRequeue(item, it, wait);
}

void AsyncInvoke::onDelivered(std::uint32_t node, std::uint32_t deliveryIndex) {
    // A record delivered to a topic (function DLQ, destination) that invokes a function is a new event of that
    // topic, caused by the delivery (model choices chain_metadata, sqs_dlq_messages).
    if (m_context.targetFunction(node) == kNone && m_context.subscribedQueues(node).empty()) return;
    const DeliveredRecord& r = m_context.deliveries()[deliveryIndex];
    // A record about an event that recursive loop detection stopped starts nothing: that loop is terminated.
    if (r.item == kNone || r.condition == Condition::RecursiveLoop) return;
    const std::uint32_t depth = m_context.chainDepth(r.item) + 1;  // every delivery is one hop (chain_metadata)
    // A stream's on-failure record carries the batch metadata only, never the records' data (FIDELITY 6.3).
    const std::uint32_t number = m_context.armSpawn(node, r.item, depth, m_context.lastTraceOf(r.item),
                                                    r.kind == DeliveryKind::StreamBatchInfo);
    if (number != 0) onArrival(node, number);
}

void AsyncInvoke::onDeliveredToFunction(std::uint32_t functionNode, std::uint32_t deliveryIndex) {
    // The destination function's event is a new item "<function id>#<n>", one hop further along the chain,
    // with that function's own internal queue, retries and destinations. Its body for body_contains rules is
    // the record's requestPayload (the event's body): the engine renders no JSON (model choice
    // function_destination_payload).
    const DeliveredRecord& r = m_context.deliveries()[deliveryIndex];
    if (r.item == kNone || r.condition == Condition::RecursiveLoop) return;  // that loop is terminated
    const std::uint32_t depth = m_context.chainDepth(r.item) + 1;
    const std::uint32_t number = m_context.armSpawn(functionNode, r.item, depth, m_context.lastTraceOf(r.item));
    if (number == 0) return;  // kMaxSpawnedItems reached
    accept(m_context.createItem(functionNode, number, m_context.functionOfNode(functionNode), ItemState::Waiting));
}

void AsyncInvoke::succeed(std::uint32_t item, Item& it) {
    const FunctionState& f = m_context.function(it.function);
    if (f.onSuccess == kNone) {
        m_context.finishItem(item, it, ItemOutcome::Succeeded, kNone, Condition::None);
        m_context.retireItem(item, it);  // out of every queue and timer: nothing reads it again
        return;
    }
    succeedToDestination(item, it);
}

void AsyncInvoke::succeedToDestination(std::uint32_t item, const Item& it) {
    const FunctionState& f = m_context.function(it.function);
    DeliveredRecord r;
    r.node = f.onSuccess;
    r.item = item;
    r.function = it.function;
    r.requestId = it.requestId;
    r.approximateInvokeCount = it.attempts;
    r.kind = DeliveryKind::InvocationRecord;
    r.condition = Condition::Success;
    r.lastResult = it.lastResult;
    const std::uint32_t onSuccess = f.onSuccess;
    m_context.deliver(r);
    m_context.finishItem(item, ItemOutcome::Succeeded, onSuccess, Condition::Success);
    m_context.retireItem(item);
}

void AsyncInvoke::fail(std::uint32_t item, Condition condition) {
    const Item& it = m_context.item(item);
    const FunctionState& f = m_context.function(it.function);
    const std::uint32_t onFailure = f.onFailure, dlq = f.deadLetterQueue;
    if (condition == Condition::EventAgeExceeded) ++m_context.mutableCounters(f.node).eventAgeExceeded;
    m_context.record(TraceKind::FailureHandled, item, f.node, it.attempts, 0,
                     static_cast<std::uint16_t>(condition));
    DeliveredRecord r;
    r.item = item;
    r.function = it.function;
    r.requestId = it.requestId;
    r.approximateInvokeCount = it.attempts;
    r.condition = condition;
    r.lastResult = it.lastResult;
    if (onFailure != kNone) {
        r.node = onFailure;
        r.kind = DeliveryKind::InvocationRecord;
        m_context.deliver(r);
    }
    if (dlq != kNone) {
        r.node = dlq;
        r.kind = DeliveryKind::DeadLetter;
        m_context.deliver(r);
    }
    ItemOutcome outcome;
    std::uint32_t endedIn = kNone;
    if (onFailure != kNone) {
        outcome = ItemOutcome::SentToDestination;
        endedIn = onFailure;
    } else if (dlq != kNone) {
        outcome = ItemOutcome::DeadLettered;
        endedIn = dlq;
    } else {
        // Lambda DG invocation-async-error-handling: an event that exhausts its retries or ages out with no
        // on-failure destination and no DLQ is discarded; nobody receives its error (the condition says why).
        outcome = ItemOutcome::Dropped;
    }
    m_context.finishItem(item, outcome, endedIn, condition);
    m_context.retireItem(item);
}

void AsyncInvoke::checkInvariants(std::vector<std::string>& problems) const {
    const auto& items = m_context.items().all();
    for (std::uint32_t fn = 0; fn < m_context.functions().size(); ++fn) {
        const FunctionState& f = m_context.functions()[fn];
        std::uint32_t waiting = 0;
        items.forEachHeld([&](std::size_t, const Item& it) {  // dropped items are Done
            // async items: of an async source, or a function's own (invoked as a destination)
            if (it.function == fn && it.state == ItemState::Waiting &&
                (std::string(m_context.modeNameOfNode(it.origin)) == name() ||
                 m_context.node(it.origin).type == NodeType::Function))
                ++waiting;
        });
        if (waiting != f.asyncWaiting)
            problems.push_back("function " + std::to_string(fn) + ": asyncWaiting " +
                               std::to_string(f.asyncWaiting) + " but " + std::to_string(waiting) +
                               " async items wait on a timer");
    }
}

}  // namespace pg::sim

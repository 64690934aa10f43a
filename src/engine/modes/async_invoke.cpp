// Asynchronous invocation through each function's internal queue. Model choices (model_choices.cpp):
// async_retry_wait_origin, async_max_event_age_lookahead, async_throttle_backoff,
// async_poller_under_throttling, throttled_until_max_age_condition, failure_outcome_precedence.
#include "async_invoke.hpp"

#include <algorithm>
#include <string>

#include "../engine.hpp"

namespace pg::sim {

SimTime asyncThrottleBackoff(int throttles) {
    const int exponent = std::min(std::max(throttles - 1, 0), 9);  // 2^9 = 512 > 300
    return std::min<SimTime>(SimTime{1} << exponent, 300) * kSecond;
}

bool AsyncInvoke::handlesNodeType(NodeType type) const {
    return invocationModeOf(type) == InvocationMode::Asynchronous;
}

SimTime AsyncInvoke::age(std::uint32_t item) const {
    return m_context.now() - m_context.items()[item].createdAt;  // accepted at arrival
}

void AsyncInvoke::onArrival(std::uint32_t node, std::uint32_t number) {
    const std::uint32_t item = m_context.createRoutedItem(node, number);
    if (item == kNone) return;
    const std::uint32_t fn = m_context.targetFunction(node);
    FunctionState& f = m_context.function(fn);
    Item& it = m_context.item(item);
    it.requestId = m_context.newRequestId();  // one request id for every attempt (FIDELITY 5.1 [O])
    it.throttles = 0;  // the member of Item's union an async event uses, written before any read
    ++m_context.mutableCounters(node).accepted;
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
    m_context.setItemState(item, ItemState::Queued);
    f.asyncQueue.push_back(item);
    m_context.noteAsyncDepth(fn);
    pump(fn);
}

void AsyncInvoke::pump(std::uint32_t function) {
    FunctionState& f = m_context.function(function);
    const SimTime maxAge = m_context.functionConfig(function).async.maxEventAge;
    while (!f.asyncQueue.empty()) {
        const std::uint32_t item = f.asyncQueue.front();
        f.asyncQueue.pop_front();
        if (age(item) > maxAge) {  // aged out while queued
            fail(item, Condition::EventAgeExceeded);
            continue;
        }
        // Recursive loop detection (AWS DG invocation-recursion): the stopped event goes to the function's
        // on-failure destination or DLQ if configured; no attempt runs.
        if (m_context.item(item).attempts == 0 && m_context.recursionStops(function, item)) {
            m_context.noteRecursionStopped(function, item, 1);
            fail(item, Condition::RecursiveLoop);
            continue;
        }
        const ThrottleReason throttle = m_context.startSingle(function, item, 0);
        if (throttle == ThrottleReason::None) {
            Item& it = m_context.item(item);
            it.throttles = 0;  // counts throttles since the last real attempt
            // dwell time: receipt to first invocation start (FIDELITY 5.1, X-Ray "Dwell time")
            if (it.attempts == 1) m_context.noteDwell(function, m_context.now() - it.createdAt);
            continue;
        }
        Item& it = m_context.item(item);
        ++it.throttles;
        const SimTime backoff = asyncThrottleBackoff(it.throttles);
        if (age(item) + backoff > maxAge) {
            fail(item, Condition::EventAgeExceeded);
            continue;
        }
        ++m_context.mutableCounters(f.node).asyncThrottleRetries;
        waitThenRequeue(item, backoff);
        break;  // the poller slows down: the rest stay queued until the next trigger
    }
    m_context.noteAsyncDepth(function);
}

void AsyncInvoke::waitThenRequeue(std::uint32_t item, SimTime wait) {
    Item& it = m_context.item(item);
    ++m_context.function(it.function).asyncWaiting;
    m_context.setItemState(item, ItemState::Waiting);
    m_context.record(TraceKind::RetryScheduled, item, m_context.function(it.function).node, it.attempts, 0,
                    static_cast<std::uint16_t>(wait / kSecond));
    m_context.schedule(m_context.now() + wait, kRequeue, item);
}

void AsyncInvoke::onEvent(const Event& event) {
    if (event.kind != kRequeue) return;
    const std::uint32_t item = event.a;
    const std::uint32_t fn = m_context.item(item).function;
    FunctionState& f = m_context.function(fn);
    --f.asyncWaiting;
    m_context.setItemState(item, ItemState::Queued);
    f.asyncQueue.push_back(item);  // back at the tail of the internal queue
    m_context.record(TraceKind::Requeued, item, f.node, m_context.item(item).attempts);
    pump(fn);
}

void AsyncInvoke::onInvocationEnd(std::uint32_t function, const ExecutionEnvironment& invocation) {
    const std::uint32_t item = invocation.item;
    Item& it = m_context.item(item);
    it.lastResult = invocation.result;
    if (invocation.result == InvokeResult::Success) {
        succeed(item);
        return;
    }
    const AsyncConfig& cfg = m_context.functionConfig(function).async;
    const int retriesUsed = it.attempts - 1;
    if (retriesUsed >= cfg.maxRetryAttempts) {
        fail(item, Condition::RetriesExhausted);
        return;
    }
    const SimTime wait = asyncRetryWait(retriesUsed + 1);
    if (age(item) + wait > cfg.maxEventAge) {  // look-ahead (FIDELITY 5.1 [O] test_maxeventage)
        fail(item, Condition::EventAgeExceeded);
        return;
    }
    ++m_context.mutableCounters(m_context.function(function).node).asyncRetries;
    waitThenRequeue(item, wait);
}

void AsyncInvoke::onDelivered(std::uint32_t node, std::uint32_t deliveryIndex) {
    // A record delivered to a topic (function DLQ, destination) that invokes a function is a new event of that
    // topic, caused by the delivery (model choices chain_metadata, sqs_dlq_messages).
    if (m_context.targetFunction(node) == kNone) return;
    const DeliveredRecord& r = m_context.deliveries()[deliveryIndex];
    // A record about an event that recursive loop detection stopped starts nothing: that loop is terminated.
    if (r.item == kNone || r.condition == Condition::RecursiveLoop) return;
    const std::uint32_t depth = m_context.chainDepth(r.item) + 1;  // every delivery is one hop (chain_metadata)
    const std::uint32_t number = m_context.armSpawn(node, r.item, depth, m_context.lastTraceOf(r.item));
    if (number != 0) onArrival(node, number);
}

void AsyncInvoke::onCapacityFreed(std::uint32_t function) {
    if (!m_context.function(function).asyncQueue.empty()) pump(function);
}

void AsyncInvoke::succeed(std::uint32_t item) {
    const Item& it = m_context.item(item);
    const FunctionState& f = m_context.function(it.function);
    if (f.onSuccess == kNone) {
        m_context.finishItem(item, ItemOutcome::Succeeded, kNone, Condition::None);
        m_context.retireItem(item);  // out of every queue and timer: nothing reads it again
        return;
    }
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
    } else if (condition == Condition::RetriesExhausted) {
        outcome = m_context.item(item).lastResult == InvokeResult::Timeout ? ItemOutcome::TimedOut
                                                                          : ItemOutcome::ErrorReturned;
    } else if (condition == Condition::EventAgeExceeded) {
        outcome = ItemOutcome::Expired;
    } else {
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
            if (it.function == fn && it.state == ItemState::Waiting &&
                std::string(m_context.modeNameOfNode(it.origin)) == name())
                ++waiting;
        });
        if (waiting != f.asyncWaiting)
            problems.push_back("function " + std::to_string(fn) + ": asyncWaiting " +
                               std::to_string(f.asyncWaiting) + " but " + std::to_string(waiting) +
                               " async items wait on a timer");
    }
}

}  // namespace pg::sim

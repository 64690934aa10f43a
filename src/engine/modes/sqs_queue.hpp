// The data of simulated SQS queues (FIDELITY 6.2): compact per-message state (indexes, no strings: the body
// is rendered on demand from the source's template), the visible pool (standard) or per-group lanes (FIFO),
// the retention heap and the batches a queue's event source mapping has received. Pure data, no rules
// (those live in sqs_mapping.cpp, sqs_receive.cpp and the other sqs_*.cpp files).
#pragma once
#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <queue>
#include <string>
#include <utility>
#include <vector>

#include "../index_runs.hpp"
#include "../scenario_config.hpp"
#include "../sim_time.hpp"
#include "../sim_types.hpp"
#include "../views.hpp"

namespace pg::sim {

/// One message (about 40 bytes). A DLQ copy is a second SqsMessage in the DLQ's queue with the same item:
/// same message id and body (FIDELITY 6.2 [O] test_redrive_policy_with_failing_lambda).
struct SqsMessage {
    SimTime enqueuedAt = 0;        ///< original enqueue time; retention counts from it (DLQ copies keep it)
    SimTime firstReceiveAt = -1;   ///< first receive, -1 before (the loop view's "looping since")
    std::uint32_t item = kNone;    ///< Engine item: the message id is the item id "<queue id>#<n>"
    std::uint32_t queue = kNone;   ///< index into SqsMapping's queues
    std::uint32_t group = kNone;   ///< FIFO message group (index in the queue), kNone for standard
    std::uint32_t batch = kNone;   ///< batch holding it while in flight
    std::uint32_t receiveCount = 0;  ///< ApproximateReceiveCount (FIDELITY 6.2 [O] starts at 1)
    SqsMessageState state = SqsMessageState::Visible;
    bool copy = false;             ///< a passive copy (DLQ / destination): never received by the simulation
    /// Gone and out of every batch (keepFinishedItems off): the store may drop it. Queue lists (visible pool,
    /// groups, retention order) may still name it: they skip it as gone (SqsMapping::gone) without reading it.
    bool retired = false;
};

/// One FIFO message group: its messages in order, and how many of them are in flight (a group with
/// messages in flight is locked: FIDELITY 6.2 "one group is never processed in parallel").
struct SqsGroup {
    std::deque<std::uint32_t> messages;  ///< not yet received, in order (may hold Gone entries, skipped)
    std::uint32_t inFlight = 0;
    bool ready = false;                  ///< listed in SqsQueue::readyGroups
};

enum class SqsBatchState : std::uint8_t { Free, Throttled, Invoking, Hidden };

/// A list of plain values that keeps its storage between uses: grow(n) hands out n more slots without writing
/// them (a receive writes every new slot at once), where std::vector::resize value-initialises them through an
/// out-of-line call. A batch's messages and the receive's scratch lists.
template <typename T>
class GrowList {
public:
    T* grow(std::size_t n) {
        if (m_size + n > m_store.size()) m_store.resize(std::max(m_size + n, 2 * m_store.size()));
        T* const at = m_store.data() + m_size;
        m_size += n;
        return at;
    }
    void push_back(T v) { *grow(1) = v; }
    void reserve(std::size_t n) {
        if (n > m_store.size()) m_store.resize(n);
    }
    void clear() { m_size = 0; }
    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }
    T* data() { return m_store.data(); }
    const T* data() const { return m_store.data(); }
    T* begin() { return m_store.data(); }
    T* end() { return m_store.data() + m_size; }
    const T* begin() const { return m_store.data(); }
    const T* end() const { return m_store.data() + m_size; }
    T& operator[](std::size_t i) { return m_store[i]; }
    const T& operator[](std::size_t i) const { return m_store[i]; }
    /// Drops the elements `drop` holds for, keeping the others in order.
    template <typename Drop>
    void removeIf(Drop drop) {
        m_size = static_cast<std::size_t>(std::remove_if(begin(), end(), drop) - begin());
    }

private:
    std::vector<T> m_store;
    std::size_t m_size = 0;
};
/// The message indices of one batch.
using SqsMessageList = GrowList<std::uint32_t>;

/// Messages received together by one poller: one invocation, one visibility timer (not one per message).
struct SqsBatch {
    SqsMessageList messages;               ///< message indices, in receive order
    std::vector<RuleOutcome> outcomes;     ///< per message, from the last invocation
    SimTime receivedAt = 0;
    SimTime visibleAt = 0;                 ///< receivedAt + effective visibility timeout
    std::uint32_t queue = kNone;
    std::uint32_t generation = 0;          ///< bumped on reuse; timers carry it to detect staleness
    std::uint16_t throttles = 0;
    std::uint16_t consumer = 0;            ///< the mapping whose poller received it (0: the queue's first)
    SqsBatchState state = SqsBatchState::Free;
    bool visibilityDue = false;            ///< the visibility timer fired while the invocation still ran
    /// `messages` is m, m + 1, ... carrying items i, i + 1, ... (received by one SqsMapping::receiveWhole into an
    /// empty batch): visited through pointers. Any other change to `messages` clears it.
    bool oneRun = false;
    std::uint32_t firstItem = kNone;       ///< with oneRun: the item of messages[0] (no message read to find it)
    /// Its invocation ended keeping every message (a failed batch): its return may find them all in flight.
    bool keptWhole = false;
};

using ExpiryEntry = std::pair<SimTime, std::uint32_t>;  // (expires at, message)

/// A receive count as a trace record's 16-bit attempt field (a message can be received more often).
inline std::uint16_t clamp16(std::uint32_t v) { return static_cast<std::uint16_t>(v < 65535 ? v : 65535); }

/// One event source mapping of a queue (FIDELITY 6.2): its function, settings, pollers and batching window. A
/// queue's first mapping is the queue itself (SqsQueue derives from it: the single-mapping path reads it in
/// place); further mappings (SqsQueue::others) compete for the same messages (model choice
/// sqs_competing_mappings).
struct SqsConsumer {
    std::uint32_t function = kNone;      ///< kNone: no consumer, messages wait until retention ends
    std::uint32_t batchSize = 10;
    SimTime window = 0;
    std::uint32_t maxConcurrency = 1250;  ///< ScalingConfig.MaximumConcurrency, else the 1,250 poller cap
    /// Provisioned mode (DG-SQS-PROV): concurrent invokes of the minimum and maximum pollers (10 each); 0 = off.
    std::uint32_t provisionedMin = 0, provisionedMax = 0;
    bool reportBatchItemFailures = false;
    SimTime visibility = 30 * kSecond;   ///< effective visibility timeout (FIDELITY 6.2 window rule applied)
    std::uint32_t pollersBusy = 0;       ///< batches received and not yet invoked to the end
    SimTime windowStart = -1;            ///< batching window opened at
    std::uint64_t windowTimer = 0;       ///< pending event seq + 1, 0 = none
};

struct SqsQueue : SqsConsumer {
    std::uint32_t node = kNone;
    bool fifo = false;
    SimTime retention = 4 * kDay;
    std::uint32_t dlq = kNone;           ///< redrive DLQ queue index (kNone: no redrive policy)
    std::uint32_t maxReceiveCount = 0;
    std::vector<SqsConsumer> others;     ///< mappings 2.. (edge order): SqsBatch::consumer k is others[k - 1]
    std::uint16_t nextTurn = 0;          ///< several mappings: the one whose poller tries first next
    // state
    IndexRuns visible;                     ///< standard: visible messages, oldest-visible first (Gone skipped)
    std::vector<SqsGroup> groups;          ///< FIFO
    std::map<std::string, std::uint32_t> groupIndex;
    std::deque<std::uint32_t> readyGroups;  ///< FIFO: unlocked groups with messages, in order of readiness
    /// Retention: messages whose expiry (enqueuedAt + retention) comes in order, usually all of them, wait in a
    /// FIFO of message indices (4 bytes each); any other in the heap. The least (time, message) of both is next.
    IndexRuns expiryFifo;
    SimTime expiryFifoBackAt = 0;           ///< expiry of expiryFifo.back() (that message may be dropped)
    std::priority_queue<ExpiryEntry, std::vector<ExpiryEntry>, std::greater<ExpiryEntry>> expiry;
    std::uint32_t visibleCount = 0;
    std::uint32_t unstoredCopies = 0;       ///< passive non-expiring copies counted visible, not stored (keepFinishedItems off)
    std::uint32_t inFlightCount = 0;
    /// Poller scaling clock of every mapping of the queue (-1: never active); a message arriving in an empty
    /// queue restarts it, back to 5 pollers (model choice sqs_poller_ramp).
    SimTime activeSince = -1;
    std::uint64_t scaleTimer = 0, expiryTimer = 0;  ///< pending event seq + 1, 0 = none
    SimTime expiryAt = kNever;              ///< time of the pending expiry event
};

/// Mapping `consumer` of `q` (0: the queue's first, in place).
inline SqsConsumer& consumerOf(SqsQueue& q, std::uint32_t consumer) {
    return consumer == 0 ? q : q.others[consumer - 1];
}
inline const SqsConsumer& consumerOf(const SqsQueue& q, std::uint32_t consumer) {
    return consumer == 0 ? q : q.others[consumer - 1];
}
inline std::uint32_t consumerCount(const SqsQueue& q) { return 1 + static_cast<std::uint32_t>(q.others.size()); }

}  // namespace pg::sim

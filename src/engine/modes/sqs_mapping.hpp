// SQS queues and their event source mapping (FIDELITY 6.1, 6.2, 7, 8.1-8.6, 8.10): standard and FIFO queues,
// visibility timeout, retention, redrive to a DLQ after max_receive_count receives, batches (batch_size,
// batching window, ReportBatchItemFailures), poller scaling (5 + 300/min up to 1,250 or MaximumConcurrency),
// throttled batches returning with their receive count incremented, several mappings competing for one queue's
// messages, and read-only views for the UI (structs in
// ../views.hpp, read through Engine: queue gauges, per-message loop view). Every sqs node is owned here, DLQs and
// destination queues included.
#pragma once
#include <algorithm>
#include <optional>

#include "mode_handler.hpp"
#include "../chunk_retirement.hpp"
#include "../chunked_vector.hpp"
#include "../items.hpp"
#include "../destinations.hpp"
#include "../views.hpp"
#include "sqs_queue.hpp"

namespace pg::sim {

/// Poller scaling (FIDELITY 6.2, DG-SQS-SCALING): 5 concurrent batches when a queue becomes active, +300 per
/// minute (model: +5 at each whole second), capped at 1,250 or the mapping's MaximumConcurrency.
constexpr std::uint32_t kSqsInitialPollers = 5;
constexpr std::uint32_t kSqsPollersPerSecond = 5;
constexpr std::uint32_t kSqsMaxPollers = 1250;
/// Provisioned mode (DG-SQS-PROV, model choice sqs_provisioned_ramp): each event poller runs up to 10 concurrent
/// invokes (DG-SQS-PARAMS); the minimum pollers are ready at once and the mapping adds up to 1,000 concurrent
/// invokes per minute ("3 times faster scaling" than on-demand's 300; AWS News Blog, Nov 2025), in steps at each
/// whole second (1000 x s / 60), up to the maximum pollers.
constexpr std::uint32_t kSqsInvokesPerPoller = 10;
constexpr std::uint32_t kSqsProvisionedPerMinute = 1000;
/// Long-poll wait (SQS WaitTimeSeconds maximum): with poll latency "realistic" and a batching window below it,
/// a batch that is not full waits this long (FIDELITY 6.2 "Batching window with low traffic", DG-SQS-2022).
constexpr SimTime kSqsLongPollWait = 20 * kSecond;

/// Effective visibility timeout of a mapping's receives: `window + function timeout + 30 s` when
/// `window + function timeout > visibility`, else the queue's own (FIDELITY 6.2, DG-SQS-2022).
SimTime sqsEffectiveVisibility(SimTime visibility, SimTime window, SimTime functionTimeout);

class SqsMapping final : public ModeHandler {
public:
    using ModeHandler::ModeHandler;
    const char* name() const override { return "sqs"; }
    bool handlesNodeType(NodeType type) const override { return type == NodeType::Sqs; }
    void start() override;
    void onArrival(std::uint32_t node, std::uint32_t number) override;
    void onArrivals(std::uint32_t node, std::uint32_t first, std::uint32_t count) override;
    void onEvent(const Event& event) override;
    void onInvocationEnd(std::uint32_t function, const ExecutionEnvironment& invocation) override;
    void onDelivered(std::uint32_t node, std::uint32_t deliveryIndex) override;
    void checkInvariants(std::vector<std::string>& problems) const override;
    void onItemChunkReleased(std::size_t chunk) override;

    // [SECTION] read-only views (UI)
    /// Gauges of the queue at sqs node `node`; nullopt if `node` is not an sqs node.
    std::optional<SqsQueueView> queueView(std::uint32_t node) const;
    /// Loop view of `item` in its source queue (its DLQ copy once dead-lettered); nullopt if not a message.
    std::optional<SqsMessageView> messageView(std::uint32_t item) const;
    /// Every message index of the queue at `node` that is not gone, oldest first (for a table).
    std::vector<SqsMessageView> liveMessages(std::uint32_t node, std::size_t limit = 1000) const;
    /// Bytes the message store holds now (chunks and compacted side arrays).
    std::size_t messageBytes() const { return m_messages.capacityBytes(); }

private:
    enum Kind : std::uint16_t { kVisibility = 0, kThrottleRetry = 1, kWindow = 2, kScale = 3, kExpiry = 4 };
    void configureConsumer(SqsConsumer& c, const Edge& edge, std::uint32_t function) const;
    std::uint32_t queueOfNode(std::uint32_t node) const {
        return node < m_queueOfNode.size() ? m_queueOfNode[node] : kNone;
    }
    /// `expires`: retention is simulated (traffic messages and redriven copies; not other deliveries).
    std::uint32_t addMessage(std::uint32_t queue, std::uint32_t item, SimTime enqueuedAt, bool copy,
                             std::uint32_t number, bool expires);
    /// A redriven message's passive copy in its DLQ (a DLQ no function consumes).
    void addRedrivenCopy(std::uint32_t queue, std::uint32_t item, SimTime enqueuedAt);
    /// addRedrivenCopy of `n` messages moved together (their items and enqueue times read from `from`).
    void addRedrivenRun(std::uint32_t queue, const SqsMessage* from, std::uint32_t n);
    /// Moves the leading messages of first .. first + count - 1 that are Visible and at the DLQ threshold to
    /// the DLQ in one piece (sqs_redrive.cpp), when nothing but the DLQ's copy hears of them (a DLQ no function
    /// consumes; metrics off, the caller's test); returns how many (0: none, or the case is not one of those).
    std::uint32_t moveRunToDlq(SqsQueue& q, std::uint32_t first, std::uint32_t count);
    /// moveRunToDlq's move of messages first .. first + n - 1 (all in one chunk) to `dlq`.
    void moveSpanToDlq(SqsQueue& q, SqsQueue& dlq, std::uint32_t first, std::uint32_t n);
    /// A burst into a standard queue: the same state as `count` addMessage calls, stored lazily.
    void addBurst(std::uint32_t queue, std::uint32_t firstItem, std::uint32_t count);
    void setMessageOfItem(std::uint32_t item, std::uint32_t message);
    void makeVisible(SqsMessage& m, std::uint32_t message, bool front);
    void pump(std::uint32_t queue);
    /// pump for a queue with several mappings.
    void pumpCompeting(std::uint32_t queue);
    /// One poll of mapping `consumer` (`c`) of a queue with several: receives and invokes one batch; false when
    /// it cannot now (nothing visible, its pollers busy, its batching window waiting).
    bool pollOnce(std::uint32_t queue, SqsConsumer& c, std::uint32_t consumer);
    /// A queue with several mappings: the received messages' items now belong to the receiving mapping's function.
    void claimReceived(const SqsConsumer& c, std::uint32_t batch);
    bool takeBatch(SqsQueue& q, std::uint32_t batch, std::uint32_t batchSize);
    /// Receives the Visible ones of messages first .. first + count - 1 into `batch`, or moves them to the DLQ;
    /// true if any was Visible.
    bool receiveRun(SqsQueue& q, std::uint32_t first, std::uint32_t count, std::uint32_t batch);
    /// receiveRun for a standard queue's run that is all visible, below the DLQ threshold and of consecutive
    /// items (one chunk each): received through pointers; false (nothing done) otherwise. takeBatch tries it
    /// first when the metrics are off.
    bool receiveWhole(SqsQueue& q, std::uint32_t first, std::uint32_t count, std::uint32_t batch);
    /// The receive of `m` into batch `b` at `now` (its count, its first receive, in flight); its attempt number.
    std::uint16_t markReceived(SqsMessage& m, std::uint32_t b, SimTime now);
    /// Writes `received` receives (summed by the caller) into the queue's counts and zeroes it.
    void countReceived(SqsQueue& q, NodeCounters& c, std::uint32_t& received);
    void noteReceived(const SqsQueue& q);  // metrics of one receive (out of line: off in long runs)
    void moveToDlq(SqsQueue& q, SqsMessage& m, std::uint32_t message);
    // sqs_recursion.cpp: recursive loop detection and deliveries to a queue a function consumes
    bool stopRecursive(std::uint32_t batch);
    bool deliverToConsumer(std::uint32_t queue, const DeliveredRecord& record, SimTime enqueuedAt);
    void invoke(std::uint32_t batch);
    /// Fills the scratch items and receive counts of `batch`'s messages; false (scratch partial) if one is Gone.
    bool collectInvokeItems(const SqsBatch& batch);
    void returnBatch(std::uint32_t batch);
    /// returnBatch of a batch received from one run, every message still in flight in it; false (nothing done)
    /// otherwise.
    bool returnWholeRun(SqsQueue& q, NodeCounters& c, std::uint32_t batch);
    /// body(message, position, item or nullptr) for every message of `batch`, in order (through pointers when
    /// the batch is one run of messages and items).
    template <typename Body>
    void forEachInBatch(std::uint32_t batch, Body body);
    /// Writes `deleted` deletes into the queue's counts (zeroing it) and counts one in the metrics.
    void noteDeleted(SqsQueue& q, NodeCounters& c, std::uint32_t& deleted);
    /// The same without the metrics.
    void countDeleted(SqsQueue& q, NodeCounters& c, std::uint32_t& deleted);
    void expire(std::uint32_t queue);
    void releaseFromGroup(SqsQueue& q, const SqsMessage& m);
    void armExpiry(SqsQueue& q, std::uint32_t queue);
    // retention order: FIFO + heap (sqs_queue.hpp)
    /// `at`: its enqueuedAt + retention. Inline (in sqs_mapping.cpp, its only user): once per message added.
    inline void expiryPush(SqsQueue& q, std::uint32_t message, SimTime at);
    bool expiryEmpty(const SqsQueue& q) const { return q.expiryFifo.empty() && q.expiry.empty(); }
    ExpiryEntry expiryTop(const SqsQueue& q) const;
    void expiryPop(SqsQueue& q);
    std::uint32_t pollerLimit(const SqsQueue& q, const SqsConsumer& c) const;
    /// The most concurrent batches the mapping's pollers ever reach: the provisioned maximum, else
    /// MaximumConcurrency or 1,250.
    static std::uint32_t pollerCeiling(const SqsConsumer& c) {
        return c.provisionedMax > 0 ? c.provisionedMax : std::min(c.maxConcurrency, kSqsMaxPollers);
    }
    /// Nothing visible and nothing in flight: the ramp is back at 5 (model choice sqs_poller_ramp).
    static bool idleQueue(const SqsQueue& q) { return q.visibleCount == 0 && q.inFlightCount == 0; }
    /// Called before a message is counted in: an idle queue restarts its poller scaling clock now: a message
    /// arriving in an empty queue (nothing visible, nothing in flight) starts the ramp again at 5 (model choice
    /// sqs_poller_ramp; DG-SQS-SCALING "When traffic is low, Lambda scales back the processing to five
    /// concurrent batches"). Inline: every message added (a DLQ move among them) asks.
    void becomeActive(SqsQueue& q) {
        if (q.activeSince < 0 || idleQueue(q)) q.activeSince = m_context.now();
    }
    std::uint32_t newBatch(std::uint32_t queue);
    void freeBatch(std::uint32_t batch);
    void noteQueue(std::uint32_t queue);
    SqsMessageView viewOf(std::uint32_t message) const;
    // retirement (keepFinishedItems off; sqs_retire.cpp)
    /// Gone, also when already dropped: what queue lists ask before they read a message.
    bool gone(std::uint32_t message) const {
        return m_messages.dropped(message) || m_messages[message].state == SqsMessageState::Gone;
    }
    /// `message` is Gone and in no batch: retires it (and its item once Done).
    void retireMessage(std::uint32_t message);
    /// Batch `b` lets go of its Gone messages (freed, or dropping them before an invoke).
    void retireGoneOf(std::uint32_t b);
    /// Pops retention entries of gone messages off the top (they are skipped anyway; a dropped one is unread).
    void dropGoneExpiries(SqsQueue& q);

    std::vector<SqsQueue> m_queues;
    std::vector<std::uint32_t> m_queueOfNode;     // node -> queue index
    ChunkedVector<SqsMessage> m_messages;  // chunked: a million messages never reallocate
    ChunkedVector<std::uint32_t> m_messageOfItem;  // item -> its message in the source queue (kNone: none)
    ChunkRetirement m_messageRetirement;
    bool m_retiring = false;                       // !keepFinishedItems
    SimTime m_redriveEnqueuedAt = 0;               // moveToDlq -> onDelivered: the moved message's enqueue time
    std::vector<SqsBatch> m_batches;
    std::vector<std::uint32_t> m_freeBatches;
    std::uint32_t m_scratchBatch = kNone;          // the batch m_scratchItems/Attempts list (takeBatch -> invoke)
    GrowList<std::uint32_t> m_scratchItems;
    GrowList<std::uint16_t> m_scratchAttempts;
    std::vector<RuleOutcome> m_scratchOutcomes;
    std::string m_scratch;
};

}  // namespace pg::sim

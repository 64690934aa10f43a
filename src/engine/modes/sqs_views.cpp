// SqsMapping, continued: read-only views for the UI (queue gauges, the per-message loop view, the live message
// table) and the invariants the property tests check after every step.
#include <algorithm>

#include "../engine.hpp"
#include "sqs_mapping.hpp"

namespace pg::sim {

// [SECTION] views

std::optional<SqsQueueView> SqsMapping::queueView(std::uint32_t node) const {
    const std::uint32_t qi = queueOfNode(node);
    if (qi == kNone) return std::nullopt;
    const SqsQueue& q = m_queues[qi];
    SqsQueueView v;
    v.node = node;
    v.fifo = q.fifo;
    v.visible = q.visibleCount;
    v.inFlight = q.inFlightCount;
    v.dlqDepth = q.dlq == kNone ? 0 : m_queues[q.dlq].visibleCount;
    // The heap may hold deleted entries on top (popped lazily): scan for the oldest live message instead.
    SimTime oldest = kNever;
    if (q.visibleCount + q.inFlightCount > 0)
        m_messages.forEachHeld([&](std::size_t, const SqsMessage& m) {
            if (m.queue == qi && m.state != SqsMessageState::Gone) oldest = std::min(oldest, m.enqueuedAt);
        });
    v.oldestAge = oldest == kNever ? 0 : m_context.now() - oldest;
    // Several mappings: every mapping's busy pollers and limits (the function and visibility are the first's).
    v.pollersBusy = 0;
    v.pollerLimit = 0;
    for (std::uint32_t k = 0; k < consumerCount(q) && q.function != kNone; ++k) {
        v.pollersBusy += consumerOf(q, k).pollersBusy;
        v.pollerLimit += pollerLimit(q, consumerOf(q, k));
    }
    v.effectiveVisibility = q.visibility;
    v.function = q.function;
    return v;
}

SqsMessageView SqsMapping::viewOf(std::uint32_t message) const {
    const SqsMessage& m = m_messages[message];
    const SqsQueue& q = m_queues[m.queue];
    SqsMessageView v;
    v.item = m.item;
    v.queue = q.node;
    v.receiveCount = m.receiveCount;
    v.enqueuedAt = m.enqueuedAt;
    v.firstReceiveAt = m.firstReceiveAt;
    v.loopingFor = m.firstReceiveAt < 0 ? 0 : m_context.now() - m.firstReceiveAt;
    v.retentionEndsAt = m.enqueuedAt + q.retention;
    if (m.state == SqsMessageState::InFlight && m.batch != kNone) v.visibleAgainAt = m_batches[m.batch].visibleAt;
    v.state = m.state;
    v.willDeadLetter = q.dlq != kNone;
    if (v.willDeadLetter) v.receivesLeft = q.maxReceiveCount > m.receiveCount ? q.maxReceiveCount - m.receiveCount : 0;
    return v;
}

std::optional<SqsMessageView> SqsMapping::messageView(std::uint32_t item) const {
    if (item >= m_messageOfItem.size() || m_messageOfItem.dropped(item) || m_messageOfItem[item] == kNone ||
        m_messages.dropped(m_messageOfItem[item]))
        return std::nullopt;
    return viewOf(m_messageOfItem[item]);
}

std::vector<SqsMessageView> SqsMapping::liveMessages(std::uint32_t node, std::size_t limit) const {
    std::vector<SqsMessageView> out;
    const std::uint32_t qi = queueOfNode(node);
    if (qi == kNone) return out;
    for (std::uint32_t m = 0; m < m_messages.size() && out.size() < limit; ++m)
        if (!m_messages.dropped(m) && m_messages[m].queue == qi && m_messages[m].state != SqsMessageState::Gone)
            out.push_back(viewOf(m));
    return out;
}

// [SECTION] invariants

void SqsMapping::checkInvariants(std::vector<std::string>& problems) const {
    std::vector<std::uint32_t> visible(m_queues.size(), 0), inFlight(m_queues.size(), 0), busy(m_queues.size(), 0);
    std::vector<std::vector<std::uint32_t>> groupInFlight(m_queues.size());
    for (std::size_t qi = 0; qi < m_queues.size(); ++qi) groupInFlight[qi].assign(m_queues[qi].groups.size(), 0);
    const auto& items = m_context.items().all();
    m_messages.forEachHeld([&](std::size_t index, const SqsMessage& m) {  // dropped messages are Gone
        const auto i = static_cast<std::uint32_t>(index);
        auto id = [&] {
            return m.item < items.size() && !items.dropped(m.item) ? m_context.itemId(m.item) : std::string("?");
        };
        if (m.retired && (m.state != SqsMessageState::Gone || m.batch != kNone))
            problems.push_back("sqs message " + id() + ": retired while in its queue or a batch");
        if (m.state == SqsMessageState::Visible) ++visible[m.queue];
        if (m.state == SqsMessageState::InFlight) {
            ++inFlight[m.queue];
            if (m.group != kNone) ++groupInFlight[m.queue][m.group];
            if (m.batch == kNone || m_batches[m.batch].state == SqsBatchState::Free ||
                std::find(m_batches[m.batch].messages.begin(), m_batches[m.batch].messages.end(), i) ==
                    m_batches[m.batch].messages.end())
                problems.push_back("sqs message " + id() + ": in flight outside its batch");
        }
        if (m.copy) return;
        if (m.item < m_messageOfItem.size() && !m_messageOfItem.dropped(m.item) && m_messageOfItem[m.item] != i)
            return;  // it moved on to a DLQ
        const ItemState s = items.dropped(m.item) ? ItemState::Done : items[m.item].state;
        const bool ok = (m.state == SqsMessageState::Visible && s == ItemState::Visible) ||
                        (m.state == SqsMessageState::InFlight && s == ItemState::InFlight) ||
                        (m.state == SqsMessageState::Gone && s == ItemState::Done);
        if (!ok) problems.push_back("sqs message " + id() + ": item state " + itemStateName(s) + " disagrees");
    });
    // Busy pollers per mapping (consumer k of queue q at busyOf[q] + k).
    std::vector<std::size_t> busyOf(m_queues.size() + 1, 0);
    for (std::size_t qi = 0; qi < m_queues.size(); ++qi) busyOf[qi + 1] = busyOf[qi] + consumerCount(m_queues[qi]);
    std::vector<std::uint32_t> consumerBusy(busyOf.back(), 0);
    for (const SqsBatch& b : m_batches)
        if (b.state == SqsBatchState::Invoking || b.state == SqsBatchState::Throttled) {
            ++busy[b.queue];
            ++consumerBusy[busyOf[b.queue] + b.consumer];
            // A message in flight belongs to the function of the mapping that received it.
            for (std::uint32_t m : b.messages)
                if (!gone(m) && m_messages[m].state == SqsMessageState::InFlight && !items.dropped(m_messages[m].item) &&
                    items[m_messages[m].item].function != consumerOf(m_queues[b.queue], b.consumer).function)
                    problems.push_back("sqs message of " + m_context.itemId(m_messages[m].item) +
                                       ": not the receiving mapping's function");
        }
    for (std::size_t qi = 0; qi < m_queues.size(); ++qi) {
        const SqsQueue& q = m_queues[qi];
        const NodeCounters& c = m_context.counters(q.node);
        visible[qi] += q.unstoredCopies;
        const std::string& id = m_context.node(q.node).id;
        if (visible[qi] != q.visibleCount || c.visible != q.visibleCount)
            problems.push_back("sqs queue " + id + ": visible count off");
        if (inFlight[qi] != q.inFlightCount || c.inFlight != q.inFlightCount)
            problems.push_back("sqs queue " + id + ": in-flight count off");
        std::uint32_t allBusy = 0;
        for (std::uint32_t k = 0; k < consumerCount(q); ++k) {
            const SqsConsumer& consumer = consumerOf(q, k);
            allBusy += consumer.pollersBusy;
            if (consumerBusy[busyOf[qi] + k] != consumer.pollersBusy)
                problems.push_back("sqs queue " + id + ": a mapping's busy pollers off");
            if (consumer.function != kNone && consumer.pollersBusy > pollerCeiling(consumer))
                problems.push_back("sqs queue " + id + ": more batches than the poller cap");
        }
        if (busy[qi] != allBusy) problems.push_back("sqs queue " + id + ": busy pollers off");
        for (std::size_t g = 0; g < q.groups.size(); ++g)
            if (groupInFlight[qi][g] != q.groups[g].inFlight)
                problems.push_back("sqs queue " + id + ": group in-flight count off");
    }
}

}  // namespace pg::sim

// SqsMapping, continued: setup. Queues, their redrive policies and their event source mappings (one per edge
// to a function; the first in the queue itself, further ones compete: model choice sqs_competing_mappings).
#include <algorithm>

#include "../engine.hpp"
#include "mapping_edges.hpp"
#include "sqs_mapping.hpp"

namespace pg::sim {

/// A mapping's settings from its edge (FIDELITY 6.1 defaults when unset) and its effective visibility timeout.
void SqsMapping::configureConsumer(SqsConsumer& c, const Edge& edge, std::uint32_t function) const {
    c.function = function;
    c.batchSize = static_cast<std::uint32_t>(std::max(1, edge.batchSize.value_or(10)));
    c.window = std::max<SimTime>(0, edge.batchingWindow);
    const SimTime configuredWindow = c.window;  // MaximumBatchingWindowInSeconds: the visibility rule uses it
    // Realistic poll latency (model choice sqs_long_poll): "Lambda might wait for up to 20 seconds ... even if
    // you set a batch window lower than 20 seconds" (FIDELITY 6.2): a batch that does not fill up waits the
    // whole 20 s. Without a window, long polling returns as soon as messages are there.
    if (edge.pollLatency == SqsPollLatency::Realistic && c.window > 0) c.window = std::max(c.window, kSqsLongPollWait);
    if (edge.maximumConcurrency) c.maxConcurrency = static_cast<std::uint32_t>(std::max(1, *edge.maximumConcurrency));
    if (edge.provisionedPollers) {  // provisioned mode: MaximumConcurrency does not apply (DG-SQS-PROV)
        c.provisionedMin = static_cast<std::uint32_t>(std::max(1, edge.provisionedPollers->minimum)) * kSqsInvokesPerPoller;
        c.provisionedMax = std::max(c.provisionedMin, static_cast<std::uint32_t>(std::max(1, edge.provisionedPollers->maximum)) *
                                                          kSqsInvokesPerPoller);
    }
    c.reportBatchItemFailures = edge.reportBatchItemFailures;
    c.visibility = sqsEffectiveVisibility(c.visibility, configuredWindow, m_context.functionConfig(function).timeout);
}

void SqsMapping::start() {
    m_queues.clear();
    m_messages.clear();
    m_messageOfItem.clear();
    m_messageRetirement.clear();
    m_retiring = !m_context.keepsFinishedItems();
    m_batches.clear();
    m_freeBatches.clear();
    m_scratchBatch = kNone;
    const std::size_t n = m_context.nodeCount();
    m_queueOfNode.assign(n, kNone);
    for (std::uint32_t i = 0; i < n; ++i) {
        const Node& node = m_context.node(i);
        if (node.type != NodeType::Sqs) continue;
        SqsQueue q;
        q.node = i;
        q.fifo = node.queue.fifo;
        q.visibility = node.queue.visibilityTimeout;
        q.retention = node.queue.retention;
        m_queueOfNode[i] = static_cast<std::uint32_t>(m_queues.size());
        m_queues.push_back(std::move(q));
    }
    for (SqsQueue& q : m_queues) {
        const Node& node = m_context.node(q.node);
        if (node.queue.redrive) {
            q.dlq = queueOfNode(m_context.nodeIndex(node.queue.redrive->deadLetterQueue));
            q.maxReceiveCount = static_cast<std::uint32_t>(std::max(1, node.queue.redrive->maxReceiveCount));
        }
        // Mapping 0 is the queue itself, further ones compete (model choice sqs_competing_mappings).
        const std::vector<MappingEdge> mappings = mappingEdgesOf(m_context, q.node);
        for (std::size_t k = 0; k < mappings.size(); ++k) {
            if (k > 0) q.others.emplace_back();
            SqsConsumer& c = consumerOf(q, static_cast<std::uint32_t>(k));
            c.visibility = node.queue.visibilityTimeout;  // the queue's own, before the mapping's window rule
            configureConsumer(c, *mappings[k].edge, mappings[k].function);
        }
    }
    m_context.mutableMetrics().resetQueues(n);
}

}  // namespace pg::sim

// SqsMapping::forEachInBatch, shared by the files that walk a batch's messages (sqs_mapping.cpp ending an
// invocation, sqs_return.cpp returning a batch): a template, so its body is here for both.
#pragma once
#include <cassert>

#include "../engine.hpp"
#include "../prefetch.hpp"
#include "sqs_mapping.hpp"

namespace pg::sim {

template <typename Body>
void SqsMapping::forEachInBatch(std::uint32_t b, Body body) {
    // A batch received from one run (the common case, SqsBatch::oneRun) lists consecutive messages carrying
    // consecutive items: visited through pointers, with the item at hand. Otherwise by lookups,
    // body(message, i, nullptr).
    // `body` must not add, drop or move messages or items.
    const SqsMessageList& list = m_batches[b].messages;
    const std::size_t n = list.size();
    // A run's chunk may have been compacted since (keepFinishedItems off): then span() says no.
    SqsMessage* msgs = m_batches[b].oneRun ? m_messages.span(list[0], n) : nullptr;
    if (Item* items = msgs ? m_context.itemSpan(m_batches[b].firstItem, static_cast<std::uint32_t>(n)) : nullptr) {
        // A batch returned at its visibility timeout was last touched long ago: both spans are fetched at once
        // (neither address depends on the other), not line by line as the loop reaches them.
        prefetchForWrite(msgs, n);
        prefetchForWrite(items, n);
        for (std::size_t i = 0; i < n; ++i) {
            assert(list[i] == list[0] + i && msgs[i].item == msgs[0].item + i);
            body(msgs[i], i, &items[i]);
        }
        return;
    }
    for (std::size_t i = 0; i < n; ++i) body(m_messages[list[i]], i, static_cast<Item*>(nullptr));
}

}  // namespace pg::sim

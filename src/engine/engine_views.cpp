// Engine views: what the UI and the runners read by name or id (nodes, items and their bodies, SQS and stream
// views, mode names), apart from the event loop in engine.cpp. Read-only: nothing here changes a run.
#include "engine.hpp"

#include <string>

#include "items.hpp"
#include "modes/sqs_mapping.hpp"
#include "modes/stream_mapping.hpp"

namespace pg::sim {

std::uint32_t Engine::nodeIndex(const std::string& id) const {
    if (id.empty()) return kNone;
    auto found = m_nodeIndex.find(id);
    return found == m_nodeIndex.end() ? kNone : found->second;
}

// An item's id and body come from (origin, number) alone: items and delivered records (which keep both, as
// the item may be gone when the record is rendered) share these two.
std::string Engine::idOf(std::uint32_t origin, std::uint32_t number) const {
    return m_scenario.nodes[origin].id + "#" + std::to_string(number);
}

std::string Engine::bodyOf(std::uint32_t origin, std::uint32_t number) const {
    std::string body;
    renderBody(m_scenario.nodes[origin].traffic.body, number, body);
    return body;
}

std::string Engine::itemId(std::uint32_t item) const {
    const Item& it = m_items[item];
    return idOf(it.origin, it.number);
}

std::string Engine::itemBody(std::uint32_t item) const {
    if (bodyItem(item) == kMetadataBody) return std::string();
    const Item& it = m_items[bodyItem(item)];
    return bodyOf(it.origin, it.number);
}

std::string Engine::deliveredItemId(const DeliveredRecord& r) const {
    return r.itemOrigin == kNone ? std::string() : idOf(r.itemOrigin, r.itemNumber);
}

std::string Engine::deliveredItemBody(const DeliveredRecord& r) const {
    return r.bodyOrigin == kNone ? std::string() : bodyOf(r.bodyOrigin, r.bodyNumber);
}

std::optional<SqsQueueView> Engine::queueView(std::uint32_t node) const { return m_sqs->queueView(node); }

std::optional<SqsMessageView> Engine::messageView(std::uint32_t item) const { return m_sqs->messageView(item); }

std::vector<SqsMessageView> Engine::liveMessages(std::uint32_t node, std::size_t limit) const {
    return m_sqs->liveMessages(node, limit);
}

std::size_t Engine::sqsMessageBytes() const { return m_sqs->messageBytes(); }

std::optional<StreamView> Engine::streamView(std::uint32_t node, std::uint32_t mapping) const {
    return m_streams->streamView(node, mapping);
}
std::uint32_t Engine::streamMappingCount(std::uint32_t node) const { return m_streams->mappingCount(node); }

bool Engine::streamRecordPosition(std::uint32_t item, std::uint32_t& shard, std::uint64_t& sequence) const {
    return m_streams->recordPosition(item, shard, sequence);
}

const char* Engine::modeNameOfNode(std::uint32_t node) const {
    return m_modeOfNode[node] == ModeId::None ? "" : m_modes[modeSlot(m_modeOfNode[node])]->name();
}

}  // namespace pg::sim

// deliveredPayloads: one pass over the run's deliveries (the journey caches it per item and delivery count).
#include "delivered_payloads.hpp"

#include "scenario/delivered_record_json.hpp"

namespace pg::ui {

const char* deliveryKindLabel(sim::DeliveryKind kind) {
    switch (kind) {
    case sim::DeliveryKind::InvocationRecord: return "destination: the invocation record";
    case sim::DeliveryKind::DeadLetter: return "function DLQ: the original event";
    case sim::DeliveryKind::SqsRedrive: return "SQS redrive: the same message";
    case sim::DeliveryKind::StreamBatchInfo: return "stream on-failure: the batch metadata";
    }
    return "";
}

std::vector<DeliveredPayload> deliveredPayloads(const sim::Engine& e, std::uint32_t item) {
    std::vector<DeliveredPayload> out;
    std::uint32_t shard = 0;
    std::uint64_t sequence = 0;
    const bool streamRecord = e.streamRecordPosition(item, shard, sequence);
    const auto& deliveries = e.deliveries();
    for (std::uint32_t d = 0; d < deliveries.size(); ++d) {
        const sim::DeliveredRecord& r = deliveries[d];
        bool about = r.item == item;
        if (!about && streamRecord && r.kind == sim::DeliveryKind::StreamBatchInfo && r.batchInfo != sim::kNone) {
            const sim::StreamBatchInfo& b = e.batchInfo(r);
            about = b.shard == shard && sequence >= b.startSequence && sequence <= b.endSequence &&
                    item < e.items().size() && e.items()[item].origin == b.source;
        }
        if (!about) continue;
        DeliveredPayload p;
        p.delivery = d;
        p.node = r.node < e.nodeCount() ? e.node(r.node).id : "?";
        p.what = deliveryKindLabel(r.kind);
        p.json = scenario::deliveredRecordJson(e, r, 2);
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace pg::ui

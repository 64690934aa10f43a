// Send edges and chains of requests: a function's code sending to an sqs queue, sns topic or s3 bucket, the
// items those messages (and records delivered to consumed queues and topics) become, and the bookkeeping
// Lambda's recursive loop detection reads (AWS DG invocation-recursion). Model choices: send_messages,
// chain_metadata, recursion_threshold.
#include <algorithm>

#include "engine.hpp"
#include "modes/mode_handler.hpp"
#include "recursion_scope.hpp"

namespace pg::sim {

std::uint32_t Engine::armSpawn(std::uint32_t node, std::uint32_t parent, std::uint32_t depth, std::uint32_t cause,
                               bool metadataOnly) {
    if (m_spawnedTotal >= kMaxSpawnedItems) {
        ++m_spawnsRefused;
        return 0;
    }
    ++m_spawnedTotal;
    m_armed.parent = parent;
    // AWS DG invocation-recursion: "Lambda currently detects recursive loops between your functions, Amazon SQS,
    // Amazon S3, and Amazon SNS"; when another service (EventBridge, SES, DynamoDB...) forms part of the loop,
    // Lambda can't detect it. Its events carry no count: they start a new chain (model choice recursion_threshold).
    m_armed.depth = countsChain(m_scenario.nodes[node].type) ? depth : 0;
    m_armed.body = metadataOnly ? kMetadataBody : bodyItem(parent);
    if (m_armed.body != kMetadataBody) pinItem(m_armed.body);  // every descendant reads its body item
    m_armedCause = cause;
    const auto traffic = static_cast<std::uint32_t>(std::max<std::int64_t>(0, m_scenario.nodes[node].traffic.count));
    return traffic + ++m_spawned[node];
}

void Engine::noteBatchForSends(std::uint32_t function, std::uint32_t environment, const std::uint32_t* items,
                               std::size_t n, const std::vector<RuleOutcome>& outcomes) {
    auto& carried = m_sendBatches[{function, environment}];
    carried.clear();
    for (std::size_t i = 0; i < n; ++i) carried.emplace_back(items[i], outcomes[i]);
}

void Engine::sendMessages(std::uint32_t function, std::uint32_t environment, const ExecutionEnvironment& invocation) {
    // One message per item the invocation processed (model choice send_messages): a single invoke's item, or
    // each item of a batch except those its response lists as failed (report_failure). Sent at the end of the
    // run, before the invocation's mode deletes or returns the items.
    std::vector<std::pair<std::uint32_t, RuleOutcome>> carried;
    if (invocation.item != kNone) {
        carried.emplace_back(invocation.item, RuleOutcome::Success);
    } else if (auto found = m_sendBatches.find({function, environment}); found != m_sendBatches.end()) {
        carried.swap(found->second);
        m_sendBatches.erase(found);
    }
    const bool succeeded = invocation.result == InvokeResult::Success;
    const std::uint32_t fnNode = m_functions[function].node;
    for (const auto& [target, sendOn] : m_sends[function]) {
        for (const auto& [item, rule] : carried) {
            const bool processed = succeeded && rule != RuleOutcome::ReportFailure;
            if (!processed && sendOn != SendOn::Always) continue;
            // The new message carries the chain one invocation further (chain_metadata).
            const std::uint32_t depth = chainDepth(item) + 1;
            const std::uint32_t sent = record(TraceKind::Sent, item, target, invocation.attempt, 0,
                                              static_cast<std::uint16_t>(std::min<std::uint32_t>(depth, 65535)));
            const std::uint32_t number = armSpawn(target, item, depth, sent);
            if (number == 0) continue;  // kMaxSpawnedItems reached: the send is refused
            ++m_counters[fnNode].messagesSent;
            arriveSpawned(target, number);
        }
    }
}

void Engine::arriveSpawned(std::uint32_t node, std::uint32_t number) {
    if (m_modeOfNode[node] != ModeId::None) m_modes[modeSlot(m_modeOfNode[node])]->onArrival(node, number);
    m_armed = ChainLink{};  // the mode created the item (or dropped it unrouted) with the link
}

void Engine::noteRecursionStopped(std::uint32_t function, std::uint32_t item, std::uint16_t attempt) {
    const std::uint32_t fnNode = m_functions[function].node;
    ++m_counters[fnNode].recursionStopped;
    record(TraceKind::RecursionStopped, item, fnNode, attempt, 0,
           static_cast<std::uint16_t>(std::min<std::uint32_t>(chainDepth(item), 65535)));
}

}  // namespace pg::sim

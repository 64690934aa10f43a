// computeCost: each node's units (counters of the run so far) times the price table's first-tier prices.
// What counts as a unit is written next to each type below; what is not priced is in notPriced().
#include "cost_model.hpp"

#include <algorithm>

namespace pg::cost {

using sim::NodeType;

namespace {

constexpr double kDaySeconds = 86400.0;
constexpr double kMonthDays = 30.0;

void addLine(NodeCost& n, PriceKey key, double units) {
    CostLine line;
    line.key = key;
    line.units = units;
    line.usd = units * priceRow(key).perUnit();
    n.lines.push_back(line);
    n.usd += line.usd;
}

/// Chunks a message of this source costs: its body template with the item number rendered (at most 10 digits).
/// Every body the format allows is under 64 KB, so this is 1; kept so the rule is in one place.
double messageChunks(const sim::Node& node) { return static_cast<double>(chunks64k(node.traffic.body.size() + 10)); }

NodeCost nodeCost(const sim::Engine& e, std::uint32_t index, double elapsedSeconds) {
    const sim::Node& node = e.node(index);
    const sim::NodeCounters& c = e.counters(index);
    NodeCost n;
    n.node = index;
    switch (node.type) {
    case NodeType::Function: {
        // One request per invocation started; GB-seconds of the invocations that ended (billed_duration).
        n.priced = true;
        addLine(n, PriceKey::LambdaRequest, static_cast<double>(c.invocations));
        const PriceKey gbs = node.function.architecture == sim::Architecture::Arm64 ? PriceKey::LambdaGbSecondArm
                                                                                    : PriceKey::LambdaGbSecondX86;
        addLine(n, gbs, gbSeconds(node.function.memoryMb, e.billedMilliseconds(index)));
        break;
    }
    case NodeType::Sqs: {
        // SendMessage (traffic, sent by a function, a destination or DLQ delivery, a redrive move), each
        // ReceiveMessage of a message and each DeleteMessage: one request per message and 64 KB chunk.
        n.priced = true;
        const double requests = static_cast<double>(c.sent + c.receives + c.deleted) * messageChunks(node);
        addLine(n, node.queue.fifo ? PriceKey::SqsFifoRequest : PriceKey::SqsStandardRequest, requests);
        break;
    }
    case NodeType::Sns: {
        if (node.queue.fifo) break;  // FIFO topics: not priced
        // Publishes: the topic's traffic and what functions or destinations published to it. Deliveries:
        // one per publish and subscriber (functions and queues), free.
        n.priced = true;
        const double publishes = static_cast<double>(c.items + c.received);
        addLine(n, PriceKey::SnsPublish, publishes * messageChunks(node));
        const double subscribers =
            static_cast<double>(e.targetFunctions(index).size() + e.subscribedQueues(index).size());
        addLine(n, PriceKey::SnsDeliveryLambdaSqs, publishes * subscribers);
        break;
    }
    case NodeType::EventBridge:
        // Custom events put on the bus: its traffic and destination records (each 64 KB chunk one event).
        n.priced = true;
        addLine(n, PriceKey::EventBridgeCustomEvent, static_cast<double>(c.items + c.received) * messageChunks(node));
        break;
    case NodeType::Kinesis:
        // Provisioned shards for the whole run, and one PUT payload unit per 25 KB of each record put.
        n.priced = true;
        addLine(n, PriceKey::KinesisShardHour, shardHours(node.stream.shards, elapsedSeconds));
        addLine(n, PriceKey::KinesisPutPayloadUnit,
                static_cast<double>(c.sent) * static_cast<double>(putPayloadUnits(node.traffic.body.size() + 10)));
        break;
    case NodeType::DynamoDbStream:
        // Lambda's reads of the stream are free; the table writes that fill it are not priced.
        n.priced = true;
        addLine(n, PriceKey::DynamoDbStreamReadLambda, static_cast<double>(c.receives));
        break;
    default: break;  // other sources: not priced (notPriced())
    }
    return n;
}

}  // namespace

double shardHours(std::int64_t shards, double elapsedSeconds) {
    return static_cast<double>(shards) * elapsedSeconds / 3600.0;
}

double gbSeconds(std::int64_t memoryMb, std::int64_t billedMs) {
    return static_cast<double>(memoryMb) / 1024.0 * static_cast<double>(billedMs) / 1000.0;
}

double receiveCostUsd(const sim::Engine& e, std::uint32_t queueNode, std::uint32_t functionNode) {
    const sim::Node& queue = e.node(queueNode);
    const sim::Node& fn = e.node(functionNode);
    const PriceKey request = queue.queue.fifo ? PriceKey::SqsFifoRequest : PriceKey::SqsStandardRequest;
    double usd = priceRow(request).perUnit() * messageChunks(queue) + priceRow(PriceKey::LambdaRequest).perUnit();
    const sim::NodeCounters& c = e.counters(functionNode);
    const std::int64_t ended =
        c.invocations - static_cast<std::int64_t>(e.functions()[e.functionOfNode(functionNode)].inFlight);
    if (ended > 0) {
        const PriceKey gbs = fn.function.architecture == sim::Architecture::Arm64 ? PriceKey::LambdaGbSecondArm
                                                                                  : PriceKey::LambdaGbSecondX86;
        usd += gbSeconds(fn.function.memoryMb, e.billedMilliseconds(functionNode)) / static_cast<double>(ended) *
               priceRow(gbs).perUnit();
    }
    return usd;
}

CostReport computeCost(const sim::Engine& e, const CostOptions& options) {
    CostReport r;
    r.freeTier = options.freeTier;
    r.elapsedSeconds = sim::toSeconds(e.now());
    for (std::uint32_t i = 0; i < e.nodeCount(); ++i) {
        r.nodes.push_back(nodeCost(e, i, r.elapsedSeconds));
        for (const CostLine& line : r.nodes.back().lines) r.units[static_cast<std::size_t>(line.key)] += line.units;
        r.grossUsd += r.nodes.back().usd;
    }
    // Per price: the run's cost, and a day at this rate (units scaled from the elapsed time to 86,400 s).
    const double dayScale = r.elapsedSeconds > 0 ? kDaySeconds / r.elapsedSeconds : 0;
    std::array<double, kPriceKeyCount> runAllowance{}, monthAllowance{};
    for (const PriceRow& row : priceTable()) {
        runAllowance[static_cast<std::size_t>(row.key)] = row.freeTierPerMonth;
        monthAllowance[static_cast<std::size_t>(row.key)] = row.freeTierPerMonth;
    }
    double perDay = 0;
    for (const PriceRow& row : priceTable()) {
        const double units = r.units[static_cast<std::size_t>(row.key)];
        double billable = units, monthBillable = units * dayScale * kMonthDays;
        if (options.freeTier) {  // the shared allowance of the row's pool goes to its first row first
            const auto pool = static_cast<std::size_t>(freeTierPool(row.key));
            const double usedRun = std::min(billable, runAllowance[pool]);
            runAllowance[pool] -= usedRun;
            billable -= usedRun;
            const double usedMonth = std::min(monthBillable, monthAllowance[pool]);
            monthAllowance[pool] -= usedMonth;
            monthBillable -= usedMonth;
        }
        r.freeTierUsd += (units - billable) * row.perUnit();
        perDay += monthBillable / kMonthDays * row.perUnit();
    }
    r.totalUsd = r.grossUsd - r.freeTierUsd;
    r.perDayUsd = perDay;
    return r;
}

}  // namespace pg::cost

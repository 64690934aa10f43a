// The cost view against hand-computed figures. Prices (us-east-1, first tier, src/cost/price_table.cpp):
//   Lambda $0.20 per 1M requests, $0.0000166667 per GB-s x86_64, $0.0000133334 arm64
//     (https://aws.amazon.com/lambda/pricing/; billed duration rounded up to 1 ms)
//   SQS $0.40 per 1M standard requests, $0.50 FIFO (https://aws.amazon.com/sqs/pricing/)
//   SNS $0.50 per 1M publishes, deliveries to Lambda/SQS free (https://aws.amazon.com/sns/pricing/)
//   Kinesis $0.015 per shard-hour, $0.014 per 1M PUT payload units (https://aws.amazon.com/kinesis/data-streams/pricing/)
#include <doctest/doctest.h>

#include <cmath>

#include "cost/cost_model.hpp"
#include "cost_test_helpers.hpp"

namespace pg::cost::test {

namespace {
double lineUnits(const NodeCost& n, PriceKey key) {
    for (const CostLine& l : n.lines)
        if (l.key == key) return l.units;
    return -1;
}
}  // namespace

TEST_CASE("lambda: requests and GB-seconds, billed duration rounded up to 1 ms, init billed on a cold start") {
    // 10 requests 1 s apart, 100.4 ms each, 512 MB, x86_64. The first runs in a new environment: 250 ms init +
    // 100.4 ms = 350.4 ms -> billed 351 ms; the 9 others reuse it warm: 100.4 -> 101 ms each = 909 ms.
    // Billed 1,260 ms; GB-s = 512/1024 x 1.260 = 0.63; duration $ = 0.63 x 0.0000166667 = 0.000010500021;
    // requests $ = 10 x 0.20/1e6 = 0.000002; total $0.000012500021.
    auto e = runScenario(R"({"version": 1, "name": "sync", "seed": 1, "run_for": "1m",
      "nodes": [{"id": "api", "type": "api_gateway", "traffic": {"requests": 10, "rate_per_second": 1}},
                {"id": "fn", "type": "function", "duration": "100.4ms", "cold_start": "250ms", "memory": 512}],
      "edges": [{"from": "api", "to": "fn"}]})");
    CHECK(e->billedMilliseconds(nodeOf(*e, "fn")) == 1260);
    const CostReport r = computeCost(*e);
    const NodeCost& fn = r.nodes[nodeOf(*e, "fn")];
    CHECK(fn.priced);
    CHECK(lineUnits(fn, PriceKey::LambdaRequest) == 10);
    CHECK(lineUnits(fn, PriceKey::LambdaGbSecondX86) == usd(0.63));
    CHECK(fn.usd == usd(0.000012500021));
    CHECK_FALSE(r.nodes[nodeOf(*e, "api")].priced);  // API Gateway requests are not priced
    CHECK(r.totalUsd == usd(0.000012500021));
    // Per day: 60 s ran, so 1,440 such minutes: 0.000012500021 x 1440 = 0.01800003024.
    CHECK(r.elapsedSeconds == 60);
    CHECK(r.perDayUsd == usd(0.01800003024));
}

TEST_CASE("lambda: arm64 prices the GB-seconds at its own rate") {
    // Same run on arm64: 0.63 GB-s x 0.0000133334 = 0.000008400042; + requests 0.000002 = 0.000010400042.
    auto e = runScenario(R"({"version": 1, "name": "arm", "seed": 1, "run_for": "1m",
      "nodes": [{"id": "api", "type": "api_gateway", "traffic": {"requests": 10, "rate_per_second": 1}},
                {"id": "fn", "type": "function", "duration": "100.4ms", "cold_start": "250ms", "memory": 512,
                 "architecture": "arm64"}],
      "edges": [{"from": "api", "to": "fn"}]})");
    const CostReport r = computeCost(*e);
    const NodeCost& fn = r.nodes[nodeOf(*e, "fn")];
    CHECK(lineUnits(fn, PriceKey::LambdaGbSecondArm) == usd(0.63));
    CHECK(lineUnits(fn, PriceKey::LambdaGbSecondX86) == -1);
    CHECK(r.totalUsd == usd(0.000010400042));
}

TEST_CASE("sqs: a poison message without a redrive policy costs its receives until it expires") {
    // Queue: 1 send + 8 receives + 0 deletes = 9 requests x 0.40/1e6 = 0.0000036.
    // Function: 8 requests x 0.20/1e6 = 0.0000016; 8 x 100 ms = 0.8 s x 128/1024 GB = 0.1 GB-s x 0.0000166667
    // = 0.00000166667. Total 0.00000686667; 360 s ran -> x 240 a day = 0.0016480008.
    auto e = runScenario(poisonQueue(false));
    const CostReport r = computeCost(*e);
    const NodeCost& q = r.nodes[nodeOf(*e, "orders")];
    CHECK(lineUnits(q, PriceKey::SqsStandardRequest) == 9);
    CHECK(q.usd == usd(0.0000036));
    CHECK(r.nodes[nodeOf(*e, "dlq")].usd == 0);
    CHECK(r.totalUsd == usd(0.00000686667));
    CHECK(r.perDayUsd == usd(0.0016480008));
}

TEST_CASE("sqs: with a redrive policy the message stops costing after max_receive_count receives") {
    // Queue: 1 send + 3 receives = 4 requests; DLQ: 1 send (the redrive move) = 1 request; 5 x 0.40/1e6 =
    // 0.000002. Function: 3 x 0.20/1e6 = 0.0000006; 0.3 s x 0.125 GB = 0.0375 GB-s x 0.0000166667 =
    // 0.00000062500125. Total 0.00000322500125; x 240 a day = 0.0007740003.
    auto e = runScenario(poisonQueue(true));
    const CostReport r = computeCost(*e);
    CHECK(lineUnits(r.nodes[nodeOf(*e, "orders")], PriceKey::SqsStandardRequest) == 4);
    CHECK(lineUnits(r.nodes[nodeOf(*e, "dlq")], PriceKey::SqsStandardRequest) == 1);
    CHECK(r.totalUsd == usd(0.00000322500125));
    CHECK(r.perDayUsd == usd(0.0007740003));
}

TEST_CASE("sqs: FIFO requests at the FIFO rate") {
    // 3 messages, all succeed: 3 sends + 3 receives + 3 deletes = 9 requests x 0.50/1e6 = 0.0000045.
    auto e = runScenario(R"({"version": 1, "name": "fifo", "seed": 1, "run_for": "1m",
      "nodes": [{"id": "q", "type": "sqs", "fifo": true, "traffic": {"messages": 3}},
                {"id": "fn", "type": "function"}],
      "edges": [{"from": "q", "to": "fn"}]})");
    const CostReport r = computeCost(*e);
    const NodeCost& q = r.nodes[nodeOf(*e, "q")];
    CHECK(lineUnits(q, PriceKey::SqsFifoRequest) == 9);
    CHECK(q.usd == usd(0.0000045));
}

TEST_CASE("sns publishes, free deliveries; kinesis shard-hours and PUT payload units") {
    // Topic: 5 publishes x 0.50/1e6 = 0.0000025; 2 function subscribers -> 10 deliveries at $0.
    // Stream: 2 shards for the 1 h run = 2 shard-hours x 0.015 = 0.03; 100 records = 100 PUT payload units
    // x 0.014/1e6 = 0.0000014; stream total 0.0300014.
    auto e = runScenario(R"({"version": 1, "name": "mix", "seed": 1, "run_for": "1h",
      "nodes": [{"id": "topic", "type": "sns", "traffic": {"events": 5}},
                {"id": "a", "type": "function"}, {"id": "b", "type": "function"},
                {"id": "clicks", "type": "kinesis", "shards": 2, "traffic": {"records": 100, "rate_per_second": 10}},
                {"id": "reader", "type": "function"}],
      "edges": [{"from": "topic", "to": "a"}, {"from": "topic", "to": "b"}, {"from": "clicks", "to": "reader"}]})");
    const CostReport r = computeCost(*e);
    const NodeCost& topic = r.nodes[nodeOf(*e, "topic")];
    CHECK(lineUnits(topic, PriceKey::SnsPublish) == 5);
    CHECK(lineUnits(topic, PriceKey::SnsDeliveryLambdaSqs) == 10);
    CHECK(topic.usd == usd(0.0000025));
    const NodeCost& stream = r.nodes[nodeOf(*e, "clicks")];
    CHECK(lineUnits(stream, PriceKey::KinesisShardHour) == usd(2));
    CHECK(lineUnits(stream, PriceKey::KinesisPutPayloadUnit) == 100);
    CHECK(stream.usd == usd(0.0300014));
}

TEST_CASE("free tier: off by default; on, the monthly allowance is taken first") {
    // The sync run above: 10 requests and 0.63 GB-s are far inside 1M requests and 400,000 GB-s a month.
    // Per day: 14,400 requests and 907.2 GB-s; a 30-day month is 432,000 requests (free) and 27,216 GB-s (free).
    auto e = runScenario(R"({"version": 1, "name": "sync", "seed": 1, "run_for": "1m",
      "nodes": [{"id": "api", "type": "api_gateway", "traffic": {"requests": 10, "rate_per_second": 1}},
                {"id": "fn", "type": "function", "duration": "100.4ms", "cold_start": "250ms", "memory": 512}],
      "edges": [{"from": "api", "to": "fn"}]})");
    const CostReport off = computeCost(*e);
    CHECK_FALSE(off.freeTier);
    CHECK(off.freeTierUsd == 0);
    CostOptions withFreeTier;
    withFreeTier.freeTier = true;
    const CostReport on = computeCost(*e, withFreeTier);
    CHECK(off.totalUsd == usd(0.000012500021));
    CHECK(on.grossUsd == usd(0.000012500021));
    CHECK(on.freeTierUsd == usd(0.000012500021));
    CHECK(std::fabs(on.totalUsd) < 1e-15);
    CHECK(on.perDayUsd == 0);
    CHECK(on.nodes[nodeOf(*e, "fn")].usd == usd(0.000012500021));  // per node: gross
}

TEST_CASE("gbSeconds: memory in GB (1,024 MB) times seconds") {
    CHECK(gbSeconds(128, 1000) == usd(0.125));
    CHECK(gbSeconds(10240, 1) == usd(0.01));
    CHECK(gbSeconds(1024, 0) == 0);
}

}  // namespace pg::cost::test

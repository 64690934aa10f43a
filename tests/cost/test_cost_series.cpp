// The cost series (metrics tab, summary JSON cost.series) against hand-computed figures from the price table
// (src/cost/price_table.cpp): Lambda $0.20 per 1M requests, $0.0000166667 per GB-s x86_64, $0.0000133334 arm64,
// free tier 1M requests and 400,000 GB-s a month (https://aws.amazon.com/lambda/pricing/).
#include <doctest/doctest.h>

#include "cost/cost_series.hpp"
#include "cost_test_helpers.hpp"

namespace pg::cost::test {

namespace {
constexpr const char* kTenRequests = R"({"version": 1, "name": "sync", "seed": 1, "run_for": "1m",
  "nodes": [{"id": "api", "type": "api_gateway", "traffic": {"requests": 10, "rate_per_second": 1}},
            {"id": "fn", "type": "function", "duration": "100.4ms", "cold_start": "250ms", "memory": 512}],
  "edges": [{"from": "api", "to": "fn"}]})";

std::unique_ptr<sim::Engine> engineOf(const std::string& json) {
    const scenario::ParseResult parsed = scenario::parseScenario(json);
    REQUIRE(parsed.ok());
    return std::make_unique<sim::Engine>(parsed.scenario);
}
}  // namespace

TEST_CASE("cost series: the cost so far at the end of each second, sampled at every whole second") {
    // 10 requests at t = 0, 1, ..., 9 s, 512 MB x86_64. The first is cold: 250 ms init + 100.4 ms -> billed
    // 351 ms, ends at 0.3504 s; each later one is warm: 101 ms, ends 100.4 ms after its second starts.
    // End of second 0: 1 request + 0.5 GB x 0.351 s = 0.1755 GB-s:
    //   0.0000002 + 0.1755 x 0.0000166667 = 0.0000002 + 0.00000292500585 = 0.00000312500585.
    // End of second 1: 2 requests + 0.5 x (0.351 + 0.101) = 0.226 GB-s:
    //   0.0000004 + 0.226 x 0.0000166667 = 0.0000004 + 0.0000037666742 = 0.0000041666742.
    // End of second 9 and every later one: 10 requests + 0.63 GB-s = 0.000012500021 (test_cost_model.cpp).
    auto e = engineOf(kTenRequests);
    CostSeries series;
    sim::RunBudget budget;
    const sim::RunSlice ran = runSampled(*e, 60 * sim::kSecond, budget, series);
    CHECK(ran.stop == sim::RunStop::Reached);
    REQUIRE(series.size() == 60);
    CHECK(series.usdAt(0, false) == usd(0.00000312500585));
    CHECK(series.usdAt(1, false) == usd(0.0000041666742));
    CHECK(series.usdAt(9, false) == usd(0.000012500021));
    CHECK(series.usdAt(59, false) == usd(0.000012500021));
    CHECK(series.usdAt(59, false) == usd(computeCost(*e).totalUsd));
    // Free tier: 10 requests and 0.63 GB-s are far inside 1M requests and 400,000 GB-s: $0.
    CHECK(series.usdAt(59, true) == 0);
}

TEST_CASE("cost series: sampling at whole seconds runs the same events as one slice") {
    auto sampled = engineOf(kTenRequests);
    auto plain = engineOf(kTenRequests);
    CostSeries series;
    runSampled(*sampled, 60 * sim::kSecond, sim::RunBudget{}, series);
    plain->runUntil(60 * sim::kSecond);
    CHECK(sampled->stepCount() == plain->stepCount());
    CHECK(sampled->billedMilliseconds(nodeOf(*sampled, "fn")) == plain->billedMilliseconds(nodeOf(*plain, "fn")));
}

TEST_CASE("cost series: a rewind drops the seconds past the engine's clock; a jump repeats the value at its end") {
    auto e = engineOf(kTenRequests);
    CostSeries series;
    e->runUntil(3 * sim::kSecond + sim::kSecond / 2);
    series.sample(*e);
    // One jump from 0 to 3.5 s: seconds 0, 1, 2 are complete and all carry the cost at 3.5 s (4 requests).
    REQUIRE(series.size() == 3);
    CHECK(series.unitsAt(0)[static_cast<std::size_t>(PriceKey::LambdaRequest)] == 4);
    CHECK(series.unitsAt(2)[static_cast<std::size_t>(PriceKey::LambdaRequest)] == 4);
    e->reset();
    e->runUntil(1 * sim::kSecond);
    series.sample(*e);
    CHECK(series.size() == 1);
}

TEST_CASE("cost series: seconds without events, crossed in one jump, get the same units as sampled one by one") {
    // Two Kinesis streams (3 and 1 shards) with a record every 20 s, and a function: the counters change only
    // in the seconds with an event, shard-hours grow every second. runSampled jumps over the quiet seconds;
    // stopping at every whole second instead (the old way, one runUntil and sample() per second) must give
    // every second the same units, bit for bit.
    const char* json = R"({"version": 1, "name": "quiet", "seed": 1, "run_for": "3m",
      "nodes": [{"id": "s3", "type": "kinesis", "shards": 3, "traffic": {"records": 6, "rate_per_second": 0.05}},
                {"id": "s1", "type": "kinesis", "shards": 1, "traffic": {"records": 2, "rate_per_second": 0.05}},
                {"id": "fn", "type": "function", "duration": "120ms"}],
      "edges": [{"from": "s3", "to": "fn"}, {"from": "s1", "to": "fn"}]})";
    auto jumped = engineOf(json);
    auto stepped = engineOf(json);
    CostSeries fast, slow;
    runSampled(*jumped, 180 * sim::kSecond, sim::RunBudget{}, fast);
    for (sim::SimTime t = sim::kSecond; t <= 180 * sim::kSecond; t += sim::kSecond) {
        stepped->runUntil(t);
        slow.sample(*stepped);
    }
    REQUIRE(fast.size() == 180);
    REQUIRE(slow.size() == 180);
    for (std::size_t k = 0; k < 180; ++k) {
        CAPTURE(k);
        CHECK(fast.unitsAt(k) == slow.unitsAt(k));
    }
    // Shard-hours at the end of second k: 4 shards x (k + 1) s / 3,600 s; at 3 min: 4 x 180 / 3600 = 0.2.
    const auto shardHour = static_cast<std::size_t>(PriceKey::KinesisShardHour);
    CHECK(fast.unitsAt(179)[shardHour] == doctest::Approx(0.2));
    CHECK(fast.unitsAt(0)[shardHour] == doctest::Approx(4.0 / 3600.0));
    // 6 + 2 records put by 100 s, one PUT payload unit each (small bodies), still counted at the end.
    CHECK(fast.unitsAt(179)[static_cast<std::size_t>(PriceKey::KinesisPutPayloadUnit)] == 8);
    CHECK(jumped->stepCount() == stepped->stepCount());
}

TEST_CASE("usdOfUnits: the free tier's shared allowance goes to the pool's first row first") {
    // 2M requests and 500,000 arm64 GB-s, no x86_64. Without the free tier:
    //   2 x 0.20 + 500,000 x 0.0000133334 = 0.40 + 6.6667 = 7.0667.
    // With it: (2M - 1M) x 0.20 / 1M = 0.20; the 400,000 GB-s allowance (x86_64's row first, which uses none)
    // leaves 100,000 arm64 GB-s x 0.0000133334 = 1.33334; total 1.53334.
    std::array<double, kPriceKeyCount> units{};
    units[static_cast<std::size_t>(PriceKey::LambdaRequest)] = 2'000'000;
    units[static_cast<std::size_t>(PriceKey::LambdaGbSecondArm)] = 500'000;
    CHECK(usdOfUnits(units, false) == usd(7.0667));
    CHECK(usdOfUnits(units, true) == usd(1.53334));
}

}  // namespace pg::cost::test

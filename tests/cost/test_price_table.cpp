// The price table (src/cost/price_table.cpp): one row per price with its region, date and AWS pricing page,
// and the payload chunk rules of the pricing pages.
#include <doctest/doctest.h>

#include <string>

#include "cost/price_table.hpp"

namespace pg::cost::test {

TEST_CASE("price table: one row per key, in order, each with region, date and pricing page") {
    REQUIRE(priceTable().size() == kPriceKeyCount);
    for (std::size_t k = 0; k < kPriceKeyCount; ++k) {
        const PriceRow& row = priceTable()[k];
        CHECK(static_cast<std::size_t>(row.key) == k);
        CHECK(std::string(row.region) == "us-east-1");
        CHECK(std::string(row.checked).size() == 10);
        CHECK(std::string(row.url).rfind("https://aws.amazon.com/", 0) == 0);
        CHECK(std::string(row.note).size() > 20);
    }
    CHECK_FALSE(notPriced().empty());
}

TEST_CASE("payload chunks: 64 KB for SQS/SNS/EventBridge, 25 KB PUT payload units for Kinesis") {
    // SQS pricing page: each 64 KB chunk of a payload is billed as one request (256 KB = 4 requests).
    CHECK(chunks64k(1) == 1);
    CHECK(chunks64k(65536) == 1);
    CHECK(chunks64k(65537) == 2);
    CHECK(chunks64k(256 * 1024) == 4);
    // Kinesis pricing page: a 5 KB record is 1 unit, 45 KB is 2, 1 MB is 40 (the page's 1 MB is 1,000 KB here:
    // 1,000 / 25 = 40).
    CHECK(putPayloadUnits(5 * 1024) == 1);
    CHECK(putPayloadUnits(45 * 1024) == 2);
    CHECK(putPayloadUnits(1000 * 1024) == 40);
}

TEST_CASE("free tier pools: one allowance for both Lambda architectures, one for SQS standard and FIFO") {
    // Lambda pricing page: the 400,000 GB-s free tier covers x86 and Arm together; SQS: the first 1M requests a
    // month, standard and FIFO together.
    CHECK(freeTierPool(PriceKey::LambdaGbSecondArm) == PriceKey::LambdaGbSecondX86);
    CHECK(freeTierPool(PriceKey::SqsFifoRequest) == PriceKey::SqsStandardRequest);
    CHECK(freeTierPool(PriceKey::SnsPublish) == PriceKey::SnsPublish);
    CHECK(priceRow(PriceKey::LambdaGbSecondX86).freeTierPerMonth == 400000);
    CHECK(priceRow(PriceKey::EventBridgeCustomEvent).freeTierPerMonth == 0);
    CHECK(std::string(priceKeyName(PriceKey::SqsFifoRequest)) == "sqs_fifo_requests");
}

}  // namespace pg::cost::test

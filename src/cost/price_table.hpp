// The one price table of the project: what each priced unit costs in us-east-1, with the date it was checked
// and the AWS pricing page it comes from. Pure C++ (no JSON, no UI): the cost view, the CLI and the page read it.
#pragma once
#include <cstddef>
#include <vector>

namespace pg::cost {

/// Every priced unit. The table (priceTable()) has exactly one row per key, in this order.
enum class PriceKey {
    LambdaRequest,  ///< one invocation
    LambdaGbSecondX86,  ///< one GB-second of billed duration, x86_64
    LambdaGbSecondArm,  ///< one GB-second of billed duration, arm64
    SqsStandardRequest,  ///< one 64 KB chunk of one API request on a standard queue
    SqsFifoRequest,  ///< the same on a FIFO queue
    SnsPublish,  ///< one 64 KB chunk of one publish to a standard topic
    SnsDeliveryLambdaSqs,  ///< one delivery from a topic to a Lambda function or an SQS queue
    EventBridgeCustomEvent,  ///< one 64 KB chunk of one custom event put on an event bus
    KinesisShardHour,  ///< one provisioned shard for one hour
    KinesisPutPayloadUnit,  ///< one 25 KB chunk of one record put to a stream
    DynamoDbStreamReadLambda,  ///< one GetRecords call on a DynamoDB stream made by Lambda's poller
};
constexpr std::size_t kPriceKeyCount = 11;

struct PriceRow {
    PriceKey key;
    const char* service;  ///< "AWS Lambda"
    const char* unit;  ///< "requests", "GB-seconds", "shard-hours": what `per` counts
    double usd;  ///< price of `per` units
    double per;  ///< 1,000,000 for "per million requests", 1 for "per GB-second"
    /// Monthly free tier (units per month, 0: none); applied only when the cost view's free tier is on.
    double freeTierPerMonth;
    const char* region;  ///< "us-east-1"
    const char* checked;  ///< date the price was checked, ISO 8601
    const char* url;  ///< the AWS pricing page of the row
    /// What the check found: confirmed where, or plainly that it could not be confirmed.
    const char* note;
    bool confirmed;  ///< false: the price could not be confirmed on the date checked (see note)

    double perUnit() const { return usd / per; }
};

/// Every row, in PriceKey order.
const std::vector<PriceRow>& priceTable();
const PriceRow& priceRow(PriceKey key);
/// The key as the summary JSON spells it: "lambda_requests", "sqs_fifo_requests", ...
const char* priceKeyName(PriceKey key);

/// The row whose monthly free tier `key` shares (AWS gives one allowance for both): the first row of its pool.
/// Lambda GB-seconds of both architectures share x86_64's; SQS FIFO requests share standard's. Else `key`.
PriceKey freeTierPool(PriceKey key);

/// What the cost view does not price, one sentence each, for the docs page and the UI.
const std::vector<const char*>& notPriced();

/// SQS, SNS and EventBridge bill each 64 KB chunk of a payload as one request (pricing pages): 1 for 0..65,536
/// bytes, 2 up to 131,072, ...
long long chunks64k(std::size_t payloadBytes);
/// Kinesis bills PUT payload units of 25 KB: 1 for 0..25,600 bytes, 2 up to 51,200, ...
long long putPayloadUnits(std::size_t recordBytes);

}  // namespace pg::cost

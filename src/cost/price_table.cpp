// The price table. Region us-east-1, first (lowest-volume) tier of every price, checked 2026-12-02.
// How they were checked: the AWS pricing pages render their rates client-side, so each figure was read from
// pages that quote the pricing page for US East (N. Virginia) (found with the project's search tool) and from
// AWS guide pages where they state a price or a free read; each row's note says which, or that it could not be
// confirmed. Volume tiers, savings plans and other regions are not modelled. Free tier: off by default.
#include "price_table.hpp"

namespace pg::cost {

namespace {
constexpr const char* kRegion = "us-east-1";
constexpr const char* kChecked = "2026-12-02";
constexpr const char* kLambdaPage = "https://aws.amazon.com/lambda/pricing/";
constexpr const char* kSqsPage = "https://aws.amazon.com/sqs/pricing/";
constexpr const char* kSnsPage = "https://aws.amazon.com/sns/pricing/";
constexpr const char* kEventBridgePage = "https://aws.amazon.com/eventbridge/pricing/";
constexpr const char* kKinesisPage = "https://aws.amazon.com/kinesis/data-streams/pricing/";
constexpr const char* kDynamoDbPage = "https://aws.amazon.com/dynamodb/pricing/on-demand/";
}  // namespace

const std::vector<PriceRow>& priceTable() {
    static const std::vector<PriceRow> kRows = {
        {PriceKey::LambdaRequest, "AWS Lambda", "requests", 0.20, 1e6, 1e6, kRegion, kChecked, kLambdaPage,
         "$0.20 per 1M requests, same for both architectures; free tier 1M requests a month. Confirmed in pages "
         "quoting the pricing page for US East (N. Virginia).",
         true},
        {PriceKey::LambdaGbSecondX86, "AWS Lambda", "GB-seconds (x86_64)", 0.0000166667, 1, 400000, kRegion, kChecked,
         kLambdaPage,
         "$0.0000166667 per GB-second, first tier (first 6 billion GB-s a month); billed in 1 ms steps. Free tier "
         "400,000 GB-s a month, shared by both architectures. Confirmed in "
         "pages quoting the pricing page for US East (N. Virginia).",
         true},
        {PriceKey::LambdaGbSecondArm, "AWS Lambda", "GB-seconds (arm64)", 0.0000133334, 1, 400000, kRegion, kChecked,
         kLambdaPage,
         "$0.0000133334 per GB-second, first tier (first 7.5 billion GB-s a month). Confirmed in pages quoting the "
         "pricing page for US East (N. Virginia).",
         true},
        {PriceKey::SqsStandardRequest, "Amazon SQS", "requests (standard)", 0.40, 1e6, 1e6, kRegion, kChecked, kSqsPage,
         "$0.40 per 1M requests, first tier (first 100 billion a month); each 64 KB chunk of a payload is one "
         "request; free tier 1M requests a month, shared with FIFO queues. Confirmed in "
         "pages quoting the pricing page for us-east-1.",
         true},
        {PriceKey::SqsFifoRequest, "Amazon SQS", "requests (FIFO)", 0.50, 1e6, 1e6, kRegion, kChecked, kSqsPage,
         "$0.50 per 1M requests, first tier; 64 KB chunks as for standard queues. Confirmed in pages quoting the "
         "pricing page for us-east-1.",
         true},
        {PriceKey::SnsPublish, "Amazon SNS", "publishes (standard topic)", 0.50, 1e6, 1e6, kRegion, kChecked, kSnsPage,
         "$0.50 per 1M publishes to a standard topic (each 64 KB chunk is one) confirmed in pages quoting the "
         "pricing page. The free tier of 1M publishes a month could not be confirmed on the date checked.",
         true},
        {PriceKey::SnsDeliveryLambdaSqs, "Amazon SNS", "deliveries to Lambda or SQS", 0.0, 1e6, 0, kRegion, kChecked,
         kSnsPage,
         "No charge for deliveries to Lambda functions and SQS queues (other protocols are priced per delivery). "
         "Could not be confirmed in a page read on the date checked; priced at $0.",
         false},
        {PriceKey::EventBridgeCustomEvent, "Amazon EventBridge", "custom events", 1.00, 1e6, 0, kRegion, kChecked,
         kEventBridgePage,
         "$1.00 per 1M custom events put on an event bus, each 64 KB chunk one event; no free tier for custom "
         "events. Confirmed in pages quoting the pricing page for us-east-1.",
         true},
        {PriceKey::KinesisShardHour, "Amazon Kinesis Data Streams", "shard-hours (provisioned)", 0.015, 1, 0, kRegion,
         kChecked, kKinesisPage,
         "$0.015 per shard-hour in provisioned mode: the figure usually quoted for us-east-1, but it could not be "
         "confirmed in a page read on the date checked. Kinesis has no free tier.",
         false},
        {PriceKey::KinesisPutPayloadUnit, "Amazon Kinesis Data Streams", "PUT payload units", 0.014, 1e6, 0, kRegion,
         kChecked, kKinesisPage,
         "$0.014 per 1M PUT payload units (25 KB chunks of a record). Found quoted for US West (Oregon); that "
         "us-east-1 is the same could not be confirmed on the date checked.",
         false},
        {PriceKey::DynamoDbStreamReadLambda, "Amazon DynamoDB", "stream reads by Lambda", 0.0, 1e5, 0, kRegion,
         kChecked, kDynamoDbPage,
         "GetRecords calls made by Lambda's event source mapping are not charged (DynamoDB DG 'Evaluate your "
         "DynamoDB streams usage'). Confirmed in the AWS guide.",
         true},
    };
    return kRows;
}

const PriceRow& priceRow(PriceKey key) { return priceTable()[static_cast<std::size_t>(key)]; }

const char* priceKeyName(PriceKey key) {
    switch (key) {
    case PriceKey::LambdaRequest: return "lambda_requests";
    case PriceKey::LambdaGbSecondX86: return "lambda_gb_seconds_x86_64";
    case PriceKey::LambdaGbSecondArm: return "lambda_gb_seconds_arm64";
    case PriceKey::SqsStandardRequest: return "sqs_standard_requests";
    case PriceKey::SqsFifoRequest: return "sqs_fifo_requests";
    case PriceKey::SnsPublish: return "sns_publishes";
    case PriceKey::SnsDeliveryLambdaSqs: return "sns_deliveries_lambda_sqs";
    case PriceKey::EventBridgeCustomEvent: return "eventbridge_custom_events";
    case PriceKey::KinesisShardHour: return "kinesis_shard_hours";
    case PriceKey::KinesisPutPayloadUnit: return "kinesis_put_payload_units";
    case PriceKey::DynamoDbStreamReadLambda: return "dynamodb_stream_reads_lambda";
    }
    return "";
}

PriceKey freeTierPool(PriceKey key) {
    if (key == PriceKey::LambdaGbSecondArm) return PriceKey::LambdaGbSecondX86;
    if (key == PriceKey::SqsFifoRequest) return PriceKey::SqsStandardRequest;
    return key;
}

const std::vector<const char*>& notPriced() {
    static const std::vector<const char*> kNotPriced = {
        "Sources other than SQS, SNS, EventBridge, Kinesis and DynamoDB Streams (API Gateway, ALB, S3, SES, "
        "CloudFront, ... requests) are not priced.",
        "DynamoDB table writes that fill a stream, data transfer, CloudWatch logs and metrics, X-Ray, KMS and "
        "storage are not priced.",
        "SQS: every send, receive and delete counts one request per message (Lambda's pollers batch receives and "
        "deletes, and make empty long-poll receives on an idle queue: neither is modelled); a message moved to a "
        "dead-letter queue counts as one send to it.",
        "Lambda: provisioned concurrency, ephemeral storage above 512 MB, response streaming and volume tiers "
        "are not priced; an invocation still running is priced when it ends.",
        "SNS FIFO topics and deliveries to other protocols (HTTP, email, SMS) are not priced; Kinesis on-demand "
        "mode, extended retention and enhanced fan-out are not priced.",
        "Free tier (off by default): the monthly allowance is taken from the run as if it were the month's first "
        "usage, and from a 30-day month for the per-day figure; a shared allowance (Lambda GB-seconds of both "
        "architectures, SQS standard and FIFO requests) goes to the table's first row first.",
    };
    return kNotPriced;
}

long long chunks64k(std::size_t payloadBytes) {
    constexpr std::size_t kChunk = 64 * 1024;
    return payloadBytes == 0 ? 1 : static_cast<long long>((payloadBytes + kChunk - 1) / kChunk);
}

long long putPayloadUnits(std::size_t recordBytes) {
    constexpr std::size_t kUnit = 25 * 1024;
    return recordBytes == 0 ? 1 : static_cast<long long>((recordBytes + kUnit - 1) / kUnit);
}

}  // namespace pg::cost

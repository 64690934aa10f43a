// Text shared by the panels and the model: times, durations, service names and badges. No ImGui.
#include "text_format.hpp"

#include <cinttypes>
#include <cstdio>

namespace pg::ui {

using namespace sim;

std::string formatClock(SimTime t) {
    if (t < 0) t = 0;
    const std::int64_t ms = (t / kMillisecond) % 1000, s = (t / kSecond) % 60, m = (t / kMinute) % 60;
    const std::int64_t h = (t / kHour) % 24, d = t / kDay;
    char buf[48];
    if (d > 0)
        std::snprintf(buf, sizeof buf, "%" PRId64 "d %02" PRId64 ":%02" PRId64 ":%02" PRId64 ".%03" PRId64, d, h, m,
                      s, ms);
    else
        std::snprintf(buf, sizeof buf, "%02" PRId64 ":%02" PRId64 ":%02" PRId64 ".%03" PRId64, h, m, s, ms);
    return buf;
}

std::string formatDuration(SimTime d) {
    char buf[48];
    const bool neg = d < 0;
    if (neg) d = -d;
    if (d < kMillisecond) std::snprintf(buf, sizeof buf, "%" PRId64 " us", d);
    else if (d < kSecond) std::snprintf(buf, sizeof buf, "%g ms", static_cast<double>(d) / kMillisecond);
    else if (d < kMinute) std::snprintf(buf, sizeof buf, "%g s", static_cast<double>(d / kMillisecond) / 1000.0);
    else if (d < kHour) {
        if (d % kMinute == 0) std::snprintf(buf, sizeof buf, "%" PRId64 " min", d / kMinute);
        else std::snprintf(buf, sizeof buf, "%" PRId64 " min %g s", d / kMinute,
                           static_cast<double>((d % kMinute) / kMillisecond) / 1000.0);
    } else if (d < kDay) {
        if (d % kHour == 0) std::snprintf(buf, sizeof buf, "%" PRId64 " h", d / kHour);
        else std::snprintf(buf, sizeof buf, "%" PRId64 " h %" PRId64 " min", d / kHour, (d % kHour) / kMinute);
    } else {
        if (d % kDay == 0) std::snprintf(buf, sizeof buf, "%" PRId64 " d", d / kDay);
        else std::snprintf(buf, sizeof buf, "%" PRId64 " d %" PRId64 " h", d / kDay, (d % kDay) / kHour);
    }
    return neg ? "-" + std::string(buf) : std::string(buf);
}

std::string formatCalendar(SimTime t) {
    // Days since 2025-01-01 (sim_epoch model choice) to a civil date (Howard Hinnant's algorithm).
    const std::int64_t days = t / kDay + 20089;  // 1970-01-01 -> 2025-01-01
    const std::int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2);
    const SimTime r = t % kDay;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04" PRId64 "-%02" PRId64 "-%02" PRId64 " %02" PRId64 ":%02" PRId64 ":%02" PRId64
                  " UTC", y, m, d, r / kHour, (r / kMinute) % 60, (r / kSecond) % 60);
    return buf;
}

const char* serviceName(NodeType type) {
    switch (type) {
    case NodeType::Function: return "Lambda function";
    case NodeType::ApiGateway: return "API Gateway";
    case NodeType::Alb: return "Application Load Balancer";
    case NodeType::Cognito: return "Cognito";
    case NodeType::Lex: return "Lex";
    case NodeType::Alexa: return "Alexa";
    case NodeType::CloudFront: return "CloudFront (Lambda@Edge)";
    case NodeType::Firehose: return "Kinesis Data Firehose";
    case NodeType::Sns: return "SNS";
    case NodeType::S3: return "S3";
    case NodeType::Ses: return "SES";
    case NodeType::CloudFormation: return "CloudFormation";
    case NodeType::CloudWatchLogs: return "CloudWatch Logs";
    case NodeType::EventBridge: return "EventBridge";
    case NodeType::CodeCommit: return "CodeCommit";
    case NodeType::Config: return "AWS Config";
    case NodeType::Sqs: return "SQS";
    case NodeType::Kinesis: return "Kinesis";
    case NodeType::DynamoDbStream: return "DynamoDB Streams";
    }
    return "?";
}

const char* serviceBadge(NodeType type) {
    switch (type) {
    case NodeType::Function: return "\xce\xbb";  // lambda
    case NodeType::ApiGateway: return "APIGW";
    case NodeType::Alb: return "ALB";
    case NodeType::Cognito: return "COG";
    case NodeType::Lex: return "LEX";
    case NodeType::Alexa: return "ALX";
    case NodeType::CloudFront: return "CF";
    case NodeType::Firehose: return "FH";
    case NodeType::Sns: return "SNS";
    case NodeType::S3: return "S3";
    case NodeType::Ses: return "SES";
    case NodeType::CloudFormation: return "CFN";
    case NodeType::CloudWatchLogs: return "CWL";
    case NodeType::EventBridge: return "EB";
    case NodeType::CodeCommit: return "CC";
    case NodeType::Config: return "CFG";
    case NodeType::Sqs: return "SQS";
    case NodeType::Kinesis: return "KDS";
    case NodeType::DynamoDbStream: return "DDB";
    }
    return "?";
}

const char* modeName(InvocationMode mode) {
    switch (mode) {
    case InvocationMode::Synchronous: return "synchronous";
    case InvocationMode::Asynchronous: return "asynchronous";
    case InvocationMode::PollBased: return "poll-based";
    case InvocationMode::None: break;
    }
    return "function";
}

}  // namespace pg::ui

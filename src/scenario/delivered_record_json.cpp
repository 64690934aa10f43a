// AWS shapes of delivered records (FIDELITY 5.2 invocation record, 5.3 DLQ message attributes).
#include "delivered_record_json.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace pg::scenario {

using nlohmann::ordered_json;
using sim::Condition;
using sim::InvokeResult;

static const char* kRegion = "us-east-1";
static const char* kAccount = "123456789012";

std::string functionArn(const std::string& functionId, bool qualified) {
    std::string arn = std::string("arn:aws:lambda:") + kRegion + ":" + kAccount + ":function:" + functionId;
    if (qualified) arn += ":$LATEST";
    return arn;
}

// Days since 1970-01-01 -> civil date (Howard Hinnant's algorithm).
static void civilFromDays(long long z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long yy = static_cast<long long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yy + (m <= 2));
}

std::string isoTimestamp(sim::SimTime t) {
    constexpr long long kEpochDays = 20089;  // 2025-01-01 in days since 1970-01-01
    const long long ms = t / sim::kMillisecond;
    const long long days = ms / 86400000LL;
    long long rest = ms % 86400000LL;
    int y;
    unsigned m, d;
    civilFromDays(kEpochDays + days, y, m, d);
    const int hh = static_cast<int>(rest / 3600000), mm = static_cast<int>(rest / 60000 % 60),
              ss = static_cast<int>(rest / 1000 % 60), mss = static_cast<int>(rest % 1000);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", y, m, d, hh, mm, ss, mss);
    return buf;
}

static ordered_json bodyAsJson(const std::string& body) {
    ordered_json parsed = ordered_json::parse(body, nullptr, false);
    if (parsed.is_discarded()) return body;  // not JSON: a string payload
    return parsed;
}

static std::string timeoutMessage(const std::string& requestId, sim::SimTime timeout) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", sim::toSeconds(timeout));
    return "RequestId: " + requestId + " Error: Task timed out after " + buf + " seconds";
}

static ordered_json errorPayload(const sim::Engine& engine, const sim::DeliveredRecord& r, const std::string& requestId) {
    ordered_json p;
    if (r.lastResult == InvokeResult::Timeout) {  // FIDELITY 2 [O] timeout payload
        p["errorType"] = "Sandbox.Timedout";
        p["errorMessage"] = timeoutMessage(requestId, engine.functionConfig(r.function).timeout);
    } else {  // FIDELITY 2 [O] thrown-exception payload
        p["errorMessage"] = "Simulated failure (behavior rule)";
        p["errorType"] = "Error";
        p["requestId"] = requestId;
        p["stackTrace"] = ordered_json::array();
    }
    return p;
}

static ordered_json invocationRecord(const sim::Engine& engine, const sim::DeliveredRecord& r) {
    const std::string fnId = engine.node(engine.functions()[r.function].node).id;
    const std::string requestId = engine.requestIdText(r.requestId);
    ordered_json rec;
    rec["version"] = "1.0";
    rec["timestamp"] = isoTimestamp(r.time);
    rec["requestContext"] = {{"requestId", requestId},
                             {"functionArn", functionArn(fnId, true)},
                             {"condition", sim::conditionName(r.condition)},
                             {"approximateInvokeCount", r.approximateInvokeCount}};
    rec["requestPayload"] = bodyAsJson(engine.deliveredItemBody(r));
    // No attempt ran (ZeroReservedConcurrency, or throttled until the age ran out): no response keys
    // (FIDELITY 5.2 [O] test_reserved_concurrency).
    if (r.lastResult == InvokeResult::None) return rec;
    ordered_json response = {{"statusCode", 200}, {"executedVersion", "$LATEST"}};
    if (r.lastResult != InvokeResult::Success) response["functionError"] = "Unhandled";
    rec["responseContext"] = response;
    rec["responsePayload"] = r.lastResult == InvokeResult::Success ? ordered_json(nullptr)
                                                                   : errorPayload(engine, r, requestId);
    return rec;
}

static ordered_json deadLetterMessage(const sim::Engine& engine, const sim::DeliveredRecord& r) {
    const std::string requestId = engine.requestIdText(r.requestId);
    // ErrorCode: the HTTP status of the last invoke: 200 after a function error ([O] FIDELITY 5.3);
    // 429 when no attempt ran (throttled / zero reserved concurrency: [U] model choice); 400
    // RecursiveInvocationException when recursive loop detection stopped it ([U] model choice).
    std::string code = "200", message;
    if (r.condition == Condition::RecursiveLoop) {  // stopped by recursive loop detection (recursion_condition)
        code = "400";
        message = "RecursiveInvocationException: Lambda detected a recursive loop and stopped the invocation.";
    } else if (r.lastResult == InvokeResult::None) {
        code = "429";
        message = "Rate Exceeded.";
    } else if (r.lastResult == InvokeResult::Timeout) {
        message = timeoutMessage(requestId, engine.functionConfig(r.function).timeout);
    } else {
        message = "Simulated failure (behavior rule)";
    }
    if (message.size() > 1024) message.resize(1024);  // first 1 KB (FIDELITY 5.3)
    ordered_json msg;
    msg["body"] = engine.deliveredItemBody(r);  // the original event, unchanged
    msg["messageAttributes"] = {
        {"RequestID", {{"stringValue", requestId}, {"dataType", "String"}}},
        {"ErrorCode", {{"stringValue", code}, {"dataType", "Number"}}},
        {"ErrorMessage", {{"stringValue", message}, {"dataType", "String"}}},
    };
    return msg;
}

// Kinesis-style sequence number: 56 digits, increasing with the per-shard sequence (presentation only).
static std::string sequenceNumber(std::uint32_t shard, std::uint64_t sequence) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "4959%012u%040llu", shard, static_cast<unsigned long long>(sequence));
    return buf;
}

// Stream on-failure record (FIDELITY 6.3 [O]): metadata only; unqualified functionArn; condition
// RetryAttemptsExhausted or RecordAgeExceeded (the latter without responseContext); functionError null when
// the handler returned a partial-failure response, "Unhandled" when it threw or timed out.
static ordered_json streamBatchInfo(const sim::Engine& engine, const sim::DeliveredRecord& r) {
    const sim::StreamBatchInfo& b = engine.batchInfo(r);
    const std::string fnId = engine.node(engine.functions()[r.function].node).id;
    const bool dynamoDb = engine.node(b.source).type == sim::NodeType::DynamoDbStream;
    ordered_json rec;
    rec["requestContext"] = {{"requestId", engine.requestIdText(r.requestId)},
                             {"functionArn", functionArn(fnId, false)},
                             {"condition", sim::conditionName(r.condition)},
                             {"approximateInvokeCount", r.approximateInvokeCount}};
    if (r.lastResult != InvokeResult::None) {
        ordered_json response = {{"statusCode", 200}, {"executedVersion", "$LATEST"}};
        response["functionError"] =
            r.lastResult == InvokeResult::Success ? ordered_json(nullptr) : ordered_json("Unhandled");
        rec["responseContext"] = response;
    }
    rec["version"] = "1.0";
    rec["timestamp"] = isoTimestamp(r.time);
    char shardId[40];
    std::snprintf(shardId, sizeof shardId, dynamoDb ? "shardId-%020u" : "shardId-%012u", b.shard);
    const std::string streamArn =
        dynamoDb ? std::string("arn:aws:dynamodb:") + kRegion + ":" + kAccount + ":table/" + engine.node(b.source).id +
                       "/stream/2025-01-01T00:00:00.000"
                 : std::string("arn:aws:kinesis:") + kRegion + ":" + kAccount + ":stream/" + engine.node(b.source).id;
    rec[dynamoDb ? "DDBStreamBatchInfo" : "KinesisBatchInfo"] = {
        {"shardId", shardId},
        {"startSequenceNumber", sequenceNumber(b.shard, b.startSequence)},
        {"endSequenceNumber", sequenceNumber(b.shard, b.endSequence)},
        {"approximateArrivalOfFirstRecord", isoTimestamp(b.firstArrival)},
        {"approximateArrivalOfLastRecord", isoTimestamp(b.lastArrival)},
        {"batchSize", b.batchSize},
        {"streamArn", streamArn}};
    return rec;
}

std::string deliveredRecordJson(const sim::Engine& engine, const sim::DeliveredRecord& r, int indent) {
    ordered_json out;
    if (r.kind == sim::DeliveryKind::SqsRedrive) {
        // FIDELITY 6.2 [O]: the DLQ copy has the same MessageId and body; Lambda adds no attributes.
        out["messageId"] = engine.deliveredItemId(r);
        out["body"] = engine.deliveredItemBody(r);
    } else if (r.kind == sim::DeliveryKind::StreamBatchInfo) {
        out = streamBatchInfo(engine, r);
    } else if (r.kind == sim::DeliveryKind::DeadLetter) {
        out = deadLetterMessage(engine, r);
    } else if (engine.node(r.node).type == sim::NodeType::EventBridge) {
        // FIDELITY 5.2 [D][O]: the record is `detail`, source "lambda", resources [bus, function:$LATEST].
        const std::string fnId = engine.node(engine.functions()[r.function].node).id;
        const bool success = r.condition == Condition::Success;
        out["version"] = "0";
        out["id"] = engine.requestIdText(r.requestId ^ 0x5a5a5a5au);
        out["detail-type"] = success ? "Lambda Function Invocation Result - Success"
                                     : "Lambda Function Invocation Result - Failure";
        out["source"] = "lambda";
        out["account"] = kAccount;
        out["time"] = isoTimestamp(r.time).substr(0, 19) + "Z";
        out["region"] = kRegion;
        out["resources"] = {std::string("arn:aws:events:") + kRegion + ":" + kAccount + ":event-bus/" +
                                engine.node(r.node).id,
                            functionArn(fnId, true)};
        out["detail"] = invocationRecord(engine, r);
    } else {
        out = invocationRecord(engine, r);
    }
    return out.dump(indent);
}

}  // namespace pg::scenario

// Renders what the engine delivered to destination and DLQ nodes in the shape AWS delivers it:
// the asynchronous invocation record (FIDELITY 5.2) and the function DLQ message (FIDELITY 5.3).
// JSON text out, so includers never see nlohmann/json.
#pragma once
#include <string>

#include "engine/engine.hpp"

namespace pg::scenario {

/// ARN of a simulated function (region us-east-1, account 123456789012: presentation only).
std::string functionArn(const std::string& functionId, bool qualified);

/// ISO-8601 UTC timestamp of virtual time `t` (time 0 = 2025-01-01T00:00:00.000Z), millisecond precision.
std::string isoTimestamp(sim::SimTime t);

/// The JSON document of one delivery:
/// - on-success/on-failure to sqs/sns/function: the invocation record itself;
/// - to eventbridge: the event envelope with the record as `detail`;
/// - to a DLQ: {"body": <original event text>, "messageAttributes": {RequestID, ErrorCode, ErrorMessage}}.
/// indent < 0 gives compact text.
std::string deliveredRecordJson(const sim::Engine& engine, const sim::DeliveredRecord& record, int indent = -1);

}  // namespace pg::scenario

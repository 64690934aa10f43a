// Which services Lambda's recursive loop detection follows a chain of requests through (AWS DG
// invocation-recursion, https://docs.aws.amazon.com/lambda/latest/dg/invocation-recursion.html).
#pragma once
#include "scenario_config.hpp"

namespace pg::sim {

/// True for functions, SQS, S3 and SNS: "Lambda currently detects recursive loops between your functions, Amazon
/// SQS, Amazon S3, and Amazon SNS". An event of any other type (EventBridge, SES, ...) starts a new chain, so a
/// loop through it is never stopped (model choice recursion_threshold).
inline bool countsChain(NodeType type) {
    return type == NodeType::Function || type == NodeType::Sqs || type == NodeType::Sns || type == NodeType::S3;
}

}  // namespace pg::sim

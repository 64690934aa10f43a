// Node type names and invocation modes (FIDELITY 1: which event source uses which invocation mode).
#include "scenario_config.hpp"

namespace pg::sim {

InvocationMode invocationModeOf(NodeType type) {
    switch (type) {
    case NodeType::ApiGateway: case NodeType::Alb: case NodeType::Cognito: case NodeType::Lex:
    case NodeType::Alexa: case NodeType::CloudFront: case NodeType::Firehose:
        return InvocationMode::Synchronous;
    case NodeType::Sns: case NodeType::S3: case NodeType::Ses: case NodeType::CloudFormation:
    case NodeType::CloudWatchLogs: case NodeType::EventBridge: case NodeType::CodeCommit: case NodeType::Config:
        return InvocationMode::Asynchronous;
    case NodeType::Sqs: case NodeType::Kinesis: case NodeType::DynamoDbStream:
        return InvocationMode::PollBased;
    case NodeType::Function:
        break;
    }
    return InvocationMode::None;
}

const char* nodeTypeName(NodeType type) {
    switch (type) {
    case NodeType::Function: return "function";
    case NodeType::ApiGateway: return "api_gateway";
    case NodeType::Alb: return "alb";
    case NodeType::Cognito: return "cognito";
    case NodeType::Lex: return "lex";
    case NodeType::Alexa: return "alexa";
    case NodeType::CloudFront: return "cloudfront";
    case NodeType::Firehose: return "firehose";
    case NodeType::Sns: return "sns";
    case NodeType::S3: return "s3";
    case NodeType::Ses: return "ses";
    case NodeType::CloudFormation: return "cloudformation";
    case NodeType::CloudWatchLogs: return "cloudwatch_logs";
    case NodeType::EventBridge: return "eventbridge";
    case NodeType::CodeCommit: return "codecommit";
    case NodeType::Config: return "config";
    case NodeType::Sqs: return "sqs";
    case NodeType::Kinesis: return "kinesis";
    case NodeType::DynamoDbStream: return "dynamodb_stream";
    }
    return "unknown";
}

}  // namespace pg::sim

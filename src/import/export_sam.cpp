// Scenario -> SAM template (import_template.hpp: exportSam), and the projection both directions agree on.
// Every setting with an AWS property is written as that property; the handler and runtime are placeholders.
#include <algorithm>
#include <cmath>

#include "import_template.hpp"
#include "template_document.hpp"

namespace pg::templates {
namespace {

using sim::NodeType;

/// Seconds as a template number: whole seconds as an integer, else the exact decimal.
Json secondsValue(sim::SimTime t) {
    if (t % sim::kSecond == 0) return t / sim::kSecond;
    return static_cast<double>(t) / static_cast<double>(sim::kSecond);
}

Json getAtt(const std::string& id, const char* attribute) { return Json{{"Fn::GetAtt", Json::array({id, attribute})}}; }
Json ref(const std::string& id) { return Json{{"Ref", id}}; }

/// Node types a template can express (an event source of SAM or a resource with a Lambda trigger).
bool exportable(NodeType t) {
    switch (t) {
    case NodeType::Function: case NodeType::ApiGateway: case NodeType::Sns: case NodeType::S3:
    case NodeType::CloudWatchLogs: case NodeType::EventBridge: case NodeType::Sqs: case NodeType::Kinesis:
    case NodeType::DynamoDbStream:
        return true;
    default:
        return false;
    }
}

const sim::Node* findNode(const sim::Scenario& s, const std::string& id) {
    for (const sim::Node& n : s.nodes)
        if (n.id == id) return &n;
    return nullptr;
}

/// The ARN of a node as a destination or event source: Fn::GetAtt X.Arn (Ref for a topic, the stream
/// ARN of a table).
Json arnOf(const sim::Node& n) {
    if (n.type == NodeType::Sns) return ref(n.id);
    if (n.type == NodeType::DynamoDbStream) return getAtt(n.id, "StreamArn");
    if (n.type == NodeType::S3) return getAtt(n.id, "Arn");
    return getAtt(n.id, "Arn");
}

const char* destinationType(NodeType t) {
    switch (t) {
    case NodeType::Sqs: return "SQS";
    case NodeType::Sns: return "SNS";
    case NodeType::Function: return "Lambda";
    case NodeType::EventBridge: return "EventBridge";
    case NodeType::S3: return "S3";
    default: return "";
    }
}

Json destinationConfig(const sim::Scenario& s, const std::string& id) {
    const sim::Node* n = findNode(s, id);
    return Json{{"Type", destinationType(n->type)}, {"Destination", arnOf(*n)}};
}

Json functionResource(const sim::Scenario& s, const sim::Node& n) {
    const sim::FunctionConfig& f = n.function;
    Json p = Json::object();
    p["Handler"] = "index.handler";  // placeholders: the playground's behaviour rules stand in for the code
    p["Runtime"] = "nodejs20.x";
    p["InlineCode"] = "exports.handler = async () => ({});";
    p["Timeout"] = secondsValue(f.timeout);
    if (f.memoryMb != 128) p["MemorySize"] = f.memoryMb;
    if (f.architecture == sim::Architecture::Arm64) p["Architectures"] = Json::array({"arm64"});
    if (f.reservedConcurrency) p["ReservedConcurrentExecutions"] = *f.reservedConcurrency;
    if (f.provisionedConcurrency) {
        p["AutoPublishAlias"] = "live";  // SAM requires an alias for provisioned concurrency
        p["ProvisionedConcurrencyConfig"] = Json{{"ProvisionedConcurrentExecutions", *f.provisionedConcurrency}};
    }
    if (f.recursiveLoop == sim::RecursiveLoop::Allow) p["RecursiveLoop"] = "Allow";
    const sim::AsyncConfig& a = f.async;
    const sim::AsyncConfig defaults;
    if (a.maxRetryAttempts != defaults.maxRetryAttempts || a.maxEventAge != defaults.maxEventAge ||
        !a.onSuccess.empty() || !a.onFailure.empty()) {
        Json invoke = Json::object();
        if (a.maxRetryAttempts != defaults.maxRetryAttempts) invoke["MaximumRetryAttempts"] = a.maxRetryAttempts;
        if (a.maxEventAge != defaults.maxEventAge) invoke["MaximumEventAgeInSeconds"] = secondsValue(a.maxEventAge);
        Json config = Json::object();
        if (!a.onSuccess.empty()) config["OnSuccess"] = destinationConfig(s, a.onSuccess);
        if (!a.onFailure.empty()) config["OnFailure"] = destinationConfig(s, a.onFailure);
        if (!config.empty()) invoke["DestinationConfig"] = config;
        p["EventInvokeConfig"] = invoke;
    }
    if (!a.deadLetterQueue.empty()) {
        const sim::Node* q = findNode(s, a.deadLetterQueue);
        p["DeadLetterQueue"] = Json{{"Type", q->type == NodeType::Sns ? "SNS" : "SQS"}, {"TargetArn", arnOf(*q)}};
    }
    Json events = Json::object();
    for (const sim::Edge& e : s.edges) {
        if (e.to != n.id) continue;
        const sim::Node* from = findNode(s, e.from);
        if (!from || !exportable(from->type) || from->type == NodeType::EventBridge) continue;
        Json ev = Json::object();
        Json ep = Json::object();
        const bool stream = from->type == NodeType::Kinesis || from->type == NodeType::DynamoDbStream;
        switch (from->type) {
        case NodeType::Sqs: ev["Type"] = "SQS"; ep["Queue"] = arnOf(*from); break;
        case NodeType::Kinesis: ev["Type"] = "Kinesis"; ep["Stream"] = arnOf(*from); break;
        case NodeType::DynamoDbStream: ev["Type"] = "DynamoDB"; ep["Stream"] = arnOf(*from); break;
        case NodeType::Sns: ev["Type"] = "SNS"; ep["Topic"] = ref(from->id); break;
        case NodeType::S3:
            ev["Type"] = "S3";
            ep["Bucket"] = ref(from->id);
            ep["Events"] = "s3:ObjectCreated:*";
            break;
        case NodeType::CloudWatchLogs:
            ev["Type"] = "CloudWatchLogs";
            ep["LogGroupName"] = ref(from->id);
            ep["FilterPattern"] = "";
            break;
        case NodeType::ApiGateway:
            ev["Type"] = "Api";
            ep["RestApiId"] = ref(from->id);
            ep["Path"] = "/" + e.to;
            ep["Method"] = "post";
            break;
        default: break;
        }
        if (from->type == NodeType::Sqs || stream) {
            if (e.batchSize) ep["BatchSize"] = *e.batchSize;
            if (e.batchingWindow != 0) ep["MaximumBatchingWindowInSeconds"] = secondsValue(e.batchingWindow);
            if (e.reportBatchItemFailures) ep["FunctionResponseTypes"] = Json::array({"ReportBatchItemFailures"});
            if (e.maximumConcurrency) ep["ScalingConfig"] = Json{{"MaximumConcurrency", *e.maximumConcurrency}};
            if (e.provisionedPollers)
                ep["ProvisionedPollerConfig"] = Json{{"MinimumPollers", e.provisionedPollers->minimum},
                                                     {"MaximumPollers", e.provisionedPollers->maximum}};
        }
        if (stream) {
            const char* positions[] = {"TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"};
            ep["StartingPosition"] = positions[static_cast<int>(e.startingPosition)];
            if (e.startingPosition == sim::StartingPosition::AtTimestamp)
                ep["StartingPositionTimestamp"] = secondsValue(e.startingPositionTimestamp);
            if (e.bisectBatchOnFunctionError) ep["BisectBatchOnFunctionError"] = true;
            if (e.maximumRetryAttempts != -1) ep["MaximumRetryAttempts"] = e.maximumRetryAttempts;
            if (e.maximumRecordAge != -1) ep["MaximumRecordAgeInSeconds"] = secondsValue(e.maximumRecordAge);
            if (e.parallelizationFactor != 1) ep["ParallelizationFactor"] = e.parallelizationFactor;
            if (e.tumblingWindow != 0) ep["TumblingWindowInSeconds"] = secondsValue(e.tumblingWindow);
            if (!e.onFailure.empty()) ep["DestinationConfig"] = Json{{"OnFailure", destinationConfig(s, e.onFailure)}};
        }
        ev["Properties"] = ep;
        events[e.from] = ev;
    }
    if (!events.empty()) p["Events"] = events;
    return Json{{"Type", "AWS::Serverless::Function"}, {"Properties", p}};
}

Json resourceOf(const sim::Scenario& s, const sim::Node& n) {
    Json p = Json::object();
    switch (n.type) {
    case NodeType::Function: return functionResource(s, n);
    case NodeType::Sqs: {
        const sim::QueueConfig defaults;
        if (n.queue.fifo) p["FifoQueue"] = true;
        if (n.queue.visibilityTimeout != defaults.visibilityTimeout)
            p["VisibilityTimeout"] = secondsValue(n.queue.visibilityTimeout);
        if (n.queue.retention != defaults.retention) p["MessageRetentionPeriod"] = secondsValue(n.queue.retention);
        if (n.queue.redrive)
            p["RedrivePolicy"] = Json{{"deadLetterTargetArn", getAtt(n.queue.redrive->deadLetterQueue, "Arn")},
                                      {"maxReceiveCount", n.queue.redrive->maxReceiveCount}};
        return Json{{"Type", "AWS::SQS::Queue"}, {"Properties", p}};
    }
    case NodeType::Sns:
        if (n.queue.fifo) p["FifoTopic"] = true;
        return Json{{"Type", "AWS::SNS::Topic"}, {"Properties", p}};
    case NodeType::S3: return Json{{"Type", "AWS::S3::Bucket"}};
    case NodeType::Kinesis:
        p["ShardCount"] = n.stream.shards;
        if (n.stream.retention != sim::StreamConfig{}.retention)
            p["RetentionPeriodHours"] = secondsValue(n.stream.retention / 3600);
        return Json{{"Type", "AWS::Kinesis::Stream"}, {"Properties", p}};
    case NodeType::DynamoDbStream:
        p["BillingMode"] = "PAY_PER_REQUEST";
        p["AttributeDefinitions"] = Json::array({Json{{"AttributeName", "id"}, {"AttributeType", "S"}}});
        p["KeySchema"] = Json::array({Json{{"AttributeName", "id"}, {"KeyType", "HASH"}}});
        p["StreamSpecification"] = Json{{"StreamViewType", "NEW_AND_OLD_IMAGES"}};
        return Json{{"Type", "AWS::DynamoDB::Table"}, {"Properties", p}};
    case NodeType::CloudWatchLogs: return Json{{"Type", "AWS::Logs::LogGroup"}};
    case NodeType::ApiGateway:
        p["StageName"] = "prod";
        return Json{{"Type", "AWS::Serverless::Api"}, {"Properties", p}};
    case NodeType::EventBridge: {
        Json targets = Json::array();
        for (const sim::Edge& e : s.edges)
            if (e.from == n.id) targets.push_back(Json{{"Id", e.to}, {"Arn", getAtt(e.to, "Arn")}});
        p["EventPattern"] = Json{{"source", Json::array({"playground"})}};
        if (!targets.empty()) p["Targets"] = targets;
        return Json{{"Type", "AWS::Events::Rule"}, {"Properties", p}};
    }
    default: return nullptr;
    }
}

}  // namespace

std::string exportSam(const sim::Scenario& s, std::vector<std::string>* skipped) {
    Json t = Json::object();
    t["AWSTemplateFormatVersion"] = "2010-09-09";
    t["Transform"] = "AWS::Serverless-2016-10-31";
    t["Description"] = s.name;
    Json resources = Json::object();
    for (const sim::Node& n : s.nodes) {
        if (!exportable(n.type)) {
            if (skipped) skipped->push_back(n.id + ": node type " + sim::nodeTypeName(n.type) + " has no SAM event source");
            continue;
        }
        resources[n.id] = resourceOf(s, n);
    }
    // SNS subscriptions of queues; a function's sends to a queue or topic are its code, not a template's.
    for (const sim::Edge& e : s.edges) {
        const sim::Node* from = findNode(s, e.from);
        const sim::Node* to = findNode(s, e.to);
        if (!from || !to) continue;
        if (from->type == NodeType::Sns && to->type == NodeType::Sqs) {
            resources[e.from + "To" + e.to] = Json{{"Type", "AWS::SNS::Subscription"},
                {"Properties", {{"Protocol", "sqs"}, {"TopicArn", ref(e.from)}, {"Endpoint", getAtt(e.to, "Arn")}}}};
        } else if (from->type == NodeType::Function && skipped) {
            skipped->push_back(e.from + " -> " + e.to + ": a send edge is the function's code; not in the template");
        }
    }
    t["Resources"] = resources;
    return t.dump(2) + "\n";
}

sim::Scenario awsProjection(const sim::Scenario& s) {
    sim::Scenario p;
    p.name = s.name;
    for (const sim::Node& n : s.nodes) {
        if (!exportable(n.type)) continue;
        sim::Node c;
        c.id = n.id;
        c.type = n.type;
        if (n.type == NodeType::Function) {
            const sim::FunctionConfig& f = n.function;
            c.function.timeout = f.timeout;
            c.function.reservedConcurrency = f.reservedConcurrency;
            c.function.provisionedConcurrency = f.provisionedConcurrency;
            c.function.async = f.async;
            c.function.recursiveLoop = f.recursiveLoop;
            c.function.memoryMb = f.memoryMb;
            c.function.architecture = f.architecture;
        }
        if (n.type == NodeType::Sqs) c.queue = n.queue;
        if (n.type == NodeType::Sns) c.queue.fifo = n.queue.fifo;
        if (n.type == NodeType::Kinesis) c.stream = n.stream;
        p.nodes.push_back(c);
    }
    for (const sim::Edge& e : s.edges) {
        const sim::Node* from = findNode(s, e.from);
        const sim::Node* to = findNode(s, e.to);
        if (!from || !to || !exportable(from->type) || from->type == NodeType::Function) continue;
        sim::Edge c = e;
        c.sendOn = sim::SendOn::Success;
        c.pollLatency = sim::SqsPollLatency::Zero;
        c.windowStateBytesPerRecord = 0;
        if (c.startingPosition != sim::StartingPosition::AtTimestamp) c.startingPositionTimestamp = 0;
        p.edges.push_back(c);
    }
    std::sort(p.nodes.begin(), p.nodes.end(), [](const sim::Node& a, const sim::Node& b) { return a.id < b.id; });
    std::sort(p.edges.begin(), p.edges.end(),
              [](const sim::Edge& a, const sim::Edge& b) { return std::tie(a.from, a.to) < std::tie(b.from, b.to); });
    return p;
}

}  // namespace pg::templates

// Resource properties -> node settings and edges (import_wiring.hpp). docs/import.md lists every mapping.
#include "import_wiring.hpp"

#include <algorithm>
#include <cmath>

namespace pg::templates {
namespace {

using sim::NodeType;

sim::SimTime seconds(double s) { return static_cast<sim::SimTime>(std::llround(s * static_cast<double>(sim::kSecond))); }

sim::Edge connection(const std::string& from, const std::string& to) {
    sim::Edge e;
    e.from = from;
    e.to = to;
    return e;
}

bool isStreamType(NodeType t) { return t == NodeType::Kinesis || t == NodeType::DynamoDbStream; }

}  // namespace

void Wiring::addNode(const std::string& id, NodeType type) {
    if (m_index.count(id)) return;
    sim::Node n;
    n.id = id;
    n.type = type;
    m_index[id] = m_scenario.nodes.size();
    m_scenario.nodes.push_back(n);
}

sim::Node* Wiring::find(const std::string& id) {
    const auto it = m_index.find(id);
    return it == m_index.end() ? nullptr : &m_scenario.nodes[it->second];
}

bool Wiring::isFunction(const std::string& id) const {
    const auto it = m_index.find(id);
    return it != m_index.end() && m_scenario.nodes[it->second].type == NodeType::Function;
}

bool Wiring::readResource(const std::string& id, const std::string& type, PropertyReader& p) {
    sim::Node* node = find(id);
    if (type == "AWS::Serverless::Function" || type == "AWS::Lambda::Function") {
        readFunction(id, p);
    } else if (type == "AWS::SQS::Queue") {
        readQueue(*node, p);
    } else if (type == "AWS::SNS::Topic") {
        readTopic(id, p);
    } else if (type == "AWS::S3::Bucket") {
        readBucket(id, p);
    } else if (type == "AWS::Kinesis::Stream") {
        if (auto v = p.number("ShardCount")) node->stream.shards = static_cast<int>(*v);
        if (auto v = p.number("RetentionPeriodHours")) node->stream.retention = seconds(*v * 3600);
        if (auto v = p.text("Name")) node->label = *v;
    } else if (type == "AWS::DynamoDB::Table") {
        if (!node) {
            m_warnings.push_back(id + ": a DynamoDB table without StreamSpecification feeds no function; not modelled");
            return true;
        }
        PropertyReader spec = p.child("StreamSpecification");
        spec.get("StreamViewType");  // the record's content; the playground's records carry the item body
        spec.finish();
        if (auto v = p.text("TableName")) node->label = *v;
    } else if (type == "AWS::Events::Rule") {
        readRule(id, p);
    } else if (type == "AWS::Events::EventBus" || type == "AWS::Logs::LogGroup") {
        if (auto v = p.text(type == "AWS::Logs::LogGroup" ? "LogGroupName" : "Name")) node->label = *v;
    } else if (type == "AWS::Serverless::Api" || type == "AWS::Serverless::HttpApi" ||
               type == "AWS::ApiGateway::RestApi" || type == "AWS::ApiGatewayV2::Api") {
        if (auto v = p.text("Name")) node->label = *v;
    } else if (type == "AWS::Lambda::EventSourceMapping") {
        readEventSourceMapping(p);
    } else if (type == "AWS::Lambda::EventInvokeConfig") {
        readEventInvokeConfig(p);
    } else if (type == "AWS::SNS::Subscription") {
        readSubscription(p);
    } else {
        return false;
    }
    return true;
}

void Wiring::readFunction(const std::string& id, PropertyReader& p) {
    sim::FunctionConfig& f = find(id)->function;
    if (auto v = p.number("Timeout")) f.timeout = seconds(*v);
    if (auto v = p.number("MemorySize")) f.memoryMb = static_cast<int>(*v);
    if (const Json* a = p.get("Architectures")) {
        const Json arch = m_values.resolved(*a);
        if (arch.is_array() && arch.size() == 1 && (arch[0] == "arm64" || arch[0] == "x86_64"))
            f.architecture = arch[0] == "arm64" ? sim::Architecture::Arm64 : sim::Architecture::X86_64;
        else
            p.warn("Architectures", "expected [x86_64] or [arm64]; ignored");
    }
    if (auto v = p.number("ReservedConcurrentExecutions")) f.reservedConcurrency = static_cast<int>(*v);
    {
        PropertyReader pc = p.child("ProvisionedConcurrencyConfig");
        if (auto v = pc.number("ProvisionedConcurrentExecutions")) f.provisionedConcurrency = static_cast<int>(*v);
        pc.finish();
    }
    if (p.has("EventInvokeConfig")) {
        PropertyReader async = p.child("EventInvokeConfig");
        readAsync(async, f.async);
        async.finish();
    }
    if (p.has("DeadLetterQueue")) {  // SAM: {Type: SQS|SNS, TargetArn}
        PropertyReader dlq = p.child("DeadLetterQueue");
        dlq.get("Type");
        f.async.deadLetterQueue = destination(dlq, "TargetArn");
        dlq.finish();
    }
    if (p.has("DeadLetterConfig")) {  // AWS::Lambda::Function: {TargetArn}
        PropertyReader dlq = p.child("DeadLetterConfig");
        f.async.deadLetterQueue = destination(dlq, "TargetArn");
        dlq.finish();
    }
    if (auto v = p.text("RecursiveLoop")) {
        if (*v == "Allow" || *v == "Terminate")
            f.recursiveLoop = *v == "Allow" ? sim::RecursiveLoop::Allow : sim::RecursiveLoop::Terminate;
        else
            p.warn("RecursiveLoop", "expected Allow or Terminate; ignored");
    }
    if (auto v = p.text("FunctionName")) find(id)->label = *v;
    if (const Json* events = p.get("Events")) {
        const Json list = m_values.resolved(*events);
        if (list.is_object())
            for (const auto& event : list.items()) readEvent(id, event.key(), event.value());
    }
}

void Wiring::readAsync(PropertyReader& p, sim::AsyncConfig& async) {
    if (auto v = p.number("MaximumRetryAttempts")) async.maxRetryAttempts = static_cast<int>(*v);
    if (auto v = p.number("MaximumEventAgeInSeconds")) async.maxEventAge = seconds(*v);
    PropertyReader config = p.child("DestinationConfig");
    for (const char* which : {"OnSuccess", "OnFailure"}) {
        if (!config.has(which)) continue;
        PropertyReader d = config.child(which);
        d.get("Type");  // SQS | SNS | Lambda | EventBridge: the referenced node's type says the same
        const std::string to = destination(d, "Destination");
        (std::string(which) == "OnSuccess" ? async.onSuccess : async.onFailure) = to;
        d.finish();
    }
    config.finish();
}

std::string Wiring::destination(PropertyReader& p, const std::string& key) {
    const auto id = p.reference(key);
    if (!id) return "";
    if (!find(*id)) {
        p.warn(key, "references " + *id + ", which is not a node of the playground; ignored");
        return "";
    }
    return *id;
}

void Wiring::addEdge(sim::Edge edge, PropertyReader& p, const std::string& key) {
    sim::Node* from = find(edge.from);
    sim::Node* to = find(edge.to);
    if (!from || !to) {
        p.warn(key, "references " + (from ? edge.to : edge.from) + ", which is not a node of the playground; ignored");
        return;
    }
    const bool duplicate = std::any_of(m_scenario.edges.begin(), m_scenario.edges.end(), [&](const sim::Edge& e) {
        return e.from == edge.from && e.to == edge.to;
    });
    if (duplicate) {
        p.warn(key, "a second connection " + edge.from + " -> " + edge.to + " (the playground keeps the first)");
        return;
    }
    m_scenario.edges.push_back(std::move(edge));
}

void Wiring::readEvent(const std::string& fnId, const std::string& name, const Json& event) {
    PropertyReader ev(m_values, m_warnings, fnId, "Properties.Events." + name, event);
    const std::string type = ev.text("Type").value_or("");
    PropertyReader ep = ev.child("Properties");
    sim::Edge e;
    e.to = fnId;
    std::string key;
    if (type == "SQS") {
        key = "Queue";
        readMapping(ep, e, false);
    } else if (type == "Kinesis" || type == "DynamoDB") {
        key = "Stream";
        readMapping(ep, e, true);
    } else if (type == "SNS") {
        key = "Topic";
    } else if (type == "S3") {
        key = "Bucket";
        ep.get("Events");  // which object events: the playground's bucket sends every item it is given
    } else if (type == "EventBridgeRule") {
        // SAM creates the rule as <Function><Event>; its pattern is not modelled (every item matches).
        e.from = fnId + name;
        addNode(e.from, NodeType::EventBridge);
    } else if (type == "CloudWatchLogs") {
        key = "LogGroupName";
    } else if (type == "Api" || type == "HttpApi") {
        key = type == "Api" ? "RestApiId" : "ApiId";
        if (!ep.has(key)) {  // SAM's implicit API
            e.from = type == "Api" ? "ServerlessRestApi" : "ServerlessHttpApi";
            addNode(e.from, NodeType::ApiGateway);
            key.clear();
        }
    } else {
        ev.warn("Type", "event type " + (type.empty() ? std::string("(none)") : type) + " not modelled by the playground");
        ep.finish("not read (event not modelled)");
        ev.finish();
        return;
    }
    if (!key.empty()) {
        const auto from = ep.reference(key);
        if (!from) {
            ep.finish();
            ev.finish();
            return;
        }
        e.from = *from;
    }
    if (!e.from.empty()) addEdge(std::move(e), ep, key.empty() ? "Type" : key);
    ep.finish();
    ev.finish();
}

void Wiring::readMapping(PropertyReader& p, sim::Edge& e, bool stream) {
    if (auto v = p.number("BatchSize")) e.batchSize = static_cast<int>(*v);
    if (auto v = p.number("MaximumBatchingWindowInSeconds")) e.batchingWindow = seconds(*v);
    if (const Json* types = p.get("FunctionResponseTypes")) {
        const Json list = m_values.resolved(*types);
        e.reportBatchItemFailures = list.is_array() && std::find(list.begin(), list.end(), Json("ReportBatchItemFailures")) != list.end();
    }
    if (p.has("ScalingConfig")) {
        PropertyReader scaling = p.child("ScalingConfig");
        if (auto v = scaling.number("MaximumConcurrency")) e.maximumConcurrency = static_cast<int>(*v);
        scaling.finish();
    }
    if (p.has("ProvisionedPollerConfig")) {
        PropertyReader pollers = p.child("ProvisionedPollerConfig");
        sim::ProvisionedPollers pp;
        if (auto v = pollers.number("MinimumPollers")) pp.minimum = static_cast<int>(*v);
        if (auto v = pollers.number("MaximumPollers")) pp.maximum = static_cast<int>(*v);
        e.provisionedPollers = pp;
        pollers.finish();
    }
    if (!stream) return;
    if (auto v = p.text("StartingPosition")) {
        if (*v == "TRIM_HORIZON") e.startingPosition = sim::StartingPosition::TrimHorizon;
        else if (*v == "LATEST") e.startingPosition = sim::StartingPosition::Latest;
        else if (*v == "AT_TIMESTAMP") e.startingPosition = sim::StartingPosition::AtTimestamp;
        else p.warn("StartingPosition", "expected TRIM_HORIZON, LATEST or AT_TIMESTAMP; ignored");
    }
    // The playground's clock starts at 0: the timestamp is read as seconds into the run.
    if (auto v = p.number("StartingPositionTimestamp")) e.startingPositionTimestamp = seconds(*v);
    if (auto v = p.boolean("BisectBatchOnFunctionError")) e.bisectBatchOnFunctionError = *v;
    if (auto v = p.number("MaximumRetryAttempts")) e.maximumRetryAttempts = static_cast<int>(*v);
    if (auto v = p.number("MaximumRecordAgeInSeconds")) e.maximumRecordAge = *v < 0 ? -1 : seconds(*v);
    if (auto v = p.number("ParallelizationFactor")) e.parallelizationFactor = static_cast<int>(*v);
    if (auto v = p.number("TumblingWindowInSeconds")) e.tumblingWindow = seconds(*v);
    if (p.has("DestinationConfig")) {
        PropertyReader config = p.child("DestinationConfig");
        PropertyReader onFailure = config.child("OnFailure");
        onFailure.get("Type");
        e.onFailure = destination(onFailure, "Destination");
        onFailure.finish();
        config.finish();
    }
}

void Wiring::readQueue(sim::Node& n, PropertyReader& p) {
    if (auto v = p.number("VisibilityTimeout")) n.queue.visibilityTimeout = seconds(*v);
    if (auto v = p.number("MessageRetentionPeriod")) n.queue.retention = seconds(*v);
    if (auto v = p.boolean("FifoQueue")) n.queue.fifo = *v;
    if (auto v = p.text("QueueName")) n.label = *v;
    if (p.has("RedrivePolicy")) {
        PropertyReader redrive = p.child("RedrivePolicy");
        sim::Redrive r;
        r.deadLetterQueue = destination(redrive, "deadLetterTargetArn");
        if (auto v = redrive.number("maxReceiveCount")) r.maxReceiveCount = static_cast<int>(*v);
        if (!r.deadLetterQueue.empty()) n.queue.redrive = r;
        redrive.finish();
    }
}

void Wiring::readTopic(const std::string& id, PropertyReader& p) {
    sim::Node& n = *find(id);
    if (auto v = p.boolean("FifoTopic")) n.queue.fifo = *v;
    if (auto v = p.text("TopicName")) n.label = *v;
    if (const Json* subs = p.get("Subscription")) {
        const Json list = m_values.resolved(*subs);
        for (std::size_t i = 0; list.is_array() && i < list.size(); ++i) {
            PropertyReader s(m_values, m_warnings, id, p.pathOf("Subscription") + "[" + std::to_string(i) + "]", list[i]);
            const std::string protocol = s.text("Protocol").value_or("");
            const auto endpoint = s.reference("Endpoint");
            if (protocol != "lambda" && protocol != "sqs") s.warn("Protocol", "protocol " + protocol + " not modelled");
            else if (endpoint) addEdge(connection(id, *endpoint), s, "Endpoint");
            s.finish();
        }
    }
}

void Wiring::readSubscription(PropertyReader& p) {
    const std::string protocol = p.text("Protocol").value_or("");
    const auto topic = p.reference("TopicArn");
    const auto endpoint = p.reference("Endpoint");
    if (protocol != "lambda" && protocol != "sqs") p.warn("Protocol", "protocol " + protocol + " not modelled");
    else if (topic && endpoint) addEdge(connection(*topic, *endpoint), p, "Endpoint");
}

void Wiring::readBucket(const std::string& id, PropertyReader& p) {
    if (auto v = p.text("BucketName")) find(id)->label = *v;
    if (!p.has("NotificationConfiguration")) return;
    PropertyReader config = p.child("NotificationConfiguration");
    if (const Json* lambdas = config.get("LambdaConfigurations")) {
        const Json list = m_values.resolved(*lambdas);
        for (std::size_t i = 0; list.is_array() && i < list.size(); ++i) {
            PropertyReader c(m_values, m_warnings, id,
                             config.pathOf("LambdaConfigurations") + "[" + std::to_string(i) + "]", list[i]);
            c.get("Event");  // which object events: every item the bucket is given
            if (auto fn = c.reference("Function")) addEdge(connection(id, *fn), c, "Function");
            c.finish();
        }
    }
    config.finish();
}

void Wiring::readRule(const std::string& id, PropertyReader& p) {
    if (auto v = p.text("Name")) find(id)->label = *v;
    const Json* targets = p.get("Targets");
    if (!targets) return;
    const Json list = m_values.resolved(*targets);
    for (std::size_t i = 0; list.is_array() && i < list.size(); ++i) {
        PropertyReader t(m_values, m_warnings, id, p.pathOf("Targets") + "[" + std::to_string(i) + "]", list[i]);
        t.get("Id");
        if (auto to = t.reference("Arn")) {
            if (isFunction(*to)) addEdge(connection(id, *to), t, "Arn");
            else t.warn("Arn", "a target that is not a function is not modelled");
        }
        t.finish();
    }
}

void Wiring::readEventSourceMapping(PropertyReader& p) {
    const auto fn = p.reference("FunctionName");
    const auto source = p.reference("EventSourceArn");
    if (!fn || !source || !find(*source)) return;
    sim::Edge e;
    e.from = *source;
    e.to = *fn;
    readMapping(p, e, isStreamType(find(*source)->type));
    addEdge(std::move(e), p, "EventSourceArn");
}

void Wiring::readEventInvokeConfig(PropertyReader& p) {
    const auto fn = p.reference("FunctionName");
    p.get("Qualifier");  // the playground has one version of each function
    if (!fn || !isFunction(*fn)) return;
    readAsync(p, find(*fn)->function.async);
}

}  // namespace pg::templates

// Template -> scenario (import_template.hpp). Two passes: every resource that is a node first (so references
// resolve in any order), then each resource's properties, events and wiring. Every property not read is
// reported by PropertyReader::finish.
#include "import_template.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "import_wiring.hpp"
#include "scenario/scenario_json.hpp"
#include "template_refs.hpp"

namespace pg::templates {
namespace {

using sim::NodeType;

/// The node type a resource type becomes, or nullopt. DynamoDB tables become a node only with a stream.
std::optional<NodeType> nodeTypeOfResource(const std::string& type) {
    if (type == "AWS::Serverless::Function" || type == "AWS::Lambda::Function") return NodeType::Function;
    if (type == "AWS::SQS::Queue") return NodeType::Sqs;
    if (type == "AWS::SNS::Topic") return NodeType::Sns;
    if (type == "AWS::S3::Bucket") return NodeType::S3;
    if (type == "AWS::Kinesis::Stream") return NodeType::Kinesis;
    if (type == "AWS::DynamoDB::Table") return NodeType::DynamoDbStream;
    if (type == "AWS::Events::Rule" || type == "AWS::Events::EventBus") return NodeType::EventBridge;
    if (type == "AWS::Logs::LogGroup") return NodeType::CloudWatchLogs;
    if (type == "AWS::Serverless::Api" || type == "AWS::Serverless::HttpApi" || type == "AWS::ApiGateway::RestApi" ||
        type == "AWS::ApiGatewayV2::Api")
        return NodeType::ApiGateway;
    return std::nullopt;
}

/// Globals.Function under a function's own properties: maps merge key by key, the function's value wins.
Json mergedWithGlobals(const Json& globals, const Json& own) {
    if (!globals.is_object() || !own.is_object()) return own.is_null() ? globals : own;
    Json merged = globals;
    for (const auto& item : own.items()) {
        const std::string& key = item.key();
        merged[key] = merged.contains(key) ? mergedWithGlobals(merged[key], item.value()) : item.value();
    }
    return merged;
}

std::string templateName(const Json& root) {
    if (root.contains("Description") && root["Description"].is_string()) {
        std::string d = root["Description"].get<std::string>();
        d = d.substr(0, d.find('\n'));
        while (!d.empty() && (d.back() == ' ' || d.back() == '\r')) d.pop_back();
        if (!d.empty()) return d;
    }
    return "Imported template";
}

}  // namespace

ImportResult importTemplate(const std::string& text, const ImportOptions& options) {
    ImportResult result;
    const TemplateDocument doc = parseTemplateText(text);
    if (!doc.ok()) {
        result.error = "not YAML or JSON: " + doc.error;
        return result;
    }
    const Json& root = doc.root;
    if (!root.is_object() || !root.contains("Resources") || !root["Resources"].is_object()) {
        result.error = "not a CloudFormation or SAM template: no top-level `Resources` map";
        return result;
    }
    result.isTemplate = true;
    const Json& resources = root["Resources"];
    const Json parameters = root.contains("Parameters") ? root["Parameters"] : Json::object();
    TemplateValues values(resources, parameters);
    Wiring wiring(values, result.scenario, result.warnings);

    Json globalFunction = Json::object();
    if (root.contains("Globals") && root["Globals"].is_object()) {
        for (const auto& section : root["Globals"].items()) {
            if (section.key() == "Function") globalFunction = section.value();
            else result.warnings.push_back("Globals." + section.key() + ": not modelled by the playground");
        }
    }
    for (const auto& item : root.items()) {
        static const std::vector<std::string> known = {"AWSTemplateFormatVersion", "Transform", "Description",
                                                      "Parameters", "Globals", "Resources", "Metadata", "Outputs"};
        if (std::find(known.begin(), known.end(), item.key()) == known.end())
            result.warnings.push_back(item.key() + ": template section not modelled by the playground");
    }

    // Pass 1: the nodes.
    for (const auto& item : resources.items()) {
        const std::string& id = item.key();
        const std::string type = values.typeOf(id);
        const auto nodeType = nodeTypeOfResource(type);
        if (!nodeType) continue;
        if (*nodeType == NodeType::DynamoDbStream) {
            const Json& r = item.value();
            const bool stream = r.contains("Properties") && r["Properties"].is_object() &&
                                r["Properties"].contains("StreamSpecification");
            if (!stream) continue;  // reported in pass 2
        }
        wiring.addNode(id, *nodeType);
    }
    // Pass 2: settings and wiring.
    for (const auto& item : resources.items()) {
        const std::string& id = item.key();
        const Json& resource = item.value();
        const std::string type = values.typeOf(id);
        if (!resource.is_object() || type.empty()) {
            result.warnings.push_back(id + ": not a resource (no Type); ignored");
            continue;
        }
        for (const auto& attr : resource.items()) {
            static const std::vector<std::string> harmless = {"Type", "Properties", "DependsOn", "Metadata",
                                                             "DeletionPolicy", "UpdateReplacePolicy"};
            if (std::find(harmless.begin(), harmless.end(), attr.key()) == harmless.end())
                result.warnings.push_back(id + ": " + attr.key() + ": not modelled by the playground");
        }
        Json properties = resource.contains("Properties") ? resource["Properties"] : Json::object();
        if (type == "AWS::Serverless::Function") properties = mergedWithGlobals(globalFunction, properties);
        PropertyReader props(values, result.warnings, id, "Properties", properties);
        if (!wiring.readResource(id, type, props))
            result.warnings.push_back(id + ": resource type " + type + " not modelled by the playground");
        else
            props.finish();
    }
    wiring.finish();

    sim::Scenario& s = result.scenario;
    s.name = templateName(root);
    s.description = "Imported from an AWS template.";
    // Traffic: every node that feeds a function or a subscribed queue, unless it is itself fed by a topic.
    std::set<std::string> fed;
    for (const sim::Edge& e : s.edges)
        if (wiring.isFunction(e.from) == false && !wiring.isFunction(e.to)) fed.insert(e.to);
    for (sim::Node& n : s.nodes) {
        if (n.type == NodeType::Function || fed.count(n.id)) continue;
        const bool feeds = std::any_of(s.edges.begin(), s.edges.end(), [&](const sim::Edge& e) { return e.from == n.id; });
        if (!feeds) continue;
        n.traffic.count = kDefaultImportItems;
        n.traffic.ratePerSecond = kDefaultImportRate;
        if (n.type == NodeType::Sqs && n.queue.fifo) n.traffic.group = "group-{n}";
        const auto given = options.traffic.find(n.id);
        if (given != options.traffic.end()) n.traffic.count = given->second;
        result.sources.push_back(n.id);
    }
    layoutScenario(s);
    return result;
}

void layoutScenario(sim::Scenario& s) {
    // Column 0: nodes that feed something; 1: functions; 2: everything else (queues, DLQs, destinations).
    constexpr double kColumnX[3] = {60, 380, 700};
    constexpr double kTop = 60, kRowHeight = 120;
    int rows[3] = {0, 0, 0};
    for (sim::Node& n : s.nodes) {
        int column = 2;
        if (n.type == NodeType::Function) column = 1;
        else if (std::any_of(s.edges.begin(), s.edges.end(), [&](const sim::Edge& e) { return e.from == n.id; }))
            column = 0;
        n.x = kColumnX[column];
        n.y = kTop + kRowHeight * rows[column]++;
    }
}

}  // namespace pg::templates

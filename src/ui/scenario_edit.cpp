// Edits of the plain-data Scenario made by the UI and their validation by scenario::validate().
#include "scenario_edit.hpp"

#include <algorithm>

#include "scenario/scenario_json.hpp"
#include "scenario/scenario_limits.hpp"

namespace pg::ui {

using namespace sim;

std::string validationError(const Scenario& candidate) {
    const std::vector<scenario::ScenarioError> errors = scenario::validate(candidate);
    if (errors.empty()) return "";
    const scenario::ScenarioError& e = errors.front();
    return e.path.empty() ? e.message : e.path + ": " + e.message;
}

int nodeIndexOf(const Scenario& scenario, const std::string& id) {
    for (std::size_t i = 0; i < scenario.nodes.size(); ++i)
        if (scenario.nodes[i].id == id) return static_cast<int>(i);
    return -1;
}

ConnectCheck canConnect(const Scenario& scenario, const std::string& from, const std::string& to) {
    const int fi = nodeIndexOf(scenario, from), ti = nodeIndexOf(scenario, to);
    if (fi < 0 || ti < 0 || fi == ti) return {false, ConnectVerdict::NotTwoNodes, {}, "", "pick another node"};
    Scenario candidate = scenario;
    Edge edge;
    edge.from = from;
    edge.to = to;
    candidate.edges.push_back(edge);
    const std::vector<scenario::ScenarioError> errors = scenario::validate(candidate);
    if (!errors.empty()) {
        const scenario::ScenarioError& e = errors.front();
        // A problem of the new edge is told without its path: the user is pointing at the edge.
        const std::string newEdge = "/edges/" + std::to_string(candidate.edges.size() - 1);
        const bool aboutNewEdge = !e.path.empty() && e.path.rfind(newEdge, 0) == 0;
        const std::string message = aboutNewEdge || e.path.empty() ? e.message : e.path + ": " + e.message;
        return {false, ConnectVerdict::BreaksRule, e.rule, e.path, message};
    }
    const auto accepted = [](ConnectVerdict verdict, const char* what) {
        return ConnectCheck{true, verdict, {}, "", std::string("connect: ") + what};
    };
    const NodeType fromType = scenario.nodes[static_cast<std::size_t>(fi)].type;
    const NodeType toType = scenario.nodes[static_cast<std::size_t>(ti)].type;
    if (fromType == NodeType::Sns && toType == NodeType::Sqs)
        return accepted(ConnectVerdict::Subscription, "SNS subscription (the topic delivers every message to the queue)");
    if (fromType == NodeType::Function)
        return accepted(ConnectVerdict::SendEdge,
                        "send edge (the function's code sends a message or writes an object here per item it processed)");
    switch (invocationModeOf(fromType)) {
    case InvocationMode::Synchronous:
        return accepted(ConnectVerdict::SynchronousInvoke, "synchronous invoke (request and response)");
    case InvocationMode::Asynchronous:
        return accepted(ConnectVerdict::AsynchronousInvoke, "asynchronous invoke (through the internal queue)");
    case InvocationMode::PollBased:
    case InvocationMode::None: break;
    }
    return accepted(ConnectVerdict::EventSourceMapping, "event source mapping (Lambda polls)");
}

std::string addNode(Scenario& scenario, NodeType type, const std::string& role, double x, double y) {
    std::string base = role.empty() ? nodeTypeName(type) : role;
    for (char& c : base)
        if (c == '_') c = '-';
    std::string id;
    for (int n = 1;; ++n) {
        id = base + "-" + std::to_string(n);
        if (nodeIndexOf(scenario, id) < 0) break;
    }
    Node node;
    node.id = id;
    node.type = type;
    node.x = x;
    node.y = y;
    if (type != NodeType::Function && role.empty()) {
        node.traffic.count = 10;
        node.traffic.ratePerSecond = 1.0;
        node.traffic.body = base + "-{n}";
    }
    scenario.nodes.push_back(node);
    return id;
}

void removeNode(Scenario& scenario, const std::string& id) {
    const int index = nodeIndexOf(scenario, id);
    if (index < 0) return;
    scenario.nodes.erase(scenario.nodes.begin() + index);
    std::vector<Edge> kept;
    for (Edge& e : scenario.edges) {
        if (e.from == id || e.to == id) continue;
        if (e.onFailure == id) e.onFailure.clear();
        kept.push_back(e);
    }
    scenario.edges = std::move(kept);
    for (Node& n : scenario.nodes) {
        AsyncConfig& a = n.function.async;
        for (std::string* ref : {&a.deadLetterQueue, &a.onSuccess, &a.onFailure})
            if (*ref == id) ref->clear();
        if (n.queue.redrive && n.queue.redrive->deadLetterQueue == id) n.queue.redrive.reset();
    }
}

std::string forkedName(const std::string& aName) {
    static const std::string kSuffix = " (B)";
    if (aName.empty()) return "B";
    std::size_t keep = std::min(aName.size(), scenario::kMaxNameLength - kSuffix.size());
    while (keep > 0 && keep < aName.size() && (static_cast<unsigned char>(aName[keep]) & 0xC0) == 0x80)
        --keep;  // not inside a UTF-8 sequence
    return aName.substr(0, keep) + kSuffix;
}

}  // namespace pg::ui

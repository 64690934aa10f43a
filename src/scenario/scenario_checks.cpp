// Cross-reference checks of a scenario: references between nodes, destination and DLQ types, edge wiring,
// per-source edge ranges, reserved concurrency and the total item limit. Each error names its Rule. Run by
// parseScenario on what it read and by validate() on a Scenario held as data.
#include "reader_support.hpp"

namespace pg::scenario::detail {

namespace {

class GraphChecker {
public:
    GraphChecker(const sim::Scenario& checked, const CrossCheckInputs& inputs, ValueReader& sink)
        : scenario(checked), nodeIndex(inputs.nodeIndex), nodeTypeKnown(inputs.nodeTypeKnown),
          itemReferences(inputs.itemReferences), trafficCountPaths(inputs.trafficCountPaths), m_sink(sink) {}

    const sim::Scenario& scenario;
    const std::map<std::string, std::size_t>& nodeIndex;
    const std::vector<bool>& nodeTypeKnown;
    const std::vector<Reference>& itemReferences;
    const std::vector<std::string>& trafficCountPaths;

    void error(const std::string& path, Rule rule, std::string message) {
        m_sink.error(path, std::move(message), rule);
    }

    std::vector<std::string> nodeIds() const {
        std::vector<std::string> ids;
        for (const auto& [id, index] : nodeIndex) ids.push_back(id);
        return ids;
    }

    /// The node a reference names, or nullptr after reporting a dangling reference.
    const sim::Node* resolve(const std::string& path, const std::string& target) {
        auto it = nodeIndex.find(target);
        if (it == nodeIndex.end()) {
            error(path, Rule::DanglingReference,
                  "refers to " + ticked(target) + ", but no node has that id" +
                      suggestion(target, nodeIds()));
            return nullptr;
        }
        return nodeTypeKnown[it->second] ? &scenario.nodes[it->second] : nullptr;
    }

    void checkAsyncTargets(const sim::Node& fn, const std::string& path) {
        const sim::AsyncConfig& a = fn.function.async;
        if (!a.deadLetterQueue.empty()) {
            const std::string p = path + "/async/dead_letter_queue";
            if (const sim::Node* t = resolve(p, a.deadLetterQueue)) {
                if (t->type != NodeType::Sqs && t->type != NodeType::Sns)
                    error(p, Rule::FunctionDeadLetterQueue,
                          "a function's dead-letter queue must be an sqs queue or an sns topic (FIDELITY "
                          "5.3); " +
                              ticked(t->id) + " is type " + ticked(sim::nodeTypeName(t->type)));
                else if (t->queue.fifo)
                    error(p, Rule::FunctionDeadLetterQueue,
                          "a function's dead-letter queue must be a standard queue or topic, not FIFO "
                          "(FIDELITY 5.3); " +
                              ticked(t->id) + " is FIFO");
            }
        }
        const std::pair<const std::string*, const char*> destinations[] = {{&a.onSuccess, "on_success"},
                                                                          {&a.onFailure, "on_failure"}};
        for (const auto& [target, key] : destinations) {
            if (target->empty()) continue;
            const std::string p = path + "/async/" + key;
            if (*target == fn.id) {
                error(p, Rule::DestinationToItself,
                      "You can't specify the function as a destination for itself. (FIDELITY 5.2)");
                continue;
            }
            const sim::Node* t = resolve(p, *target);
            if (!t) continue;
            const bool onFailure = std::string(key) == "on_failure";
            if (t->type == NodeType::S3 && !onFailure) {
                error(p, Rule::DestinationType,
                      "an S3 bucket can be an on-failure destination only (FIDELITY 5.2: destination types)");
            } else if (t->type != NodeType::Sqs && t->type != NodeType::Sns && t->type != NodeType::Function &&
                       t->type != NodeType::EventBridge && t->type != NodeType::S3) {
                error(p, Rule::DestinationType,
                      std::string(
                          "a destination must be an sqs queue, sns topic, function or eventbridge bus") +
                          (onFailure ? " (or an s3 bucket for on_failure)" : "") +
                          " (FIDELITY 5.2: destination types); " + ticked(t->id) + " is type " +
                          ticked(sim::nodeTypeName(t->type)));
            } else if ((t->type == NodeType::Sqs || t->type == NodeType::Sns) && t->queue.fifo) {
                error(p, Rule::DestinationType,
                      "FIFO queues and topics are not supported as destinations (FIDELITY 5.2); " +
                          ticked(t->id) + " is FIFO");
            }
        }
    }

    void checkRedrive(const sim::Node& queue, const std::string& path) {
        if (!queue.queue.redrive || queue.queue.redrive->deadLetterQueue.empty()) return;
        const std::string p = path + "/redrive/dead_letter_queue";
        const std::string& target = queue.queue.redrive->deadLetterQueue;
        if (target == queue.id) {
            error(p, Rule::RedriveDeadLetterQueue, "a queue cannot be its own dead-letter queue");
            return;
        }
        const sim::Node* t = resolve(p, target);
        if (!t) return;
        if (t->type != NodeType::Sqs)
            error(p, Rule::RedriveDeadLetterQueue,
                  "a redrive dead-letter queue must be an sqs queue (FIDELITY 6.2); " + ticked(t->id) +
                      " is type " + ticked(sim::nodeTypeName(t->type)));
        else if (t->queue.fifo != queue.queue.fifo)
            error(p, Rule::RedriveDeadLetterQueue,
                  std::string("the dead-letter queue of a ") + (queue.queue.fifo ? "FIFO" : "standard") +
                      " queue must also be " + (queue.queue.fifo ? "a FIFO" : "a standard") +
                      " queue (FIDELITY 6.2: DLQ type must match the source); " + ticked(t->id) + " is " +
                      (t->queue.fifo ? "FIFO" : "standard"));
    }

    /// Why a synchronous source has one function, in the service's own terms.
    static const char* syncTargetRule(NodeType type) {
        switch (type) {
        case NodeType::ApiGateway: return "an API Gateway route has one integration target";
        case NodeType::Alb: return "a listener rule forwards to one target group, and a Lambda target group holds "
                                   "one function";
        case NodeType::CloudFront: return "a cache behavior's event type has one Lambda@Edge function association";
        case NodeType::Cognito: return "a user pool trigger names one function";
        case NodeType::Lex: return "a bot's code hook names one function";
        case NodeType::Alexa: return "a skill endpoint names one function";
        case NodeType::Firehose: return "a delivery stream's data transformation names one function";
        default: return "it has one integration target";
        }
    }

    void checkEdges() {
        std::map<std::pair<std::string, std::string>, std::size_t> seen;
        std::map<std::string, std::size_t> syncTarget;  // synchronous source -> its function edge
        for (std::size_t i = 0; i < scenario.edges.size(); ++i) {
            const sim::Edge& e = scenario.edges[i];
            const std::string path = "/edges/" + std::to_string(i);
            if (e.from.empty() || e.to.empty()) continue;
            const sim::Node* from = resolve(path + "/from", e.from);
            const sim::Node* to = resolve(path + "/to", e.to);
            if (from && from->type == NodeType::Function) {
                // A send edge: the function's code sends messages to a queue or topic or writes an object to a
                // bucket (the SDK's SendMessage / Publish / PutObject), the way loops that recursive loop detection
                // stops are built (AWS DG invocation-recursion: functions, SQS, S3 and SNS).
                if (to && to->type != NodeType::Sqs && to->type != NodeType::Sns && to->type != NodeType::S3) {
                    error(path + "/to", Rule::SendEdgeTarget,
                          "an edge from a function is a send edge and must end at an sqs queue, an "
                          "sns topic or an s3 bucket; " +
                              ticked(to->id) + " is type " + ticked(sim::nodeTypeName(to->type)) +
                              " (a function passes results to other "
                              "targets through its `async` settings)");
                    continue;
                }
            } else if (from && to && from->type == NodeType::Sns && to->type == NodeType::Sqs) {
                // A subscription (SNS DG sns-sqs-as-subscriber, fifo-message-delivery): a FIFO topic delivers to
                // FIFO and standard queues, a standard topic to standard queues only.
                if (to->queue.fifo && !from->queue.fifo) {
                    error(path + "/to", Rule::SnsSubscription,
                          "a standard SNS topic can't deliver to a FIFO SQS queue: FIFO queues can subscribe to "
                          "FIFO topics only (SNS DG fifo-message-delivery); " +
                              ticked(to->id) + " is FIFO, " + ticked(from->id) + " is standard");
                    continue;
                }
            } else if (to && to->type != NodeType::Function) {
                error(path + "/to", Rule::EdgeTarget,
                      "an edge must end at a function; " + ticked(to->id) + " is type " +
                          ticked(sim::nodeTypeName(to->type)) +
                          " (failures reach queues through a function's `async` settings or a "
                          "queue's `redrive`; an edge from an sns topic to an sqs queue is a subscription)");
                continue;
            }
            if (auto [it, inserted] = seen.emplace(std::make_pair(e.from, e.to), i); !inserted) {
                error(path, Rule::DuplicateEdge,
                      "duplicate edge " + ticked(e.from) + " -> " + ticked(e.to) + " (already /edges/" +
                          std::to_string(it->second) +
                          "); AWS rejects a second event source mapping of the same source and function "
                          "with ResourceConflictException (FIDELITY 6.1)");
                continue;
            }
            if (!from || !to || from->type == NodeType::Function || to->type != NodeType::Function) continue;
            if (from->type == NodeType::Sns && from->queue.fifo) {
                // https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html (a FIFO topic may still deliver to
                // SQS queues, whose mappings invoke the function: the rule is about the direct trigger only).
                error(path, Rule::SnsFifoTrigger,
                      "Lambda supports SNS triggers for standard SNS topics only. FIFO topics aren't supported "
                      "(Lambda DG with-sns); " +
                          ticked(from->id) + " is FIFO: subscribe a FIFO queue to it and map the queue instead");
                continue;
            }
            if (sim::invocationModeOf(from->type) == sim::InvocationMode::Synchronous) {
                if (auto [first, inserted] = syncTarget.emplace(e.from, i); !inserted)
                    error(path, Rule::SyncSourceFunction,
                          std::string("a synchronous source invokes one function and waits for its response: ") +
                              syncTargetRule(from->type) + "; " + ticked(e.from) + " is already wired to " +
                              ticked(scenario.edges[first->second].to) + " (/edges/" +
                              std::to_string(first->second) + ")");
            }
            if (from->type == NodeType::Sqs) checkSqsEdge(e, path, *from, *to);
            if (isStream(from->type)) checkStreamEdge(e, path, *from);
        }
    }

    void checkSqsEdge(const sim::Edge& e, const std::string& path, const sim::Node& queue, const sim::Node& fn) {
        if (e.batchSize && queue.queue.fifo && *e.batchSize > 10)
            error(path + "/batch_size", Rule::SqsBatchSize,
                  "must be between 1 and 10 for a FIFO queue (FIDELITY 6.1: BatchSize); got " +
                      std::to_string(*e.batchSize));
        else if (e.batchSize && *e.batchSize > 10 && e.batchingWindow == 0)
            error(path + "/batch_size", Rule::SqsBatchSize,
                  "Maximum batch window in seconds must be greater than 0 if maximum batch "
                  "size is greater than 10 (FIDELITY 6.1: set `batching_window`)");
        // https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html: MaximumBatchingWindowInSeconds.
        if (queue.queue.fifo && e.batchingWindow > 0)
            error(path + "/batching_window", Rule::FifoBatchingWindow,
                  "Batching window is not supported for FIFO queues (Lambda DG services-sqs-parameters: "
                  "MaximumBatchingWindowInSeconds); " +
                      ticked(queue.id) + " is FIFO, so `batching_window` must be 0 s");
        if (e.provisionedPollers) {
            // DG-SQS-PROV: "maximum concurrency settings or ... provisioned mode. These are mutually exclusive
            // options."; ProvisionedPollerConfig: the minimum pollers Lambda scales down to, the maximum it scales
            // up to.
            if (e.maximumConcurrency)
                error(path + "/provisioned_pollers", Rule::ProvisionedPollers,
                      "cannot be used with `maximum_concurrency`: maximum concurrency and provisioned mode are "
                      "mutually exclusive options (DG-SQS-PROV)");
            if (e.provisionedPollers->minimum > e.provisionedPollers->maximum)
                error(path + "/provisioned_pollers/minimum", Rule::ProvisionedPollers,
                      "is " + std::to_string(e.provisionedPollers->minimum) + ", above the maximum " +
                          std::to_string(e.provisionedPollers->maximum) +
                          ": MinimumPollers is what the mapping scales down to and must not exceed MaximumPollers "
                          "(DG-SQS-PARAMS)");
        }
        if (queue.queue.visibilityTimeout < fn.function.timeout)
            error(path, Rule::VisibilityTimeout,
                  "Queue visibility timeout: " + secondsText(queue.queue.visibilityTimeout) +
                      " is less than Function timeout: " + secondsText(fn.function.timeout) +
                      " (FIDELITY 6.2: AWS rejects this event source mapping; AWS recommends at least 6 x "
                      "the function timeout)");
    }

    void checkStreamEdge(const sim::Edge& e, const std::string& path, const sim::Node& stream) {
        if (e.startingPosition == sim::StartingPosition::AtTimestamp && stream.type != NodeType::Kinesis)
            error(path + "/starting_position", Rule::StartingPosition,
                  "AT_TIMESTAMP is supported for Kinesis only (FIDELITY 6.4)");
        if (!e.onFailure.empty()) {
            const std::string p = path + "/on_failure";
            if (const sim::Node* t = resolve(p, e.onFailure)) {
                if (t->type != NodeType::Sqs && t->type != NodeType::Sns && t->type != NodeType::S3)
                    error(p, Rule::StreamOnFailure,
                          "a stream's on-failure destination must be an sqs queue, sns topic or s3 bucket "
                          "(FIDELITY 6.3); " +
                              ticked(t->id) + " is type " + ticked(sim::nodeTypeName(t->type)));
            }
        }
    }

    /// Provisioned concurrency counts against the function's reserved concurrency, or comes out of the account's
    /// unreserved pool (DG-PC); `reserved` is the running total of both.
    void checkProvisioned(const sim::Node& n, const std::string& path, std::int64_t& reserved, std::int64_t limit,
                          std::int64_t minimumUnreserved) {
        if (!n.function.provisionedConcurrency) return;
        const int provisioned = *n.function.provisionedConcurrency;
        if (n.function.reservedConcurrency) {
            if (provisioned > *n.function.reservedConcurrency)
                error(path + "/provisioned_concurrency", Rule::ProvisionedConcurrency,
                      "is " + std::to_string(provisioned) + ", above the function's reserved concurrency " +
                          std::to_string(*n.function.reservedConcurrency) +
                          ": provisioned concurrency counts against reserved concurrency and cannot exceed it (DG-PC)");
            return;
        }
        reserved += provisioned;
        if (limit - reserved < minimumUnreserved)
            error(path + "/provisioned_concurrency", Rule::ProvisionedConcurrency,
                  "leaves the account's unreserved concurrency below its minimum of " +
                      std::to_string(minimumUnreserved) +
                      ": provisioned concurrency of a function without reserved concurrency comes out of the "
                      "unreserved pool (DG-PC, FIDELITY 3; " + std::to_string(reserved) + " of " +
                      std::to_string(limit) + " taken so far)");
    }

    void checkGraph() {
        std::int64_t reserved = 0, totalItems = 0;
        const std::int64_t limit = scenario.accountConcurrencyLimit;
        const std::int64_t minimumUnreserved = std::min<std::int64_t>(100, limit);
        for (std::size_t i = 0; i < scenario.nodes.size(); ++i) {
            const sim::Node& n = scenario.nodes[i];
            if (!nodeTypeKnown[i]) continue;
            const std::string path = "/nodes/" + std::to_string(i);
            if (n.type == NodeType::Function) {
                checkAsyncTargets(n, path);
                if (n.function.reservedConcurrency) {
                    reserved += *n.function.reservedConcurrency;
                    if (limit - reserved < minimumUnreserved)
                        error(path + "/reserved_concurrency", Rule::ReservedConcurrency,
                              "Specified ReservedConcurrentExecutions for function decreases account's "
                              "UnreservedConcurrentExecution below its minimum value of [" +
                                  std::to_string(minimumUnreserved) +
                                  "]. (FIDELITY 3: reserved concurrency must leave "
                                  "at least " +
                                  std::to_string(minimumUnreserved) + " of the account's " +
                                  std::to_string(limit) + " unreserved; " + std::to_string(reserved) +
                                  " reserved so far)");
                }
                checkProvisioned(n, path, reserved, limit, minimumUnreserved);
            }
            if (n.type == NodeType::Sqs) checkRedrive(n, path);
            if (!trafficCountPaths[i].empty()) {
                totalItems += n.traffic.count;
                if (totalItems > kMaxTotalItems && totalItems - n.traffic.count <= kMaxTotalItems)
                    error(trafficCountPaths[i], Rule::TotalItems,
                          "brings the total number of items above " + std::to_string(kMaxTotalItems) +
                              " (scenario limit)");
                if (n.type == NodeType::Sqs && !n.queue.fifo && !n.traffic.group.empty())
                    error(path + "/traffic/group", Rule::FifoGroup,
                          "applies only to FIFO queues (set \"fifo\": true)");
            }
        }
        for (const Reference& ref : itemReferences) {
            auto hash = ref.target.rfind('#');
            std::string origin = hash == std::string::npos ? "" : ref.target.substr(0, hash);
            std::string number = hash == std::string::npos ? "" : ref.target.substr(hash + 1);
            bool numeric = !number.empty() && number.size() <= 18 && number[0] != '0' &&
                           std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (!numeric) {
                error(ref.path, Rule::ItemReference,
                      "must be an item id \"<source node id>#<n>\" (n from 1), e.g. \"orders#13\"; got " +
                          ticked(ref.target));
                continue;
            }
            auto it = nodeIndex.find(origin);
            if (it == nodeIndex.end())
                error(ref.path, Rule::ItemReference,
                      "names items of " + ticked(origin) + ", but no node has that id" +
                          suggestion(origin, nodeIds()));
        }
        checkEdges();
    }
private:
    ValueReader& m_sink;
};

}  // namespace

void checkGraph(const sim::Scenario& scenario, const CrossCheckInputs& inputs, ValueReader& sink) {
    GraphChecker(scenario, inputs, sink).checkGraph();
}

CrossCheckInputs crossCheckInputsOf(const sim::Scenario& scenario) {
    CrossCheckInputs inputs;
    for (std::size_t i = 0; i < scenario.nodes.size(); ++i) {
        const sim::Node& node = scenario.nodes[i];
        const std::string path = "/nodes/" + std::to_string(i);
        inputs.nodeIndex.emplace(node.id, i);
        inputs.nodeTypeKnown.push_back(true);
        // The writer writes a source's count whenever its traffic differs from the default (count 0).
        inputs.trafficCountPaths.push_back(isSource(node.type) ? path + "/traffic/" + countKeyOf(node.type)
                                                               : "");
        if (node.type != NodeType::Function)
            continue;
        for (std::size_t r = 0; r < node.function.behavior.size(); ++r) {
            const sim::RuleCondition& when = node.function.behavior[r].when;
            if (when.item)
                inputs.itemReferences.push_back(
                    {path + "/behavior/" + std::to_string(r) + "/when/item", *when.item});
        }
    }
    return inputs;
}

}  // namespace pg::scenario::detail

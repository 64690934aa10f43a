#include "warnings.hpp"

#include <cmath>

#include "compare/run_compare.hpp"
#include "cost/cost_model.hpp"
#include "engine/recursion_scope.hpp"
#include "text_format.hpp"

namespace pg::ui {

using namespace sim;

namespace {

const Node* findNode(const Scenario& s, const std::string& id) {
    for (const Node& n : s.nodes)
        if (n.id == id) return &n;
    return nullptr;
}

void staticWarnings(const Scenario& s, std::vector<Warning>& out) {
    for (const Edge& e : s.edges) {
        const Node* from = findNode(s, e.from);
        const Node* fn = findNode(s, e.to);
        if (!from || !fn) continue;
        if (from->type == NodeType::Sqs && !fn->function.async.deadLetterQueue.empty())
            out.push_back({"dlq_on_sqs_function", "Function DLQ on an SQS-triggered function",
                           "`" + fn->id + "` has a dead-letter queue, but it only applies to asynchronous invokes. "
                           "Messages from `" + from->id + "` never reach it: configure a redrive policy on the queue "
                           "instead.", fn->id, kNone});
        if (invocationModeOf(from->type) == InvocationMode::PollBased && !e.reportBatchItemFailures) {
            for (const BehaviorRule& r : fn->function.behavior) {
                if (r.then != RuleOutcome::ReportFailure) continue;
                out.push_back({"partial_batch_ignored", "Partial batch response without ReportBatchItemFailures",
                               "`" + fn->id + "` returns batchItemFailures, but the mapping from `" + from->id +
                                   "` does not enable ReportBatchItemFailures: the response is ignored and the whole "
                                   "batch counts as a success (failed items are deleted).", fn->id, kNone});
                break;
            }
            for (const BehaviorRule& r : fn->function.behavior) {
                if (r.then != RuleOutcome::InvalidBatchResponse) continue;
                out.push_back({"invalid_response_ignored", "Invalid batch response ignored",
                               "`" + fn->id + "` returns an invalid batchItemFailures response, but the mapping from `" +
                                   from->id + "` does not enable ReportBatchItemFailures: the response is ignored and "
                                   "the batch succeeds. With it on, the whole batch would fail and be retried "
                                   "(FIDELITY 6.2/6.3).", fn->id, kNone});
                break;
            }
        }
        const bool stream = from->type == NodeType::Kinesis || from->type == NodeType::DynamoDbStream;
        if (invocationModeOf(from->type) == InvocationMode::PollBased && !(stream && e.tumblingWindow > 0)) {
            for (const BehaviorRule& r : fn->function.behavior) {
                if (r.then != RuleOutcome::MissingState) continue;
                out.push_back({"missing_state_ignored", "Response without state, but no tumbling window",
                               "`" + fn->id + "` returns no `state`; that only fails an invocation when the stream "
                               "mapping from `" + from->id + "` has a tumbling window (FIDELITY 6.3).", fn->id, kNone});
                break;
            }
        }
    }
    // A send edge to a queue or topic that invokes the sender: a recursive loop (AWS DG invocation-recursion).
    for (const Edge& e : s.edges) {
        const Node* fn = findNode(s, e.from);
        if (!fn || fn->type != NodeType::Function) continue;
        bool loops = false;
        for (const Edge& back : s.edges) loops = loops || (back.from == e.to && back.to == fn->id);
        if (!loops) continue;
        const bool allow = fn->function.recursiveLoop == RecursiveLoop::Allow;
        out.push_back({"send_loop", "Recursive loop: " + fn->id + " -> " + e.to,
                       "`" + fn->id + "` sends to `" + e.to + "`, which invokes `" + fn->id + "` again. " +
                           (allow ? std::string("recursive_loop is Allow: nothing stops the loop.")
                                  : "Lambda's recursive loop detection (documented: AWS DG invocation-recursion) "
                                    "stops the chain after about 16 invocations."),
                       fn->id, kNone});
    }
    // A function whose destination or DLQ feeds back into itself.
    for (const Node& fn : s.nodes) {
        if (fn.type != NodeType::Function) continue;
        const AsyncConfig& a = fn.function.async;
        for (const std::string* ref : {&a.onSuccess, &a.onFailure, &a.deadLetterQueue}) {
            if (ref->empty()) continue;
            bool loops = *ref == fn.id;
            for (const Edge& e : s.edges) loops = loops || (e.from == *ref && e.to == fn.id);
            if (!loops) continue;
            // AWS DG invocation-recursion: loops through functions, SQS, S3 and SNS only (countsChain).
            const Node* target = findNode(s, *ref);
            const bool detected = !target || countsChain(target->type);
            out.push_back({"recursive_loop", "Recursive loop",
                           "`" + fn.id + "` sends its results to `" + *ref + "`, which invokes `" + fn.id +
                               "` again: every event can circle forever (" +
                               (detected ? std::string("Lambda's recursive loop detection stops such loops after "
                                                       "about 16 round trips).")
                                         : "Lambda's recursive loop detection covers loops through functions, SQS, "
                                           "S3 and SNS only: nothing stops a loop through `" +
                                               std::string(nodeTypeName(target->type)) + "`)."),
                           fn.id, kNone});
        }
    }
}

/// " Its 12 receives have cost $0.0000061 so far (SQS and Lambda requests, Lambda GB-seconds); at its rate of one
/// receive every 30 s that is $0.018 a day." (docs/cost.md; rate from its first and last receive).
std::string loopCostText(const Engine& engine, std::uint32_t item, bool pending) {
    const Item& it = engine.items()[item];
    if (it.function == kNone) return "";
    const double perReceive = cost::receiveCostUsd(engine, it.origin, engine.functions()[it.function].node);
    std::string text = " Its " + std::to_string(it.attempts) + " receives have cost " +
                       compare::formatUsd(perReceive * it.attempts) + " so far (SQS and Lambda requests, Lambda "
                       "GB-seconds)";
    const std::vector<SimTime> times = engine.items().attemptTimes(item);
    if (!pending || times.size() < 2 || times.back() <= times.front()) return text + ".";
    const double every = toSeconds(times.back() - times.front()) / static_cast<double>(times.size() - 1);
    return text + "; at its rate of one receive every " + formatDuration(static_cast<SimTime>(std::llround(every * kSecond))) + " that is " +
           compare::formatUsd(perReceive * 86400.0 / every) + " a day.";
}

void loopWarnings(const Engine& engine, std::vector<Warning>& out) {
    const Scenario& s = engine.scenario();
    const ItemStore& items = engine.items();
    // Only items of an SQS queue without a redrive policy or of a stream loop, and only when a function
    // consumes it (its messages may come from traffic, a send edge or a delivery): with no such source, skip
    // the scan of every item (100,000 of them in a large run, every quarter second).
    bool canLoop = false;
    for (const Edge& edge : s.edges) {
        const Node* from = findNode(s, edge.from);
        canLoop = canLoop || (from && ((from->type == NodeType::Sqs && !from->queue.redrive) ||
                                       from->type == NodeType::Kinesis || from->type == NodeType::DynamoDbStream));
    }
    if (!canLoop) return;
    int reported = 0, more = 0;
    for (std::uint32_t i = 0; i < items.size(); ++i) {
        const Item& it = items[i];
        if (it.origin >= s.nodes.size()) continue;
        const bool pending = it.outcome == ItemOutcome::Pending, expired = it.outcome == ItemOutcome::Expired;
        if (!pending && !expired) continue;
        const Node& origin = s.nodes[it.origin];
        const bool sqsLoop = origin.type == NodeType::Sqs && !origin.queue.redrive;
        const bool stream = origin.type == NodeType::Kinesis || origin.type == NodeType::DynamoDbStream;
        if (!(sqsLoop || stream) || it.attempts < kLoopReceives) continue;
        if (reported >= 8) {
            ++more;
            continue;
        }
        ++reported;
        const std::string id = engine.itemId(i);
        if (sqsLoop) {
            const SimTime end = it.createdAt + origin.queue.retention;
            const std::string when = formatCalendar(end) + " (t = " + formatClock(end) + ")";
            out.push_back({"sqs_no_redrive_loop", id + " received " + std::to_string(it.attempts) + " times",
                           (pending ? "`" + origin.id + "` has no redrive policy: " + id + " will keep coming back after "
                                          "every visibility timeout (" + formatDuration(origin.queue.visibilityTimeout) +
                                          ") until retention ends on " + when + "; add a redrive policy."
                                    : "`" + origin.id + "` has no redrive policy: " + id + " kept coming back after "
                                          "every visibility timeout until retention ended on " + when + " and SQS "
                                          "deleted it unprocessed; add a redrive policy.") +
                               loopCostText(engine, i, pending), origin.id, i});
        } else if (pending) {
            out.push_back({"poison_record", id + " blocks its shard",
                           id + " failed " + std::to_string(it.attempts) + " times. Records behind it on the same "
                               "shard wait: with maximum_retry_attempts -1 it is retried until it expires (" +
                               formatDuration(origin.stream.retention) + "). Set maximum retry attempts, "
                               "bisect, or an on-failure destination.", origin.id, i});
        }
    }
    if (more > 0)
        out.push_back({"more", "and " + std::to_string(more) + " more items", "", "", kNone});
}

}  // namespace

static void recursionWarnings(const Engine& engine, std::vector<Warning>& out) {
    // One entry per function whose invocations recursive loop detection stopped, with an item it stopped.
    const Scenario& s = engine.scenario();
    for (std::uint32_t f = 0; f < engine.functions().size(); ++f) {
        const std::uint32_t node = engine.functions()[f].node;
        const std::int64_t stopped = engine.counters(node).recursionStopped;
        if (stopped == 0) continue;
        std::uint32_t example = kNone;
        for (std::uint32_t i = 0; i < engine.items().size() && example == kNone; ++i)
            if (engine.items()[i].function == f && engine.chainDepth(i) >= kRecursionLimit) example = i;
        const std::string id = s.nodes[node].id;
        out.push_back({"recursion_stopped", "Loop stopped: " + id + " (" + std::to_string(stopped) + " dropped)",
                       "Lambda's recursive loop detection stopped " + std::to_string(stopped) + " invocation" +
                           (stopped == 1 ? "" : "s") + " of `" + id + "` (RecursiveInvocationsDropped): " +
                           (example != kNone ? engine.itemId(example) + "'s" : std::string("the")) +
                           " chain of requests had already run " + std::to_string(kRecursionLimit) +
                           " invocations. An SQS message returns until its redrive policy dead-letters it; an async "
                           "event goes to the on-failure destination or DLQ. [documented: AWS DG invocation-recursion]",
                       id, example});
    }
}

std::vector<Warning> computeWarnings(const Engine& engine) {
    std::vector<Warning> out;
    staticWarnings(engine.scenario(), out);
    recursionWarnings(engine, out);
    loopWarnings(engine, out);
    return out;
}

}  // namespace pg::ui

// The rules a scenario can break, as data: every ScenarioError names one, so callers (the UI's edit path,
// tests) branch on the rule instead of on message text. Plain C++; no JSON.
#pragma once

namespace pg::scenario {

enum class Rule {
    Value,                   ///< a key's own value: type, range, spelling, length, scenario limits
    DanglingReference,       ///< a node id that names no node
    ItemReference,           ///< a behaviour rule's `item` that is not "<node id>#<n>" of an existing node
    FunctionDeadLetterQueue, ///< async dead_letter_queue: a standard sqs queue or sns topic (FIDELITY 5.3)
    DestinationToItself,     ///< async on_success / on_failure naming the function itself (FIDELITY 5.2)
    DestinationType,         ///< async destination types, no FIFO (FIDELITY 5.2)
    RedriveDeadLetterQueue,  ///< redrive DLQ: not the queue itself, an sqs queue of the same kind
                             ///< (FIDELITY 6.2)
    SendEdgeTarget,          ///< an edge from a function ends at an sqs queue, sns topic or s3 bucket
    EdgeTarget,              ///< any other edge ends at a function
    DuplicateEdge,           ///< one event source mapping per source and function (FIDELITY 6.1)
    SyncSourceFunction,      ///< a synchronous source invokes one function (an API route has one integration)
    SnsSubscription,         ///< sns -> sqs: a standard topic delivers to standard queues only (SNS DG
                             ///< fifo-message-delivery)
    SqsBatchSize,            ///< FIFO batch size up to 10; above 10 needs a batching window (FIDELITY 6.1)
    FifoBatchingWindow,      ///< an SQS FIFO mapping takes no batching window (DG services-sqs-parameters)
    SnsFifoTrigger,          ///< an SNS FIFO topic cannot trigger a function (DG with-sns)
    VisibilityTimeout,       ///< queue visibility timeout at least the function timeout (FIDELITY 6.2)
    StartingPosition,        ///< AT_TIMESTAMP for Kinesis only (FIDELITY 6.4)
    StreamOnFailure,         ///< a stream's on-failure destination type (FIDELITY 6.3)
    ReservedConcurrency,     ///< reserved concurrency leaves the account's unreserved minimum (FIDELITY 3)
    TotalItems,              ///< all traffic counts together within the scenario limit
    FifoGroup,               ///< a message group on a standard queue
    ProvisionedConcurrency,  ///< provisioned concurrency above reserved concurrency or the unreserved pool (DG-PC)
    ProvisionedPollers,      ///< provisioned pollers: minimum above maximum, or with MaximumConcurrency (DG-SQS-PROV)
};

/// Stable snake_case spelling of a rule, for logs and tests: "visibility_timeout".
inline const char* ruleId(Rule rule) {
    switch (rule) {
    case Rule::Value:
        return "value";
    case Rule::DanglingReference:
        return "dangling_reference";
    case Rule::ItemReference:
        return "item_reference";
    case Rule::FunctionDeadLetterQueue:
        return "function_dead_letter_queue";
    case Rule::DestinationToItself:
        return "destination_to_itself";
    case Rule::DestinationType:
        return "destination_type";
    case Rule::RedriveDeadLetterQueue:
        return "redrive_dead_letter_queue";
    case Rule::SendEdgeTarget:
        return "send_edge_target";
    case Rule::EdgeTarget:
        return "edge_target";
    case Rule::DuplicateEdge:
        return "duplicate_edge";
    case Rule::SyncSourceFunction:
        return "sync_source_function";
    case Rule::SnsSubscription:
        return "sns_subscription";
    case Rule::SqsBatchSize:
        return "sqs_batch_size";
    case Rule::FifoBatchingWindow:
        return "fifo_batching_window";
    case Rule::SnsFifoTrigger:
        return "sns_fifo_trigger";
    case Rule::VisibilityTimeout:
        return "visibility_timeout";
    case Rule::StartingPosition:
        return "starting_position";
    case Rule::StreamOnFailure:
        return "stream_on_failure";
    case Rule::ReservedConcurrency:
        return "reserved_concurrency";
    case Rule::TotalItems:
        return "total_items";
    case Rule::FifoGroup:
        return "fifo_group";
    case Rule::ProvisionedConcurrency:
        return "provisioned_concurrency";
    case Rule::ProvisionedPollers:
        return "provisioned_pollers";
    }
    return "value";
}

} // namespace pg::scenario

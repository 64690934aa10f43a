// The list of model choices. Keep in step with the code that applies each rule (grep for the topic key).
#include "model_choices.hpp"

namespace pg::sim {

const std::vector<ModelChoice>& modelChoices() {
    static const std::vector<ModelChoice> kChoices = {
        {"async_retry_wait_origin",
         "Async retry waits (1 min, then 2 min) run from the end of the failed attempt; the event then rejoins "
         "the tail of the internal queue.",
         "FIDELITY 7 [M] LS-EVM; consistent with the observed 30/91/213 s windows", false},
        {"async_max_event_age_lookahead",
         "A retry happens only if elapsed + next wait <= maximum event age; otherwise the event fails at once "
         "with EventAgeExceeded.",
         "FIDELITY 5.1/7 [M]; reproduces the observed MaxAge 60 -> 1 attempt, 90 -> 2 attempts", false},
        {"async_throttle_backoff",
         "A throttled async event waits min(2^n, 300) s (n = 0, 1, ... throttles since its last real attempt), "
         "then rejoins the queue; this does not consume retry attempts and is bounded by the maximum event age "
         "(EventAgeExceeded).",
         "FIDELITY 5.1/7 [D] 1 s to 5 min range, [M] formula", false},
        {"async_poller_under_throttling",
         "When the function has no free concurrency, the internal queue's poller tries one event per trigger "
         "(arrival, freed slot, requeue); only that event is throttled, the others stay queued.",
         "FIDELITY 5.1 [D] 'reduces the rate at which it reads events'; exact rule [U]", false},
        {"throttled_until_max_age_condition",
         "An async event still throttled when its age runs out fails with EventAgeExceeded.",
         "FIDELITY 5.2 [U]", false},
        {"api_gateway_function_runs_on",
         "After API Gateway answers 504 at its integration timeout, the function keeps running to its own end "
         "or timeout, holding its concurrency.",
         "FIDELITY 4 [C] treated as [U]", false},
        {"client_retry_statuses",
         "A source's client retry policy retries responses of 429 and 5xx (API Gateway 500/502/504), with a new "
         "request id each time; a direct invoke's function error (200 + FunctionError) is not retried.",
         "FIDELITY 4 [D] DG-RETRIES (SDKs retry 429 and non-bad-request errors), 8.11", false},
        {"caller_status_codes",
         "Each synchronous caller answers its client in its own terms: API Gateway 502 (function error or "
         "timeout) and 500 (throttle); ALB 502 for a function error, timeout or throttle; CloudFront 503 (a "
         "Lambda@Edge execution error or limit exceeded); Cognito 400 (UserLambdaValidationException or "
         "UnexpectedLambdaException) after waiting 5 s per attempt and retrying a timed-out or throttled call at "
         "once, three attempts in all. Lex, Alexa and Firehose document no status of their own: they show "
         "Lambda's answer (200 + FunctionError, 429). Not modelled: invalid responses (CloudFront's 502 Lambda "
         "validation error) and the callers' own limits (Lambda@Edge's viewer-trigger timeout, ALB's 1 MB).",
         "ELB guide load-balancer-troubleshooting [D] 502; CloudFront troubleshooting-response-errors [D] 503; "
         "Cognito user-pool Lambda triggers [D] 5 s and three attempts; ALB throttle as 502, Cognito's 400 for "
         "each failure and its retry timing [U]", false},
        {"cold_start_outside_timeout",
         "A new execution environment first runs its init phase (cold_start); the function timeout applies to "
         "the run phase after it.",
         "[U]", false},
        {"warm_reuse_order",
         "Idle environments are reused most recently used first (provisioned ones before on-demand ones); they "
         "are never reclaimed during a run unless the function sets idle_lifetime.",
         "[U]", false},
        {"environment_idle_lifetime",
         "A function's idle_lifetime (default -1: never) reclaims an on-demand execution environment idle that "
         "long; the next invocation past it starts cold in a new environment. Provisioned environments are never "
         "reclaimed.",
         "[U] AWS documents no lifetime for idle environments", false},
        {"scaling_bucket_start_full",
         "The scaling bucket (1,000 environments per 10 s, refilled continuously) starts full.",
         "FIDELITY 3 [D] rate; initial level [U]", false},
        {"failure_outcome_precedence",
         "When both an on-failure destination and a DLQ are configured, both receive the event; the item's "
         "ended_in is the on-failure destination.",
         "FIDELITY 5.2 [D] both may be configured; precedence of the summary field is ours", false},
        {"sqs_poll_latency",
         "SQS pollers receive as soon as a message is visible and a poller is free (poll latency 0 in virtual "
         "time); without a batching window, messages arriving one by one are received one by one.",
         "FIDELITY 7 (suggested model); the 20 s low-traffic wait of DG-SQS-2022 only with poll_latency realistic "
         "(sqs_long_poll)", false},
        {"sqs_long_poll",
         "Opt-in (SQS edge poll_latency \"realistic\"): pollers long-poll, and with a batching window below 20 s "
         "a batch that does not fill up waits the full 20 s (the documented worst case) instead of the window; "
         "a full batch goes at once, and without a window messages are handed over as they arrive. The "
         "effective visibility timeout still uses the configured window.",
         "FIDELITY 6.2 [D] (2022 text) 'might wait for up to 20 seconds'; FIDELITY 7 suggested realistic mode; "
         "the wait always being the full 20 s is ours", false},
        {"sqs_provisioned_ramp",
         "An SQS mapping in provisioned mode runs its minimum pollers x 10 concurrent invokes from the start and "
         "adds up to 1,000 concurrent invokes per minute (1000 x s / 60 after s whole seconds of activity), up "
         "to its maximum pollers x 10; it drops back to the minimum when the queue is empty. A poller's 1 MB/s "
         "is not modelled (messages have no size here).",
         "DG-SQS-PROV '3 times faster scaling'; AWS News Blog Nov 2025 '1000 concurrent executions per minute'; "
         "per-second steps [U]", false},
        {"sqs_error_backoff",
         "Not modelled: when invocations keep failing, Lambda backs off and reduces the concurrency of an SQS "
         "mapping (DG-SQS-ERR 'Backoff strategy for failed invocations'); here failing batches do not slow the "
         "pollers, which keep the ramp of sqs_poller_ramp.",
         "DG-SQS-ERR (behaviour documented, rate not)", false},
        {"sqs_competing_mappings",
         "Several event source mappings on one queue (edges to different functions) compete: each message is "
         "received by one mapping's poller and invisible to the others until its visibility timeout; then any "
         "mapping may receive it again (at-least-once). Each mapping has its own batch size, batching window, "
         "maximum concurrency, ReportBatchItemFailures, effective visibility timeout and poller ramp (from the "
         "queue's active time). When several can poll at one instant they take one batch each in turn, in edge "
         "order, the turn going on from the previous poll, until none can. A running invocation keeps its "
         "messages hidden past the timeout (sqs_visibility_overrun), so only a message that failed, was throttled "
         "or came back is received by another mapping. The receive count and redrive are the queue's: receives by any mapping count.",
         "SQS DG visibility timeout; Lambda DG with-sqs [D]; which poller receives first is ours", false},
        {"sqs_poller_ramp",
         "An SQS mapping runs 5 concurrent batches when its queue becomes active (from empty), +5 at each whole "
         "second after that (300 per minute), up to 1,250 or MaximumConcurrency; it drops back to 5 when the "
         "queue is empty (nothing visible, nothing in flight): the next message starts the ramp again.",
         "FIDELITY 6.2 [D] DG-SQS-SCALING numbers; per-second steps and reset rule [U]", false},
        {"sqs_standard_receive_order",
         "A standard queue hands out messages in the order they became visible (returning messages join the "
         "back).",
         "[U] (SQS standard is best-effort ordering)", false},
        {"sqs_throttled_batch",
         "A throttled SQS batch keeps its messages hidden and is retried after 1, 2, 4, ... s while that fits "
         "before its visibility timeout; then the messages return with their receive count already "
         "incremented (so maxReceiveCount can dead-letter messages the handler never saw).",
         "FIDELITY 6.2 [D] DG-SQS-ERR + [C]; FIDELITY 7 suggested model; backoff formula [U]", false},
        {"sqs_visibility_overrun",
         "If a batch's visibility timeout ends while its invocation still runs (cold start, throttle retries), "
         "its messages stay hidden until the invocation ends, then are deleted or returned at once.",
         "[U]", false},
        {"sqs_retention_in_flight",
         "Retention deletes a message at enqueue time + retention whether it is visible or in flight (outcome "
         "expired). Redriven DLQ copies keep the original enqueue time; other deliveries to a queue (function "
         "DLQ, destinations) are counted but their retention is not simulated.",
         "FIDELITY 6.2 [D] SQS-DLQ, OG-SQS-RETRIES; in-flight deletion [U]", false},
        {"sqs_batch_result",
         "A batch is one invocation: any message whose rule says error (or timeout) fails the whole batch; "
         "report_failure marks the message as listed in batchItemFailures.",
         "FIDELITY 6.2 [D] table; mapping of per-message rules to one result is ours", false},
        {"invalid_batch_response",
         "A rule `invalid_batch_response` means the handler returns normally with an invalid batchItemFailures "
         "response for any batch holding that item. With ReportBatchItemFailures on the whole batch fails (SQS: "
         "every message returns after the visibility timeout; streams: the batch is retried whole); with it off "
         "the response is ignored and the batch succeeds.",
         "FIDELITY 6.2/6.3 [D] [O] RBIF tables; per-item rule -> one response is ours", false},
        {"sqs_fifo_batch_composition",
         "A FIFO batch takes consecutive messages of each ready (unlocked) message group, groups in the order "
         "they became ready; a group with any message in flight is locked.",
         "FIDELITY 6.2 [D] [C] mixed-group batches; exact fill order [U]", false},
        {"sqs_dlq_messages",
         "Messages delivered to a queue that no function consumes are counted there (sent, visible) and the item "
         "ends there. A queue with an event source mapping consumes them like any message: a redriven message "
         "continues as the same item (same id and body, original enqueue time, receive count from 0 in the DLQ); "
         "a function DLQ or destination record becomes a new item <queue>#<n> carrying the event's body. A record "
         "delivered to a topic or bus that invokes a function becomes a new event there.",
         "FIDELITY 6.2 [D] SQS-DLQ (enqueue time kept), [O] same message id; receive count in the DLQ [U]", false},
        {"async_fan_out",
         "An asynchronous source wired to several functions invokes each with every event: one item per function, "
         "all with the event's id <source>#<n> and body, each with its own request id, internal queue, retries, "
         "destinations and DLQ. The source counts the event once (items) and one 202 per function (accepted). For "
         "s3, each edge stands for its own non-overlapping notification configuration.",
         "FIDELITY 10 [D] DG-SNS, EB-TARGETS; S3 rejects overlapping notification configurations", false},
        {"sns_sqs_raw_delivery",
         "An sns -> sqs edge is a subscription: every event of the topic (its traffic, messages sent to it, records "
         "delivered to it) becomes a new message <queue>#<n> in the queue at once, with raw message delivery: its "
         "body is the event's body (no SNS JSON envelope) and it stays on the event's hop of the chain. A FIFO "
         "queue groups the messages by its own traffic.group template; a standard queue gets no group or order.",
         "FIDELITY 10 [D] SNS-FANOUT (raw delivery optional); SNS DG fifo-message-delivery", false},
        {"async_discarded_outcome",
         "An async event that exhausts its retries or ages out with no on-failure destination and no DLQ ends as "
         "dropped (its condition says why): Lambda discards it and nobody receives its error.",
         "Lambda DG invocation-async-error-handling [D]", false},
        {"function_destination_payload",
         "A function as an on-success / on-failure destination is invoked asynchronously (its own retries and "
         "destinations) with the invocation record, as a new item <function>#<n> one hop further along the chain. "
         "Its body_contains rules match the record's requestPayload (the event's body): the engine renders no "
         "record JSON.",
         "FIDELITY 10 [D] DG-ASYNC-REC; what rules read [U] (model)", false},
        {"stream_failure_record_body",
         "A stream's on-failure record consumed by a function (through a queue or topic) carries the batch "
         "metadata only: its body is empty for body_contains rules, never the records' data.",
         "FIDELITY 6.3, 10 [D] DG-KIN-OFD", false},
        {"send_messages",
         "A send edge (function -> sqs/sns) sends one message per item the invocation processed: the single "
         "item, or each item of a batch except those listed as failed (report_failure); only after a successful "
         "invocation, or after every invocation with send_on \"always\". Sent at the end of the run, carrying "
         "the processed item's body; at most 1,000,000 spawned items per run (scenario limit).",
         "simulator model of handler code (the SDK call itself is not timed)", false},
        {"chain_metadata",
         "Each item carries the number of invocations before it in its chain of requests: 0 for traffic, +1 for "
         "a message a function sent or a destination or DLQ record, unchanged for a redriven message. Every "
         "function of the chain counts. A record about an event that was stopped starts no new item, so a loop "
         "through a destination ends too (also one whose events fail without an attempt).",
         "AWS DG invocation-recursion [D] (X-Ray metadata counts invocations; destination loops are also "
         "terminated); per-chain count across functions [U]", false},
        {"recursion_threshold",
         "Recursive loop detection lets 16 invocations of a chain run and stops the 17th (Terminate, the "
         "default); Allow never stops. Covered: chains through functions, sqs queues, sns topics and s3 buckets "
         "built with send edges and deliveries; an event of any other source type (eventbridge, ses...) starts a "
         "new chain, so a loop through one is never stopped.",
         "AWS DG invocation-recursion [D] 'approximately 16'; boto3#3899 [C] observed exactly 16 calls", false},
        {"recursion_sqs_stop",
         "A stopped SQS message is not invoked: its receive count has gone up and it stays hidden until its "
         "batch's visibility timeout, like a failed invocation, until the redrive policy moves it to the DLQ (or "
         "retention ends). The rest of its batch is invoked without it; in a FIFO queue the later messages of its "
         "group wait with it.",
         "AWS DG invocation-recursion [D] (RecursiveInvocationException to the mapping, receiveCount incremented, "
         "retried until maxReceiveCount); batch split [U]", false},
        {"recursion_condition",
         "An async event stopped by recursive loop detection goes to the on-failure destination and the DLQ like "
         "a failed event, without any attempt; its invocation record's condition is RecursiveInvocationException "
         "(approximateInvokeCount 0); a function DLQ message gets ErrorCode 400 and a RecursiveInvocationException "
         "message. Without either it is dropped.",
         "AWS DG invocation-recursion [D] (sent to the destination or DLQ); condition name [U]", false},
        {"stream_poll_ticks",
         "Each shard (or parallelization lane) polls at multiples of its interval (1 s Kinesis, 250 ms DynamoDB) "
         "and reads records that arrived before the tick; records already fetched are invoked back to back.",
         "FIDELITY 6.3/6.4 [D] base rates; tick alignment [U]", false},
        {"stream_retry_backoff",
         "A failed stream batch is retried after 0.5 s x 1.5^(n-1), capped at 60 s, without jitter; throttles "
         "use the same wait but do not count as retries.",
         "FIDELITY 7 [M] LocalStack backoff (jitter dropped for readability); [D] throttles not counted", false},
        {"stream_bisect",
         "Bisect halves a failed batch recursively down to one record; each half starts with a fresh retry "
         "count and invoke count (splitting costs no retries).",
         "FIDELITY 6.3/7 [D] no retry cost + [U] recursion", false},
        {"stream_partial_failure_batch",
         "With ReportBatchItemFailures, records before the lowest listed one are checkpointed and a new batch "
         "starts at it (fresh counts); if the lowest listed record is the batch's first, it is a failed attempt.",
         "FIDELITY 6.3 [D] checkpoint rule; reproduces the [O] 5 deliveries / approximateInvokeCount 4", false},
        {"stream_invalid_response",
         "A stream batch whose response is rejected (invalid batchItemFailures, or no `state` with a tumbling "
         "window) counts as a failed attempt against MaximumRetryAttempts but is not bisected (bisect splits on "
         "function errors); its on-failure record says functionError null.",
         "FIDELITY 6.3 [O] MaxRetry 2 -> approximateInvokeCount 3, functionError null; no bisect [U]", false},
        {"stream_tumbling_window",
         "Tumbling windows are aligned to virtual time 0 and hold records by arrival time; a batch never spans two "
         "windows. Per shard (or parallelization lane), once a window has ended and its records are done, one "
         "final invoke with no records (isFinalInvokeForWindow) runs at the next poll tick before the next "
         "window is read; behaviour rules do not apply to it (it fails only by timing out). A failed final "
         "invoke is retried with the stream backoff up to MaximumRetryAttempts (throttles not counted) and given up "
         "once the window's end is older than MaximumRecordAge or the retention; then its state is dropped. State "
         "above 1 MiB (window_state_bytes_per_record x records) makes the next invoke a final one at once, "
         "flagged isWindowTerminatedEarly, and the window goes on with a fresh state.",
         "FIDELITY 6.3 [D] TumblingWindowInSeconds row, DG-KIN-2022 'Time windows' (boundaries by arrival time, "
         "state per shard, final invoke must succeed); alignment, empty final invoke, retry limit [U]", false},
        {"stream_record_age_check",
         "MaximumRecordAge is checked when a batch is read (old leading records are discarded with "
         "approximateInvokeCount 1) and before each retry (the whole batch is discarded).",
         "FIDELITY 6.3 [O] discard_records; exact AWS rule [U]", false},
        {"stream_starting_position",
         "The mapping exists from time 0, so TRIM_HORIZON and LATEST both read every record; AT_TIMESTAMP "
         "(Kinesis) skips records that arrived before the timestamp (they expire with retention).",
         "[U] simulator simplification", false},
        {"stream_several_mappings",
         "Several event source mappings on one stream (edges to different functions) each read every record: "
         "each gets its own copy of the record (its own item, same id, shard and sequence number) with its own "
         "lanes, checkpoints, batches, retries, bisect, tumbling windows and on-failure destination; a record "
         "failing in one mapping never blocks another. The stream node's counters sum every mapping's copies "
         "(`sent` counts each record once). Standard consumers share a shard's read throughput (2 MB/s and 5 "
         "GetRecords calls per second): not modelled, every mapping polls its shards as if alone.",
         "Lambda DG with-kinesis (each mapping has its own iterator); KDS service limits (shared throughput) [D]; "
         "not modelling the shared limit is ours", false},
        {"stream_retention_in_batch",
         "Records trimmed by retention leave a failing batch (outcome expired, no on-failure record); the "
         "shard then goes on.",
         "FIDELITY 6.3/8.7 [D] blocks until the record expires; metadata for trimmed records [U]", false},
        {"memory_does_not_change_duration",
         "A function's memory and architecture set only its price (GB-seconds, the cost view); its duration "
         "stays what the scenario says. In AWS more memory also brings more CPU, which can shorten a run.",
         "AWS DG configuration-memory [D] CPU scales with memory; the effect on a given run [U]", false},
        {"billed_duration",
         "Cost view: an invocation is billed from its start (init phase included on a cold start) to its end, "
         "rounded up to the next 1 ms; GB-seconds = memory / 1024 x billed seconds. Invocations still running "
         "are billed when they end.",
         "Lambda pricing page (1 ms rounding); AWS Compute Blog 2025 (INIT phase billed from 2025-08-01) [D]; "
         "billing at the end is ours", false},
        {"sim_epoch",
         "Virtual time 0 is 2025-01-01T00:00:00Z in record timestamps; ARNs use us-east-1 and account "
         "123456789012.",
         "presentation only", false},
    };
    return kChoices;
}

}  // namespace pg::sim

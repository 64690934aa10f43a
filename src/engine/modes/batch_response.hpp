// How a poll-based mapping judges the response of a batch invocation that returned normally (no function
// error, no timeout). Shared by the SQS and stream mappings; pure, no state.
#pragma once
#include <algorithm>
#include <cstddef>
#include <vector>

#include "../scenario_config.hpp"

namespace pg::sim {

/// Why a mapping treats a normal return as a complete failure of the batch, if it does.
enum class ResponseVerdict { Accepted, InvalidBatchResponse, MissingState };

/// One rule outcome per item of the batch. With ReportBatchItemFailures on, an invalid batchItemFailures
/// response (any item's rule says invalid_batch_response) fails the whole batch; with it off the response is
/// ignored and the return counts as success (FIDELITY 6.2 and 6.3 ReportBatchItemFailures tables). With a
/// tumbling window on, a response without `state` is a failed invocation (FIDELITY 6.3 TumblingWindowInSeconds).
inline ResponseVerdict judgeResponse(const std::vector<RuleOutcome>& outcomes, std::size_t count,
                                     bool reportBatchItemFailures, bool tumblingWindow) {
    if (!tumblingWindow) {  // only an invalid response counts: none without ReportBatchItemFailures (no scan)
        if (!reportBatchItemFailures) return ResponseVerdict::Accepted;
        const RuleOutcome* const begin = outcomes.data();
        const RuleOutcome* const end = begin + std::min(count, outcomes.size());
        return std::find(begin, end, RuleOutcome::InvalidBatchResponse) != end ? ResponseVerdict::InvalidBatchResponse
                                                                               : ResponseVerdict::Accepted;
    }
    ResponseVerdict verdict = ResponseVerdict::Accepted;
    for (std::size_t i = 0; i < count && i < outcomes.size(); ++i) {
        if (tumblingWindow && outcomes[i] == RuleOutcome::MissingState) return ResponseVerdict::MissingState;
        if (reportBatchItemFailures && outcomes[i] == RuleOutcome::InvalidBatchResponse)
            verdict = ResponseVerdict::InvalidBatchResponse;
    }
    return verdict;
}

}  // namespace pg::sim

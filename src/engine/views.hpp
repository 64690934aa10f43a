// What the engine shows about its queues (and, later in this file, its streams): plain read-only structs the UI,
// the runner and the tests get from Engine's view API. No mode headers: src/ui reads these, never engine/modes/.
#pragma once
#include <cstdint>

#include "sim_time.hpp"
#include "sim_types.hpp"

namespace pg::sim {

// [SECTION] SQS queues

enum class SqsMessageState : std::uint8_t {
    Visible,   ///< can be received
    InFlight,  ///< received: hidden until its batch's visibility timeout (or deleted)
    Gone,      ///< deleted, moved to the DLQ or expired
};

/// What the UI shows about one queue.
struct SqsQueueView {
    std::uint32_t node = kNone;
    bool fifo = false;
    std::uint32_t visible = 0, inFlight = 0;
    std::uint32_t dlqDepth = 0;        ///< visible messages in its redrive DLQ (0 without redrive)
    SimTime oldestAge = 0;             ///< ApproximateAgeOfOldestMessage: oldest message still in the queue
    std::uint32_t pollersBusy = 0, pollerLimit = 0;
    SimTime effectiveVisibility = 0;
    std::uint32_t function = kNone;    ///< consumer function index, kNone if none
};

/// The "will loop until ..." view of one message (FIDELITY 8.1).
struct SqsMessageView {
    std::uint32_t item = kNone;
    std::uint32_t queue = kNone;       ///< node index of the queue holding this copy
    std::uint32_t receiveCount = 0;
    SimTime enqueuedAt = 0;
    SimTime firstReceiveAt = -1;
    SimTime loopingFor = 0;            ///< now - first receive (0 before the first receive)
    SimTime retentionEndsAt = 0;       ///< enqueuedAt + retention: without redrive it loops until then
    SimTime visibleAgainAt = -1;       ///< in flight: when its batch's visibility timeout ends
    SqsMessageState state = SqsMessageState::Visible;
    bool willDeadLetter = false;       ///< has a redrive policy: it leaves for the DLQ after maxReceiveCount
    std::uint32_t receivesLeft = 0;    ///< with redrive: receives left before the move to the DLQ
};

}  // namespace pg::sim

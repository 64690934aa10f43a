// The interface every invocation mode implements (sync, async; later SQS/Kinesis event source mappings).
// A mode owns the source nodes whose type it claims, its own event kinds, and the invocations it starts.
// Adding a mode = a new file under modes/, a ModeId value and a line in Engine's registerModes() and onMode().
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "../event_queue.hpp"
#include "../function_runtime.hpp"
#include "../scenario_config.hpp"
#include "mode_context.hpp"

namespace pg::sim {

class ModeHandler {
public:
    /// `context`: the engine as this mode acts on it (from Engine's registerModes).
    explicit ModeHandler(ModeContext context) : m_context(context) {}
    virtual ~ModeHandler() = default;
    ModeHandler(const ModeHandler&) = delete;
    ModeHandler& operator=(const ModeHandler&) = delete;

    virtual const char* name() const = 0;
    /// True if source nodes of this type produce their traffic through this mode.
    virtual bool handlesNodeType(NodeType type) const = 0;
    /// Called once after the engine has built nodes and functions (and on every reset).
    virtual void start() {}
    /// A source node this mode owns produced item number `number` (from 1) at now().
    virtual void onArrival(std::uint32_t node, std::uint32_t number) = 0;
    /// A burst: items `first` .. `first + count - 1` all arrive now, in order. Modes that react to each arrival
    /// (e.g. pollers receiving at once) override this to add them all first and react once.
    virtual void onArrivals(std::uint32_t node, std::uint32_t first, std::uint32_t count) {
        for (std::uint32_t k = 0; k < count; ++k) onArrival(node, first + k);
    }
    /// One of this mode's own scheduled events (ModeContext::schedule).
    virtual void onEvent(const Event& event) = 0;
    /// An invocation this mode started has ended; `invocation` is a copy of its environment's state.
    virtual void onInvocationEnd(std::uint32_t function, const ExecutionEnvironment& invocation) = 0;
    /// A record or message was delivered to a node this mode owns (e.g. an SQS queue used as a DLQ).
    virtual void onDelivered(std::uint32_t node, std::uint32_t deliveryIndex) { (void)node, (void)deliveryIndex; }
    /// Every item of chunk `chunk` (indices chunk * 4096 ...) was retired and dropped (keepFinishedItems off):
    /// per-item side arrays may drop that chunk too.
    virtual void onItemChunkReleased(std::size_t chunk) { (void)chunk; }
    /// Appends a message per violated mode-specific invariant.
    virtual void checkInvariants(std::vector<std::string>& problems) const { (void)problems; }

    ModeId id() const { return m_context.mode(); }

protected:
    ModeContext m_context;
};

}  // namespace pg::sim

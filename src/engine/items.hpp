// Items (requests, events, later messages and records) stored compactly by index, plus the append-only list
// of invocation attempts that carried them. Bodies are never stored: they are rendered from the origin's
// template on demand ("{n}" is the item number).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "chunked_vector.hpp"
#include "force_inline.hpp"
#include "sim_time.hpp"
#include "sim_types.hpp"

namespace pg::sim {

/// 48 bytes: one per request / event / message / record, so kept small (the first attempt's start is in the
/// attempt list: ItemStore::firstStartAt; an async event's age counts from createdAt, when Lambda accepted it;
/// the last trace record is kept beside the store, only while tracing: Engine::lastTraceOf).
struct Item {
    SimTime createdAt = 0;        ///< arrival at the source (async: accepted into the internal queue)
    std::uint32_t origin = kNone;    ///< source node index
    std::uint32_t number = 0;        ///< n in "<origin>#<n>", from 1
    std::uint32_t function = kNone;  ///< target function index, kNone if the source is not wired
    std::uint32_t firstAttempt = kNone;  ///< index into ItemStore::attempts()
    /// The latest attempt, linked back through AttemptRecord::prev to firstAttempt.
    std::uint32_t lastAttempt = kNone;
    std::uint32_t requestId = 0;         ///< current request id number (see requestIdString)
    std::uint32_t endedIn = kNone;       ///< DLQ/destination node index
    std::uint32_t attempts = 0;          ///< invocations that carried the item (a stream record retried until
                                         ///< it expires can pass 65535: found by the property tests, issue 8)
    union {  // an item is invoked in one mode only: each has its own count (poll-based modes use neither)
        std::uint16_t tries = 0;         ///< sync: requests sent by the caller (1 + client retries so far)
        std::uint16_t throttles;         ///< async: throttles since the last real attempt
    };
    ItemState state = ItemState::Queued;
    ItemOutcome outcome = ItemOutcome::Pending;
    Condition condition = Condition::None;
    InvokeResult lastResult = InvokeResult::None;
    /// Without EngineOptions::keepFinishedItems: nothing reads the item any more (Engine::retireItem), and
    /// the store may drop it. `pinned`: read after it finishes (Engine::pinItem): never retired.
    bool retired = false;
    bool pinned = false;
};
static_assert(sizeof(Item) <= 48, "Item is stored once per request / message / record: keep it small");

/// One invocation that carried an item.
struct AttemptRecord {
    SimTime start = 0;
    /// The item's attempt before this one. Linked backwards, so a new attempt writes only its own record: a
    /// forward link was a write into the previous attempt's record, long out of cache for a retried message.
    std::uint32_t prev = kNone;
    std::uint32_t requestId = 0;
};

class ItemStore {
public:
    std::uint32_t add(const Item& item) {  // inline: once per item
        m_items.push_back(item);
        return static_cast<std::uint32_t>(m_items.size() - 1);
    }
    /// Adds `count` items like `first`, numbered first.number + k: written lazily,
    /// when first read or changed (a burst of a million messages costs nothing until they are received).
    /// Returns the first index.
    std::uint32_t addRange(const Item& first, std::uint32_t count);
    // Forced inline, as ChunkedVector's (a call here was a tenth of async_retry_200k's instructions).
    PG_FORCE_INLINE Item& operator[](std::uint32_t index) { return m_items[index]; }
    PG_FORCE_INLINE const Item& operator[](std::uint32_t index) const { return m_items[index]; }
    std::size_t size() const { return m_items.size(); }
    /// Every item by index. Without EngineOptions::keepFinishedItems retired items may be dropped: then read
    /// through Engine::itemTotals / all().forEachHeld, never by plain iteration.
    const ChunkedVector<Item>& all() const { return m_items; }
    ChunkedVector<Item>& mutableAll() { return m_items; }
    const ChunkedVector<AttemptRecord>& attempts() const { return m_attempts; }
    PG_FORCE_INLINE void addAttempt(std::uint32_t item, SimTime start, std::uint32_t requestId) {
        addAttempt(m_items[item], start, requestId);
    }
    /// The same for an item already at hand (`it` must be an element of this store).
    PG_FORCE_INLINE void addAttempt(Item& it, SimTime start, std::uint32_t requestId) {
        const auto index = static_cast<std::uint32_t>(m_attempts.size());
        m_attempts.push_back(AttemptRecord{start, it.lastAttempt, requestId});
        if (it.lastAttempt == kNone) it.firstAttempt = index;
        it.lastAttempt = index;
    }
    /// Room for `n` attempt records in one piece (ChunkedVector::appendSpan), the first numbered `first`;
    /// nullptr (nothing added) when they would straddle chunks: then addAttempt one by one. Each slot must be
    /// written by addAttemptAt, in order.
    PG_FORCE_INLINE AttemptRecord* attemptSlots(std::size_t n, std::uint32_t& first) {
        first = static_cast<std::uint32_t>(m_attempts.size());
        return m_attempts.appendSpan(n);
    }
    /// addAttempt into a slot from attemptSlots whose index is `index`.
    PG_FORCE_INLINE static void addAttemptAt(AttemptRecord& slot, std::uint32_t index, Item& it, SimTime start,
                                             std::uint32_t requestId) {
        slot = AttemptRecord{start, it.lastAttempt, requestId};
        if (it.lastAttempt == kNone) it.firstAttempt = index;
        it.lastAttempt = index;
    }
    /// Start of the first invocation that carried `item`, -1 before.
    SimTime firstStartAt(std::uint32_t item) const {
        const std::uint32_t a = m_items[item].firstAttempt;
        return a == kNone ? -1 : m_attempts[a].start;
    }
    /// Start times of every attempt of `item`, in order.
    std::vector<SimTime> attemptTimes(std::uint32_t item) const;
    /// Attempts recorded for `item` (its attempt list's length).
    std::uint32_t attemptCount(std::uint32_t item) const;
    /// Index in attempts() of the k-th attempt of `item` (from 0), kNone if it has no such attempt.
    std::uint32_t attemptAt(std::uint32_t item, std::uint32_t k) const;
    void clear();

private:
    ChunkedVector<Item> m_items;  // chunked: no doubling copies, no peak of twice the store
    ChunkedVector<AttemptRecord> m_attempts;
};

/// Writes `bodyTemplate` with every "{n}" replaced by `number` into `out` (reusing its capacity).
void renderBody(const std::string& bodyTemplate, std::uint32_t number, std::string& out);

/// A deterministic UUID-shaped request id for request number `n` of a run seeded with `seed`.
std::string requestIdString(std::uint64_t seed, std::uint32_t n);

}  // namespace pg::sim

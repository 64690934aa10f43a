// The typed, append-only trace: one fixed-size record per thing that happened, with a cause link (the index
// of the record that led to it, for an item usually its previous record). No strings. A running 64-bit
// fingerprint over every record lets native and wasm runs be compared cheaply.
#pragma once
#include <cstdint>
#include <vector>

#include "chunked_vector.hpp"
#include "force_inline.hpp"

#include "sim_time.hpp"
#include "sim_types.hpp"

namespace pg::sim {

struct TraceRecord {
    SimTime time = 0;
    std::uint32_t cause = kNone;  ///< index of the causing record, kNone for roots
    std::uint32_t item = kNone;   ///< item index (Engine::items()), kNone if none
    std::uint32_t node = kNone;   ///< scenario node index
    /// InvokeStart: index of the execution environment that runs the invocation, among its function's
    /// (FunctionState::environments); kNone for every other kind. Fits the record's padding (still 32 bytes).
    std::uint32_t environment = kNone;
    std::uint16_t attempt = 0;    ///< invocation attempt number carrying the item (1-based), 0 if none
    TraceKind kind = TraceKind::Arrival;
    std::uint8_t outcome = 0;     ///< InvokeResult / ItemOutcome / RuleOutcome, see TraceKind
    std::uint16_t detail = 0;     ///< kind-specific (HTTP status, Condition, ThrottleReason, cold flag...)
};

static_assert(sizeof(TraceRecord) == 32, "a trace record stays 32 bytes (the environment index uses padding)");

/// InvokeStart's `detail`: bit 0 = cold start, the bits above = the behaviour rule that decided the attempt
/// (1-based; 0 = no rule matched, the attempt succeeds by default). Rules per function are at most 64.
inline std::uint16_t invokeStartDetail(bool cold, std::uint8_t rule) {
    return static_cast<std::uint16_t>((cold ? 1u : 0u) | (static_cast<unsigned>(rule) << 1));
}
inline bool invokeStartCold(const TraceRecord& r) { return (r.detail & 1u) != 0; }
inline unsigned invokeStartRule(const TraceRecord& r) { return static_cast<unsigned>(r.detail) >> 1; }

class Trace {
public:
    /// Appends (or, when storing is off, only fingerprints) a record; returns its sequence number.
    // Forced inline, the hash too: called for every record, and inlined the record's fields go from registers
    // into the hash words instead of through a record in memory and a call (a command-line run hashes 1.4 M).
    PG_FORCE_INLINE std::uint32_t append(const TraceRecord& record) {
        if (m_storing) m_records.push_back(record);
        else mixRecord(m_hash, record);
        return m_count++;
    }
    const ChunkedVector<TraceRecord>& records() const { return m_records; }
    std::uint32_t count() const { return m_count; }  ///< records appended, stored or not
    /// A 64-bit hash over every field of every record, in order (trace.cpp says how). When storing, records are hashed on demand here (appending
    /// stays a plain copy); otherwise append() hashes each record at once.
    std::uint64_t fingerprint() const;
    void setStoring(bool storing);
    bool storing() const { return m_storing; }
    void clear();

private:
    // Each record is packed into four 64-bit words (every field, none of the struct's padding: the same on every
    // platform) and each word goes through one xxHash64-style round. A round's chain is an add, a rotate and a
    // multiply, so a record costs about 20 cycles; the byte-wise FNV-1a used before chained 30 dependent
    // multiplies (about 90 cycles), which was 24% of a command-line run's instructions (issue 21). 64-bit
    // integer arithmetic only: the same in wasm.
    static constexpr std::uint64_t kPrime1 = 0x9e3779b185ebca87ull;
    static constexpr std::uint64_t kPrime2 = 0xc2b2ae3d27d4eb4full;
    static PG_FORCE_INLINE std::uint64_t hashRound(std::uint64_t acc, std::uint64_t word) {
        acc += word * kPrime2;
        acc = (acc << 31) | (acc >> 33);
        return acc * kPrime1;
    }
    static PG_FORCE_INLINE void mixRecord(std::uint64_t& h, const TraceRecord& r) {
        std::uint64_t acc = h;
        acc = hashRound(acc, static_cast<std::uint64_t>(r.time));
        acc = hashRound(acc, std::uint64_t{r.cause} | std::uint64_t{r.item} << 32);
        acc = hashRound(acc, std::uint64_t{r.node} | std::uint64_t{r.environment} << 32);
        acc = hashRound(acc, std::uint64_t{r.attempt} | std::uint64_t{static_cast<std::uint8_t>(r.kind)} << 16 |
                                 std::uint64_t{r.outcome} << 24 | std::uint64_t{r.detail} << 32);
        h = acc;
    }
    /// xxHash64's final avalanche, so that records differing in one low bit give fingerprints differing everywhere.
    static std::uint64_t avalanche(std::uint64_t h);
    ChunkedVector<TraceRecord> m_records;  // chunked: appending never copies the records so far
    static constexpr std::uint64_t kSeed = 0x27d4eb2f165667c5ull;  // xxHash64's fifth prime
    mutable std::uint64_t m_hash = kSeed;
    mutable std::size_t m_hashed = 0;  // stored records already folded into m_hash
    std::uint32_t m_count = 0;
    bool m_storing = true;
};

}  // namespace pg::sim

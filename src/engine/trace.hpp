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
/// The fourth word a record is hashed as (attempt, kind, outcome, detail: Trace::mixRecord). A caller that
/// knows its kind and outcome at compile time gets it folded to a constant or two instructions.
constexpr std::uint64_t traceTailWord(std::uint16_t attempt, TraceKind kind, std::uint8_t outcome,
                                      std::uint16_t detail) {
    return std::uint64_t{attempt} | std::uint64_t{static_cast<std::uint8_t>(kind)} << 16 |
           std::uint64_t{outcome} << 24 | std::uint64_t{detail} << 32;
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
    /// append() of a record given by its fields, the last four as traceTailWord, while storing is off: the same
    /// fingerprint, with no record built in memory.
    PG_FORCE_INLINE std::uint32_t appendUnstored(SimTime time, std::uint32_t cause, std::uint32_t item,
                                                 std::uint32_t node, std::uint32_t environment, std::uint64_t tail) {
        m_hash = mixWords(m_hash, static_cast<std::uint64_t>(time), std::uint64_t{cause} | std::uint64_t{item} << 32,
                          std::uint64_t{node} | std::uint64_t{environment} << 32, tail);
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
    static PG_FORCE_INLINE std::uint64_t mixWords(std::uint64_t acc, std::uint64_t w0, std::uint64_t w1,
                                                  std::uint64_t w2, std::uint64_t w3) {
        acc = hashRound(acc, w0);
        acc = hashRound(acc, w1);
        acc = hashRound(acc, w2);
        return hashRound(acc, w3);
    }
    static PG_FORCE_INLINE void mixRecord(std::uint64_t& h, const TraceRecord& r) {
        h = mixWords(h, static_cast<std::uint64_t>(r.time), std::uint64_t{r.cause} | std::uint64_t{r.item} << 32,
                     std::uint64_t{r.node} | std::uint64_t{r.environment} << 32,
                     traceTailWord(r.attempt, r.kind, r.outcome, r.detail));
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

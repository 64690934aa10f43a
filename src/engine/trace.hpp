// The typed, append-only trace: one fixed-size record per thing that happened, with a cause link (the index
// of the record that led to it, for an item usually its previous record). No strings. A running 64-bit
// fingerprint over every record lets native and wasm runs be compared cheaply.
#pragma once
#include <cstdint>
#include <vector>

#include "chunked_vector.hpp"

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
    std::uint32_t append(const TraceRecord& record) {  // inline: called for every record
        if (m_storing) m_records.push_back(record);
        else hashRecord(record);
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
    void hashRecord(const TraceRecord& record);
    ChunkedVector<TraceRecord> m_records;  // chunked: appending never copies the records so far
    static constexpr std::uint64_t kSeed = 0x27d4eb2f165667c5ull;  // xxHash64's fifth prime
    mutable std::uint64_t m_hash = kSeed;
    mutable std::size_t m_hashed = 0;  // stored records already folded into m_hash
    std::uint32_t m_count = 0;
    bool m_storing = true;
};

}  // namespace pg::sim

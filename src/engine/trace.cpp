// Trace storage and fingerprint. Fields are packed into words by value (never raw struct bytes, whose padding
// is unspecified), so the fingerprint is the same on every platform.
#include "trace.hpp"

namespace pg::sim {

// Each record is packed into four 64-bit words (every field, none of the struct's padding) and each word goes
// through one xxHash64-style round. A round's chain is an add, a rotate and a multiply, so a record costs about
// 20 cycles; the byte-wise FNV-1a used before chained 30 dependent multiplies (about 90 cycles), which was 24%
// of a command-line run's instructions (issue 21). 64-bit integer arithmetic only: the same in wasm.
constexpr std::uint64_t kPrime1 = 0x9e3779b185ebca87ull;
constexpr std::uint64_t kPrime2 = 0xc2b2ae3d27d4eb4full;
constexpr std::uint64_t kPrime3 = 0x165667b19e3779f9ull;

static inline std::uint64_t hashRound(std::uint64_t acc, std::uint64_t word) {
    acc += word * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    return acc * kPrime1;
}

static inline void mixRecord(std::uint64_t& h, const TraceRecord& r) {
    std::uint64_t acc = h;
    acc = hashRound(acc, static_cast<std::uint64_t>(r.time));
    acc = hashRound(acc, std::uint64_t{r.cause} | std::uint64_t{r.item} << 32);
    acc = hashRound(acc, std::uint64_t{r.node} | std::uint64_t{r.environment} << 32);
    acc = hashRound(acc, std::uint64_t{r.attempt} | std::uint64_t{static_cast<std::uint8_t>(r.kind)} << 16 |
                         std::uint64_t{r.outcome} << 24 | std::uint64_t{r.detail} << 32);
    h = acc;
}

/// xxHash64's final avalanche, so that records differing in one low bit give fingerprints differing everywhere.
static inline std::uint64_t avalanche(std::uint64_t h) {
    h ^= h >> 33;
    h *= kPrime2;
    h ^= h >> 29;
    h *= kPrime3;
    h ^= h >> 32;
    return h;
}

void Trace::hashRecord(const TraceRecord& r) { mixRecord(m_hash, r); }

std::uint64_t Trace::fingerprint() const {
    for (; m_hashed < m_records.size(); ++m_hashed) mixRecord(m_hash, m_records[m_hashed]);
    return avalanche(m_hash);
}

void Trace::setStoring(bool storing) {
    if (storing == m_storing) return;
    fingerprint();  // fold in what is stored before the mode changes
    m_storing = storing;
}

void Trace::clear() {
    m_records.clear();
    m_hash = kSeed;
    m_hashed = 0;
    m_count = 0;
}

}  // namespace pg::sim

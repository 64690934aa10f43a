// Trace storage and fingerprint. Fields are packed into words by value (never raw struct bytes, whose padding
// is unspecified), so the fingerprint is the same on every platform.
#include "trace.hpp"

namespace pg::sim {

// The per-record rounds are inline in trace.hpp (Trace::mixRecord); the final avalanche is here.
std::uint64_t Trace::avalanche(std::uint64_t h) {
    constexpr std::uint64_t kPrime3 = 0x165667b19e3779f9ull;
    h ^= h >> 33;
    h *= kPrime2;
    h ^= h >> 29;
    h *= kPrime3;
    h ^= h >> 32;
    return h;
}

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

// Trace storage and fingerprint. Fields are hashed one by one (never raw struct bytes, whose padding is
// unspecified), little-endian, so the fingerprint is the same on every platform.
#include "trace.hpp"

namespace pg::sim {

static inline void mix(std::uint64_t& h, std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) {
        h ^= (value >> (8 * i)) & 0xffu;
        h *= 0x100000001b3ull;
    }
}

static inline void mixRecord(std::uint64_t& h, const TraceRecord& r) {
    mix(h, static_cast<std::uint64_t>(r.time), 8);
    mix(h, r.cause, 4);
    mix(h, r.item, 4);
    mix(h, r.node, 4);
    mix(h, r.environment, 4);
    mix(h, r.attempt, 2);
    mix(h, static_cast<std::uint64_t>(r.kind), 1);
    mix(h, r.outcome, 1);
    mix(h, r.detail, 2);
}

void Trace::hashRecord(const TraceRecord& r) { mixRecord(m_hash, r); }

std::uint64_t Trace::fingerprint() const {
    for (; m_hashed < m_records.size(); ++m_hashed) mixRecord(m_hash, m_records[m_hashed]);
    return m_hash;
}

void Trace::setStoring(bool storing) {
    if (storing == m_storing) return;
    fingerprint();  // fold in what is stored before the mode changes
    m_storing = storing;
}

void Trace::clear() {
    m_records.clear();
    m_hash = 0xcbf29ce484222325ull;
    m_hashed = 0;
    m_count = 0;
}

}  // namespace pg::sim

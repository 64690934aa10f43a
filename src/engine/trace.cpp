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

std::uint32_t Trace::append(const TraceRecord& r) {
    mix(m_hash, static_cast<std::uint64_t>(r.time), 8);
    mix(m_hash, r.cause, 4);
    mix(m_hash, r.item, 4);
    mix(m_hash, r.node, 4);
    mix(m_hash, r.attempt, 2);
    mix(m_hash, static_cast<std::uint64_t>(r.kind), 1);
    mix(m_hash, r.outcome, 1);
    mix(m_hash, r.detail, 2);
    if (m_storing) m_records.push_back(r);
    return m_count++;
}

void Trace::clear() {
    m_records.clear();
    m_hash = 0xcbf29ce484222325ull;
    m_count = 0;
}

}  // namespace pg::sim

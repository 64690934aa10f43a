// Item storage, body templates and request ids.
#include "items.hpp"

#include <algorithm>

#include "rng.hpp"

namespace pg::sim {

std::uint32_t ItemStore::addRange(const Item& first, std::uint32_t count) {
    const auto base = static_cast<std::uint32_t>(m_items.size());
    m_items.appendLazy(first, count, [](const Item& proto, std::uint32_t k0, Item* out, std::size_t n) {
        for (std::size_t j = 0; j < n; ++j) {
            const auto k = static_cast<std::uint32_t>(k0 + j);
            out[j] = proto;
            out[j].number += k;
        }
    });
    return base;
}

std::vector<SimTime> ItemStore::attemptTimes(std::uint32_t item) const {
    std::vector<SimTime> times;
    for (std::uint32_t a = m_items[item].lastAttempt; a != kNone; a = m_attempts[a].prev)
        times.push_back(m_attempts[a].start);
    std::reverse(times.begin(), times.end());
    return times;
}

std::uint32_t ItemStore::attemptCount(std::uint32_t item) const {
    std::uint32_t n = 0;
    for (std::uint32_t a = m_items[item].lastAttempt; a != kNone; a = m_attempts[a].prev) ++n;
    return n;
}

std::uint32_t ItemStore::attemptAt(std::uint32_t item, std::uint32_t k) const {
    const std::uint32_t n = attemptCount(item);
    if (k >= n) return kNone;
    std::uint32_t a = m_items[item].lastAttempt;
    for (std::uint32_t back = n - 1 - k; back > 0; --back) a = m_attempts[a].prev;
    return a;
}

void ItemStore::clear() {
    m_items.clear();
    m_attempts.clear();
}

void renderBody(const std::string& bodyTemplate, std::uint32_t number, std::string& out) {
    out.clear();
    const std::size_t n = bodyTemplate.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (bodyTemplate[i] == '{' && i + 2 < n && bodyTemplate[i + 1] == 'n' && bodyTemplate[i + 2] == '}') {
            out += std::to_string(number);
            i += 2;
        } else {
            out += bodyTemplate[i];
        }
    }
}

std::string requestIdString(std::uint64_t seed, std::uint32_t n) {
    std::uint64_t state = seed * 0x9E3779B97F4A7C15ull + n;
    const std::uint64_t hi = splitMix64(state);
    const std::uint64_t lo = splitMix64(state);
    static const char* kHex = "0123456789abcdef";
    // 8-4-4-4-12, version nibble 4 and variant 8-b like a random UUID.
    std::string s(36, '-');
    auto nibble = [&](int i) -> unsigned {
        return static_cast<unsigned>(((i < 16 ? hi >> (4 * i) : lo >> (4 * (i - 16)))) & 0xfu);
    };
    int k = 0;
    for (int pos = 0; pos < 36; ++pos) {
        if (pos == 8 || pos == 13 || pos == 18 || pos == 23) continue;
        unsigned v = nibble(k++);
        if (pos == 14) v = 4;
        if (pos == 19) v = 8 | (v & 3);
        s[static_cast<std::size_t>(pos)] = kHex[v];
    }
    return s;
}

}  // namespace pg::sim

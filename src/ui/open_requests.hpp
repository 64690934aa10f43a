// The timeline's open bars keyed by request id, as a map would keep them. Request ids are handed out in
// increasing order and a bar mostly closes soon after it opens, so the ids from the oldest open one on sit in a
// window of slots: no hashing and no node allocation per record (issue 21: the timeline's intake was the largest
// part of a playing frame after the simulation). An id the window cannot take (below it, or far above: the ids
// the timeline makes from item numbers when attempts are not recorded) goes to a map.
#pragma once
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace pg::ui {

template <typename T>
class OpenRequests {
public:
    void clear() {
        m_slots.clear();
        m_head = 0;
        m_inWindow = 0;
        m_others.clear();
    }
    bool empty() const { return m_inWindow == 0 && m_others.empty(); }

    /// The value kept for `id`, or nullptr.
    T* find(std::uint32_t id) {
        if (Slot* s = slotOf(id); s && s->used) return &s->value;
        if (m_others.empty()) return nullptr;
        const auto it = m_others.find(id);
        return it == m_others.end() ? nullptr : &it->second;
    }

    /// Keeps `value` for `id` (replacing what it had).
    void put(std::uint32_t id, const T& value) {
        if (T* kept = find(id)) {
            *kept = value;
            return;
        }
        if (m_slots.empty()) m_base = id;  // an empty window (erase and clear drop its slots) starts over here
        const std::size_t at = id - m_base;  // meaningful when id >= m_base
        if (id >= m_base && at >= m_head && at < m_slots.size() + kReach) {
            if (at >= m_slots.size()) m_slots.resize(at + 1);
            m_slots[at] = {value, true};
            ++m_inWindow;
            return;
        }
        m_others[id] = value;
    }

    void erase(std::uint32_t id) {
        if (Slot* s = slotOf(id); s && s->used) {
            s->used = false;
            --m_inWindow;
            // Past the closed ones at the front; drop them once they are most of the window.
            while (m_head < m_slots.size() && !m_slots[m_head].used) ++m_head;
            if (m_inWindow == 0) {
                m_slots.clear();
                m_head = 0;
            } else if (m_head >= kReach && m_head * 2 >= m_slots.size()) {
                m_slots.erase(m_slots.begin(), m_slots.begin() + static_cast<std::ptrdiff_t>(m_head));
                m_base += static_cast<std::uint32_t>(m_head);
                m_head = 0;
            }
            return;
        }
        if (!m_others.empty()) m_others.erase(id);
    }

private:
    /// How far above the window's last slot an id may land and still take a slot (the gap costs slots).
    static constexpr std::size_t kReach = 4096;
    struct Slot {
        T value{};
        bool used = false;
    };
    /// Slot m_head holds id m_base + m_head: ids m_base + m_head .. m_base + size - 1 are in the window.
    Slot* slotOf(std::uint32_t id) {
        if (id < m_base) return nullptr;
        const std::size_t at = id - m_base;
        return at >= m_head && at < m_slots.size() ? &m_slots[at] : nullptr;
    }

    std::vector<Slot> m_slots;
    std::size_t m_head = 0;
    std::uint32_t m_base = 0;
    std::size_t m_inWindow = 0;
    std::unordered_map<std::uint32_t, T> m_others;
};

}  // namespace pg::ui

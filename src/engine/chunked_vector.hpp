// ChunkedVector: an append-only array in fixed 4096-element chunks. Indexing costs a shift and a mask; growing
// never copies or moves what is stored, so a million-element store never needs twice its size during a
// reallocation (the peak-memory cost of std::vector doubling), and a long trace never pauses to copy itself.
// appendLazy adds a run of elements computed from a prototype (a burst of 100k messages): a chunk is written
// only when one of its elements is first accessed, so a long queue costs nothing until it is read.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <vector>

namespace pg::sim {

template <typename T>
class ChunkedVector {
public:
    static constexpr std::size_t kShift = 12;
    static constexpr std::size_t kChunk = std::size_t{1} << kShift;

    /// Random access by index (std::lower_bound and iterator differences work as on a vector).
    class const_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = const T*;
        using reference = const T&;
        const_iterator() = default;
        const_iterator(const ChunkedVector* v, std::size_t i) : m_v(v), m_i(i) {}
        reference operator*() const { return (*m_v)[m_i]; }
        pointer operator->() const { return &(*m_v)[m_i]; }
        reference operator[](difference_type n) const { return (*m_v)[m_i + static_cast<std::size_t>(n)]; }
        const_iterator& operator++() { ++m_i; return *this; }
        const_iterator operator++(int) { const_iterator t = *this; ++m_i; return t; }
        const_iterator& operator--() { --m_i; return *this; }
        const_iterator operator--(int) { const_iterator t = *this; --m_i; return t; }
        const_iterator& operator+=(difference_type n) { m_i = static_cast<std::size_t>(static_cast<difference_type>(m_i) + n); return *this; }
        const_iterator& operator-=(difference_type n) { return *this += -n; }
        const_iterator operator+(difference_type n) const { const_iterator t = *this; return t += n; }
        friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
        const_iterator operator-(difference_type n) const { const_iterator t = *this; return t -= n; }
        difference_type operator-(const const_iterator& o) const {
            return static_cast<difference_type>(m_i) - static_cast<difference_type>(o.m_i);
        }
        bool operator==(const const_iterator& o) const { return m_i == o.m_i; }
        bool operator!=(const const_iterator& o) const { return m_i != o.m_i; }
        bool operator<(const const_iterator& o) const { return m_i < o.m_i; }
        bool operator>(const const_iterator& o) const { return m_i > o.m_i; }
        bool operator<=(const const_iterator& o) const { return m_i <= o.m_i; }
        bool operator>=(const const_iterator& o) const { return m_i >= o.m_i; }

    private:
        const ChunkedVector* m_v = nullptr;
        std::size_t m_i = 0;
    };

    /// Element k of a lazy run is `at(proto, k)`.
    using RangeFn = T (*)(const T& proto, std::uint32_t k);

    // Access materialises a lazy chunk on first use (logically const: the values do not change).
    T& operator[](std::size_t i) { return chunk(i >> kShift)[i & (kChunk - 1)]; }
    const T& operator[](std::size_t i) const { return chunk(i >> kShift)[i & (kChunk - 1)]; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const T& back() const { return (*this)[m_size - 1]; }
    T& back() { return (*this)[m_size - 1]; }
    const_iterator begin() const { return const_iterator(this, 0); }
    const_iterator end() const { return const_iterator(this, m_size); }
    void push_back(const T& value) {
        if ((m_size >> kShift) == m_chunks.size()) m_chunks.emplace_back();
        (*this)[m_size++] = value;
    }
    /// Appends `count` elements, element k being `at(proto, k)`; chunks not yet allocated are written later.
    void appendLazy(const T& proto, std::size_t count, RangeFn at) {
        if (count == 0) return;
        const std::size_t begin = m_size;
        m_ranges.push_back(Range{begin, count, proto, at});
        m_size += count;
        while (m_chunks.size() < ((m_size + kChunk - 1) >> kShift)) m_chunks.emplace_back();
        // Chunks that already exist (the one holding `begin`) are written now: they are never filled again.
        for (std::size_t c = begin >> kShift; c < m_chunks.size() && (c << kShift) < m_size; ++c)
            if (m_chunks[c]) fill(c, m_ranges.back());
    }
    /// Frees every chunk (a reset run starts empty).
    void clear() {
        m_chunks.clear();
        m_ranges.clear();
        m_size = 0;
    }
    /// Bytes of the chunks written so far.
    std::size_t capacityBytes() const {
        std::size_t n = 0;
        for (const auto& c : m_chunks) n += c ? kChunk * sizeof(T) : 0;
        return n;
    }

private:
    struct Range {
        std::size_t begin, count;
        T proto;
        RangeFn at;
    };
    T* chunk(std::size_t c) const {
        T* p = m_chunks[c].get();
        return p ? p : materialize(c);
    }
    T* materialize(std::size_t c) const {
        m_chunks[c] = std::make_unique<T[]>(kChunk);
        // Ranges are disjoint and in index order: start at the last one beginning before the chunk's end.
        const std::size_t lo = c << kShift, hi = lo + kChunk;
        auto it = std::upper_bound(m_ranges.begin(), m_ranges.end(), hi,
                                   [](std::size_t v, const Range& r) { return v < r.begin; });
        while (it != m_ranges.begin()) {
            --it;
            if (it->begin + it->count <= lo) break;
            fill(c, *it);
        }
        return m_chunks[c].get();
    }
    void fill(std::size_t c, const Range& r) const {
        const std::size_t lo = std::max(c << kShift, r.begin), hi = std::min((c + 1) << kShift, r.begin + r.count);
        T* p = m_chunks[c].get();
        for (std::size_t i = lo; i < hi; ++i)
            p[i & (kChunk - 1)] = r.at(r.proto, static_cast<std::uint32_t>(i - r.begin));
    }

    mutable std::vector<std::unique_ptr<T[]>> m_chunks;  // null: not written yet (lazy)
    std::vector<Range> m_ranges;
    std::size_t m_size = 0;
};

}  // namespace pg::sim

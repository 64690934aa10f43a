// ChunkedVector: an append-only array in fixed 4096-element chunks. Indexing costs a shift and a mask; growing
// never copies or moves what is stored, so a million-element store never needs twice its size during a
// reallocation (the peak-memory cost of std::vector doubling), and a long trace never pauses to copy itself.
#pragma once
#include <cstddef>
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

    T& operator[](std::size_t i) { return m_chunks[i >> kShift][i & (kChunk - 1)]; }
    const T& operator[](std::size_t i) const { return m_chunks[i >> kShift][i & (kChunk - 1)]; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const T& back() const { return (*this)[m_size - 1]; }
    T& back() { return (*this)[m_size - 1]; }
    const_iterator begin() const { return const_iterator(this, 0); }
    const_iterator end() const { return const_iterator(this, m_size); }
    void push_back(const T& value) {
        if ((m_size >> kShift) == m_chunks.size()) m_chunks.push_back(std::make_unique<T[]>(kChunk));
        (*this)[m_size++] = value;
    }
    /// Keeps the chunks (a reset run reuses them).
    void clear() { m_size = 0; }
    std::size_t capacityBytes() const { return m_chunks.size() * kChunk * sizeof(T); }

private:
    std::vector<std::unique_ptr<T[]>> m_chunks;
    std::size_t m_size = 0;
};

}  // namespace pg::sim

// ChunkedVector: an append-only array in fixed 4096-element chunks. Indexing costs a shift and a mask; growing
// never copies or moves what is stored, so a million-element store never needs twice its size during a
// reallocation (the peak-memory cost of std::vector doubling).
#pragma once
#include <cstddef>
#include <memory>
#include <vector>

namespace pg::sim {

template <typename T>
class ChunkedVector {
public:
    static constexpr std::size_t kShift = 12;
    static constexpr std::size_t kChunk = std::size_t{1} << kShift;

    T& operator[](std::size_t i) { return m_chunks[i >> kShift][i & (kChunk - 1)]; }
    const T& operator[](std::size_t i) const { return m_chunks[i >> kShift][i & (kChunk - 1)]; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
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

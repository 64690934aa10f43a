// ChunkedVector: an append-only array in fixed 4096-element chunks. Indexing costs a shift and a mask; growing
// never copies or moves what is stored, so a million-element store never needs twice its size during a
// reallocation (the peak-memory cost of std::vector doubling), and a long trace never pauses to copy itself.
// appendLazy adds a run of elements computed from a prototype (a burst of 100k messages): a chunk is written
// only when one of its elements is first accessed, so a long queue costs nothing until it is read.
// compactChunk keeps only a chunk's still-needed elements (a small side array in index order, found through a
// rank bitmap) and frees the rest, for a run that lets finished elements go (EngineOptions::keepFinishedItems
// off): reading a dropped element aborts.
#pragma once
#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <new>
#include <type_traits>
#include <vector>

#include "force_inline.hpp"

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

    /// Writes elements k0 .. k0 + n - 1 of a lazy run to out[0 .. n-1] (one call per chunk, the loop inside the
    /// filler where the compiler can inline and vectorise it; per-element calls cost more than the copy).
    using RangeFill = void (*)(const T& proto, std::uint32_t k0, T* out, std::size_t n);

    // Access materialises a lazy chunk on first use (logically const: the values do not change).
    // Forced inline: the engine's most frequent call; GCC's unit-growth limits otherwise leave some call sites
    // calling it (async_retry_200k's loop was 13% slower when async_invoke.cpp's calls went out of line).
    PG_FORCE_INLINE T& operator[](std::size_t i) {
        T* p = m_chunks[i >> kShift].get();
        return p ? p[i & (kChunk - 1)] : slowAt(i);
    }
    PG_FORCE_INLINE const T& operator[](std::size_t i) const {
        const T* p = m_chunks[i >> kShift].get();
        return p ? p[i & (kChunk - 1)] : slowAt(i);
    }
    /// Element i if its chunk is written (not lazy, not compacted), else nullptr: no call on the way, for a hot
    /// path that handles the other cases elsewhere.
    PG_FORCE_INLINE T* resident(std::size_t i) {
        T* p = m_chunks[i >> kShift].get();
        return p ? p + (i & (kChunk - 1)) : nullptr;
    }
    /// Element i, or nullptr if compactChunk dropped it: one lookup where dropped() then [] take two.
    T* find(std::size_t i) {
        T* p = m_chunks[i >> kShift].get();
        if (p) return p + (i & (kChunk - 1));
        return compacted(i >> kShift) ? findKept(i) : &materialize(i >> kShift)[i & (kChunk - 1)];
    }
    /// Elements i .. i + n - 1 as one array if they lie in one chunk that holds them all (materialised if
    /// lazy), else nullptr (they straddle chunks, or the chunk was compacted): for loops over a run.
    T* span(std::size_t i, std::size_t n) {
        const std::size_t c = i >> kShift;
        if (n == 0 || c != ((i + n - 1) >> kShift)) return nullptr;
        T* p = m_chunks[c].get();
        if (!p) {
            if (compacted(c)) return nullptr;
            p = materialize(c);
        }
        return p + (i & (kChunk - 1));
    }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const T& back() const { return (*this)[m_size - 1]; }
    T& back() { return (*this)[m_size - 1]; }
    const_iterator begin() const { return const_iterator(this, 0); }
    const_iterator end() const { return const_iterator(this, m_size); }
    /// Appends `value`; returns the stored element.
    // Forced inline too: Clang (wasm) kept it out of line, a tenth of sqs_poison_100k's wasm loop.
    PG_FORCE_INLINE T& push_back(const T& value) {
        if ((m_size >> kShift) == m_chunks.size()) m_chunks.emplace_back();
        T& slot = (*this)[m_size++];
        slot = value;
        return slot;
    }
    /// Appends `n` elements in one piece when they fit in the chunk the next element goes to: returns their
    /// slots, unwritten (the caller writes every one before any read), or nullptr with nothing appended when they
    /// would straddle chunks. A batch's records then cost one bounds test, not one per element.
    PG_FORCE_INLINE T* appendSpan(std::size_t n) {
        const std::size_t c = m_size >> kShift;
        if ((m_size & (kChunk - 1)) + n > kChunk) return nullptr;
        if (c == m_chunks.size()) m_chunks.emplace_back();
        T* p = m_chunks[c].get();
        if (!p) p = materialize(c);  // a fresh chunk (the last chunk is never compacted: it is not wholly below size)
        T* const at = p + (m_size & (kChunk - 1));
        m_size += n;
        return at;
    }
    /// How many elements appendSpan can append in one piece now: those left in the chunk the next element goes
    /// to (a whole chunk when the last one is full). Never 0.
    std::size_t room() const { return kChunk - (m_size & (kChunk - 1)); }
    /// Appends `count` elements computed by `fill` from `proto`; chunks not yet allocated are written later.
    void appendLazy(const T& proto, std::size_t count, RangeFill fill) {
        if (count == 0) return;
        const std::size_t begin = m_size;
        m_ranges.push_back(Range{begin, count, proto, fill});
        m_size += count;
        while (m_chunks.size() < ((m_size + kChunk - 1) >> kShift)) m_chunks.emplace_back();
        // Chunks that already exist (the one holding `begin`) are written now: they are never filled again.
        for (std::size_t c = begin >> kShift; c < m_chunks.size() && (c << kShift) < m_size; ++c)
            if (m_chunks[c]) write(c, m_ranges.back());
    }
    /// Frees every chunk (a reset run starts empty).
    void clear() {
        m_chunks.clear();
        m_compacted.clear();
        m_ranges.clear();
        m_size = 0;
    }
    /// Bytes of the chunks written so far (side arrays of compacted chunks included).
    std::size_t capacityBytes() const {
        std::size_t n = 0;
        for (const auto& c : m_chunks) n += c ? kChunk * sizeof(T) : 0;
        for (const auto& k : m_compacted)
            if (k && k.get() != &noneKept()) n += sizeof(Compacted) + k->values.capacity() * sizeof(T);
        return n;
    }

    // Dropping finished elements. The owner knows which elements are still needed; the store only keeps them.
    /// Keeps the elements i of chunk `c` with keep(i, element) in a sorted side array and frees the rest of the
    /// chunk (a compacted chunk can be compacted again). The chunk must lie wholly below size(); it is never
    /// re-materialised from a lazy run, and reading a dropped element aborts (a bug in the owner).
    template <typename Keep>
    void compactChunk(std::size_t c, Keep keep) {
        assert(((c + 1) << kShift) <= m_size);
        CompactedPtr kept(new Compacted());
        const std::size_t base = c << kShift;
        // keep() is asked once per element, into the bitmap; the values are copied once their count is known.
        forEachInChunk(c, [&](std::size_t i, const T& v) {
            if (keep(i, v)) kept->bits[(i - base) >> 6] |= std::uint64_t{1} << ((i - base) & 63);
        });
        std::size_t count = 0;
        for (std::size_t w = 0; w < kWords; ++w) {
            kept->before[w] = static_cast<std::uint16_t>(count);
            count += static_cast<std::size_t>(popcount(kept->bits[w]));
        }
        if (count == 0) {
            kept.reset(&noneKept());  // a released chunk costs no allocation
        } else {
            kept->values.reserve(count);
            forEachInChunk(c, [&](std::size_t i, const T& v) {
                if (kept->bits[(i - base) >> 6] >> ((i - base) & 63) & 1) kept->values.push_back(v);
            });
        }
        m_chunks[c].reset();
        if (m_compacted.size() <= c) m_compacted.resize(c + 1);
        m_compacted[c] = std::move(kept);
    }
    /// Drops every element of chunk `c` (compactChunk keeping nothing).
    void releaseChunk(std::size_t c) {
        compactChunk(c, [](std::size_t, const T&) { return false; });
    }
    bool compacted(std::size_t c) const { return c < m_compacted.size() && m_compacted[c] != nullptr; }
    /// True if element i was dropped by compactChunk (reading it would abort).
    bool dropped(std::size_t i) const {
        const std::size_t c = i >> kShift;
        return !m_chunks[c] && compacted(c) && !findKept(i);
    }
    /// Calls fn(index, element) for every element of chunk `c` still held, in index order, without
    /// materialising a lazy chunk (its values are computed on the fly).
    template <typename Fn>
    void forEachInChunk(std::size_t c, Fn fn) const {
        const std::size_t base = c << kShift, end = std::min(base + kChunk, m_size);
        if (const T* p = m_chunks[c].get()) {
            for (std::size_t i = base; i < end; ++i) fn(i, p[i - base]);
        } else if (compacted(c)) {
            const Compacted& k = *m_compacted[c];
            std::size_t j = 0;
            for (std::size_t w = 0; w < kWords; ++w)
                for (std::uint64_t bits = k.bits[w]; bits != 0; bits &= bits - 1)
                    fn(base + (w << 6) + static_cast<std::size_t>(__builtin_ctzll(bits)), k.values[j++]);
        } else {
            std::unique_ptr<T[]> temp = std::make_unique<T[]>(kChunk);
            fillFromRanges(c, temp.get());
            for (std::size_t i = base; i < end; ++i) fn(i, temp[i - base]);
        }
    }
    /// Every element still held, in index order.
    template <typename Fn>
    void forEachHeld(Fn fn) const {
        for (std::size_t c = 0; c < m_chunks.size(); ++c) forEachInChunk(c, fn);
    }

private:
    // A chunk's storage. Elements are plain data (checked below), written before they are read (by a lazy run's
    // fill or by push_back), so a new chunk is not value-initialised first: that would write every chunk twice
    // (a 4096-item chunk is 229 KB).
    static_assert(std::is_trivially_copyable<T>::value && std::is_trivially_destructible<T>::value,
                  "chunks hold plain data");
    struct ChunkFree {
        void operator()(T* p) const { ::operator delete[](static_cast<void*>(p)); }
    };
    using Chunk = std::unique_ptr<T[], ChunkFree>;
    static Chunk newChunk() { return Chunk(static_cast<T*>(::operator new[](kChunk * sizeof(T)))); }
    struct Range {
        std::size_t begin, count;
        T proto;
        RangeFill fill;
    };
    // A compacted chunk: bit k of bits[] is set if offset k is kept; a kept element's place in `values` is its
    // rank, the kept offsets below it: before[word] plus a popcount in its word (a binary search of the kept
    // offsets was 15% of a run that lets finished items go: async_retry_200k's retried events).
    static constexpr std::size_t kWords = kChunk / 64;
    static_assert(kChunk % 64 == 0 && kChunk <= 65535, "whole words; ranks fit 16 bits");
    struct Compacted {
        std::uint64_t bits[kWords] = {};
        std::uint16_t before[kWords] = {};
        std::vector<T> values;  // the kept elements in index order
    };
    /// Every released chunk (nothing kept) shares this one, never freed.
    static Compacted& noneKept() {
        static Compacted none;
        return none;
    }
    struct CompactedFree {
        void operator()(Compacted* p) const {
            if (p != &noneKept()) delete p;
        }
    };
    using CompactedPtr = std::unique_ptr<Compacted, CompactedFree>;
    // Bits set in x. Where the target has an instruction for it (wasm's i64.popcnt, x86 built with POPCNT) the
    // builtin is that instruction; the x86-64 baseline has none, and there GCC's builtin is a call into libgcc
    // (4% of a command-line run, issue 21), so a branch-free SWAR count inline instead: exact either way.
    static PG_FORCE_INLINE int popcount(std::uint64_t x) {
#if defined(__wasm__) || defined(__POPCNT__)
        return __builtin_popcountll(x);
#else
        x -= (x >> 1) & 0x5555555555555555ull;
        x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
        x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
        return static_cast<int>((x * 0x0101010101010101ull) >> 56);
#endif
    }
    /// A read of an element whose chunk is not resident: a kept element of a compacted chunk, else a lazy chunk
    /// written now. Never re-materialises a compacted chunk. The compacted case (a retried item's every read)
    /// is the hot one: it stays a leaf, the lazy case is a call.
    T& slowAt(std::size_t i) const {
        const std::size_t c = i >> kShift;
        if (c < m_compacted.size() && m_compacted[c]) {
            T* kept = findKept(i);
            if (!kept) droppedRead();
            return *kept;
        }
        return materializeAt(i);
    }
    [[noreturn]] __attribute__((noinline, cold)) static void droppedRead() {
        assert(false && "read of an element dropped by compactChunk");
        std::abort();
    }
    __attribute__((noinline)) T& materializeAt(std::size_t i) const {
        return materialize(i >> kShift)[i & (kChunk - 1)];
    }
    PG_FORCE_INLINE T* findKept(std::size_t i) const {
        Compacted& k = *m_compacted[i >> kShift];
        const std::size_t off = i & (kChunk - 1), w = off >> 6, b = off & 63;
        const std::uint64_t word = k.bits[w];
        if (!(word >> b & 1)) return nullptr;
        const std::uint64_t below = word & ((std::uint64_t{1} << b) - 1);
        return &k.values[k.before[w] + static_cast<std::size_t>(popcount(below))];
    }
    T* materialize(std::size_t c) const {
        m_chunks[c] = newChunk();
        fillFromRanges(c, m_chunks[c].get());
        return m_chunks[c].get();
    }
    void fillFromRanges(std::size_t c, T* p) const {
        // Ranges are disjoint and in index order: start at the last one beginning before the chunk's end.
        const std::size_t lo = c << kShift, hi = lo + kChunk;
        auto it = std::upper_bound(m_ranges.begin(), m_ranges.end(), hi,
                                   [](std::size_t v, const Range& r) { return v < r.begin; });
        while (it != m_ranges.begin()) {
            --it;
            if (it->begin + it->count <= lo) break;
            write(c, *it, p);
        }
    }
    /// Writes the part of run r inside chunk c to p (the chunk's storage).
    void write(std::size_t c, const Range& r) const { write(c, r, m_chunks[c].get()); }
    void write(std::size_t c, const Range& r, T* p) const {
        const std::size_t lo = std::max(c << kShift, r.begin), hi = std::min((c + 1) << kShift, r.begin + r.count);
        r.fill(r.proto, static_cast<std::uint32_t>(lo - r.begin), p + (lo & (kChunk - 1)), hi - lo);
    }

    mutable std::vector<Chunk> m_chunks;  // null: not written yet (lazy) or compacted
    mutable std::vector<CompactedPtr> m_compacted;  // per chunk, set once compacted
    std::vector<Range> m_ranges;
    std::size_t m_size = 0;
};

}  // namespace pg::sim

// ChunkedVector::appendSpan (a batch's attempt records appended in one piece) and ItemStore's attempt slots:
// a span is handed out only when it fits in the chunk the next element goes to, and what is written through it
// reads back as push_back would have stored it.
#include <doctest/doctest.h>

#include <cstdint>

#include "engine/chunked_vector.hpp"
#include "engine/items.hpp"

using namespace pg::sim;

TEST_CASE("ChunkedVector::appendSpan fills a chunk exactly and never straddles two") {
    ChunkedVector<std::uint32_t> v;
    constexpr std::size_t kChunk = ChunkedVector<std::uint32_t>::kChunk;  // 4096
    for (std::uint32_t i = 0; i < kChunk - 6; ++i) v.push_back(i);        // 4090 elements, 6 slots left
    std::uint32_t* six = v.appendSpan(6);                                  // 4090 + 6 = 4096: fits exactly
    REQUIRE(six != nullptr);
    for (std::uint32_t k = 0; k < 6; ++k) six[k] = 1000 + k;
    CHECK(v.size() == kChunk);
    CHECK(v[kChunk - 7] == kChunk - 7);  // 4089, written by push_back
    CHECK(v[kChunk - 6] == 1000);        // the span's first slot is element 4090
    CHECK(v[kChunk - 1] == 1005);        // and its last element 4095
    std::uint32_t* one = v.appendSpan(1);  // the next chunk, fresh: element 4096
    REQUIRE(one != nullptr);
    *one = 7;
    CHECK(v.size() == kChunk + 1);
    CHECK(v[kChunk] == 7);
    // Offset 1 in the second chunk: 1 + 4096 > 4096 would straddle; nothing appended.
    CHECK(v.appendSpan(kChunk) == nullptr);
    CHECK(v.size() == kChunk + 1);
    // 1 + 4095 = 4096 fits; the next push_back lands in a third chunk at index 8192.
    std::uint32_t* rest = v.appendSpan(kChunk - 1);
    REQUIRE(rest != nullptr);
    for (std::uint32_t k = 0; k < kChunk - 1; ++k) rest[k] = 50000 + k;
    CHECK(v[kChunk + 1] == 50000);
    CHECK(v[2 * kChunk - 1] == 50000 + 4094);
    v.push_back(9);
    CHECK(v.size() == 2 * kChunk + 1);
    CHECK(v[2 * kChunk] == 9);
}

TEST_CASE("ChunkedVector::appendSpan after a lazy run writes the run's chunk first") {
    ChunkedVector<std::uint32_t> v;
    v.appendLazy(100, 10, [](const std::uint32_t& base, std::uint32_t k0, std::uint32_t* out, std::size_t n) {
        for (std::size_t j = 0; j < n; ++j) out[j] = base + k0 + static_cast<std::uint32_t>(j);
    });
    std::uint32_t* span = v.appendSpan(5);  // elements 10..14, in the lazy run's chunk
    REQUIRE(span != nullptr);
    for (std::uint32_t k = 0; k < 5; ++k) span[k] = 900 + k;
    CHECK(v.size() == 15);
    CHECK(v[0] == 100);  // the run: 100 + k
    CHECK(v[9] == 109);
    CHECK(v[10] == 900);
    CHECK(v[14] == 904);
}

TEST_CASE("ItemStore attempt slots link an item's attempts as addAttempt does") {
    ItemStore store;
    Item proto;
    const std::uint32_t a = store.add(proto), b = store.add(proto);
    store.addAttempt(a, 5, 1);  // attempt 0: item a's first
    std::uint32_t first = 0;
    AttemptRecord* slots = store.attemptSlots(3, first);  // attempts 1, 2, 3
    REQUIRE(slots != nullptr);
    CHECK(first == 1);
    // A batch of three: a, b, a again (an item listed twice still links in order).
    ItemStore::addAttemptAt(slots[0], first + 0, store[a], 20, 2);
    ItemStore::addAttemptAt(slots[1], first + 1, store[b], 20, 2);
    ItemStore::addAttemptAt(slots[2], first + 2, store[a], 20, 2);
    CHECK(store.attempts().size() == 4);
    CHECK(store[a].firstAttempt == 0);
    CHECK(store[a].lastAttempt == 3);
    CHECK(store.attempts()[3].prev == 1);  // a's chain: 3 -> 1 -> 0
    CHECK(store.attempts()[1].prev == 0);
    CHECK(store.attempts()[0].prev == kNone);
    CHECK(store[b].firstAttempt == 2);
    CHECK(store[b].lastAttempt == 2);
    CHECK(store.attempts()[2].prev == kNone);
    CHECK(store.attempts()[2].start == 20);
    CHECK(store.attempts()[2].requestId == 2);
    CHECK(store.attemptCount(a) == 3);  // 0, 1 and 3
    CHECK(store.attemptCount(b) == 1);
}

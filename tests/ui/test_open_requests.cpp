// OpenRequests (src/ui/open_requests.hpp): the timeline's open bars by request id must behave exactly as the
// std::unordered_map it replaces, whichever ids come: increasing ones (its window), lower ones, far higher ones
// (the ids made from item numbers, 0x80000000 + item), and a window that empties and starts over.
#include "ui/open_requests.hpp"

#include <cstdint>
#include <random>
#include <unordered_map>
#include <vector>

#include <doctest/doctest.h>

using pg::ui::OpenRequests;

namespace {

// Every id the reference holds is found with its value, and a few it does not hold are not found.
void checkSame(OpenRequests<std::uint32_t>& open, const std::unordered_map<std::uint32_t, std::uint32_t>& ref,
               const std::vector<std::uint32_t>& probes) {
    CHECK(open.empty() == ref.empty());
    for (const auto& [id, value] : ref) {
        const std::uint32_t* kept = open.find(id);
        REQUIRE(kept != nullptr);
        CHECK(*kept == value);
    }
    for (std::uint32_t id : probes)
        if (ref.count(id) == 0) CHECK(open.find(id) == nullptr);
}

}  // namespace

TEST_CASE("open requests: put, find, replace and erase as a map") {
    OpenRequests<std::uint32_t> open;
    CHECK(open.empty());
    CHECK(open.find(7) == nullptr);
    open.put(7, 70);
    open.put(9, 90);
    REQUIRE(open.find(7) != nullptr);
    CHECK(*open.find(7) == 70);
    CHECK(open.find(8) == nullptr);  // inside the window, never put
    open.put(7, 71);                 // replaced, not added twice
    CHECK(*open.find(7) == 71);
    open.erase(7);
    CHECK(open.find(7) == nullptr);
    CHECK(*open.find(9) == 90);
    open.put(3, 30);  // below the window
    CHECK(*open.find(3) == 30);
    open.put(0x80000005u, 5);  // an id made from an item number: far above the window
    CHECK(*open.find(0x80000005u) == 5);
    open.erase(9);
    open.erase(3);
    CHECK_FALSE(open.empty());
    open.erase(0x80000005u);
    CHECK(open.empty());
    open.erase(12345);  // not there: nothing happens
    CHECK(open.empty());
}

TEST_CASE("open requests: an id kept aside stays found when the window starts over around it") {
    OpenRequests<std::uint32_t> open;
    open.put(100, 1);
    open.put(50, 2);  // below the window: kept aside
    open.erase(100);  // the window is empty now
    open.put(40, 3);  // the window starts over at 40, so 50 lies in its reach
    open.put(50, 4);  // still the same entry: replaced, not added again
    CHECK(*open.find(50) == 4);
    open.erase(50);
    CHECK(open.find(50) == nullptr);
    CHECK(*open.find(40) == 3);
}

TEST_CASE("open requests: random traffic against std::unordered_map") {
    for (std::uint32_t seed = 1; seed <= 20; ++seed) {
        CAPTURE(seed);
        std::mt19937 rng(seed);
        OpenRequests<std::uint32_t> open;
        std::unordered_map<std::uint32_t, std::uint32_t> ref;
        std::vector<std::uint32_t> ids;  // every id used, for probes and erases
        std::uint32_t next = seed * 1000;
        for (int step = 0; step < 20000; ++step) {
            const std::uint32_t op = rng() % 100;
            std::uint32_t id;
            if (op < 45) {  // a new request, mostly the next id, sometimes a jump or an item-made id
                const std::uint32_t kind = rng() % 20;
                if (kind == 0) next += 5000 + rng() % 20000;
                id = kind == 1 ? 0x80000000u + rng() % 1000 : next++;
            } else if (op < 55 && !ids.empty()) {  // an older id again
                id = ids[rng() % ids.size()];
            } else if (!ids.empty()) {  // a close, mostly of a recent one
                const std::size_t back = std::min<std::size_t>(ids.size(), 1 + rng() % 64);
                id = ids[ids.size() - 1 - rng() % back];
                open.erase(id);
                ref.erase(id);
                continue;
            } else {
                continue;
            }
            const std::uint32_t value = rng();
            open.put(id, value);
            ref[id] = value;
            ids.push_back(id);
            if (step % 997 == 0) checkSame(open, ref, {ids.front(), next, next + 1, id + 1, 0x80000000u});
        }
        checkSame(open, ref, {next, 0, 0x80000000u + 1001});
        for (const auto& [id, value] : std::unordered_map<std::uint32_t, std::uint32_t>(ref)) {
            open.erase(id);
            ref.erase(id);
        }
        CHECK(open.empty());
    }
}

TEST_CASE("open requests: bars closing in order let the window move on") {
    OpenRequests<std::uint32_t> open;
    for (std::uint32_t id = 0; id < 10000; ++id) open.put(id, id * 3);
    for (std::uint32_t id = 0; id < 9000; ++id) open.erase(id);  // the front drops out of the window
    for (std::uint32_t id = 10000; id < 12000; ++id) open.put(id, id * 3);
    for (std::uint32_t id = 0; id < 12000; ++id) {
        CAPTURE(id);
        const std::uint32_t* kept = open.find(id);
        if (id < 9000) {
            CHECK(kept == nullptr);
        } else {
            REQUIRE(kept != nullptr);
            CHECK(*kept == id * 3);
        }
    }
    for (std::uint32_t id = 9000; id < 12000; ++id) open.erase(id);
    CHECK(open.empty());
}

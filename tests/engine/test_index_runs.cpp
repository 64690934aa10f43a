// IndexRuns, the FIFO of message indices behind an SQS queue's visible pool and retention order: indices come
// out in the order they went in, whatever runs they were stored as (its last run is kept apart from the others).
#include <doctest/doctest.h>

#include <vector>

#include "engine/index_runs.hpp"

using namespace pg::sim;

namespace {

// Pops everything, one index at a time, in FIFO order.
std::vector<std::uint32_t> drain(IndexRuns& runs) {
    std::vector<std::uint32_t> out;
    while (!runs.empty()) {
        out.push_back(runs.front());
        runs.pop_front();
    }
    return out;
}

}  // namespace

TEST_CASE("IndexRuns: consecutive indices share a run, others start one") {
    IndexRuns runs;
    CHECK(runs.empty());
    runs.push_back(5);
    runs.push_back(6);
    runs.push_back(7);  // 5, 6, 7: one run of 3
    CHECK(runs.front() == 5);
    CHECK(runs.back() == 7);
    CHECK(runs.frontCount() == 3);
    runs.push_back(10, 2);  // 10, 11: a second run (8 would have extended the first)
    CHECK(runs.back() == 11);
    CHECK(runs.frontCount() == 3);  // the first run is unchanged
    runs.push_back(12);             // extends the last run: 10, 11, 12
    CHECK(runs.back() == 12);
    runs.pop_front(2);  // 5, 6 out: the first run holds 7 alone
    CHECK(runs.front() == 7);
    CHECK(runs.frontCount() == 1);
    runs.pop_front(1);  // the first run is gone: the last run 10..12 is the front now
    CHECK(runs.front() == 10);
    CHECK(runs.frontCount() == 3);
    runs.pop_front(2);  // the last run alone, popped from its front: 12 left
    CHECK(runs.front() == 12);
    CHECK(runs.frontCount() == 1);
    CHECK(runs.back() == 12);
    runs.push_back(13);  // still extends it: 12, 13
    CHECK(runs.frontCount() == 2);
    CHECK(drain(runs) == std::vector<std::uint32_t>{12, 13});
}

TEST_CASE("IndexRuns: emptied, it starts a new run even at the index the old one would reach") {
    IndexRuns runs;
    runs.push_back(3, 2);  // 3, 4
    runs.pop_front(2);
    CHECK(runs.empty());
    runs.push_back(5);  // 5 follows 4, but nothing is stored: a run of one
    CHECK(runs.front() == 5);
    CHECK(runs.frontCount() == 1);
    runs.push_back(0, 0);  // appending nothing changes nothing
    CHECK(runs.back() == 5);
    CHECK(runs.frontCount() == 1);
}

TEST_CASE("IndexRuns: order kept across many runs, copies independent, clear empties") {
    IndexRuns runs;
    // Runs 0..2, 10, 20..21, 3 (3 does not follow 21: a run of its own), in that order.
    runs.push_back(0, 3);
    runs.push_back(10);
    runs.push_back(20, 2);
    runs.push_back(3);
    IndexRuns copy = runs;  // a queue's state is copied when the queue list grows
    CHECK(drain(runs) == std::vector<std::uint32_t>{0, 1, 2, 10, 20, 21, 3});
    CHECK(copy.front() == 0);
    CHECK(copy.back() == 3);
    copy.push_back(4);  // extends the copy's last run (3, 4)
    CHECK(drain(copy) == std::vector<std::uint32_t>{0, 1, 2, 10, 20, 21, 3, 4});
    runs.push_back(7, 3);
    runs.clear();
    CHECK(runs.empty());
    runs.push_back(8);
    CHECK(drain(runs) == std::vector<std::uint32_t>{8});
}

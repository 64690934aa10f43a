// SliceBudget (src/ui/slice_budget.hpp): a playing frame's simulation slice is the 5 ms target minus the median
// "rest" (callback time minus simulation time) of the last five frames, kept between 1 and 4 ms.
#include "ui/slice_budget.hpp"

#include <doctest/doctest.h>

using pg::ui::SliceBudget;

TEST_CASE("before any frame was observed the slice is the 4 ms maximum") {
    SliceBudget b;
    CHECK(b.slice() == doctest::Approx(0.004));
    CHECK(b.medianRest() == 0);
}

TEST_CASE("the slice is what the target leaves after the rest of the frame") {
    SliceBudget b;
    b.observe(0.007, 0.004);  // rest 7 - 4 = 3 ms
    CHECK(b.medianRest() == doctest::Approx(0.003));
    CHECK(b.slice() == doctest::Approx(0.002));  // 5 - 3 = 2 ms
}

TEST_CASE("one descheduled frame does not starve the next ones") {
    SliceBudget b;
    b.observe(0.007, 0.004);   // rest 3 ms
    b.observe(0.0035, 0.002);  // rest 1.5 ms
    b.observe(0.030, 0.001);   // rest 29 ms: the thread lost the processor
    // median of {1.5, 3, 29} = 3 ms: 5 - 3 = 2 ms, as before the slow frame
    CHECK(b.slice() == doctest::Approx(0.002));
    b.observe(0.0045, 0.0025);  // rest 2 ms
    b.observe(0.004, 0.002);    // rest 2 ms
    // {1.5, 2, 2, 3, 29}: median 2 ms, slice 5 - 2 = 3 ms
    CHECK(b.slice() == doctest::Approx(0.003));
}

TEST_CASE("only the last five frames count") {
    SliceBudget b;
    for (int i = 0; i < 5; ++i) b.observe(0.0015, 0.001);  // rest 0.5 ms: 5 - 0.5 = 4.5, capped at 4 ms
    CHECK(b.slice() == doctest::Approx(0.004));
    for (int i = 0; i < 3; ++i) b.observe(0.006, 0.001);  // rest 5 ms, three of the last five: median 5 ms
    CHECK(b.medianRest() == doctest::Approx(0.005));
    CHECK(b.slice() == doctest::Approx(0.001));  // 5 - 5 = 0, kept at the 1 ms minimum
}

TEST_CASE("an even number of frames takes the mean of the middle two") {
    SliceBudget b;
    b.observe(0.002, 0.001);  // rest 1 ms
    b.observe(0.004, 0.002);  // rest 2 ms
    CHECK(b.medianRest() == doctest::Approx(0.0015));
    CHECK(b.slice() == doctest::Approx(0.0035));  // 5 - 1.5
}

TEST_CASE("a frame that simulated longer than it took counts as no rest") {
    SliceBudget b;
    b.observe(0.002, 0.003);  // clocks read apart: rest clamped to 0
    CHECK(b.medianRest() == 0);
    CHECK(b.slice() == doctest::Approx(0.004));
}

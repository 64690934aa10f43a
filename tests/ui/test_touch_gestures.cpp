// Touch gestures (src/ui/touch_gestures.cpp): what a finger does becomes the pointer actions a mouse would make.
// Slop 10 px and long press 500 ms are the defaults (GestureConfig); positions are CSS pixels, times ms.
#include "ui/touch_gestures.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace pg::ui;
using Kind = GestureEvent::Kind;

namespace {
std::vector<Kind> kinds(const std::vector<GestureEvent>& events) {
    std::vector<Kind> out;
    for (const GestureEvent& e : events) out.push_back(e.kind);
    return out;
}
}  // namespace

TEST_CASE("a tap is a press and a release where the finger went down") {
    TouchGestures g;
    g.down(1, 100, 200, 0);
    g.tick(16);
    CHECK(g.take().empty());  // nothing until the finger says what it is
    g.move(1, 104, 203, 50);  // 5 px: inside the 10 px slop
    g.up(1, 104, 203, 120);
    const std::vector<GestureEvent> e = g.take();
    CHECK(kinds(e) == std::vector<Kind>{Kind::PointerMove, Kind::PrimaryDown, Kind::PrimaryUp});
    for (const GestureEvent& ev : e) {
        CHECK(ev.x == 100);
        CHECK(ev.y == 200);
    }
    CHECK(g.idle());
}

TEST_CASE("a drag past the slop presses at the start, follows the finger and releases at the end") {
    TouchGestures g;
    g.down(7, 50, 50, 0);
    g.move(7, 56, 56, 10);  // 8.5 px: still a tap
    CHECK(g.take().empty());
    g.move(7, 60, 58, 20);  // hypot(10, 8) = 12.8 px: a drag
    std::vector<GestureEvent> e = g.take();
    REQUIRE(kinds(e) == std::vector<Kind>{Kind::PointerMove, Kind::PrimaryDown, Kind::PointerMove});
    CHECK(e[1].x == 50);  // pressed where the finger went down, so it grabs what was there
    CHECK(e[2].x == 60);
    CHECK(e[2].y == 58);
    g.tick(2000);  // held long, but moving: not a long press
    g.move(7, 90, 70, 2100);
    g.up(7, 90, 70, 2200);
    e = g.take();
    REQUIRE(kinds(e) == std::vector<Kind>{Kind::PointerMove, Kind::PrimaryUp});
    CHECK(e[1].x == 90);
}

TEST_CASE("a finger held still for the long-press time is a secondary click, and its release nothing more") {
    TouchGestures g;
    g.down(1, 30, 40, 1000);
    g.tick(1499);  // 499 ms
    CHECK(g.take().empty());
    g.tick(1500);  // 500 ms
    std::vector<GestureEvent> e = g.take();
    REQUIRE(kinds(e) == std::vector<Kind>{Kind::PointerMove, Kind::SecondaryClick});
    CHECK(e[1].x == 30);
    CHECK(e[1].y == 40);
    g.move(1, 80, 40, 1600);  // moving afterwards does not drag
    g.up(1, 80, 40, 1700);
    CHECK(g.take().empty());
    CHECK(g.idle());
}

TEST_CASE("a release after the long-press time without a frame between is still a long press") {
    TouchGestures g;
    g.down(1, 30, 40, 0);
    g.up(1, 30, 40, 800);
    CHECK(kinds(g.take()) == std::vector<Kind>{Kind::PointerMove, Kind::SecondaryClick});
}

TEST_CASE("two fingers pinch: the scale is the ratio of their distances, the pan the centre's motion") {
    TouchGestures g;
    g.down(1, 100, 100, 0);
    g.down(2, 200, 100, 5);  // 100 px apart, centre (150, 100)
    CHECK(g.take().empty());
    g.move(2, 300, 100, 20);  // 200 px apart: x2; centre (200, 100): moved 50 right
    std::vector<GestureEvent> e = g.take();
    REQUIRE(kinds(e) == std::vector<Kind>{Kind::Pinch});
    CHECK(e[0].scale == doctest::Approx(2.0));
    CHECK(e[0].x == doctest::Approx(200));
    CHECK(e[0].y == doctest::Approx(100));
    CHECK(e[0].dx == doctest::Approx(50));
    CHECK(e[0].dy == doctest::Approx(0));
    g.move(1, 200, 100, 30);  // 100 px apart again: x0.5 from the last step; centre (250, 100)
    e = g.take();
    REQUIRE(e.size() == 1);
    CHECK(e[0].scale == doctest::Approx(0.5));
    CHECK(e[0].dx == doctest::Approx(50));
    // The fingers leave one by one: the last one neither taps nor drags.
    g.up(2, 300, 100, 40);
    g.move(1, 150, 150, 50);
    g.up(1, 150, 150, 60);
    CHECK(g.take().empty());
    CHECK(g.idle());
}

TEST_CASE("a second finger during a drag releases the drag and pinches") {
    TouchGestures g;
    g.down(1, 0, 0, 0);
    g.move(1, 20, 0, 10);  // a drag
    g.take();
    g.down(2, 60, 0, 20);  // 40 px apart
    std::vector<GestureEvent> e = g.take();
    REQUIRE(kinds(e) == std::vector<Kind>{Kind::PrimaryUp});
    CHECK(e[0].x == 20);
    g.move(2, 100, 0, 30);  // 80 px apart: x2
    e = g.take();
    REQUIRE(e.size() == 1);
    CHECK(e[0].kind == Kind::Pinch);
    CHECK(e[0].scale == doctest::Approx(2.0));
}

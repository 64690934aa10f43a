// FramePacing (src/ui/frame_pacing.hpp): the page leaves animation frames undrawn only while a sweep runs and
// nothing else moves, and then still draws one frame every 200 ms.
#include "ui/frame_pacing.hpp"

#include <doctest/doctest.h>

using pg::ui::FramePacing;

namespace {
FramePacing::Activity sweeping() {
    FramePacing::Activity a;
    a.sweepRunning = true;
    return a;
}
}  // namespace

TEST_CASE("without a sweep running every frame is drawn") {
    FramePacing p;
    p.noteDrawn(1000);
    CHECK_FALSE(p.rest(1016, FramePacing::Activity{}));
    CHECK_FALSE(p.rest(1001, FramePacing::Activity{}));
}

TEST_CASE("while a sweep runs and nothing moves, one frame is drawn every 200 ms") {
    FramePacing p;
    p.noteDrawn(1000);
    CHECK(p.rest(1016, sweeping()));
    CHECK(p.rest(1199, sweeping()));
    CHECK_FALSE(p.rest(1200, sweeping()));  // 200 ms after the last frame drawn
    p.noteDrawn(1200);
    CHECK(p.rest(1216, sweeping()));
}

TEST_CASE("the first frame of a sweep is drawn") {
    FramePacing p;  // nothing drawn yet
    CHECK_FALSE(p.rest(5, sweeping()));
}

TEST_CASE("input brings every frame back for 250 ms") {
    FramePacing p;
    p.noteDrawn(1000);
    p.noteInput(1010);
    CHECK_FALSE(p.rest(1016, sweeping()));
    p.noteDrawn(1016);
    CHECK_FALSE(p.rest(1259, sweeping()));  // 9 ms short of 250 ms after the input
    p.noteDrawn(1259);
    CHECK(p.rest(1260, sweeping()));  // then resting again, from the last frame drawn
    CHECK(p.rest(1458, sweeping()));
    CHECK_FALSE(p.rest(1459, sweeping()));
}

TEST_CASE("playing, or a finger on the screen, draws every frame during a sweep") {
    FramePacing p;
    p.noteDrawn(1000);
    FramePacing::Activity playing = sweeping();
    playing.playing = true;
    CHECK_FALSE(p.rest(1016, playing));
    FramePacing::Activity touching = sweeping();
    touching.touchIdle = false;
    CHECK_FALSE(p.rest(1016, touching));
}

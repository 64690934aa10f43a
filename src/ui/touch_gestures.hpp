// Touch gestures (issue 20), without ImGui or a browser: fingers in, pointer actions out. A tap is a press and a
// release where the finger went down; a drag past the slop is a press, moves and a release (so a finger pans
// the canvas or moves a node exactly as the mouse does); a finger held still is a secondary click (what the
// right button does: the canvas's context menu); two fingers pinch (zoom about their centre, pan by its motion).
// The platform feeds fingers and a clock (src/platform/web/touch_input.cpp); unit-tested in tests/ui.
#pragma once
#include <vector>

namespace pg::ui {

struct GestureEvent {
    enum class Kind {
        PointerMove,     ///< the pointer (mouse) goes to x, y
        PrimaryDown,     ///< the primary button is pressed at x, y
        PrimaryUp,       ///< ... and released at x, y
        SecondaryClick,  ///< a long press at x, y: press and release the secondary button
        Pinch,           ///< zoom by `scale` about (x, y) and pan by (dx, dy)
    };
    Kind kind = Kind::PointerMove;
    float x = 0, y = 0;
    float scale = 1, dx = 0, dy = 0;
};

/// A finger's target: about 44 CSS pixels tall, as the platforms' touch guidelines ask. Buttons and menu items
/// are this tall once a finger has been used (UiState::touchUi).
constexpr float kTouchTargetPx = 44.0f;

struct GestureConfig {
    float slopPx = 10;           ///< a finger moving less than this is still a tap (or a long press)
    double longPressMs = 500;    ///< held this long without moving: a long press
};

class TouchGestures {
public:
    explicit TouchGestures(GestureConfig config = {}) : m_config(config) {}
    void down(long id, float x, float y, double ms);
    void move(long id, float x, float y, double ms);
    void up(long id, float x, float y, double ms);
    /// Call every frame: a finger held long enough becomes a long press without any event of its own.
    void tick(double ms);
    /// The pointer actions since the last call, in order.
    std::vector<GestureEvent> take();
    bool idle() const { return m_mode == Mode::Idle; }

private:
    enum class Mode { Idle, Pending, Dragging, LongPressed, Pinching, Draining };
    struct Finger {
        long id;
        float x, y;
    };
    Finger* find(long id);
    void emit(GestureEvent::Kind kind, float x, float y);
    void startPinch();

    GestureConfig m_config;
    Mode m_mode = Mode::Idle;
    std::vector<Finger> m_fingers;
    float m_startX = 0, m_startY = 0;
    double m_startMs = 0;
    float m_pinchDistance = 0, m_pinchX = 0, m_pinchY = 0;
    std::vector<GestureEvent> m_out;
};

}  // namespace pg::ui

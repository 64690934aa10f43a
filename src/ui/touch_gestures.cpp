#include "touch_gestures.hpp"

#include <algorithm>
#include <cmath>

namespace pg::ui {

namespace {
float distance(float ax, float ay, float bx, float by) { return std::hypot(ax - bx, ay - by); }
}  // namespace

TouchGestures::Finger* TouchGestures::find(long id) {
    for (Finger& f : m_fingers)
        if (f.id == id) return &f;
    return nullptr;
}

void TouchGestures::emit(GestureEvent::Kind kind, float x, float y) {
    GestureEvent e;
    e.kind = kind;
    e.x = x;
    e.y = y;
    m_out.push_back(e);
}

void TouchGestures::startPinch() {
    const Finger &a = m_fingers[0], &b = m_fingers[1];
    m_pinchDistance = std::max(1.0f, distance(a.x, a.y, b.x, b.y));
    m_pinchX = (a.x + b.x) * 0.5f;
    m_pinchY = (a.y + b.y) * 0.5f;
    m_mode = Mode::Pinching;
}

void TouchGestures::down(long id, float x, float y, double ms) {
    if (find(id)) return;
    m_fingers.push_back({id, x, y});
    if (m_fingers.size() == 1) {
        if (m_mode != Mode::Idle) return;
        m_mode = Mode::Pending;
        m_startX = x;
        m_startY = y;
        m_startMs = ms;
        return;
    }
    // A second finger: whatever one finger was doing ends (a drag is released where it is) and a pinch starts.
    if (m_mode == Mode::Dragging) emit(GestureEvent::Kind::PrimaryUp, m_fingers[0].x, m_fingers[0].y);
    if (m_mode == Mode::Pending || m_mode == Mode::Dragging) startPinch();
}

void TouchGestures::move(long id, float x, float y, double) {
    Finger* f = find(id);
    if (!f) return;
    f->x = x;
    f->y = y;
    if (m_mode == Mode::Pending && distance(x, y, m_startX, m_startY) >= m_config.slopPx) {
        // The press happens where the finger went down, so a drag grabs what was under it.
        emit(GestureEvent::Kind::PointerMove, m_startX, m_startY);
        emit(GestureEvent::Kind::PrimaryDown, m_startX, m_startY);
        m_mode = Mode::Dragging;
    }
    if (m_mode == Mode::Dragging) {
        emit(GestureEvent::Kind::PointerMove, x, y);
    } else if (m_mode == Mode::Pinching && m_fingers.size() >= 2) {
        const Finger &a = m_fingers[0], &b = m_fingers[1];
        const float d = std::max(1.0f, distance(a.x, a.y, b.x, b.y));
        const float cx = (a.x + b.x) * 0.5f, cy = (a.y + b.y) * 0.5f;
        GestureEvent e;
        e.kind = GestureEvent::Kind::Pinch;
        e.x = cx;
        e.y = cy;
        e.scale = d / m_pinchDistance;
        e.dx = cx - m_pinchX;
        e.dy = cy - m_pinchY;
        m_out.push_back(e);
        m_pinchDistance = d;
        m_pinchX = cx;
        m_pinchY = cy;
    }
}

void TouchGestures::up(long id, float x, float y, double ms) {
    Finger* f = find(id);
    if (!f) return;
    f->x = x;
    f->y = y;
    tick(ms);  // a finger lifted after the long-press time was a long press, even without a frame between
    if (m_mode == Mode::Pending) {
        emit(GestureEvent::Kind::PointerMove, m_startX, m_startY);
        emit(GestureEvent::Kind::PrimaryDown, m_startX, m_startY);
        emit(GestureEvent::Kind::PrimaryUp, m_startX, m_startY);
    } else if (m_mode == Mode::Dragging) {
        emit(GestureEvent::Kind::PrimaryUp, x, y);
    }
    m_fingers.erase(std::remove_if(m_fingers.begin(), m_fingers.end(), [id](const Finger& g) { return g.id == id; }),
                    m_fingers.end());
    // After a pinch the fingers leave one by one: the one left behind neither taps nor drags.
    m_mode = m_fingers.empty() ? Mode::Idle : Mode::Draining;
}

void TouchGestures::tick(double ms) {
    if (m_mode != Mode::Pending || ms - m_startMs < m_config.longPressMs) return;
    emit(GestureEvent::Kind::PointerMove, m_startX, m_startY);
    emit(GestureEvent::Kind::SecondaryClick, m_startX, m_startY);
    m_mode = Mode::LongPressed;
}

std::vector<GestureEvent> TouchGestures::take() {
    std::vector<GestureEvent> out;
    out.swap(m_out);
    return out;
}

}  // namespace pg::ui

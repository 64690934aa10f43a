// Canvas internals shared by its prepare, hit-test and paint files: node box sizes, the node box, the send
// edge's path and the distances hit-testing needs. Screen-space ImVec2 arithmetic only; no drawing.
#pragma once
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace pg::ui::canvas {

constexpr float kNodeW = 215, kNodeH = 74, kHeaderH = 24;  ///< world units
constexpr int kMaxDotsPerPath = 40;                         ///< moving dots drawn along one path

inline ImVec2 lerp(ImVec2 a, ImVec2 b, float t) { return ImVec2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t); }
inline float length(ImVec2 a, ImVec2 b) { return std::hypot(b.x - a.x, b.y - a.y); }
inline float distToSegment(ImVec2 p, ImVec2 a, ImVec2 b) {
    const float dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const float t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0f, 1.0f) : 0.0f;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/// A node as drawn (screen pixels): its input on the left edge, its output pin on the right.
struct NodeBox {
    ImVec2 min, max;
    ImVec2 in() const { return ImVec2(min.x, (min.y + max.y) * 0.5f); }
    ImVec2 out() const { return ImVec2(max.x, (min.y + max.y) * 0.5f); }
    bool contains(ImVec2 p) const { return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y; }
};

/// A send edge's path: a straight line to a target on the right; else, a loop back to the function's own
/// trigger, a curve from the send pin down under the nodes (below the warnings written there) to the target's
/// bottom, right of its middle (where a redrive line leaves).
struct SendPath {
    ImVec2 a, c1, c2, b;
    bool curved;
    ImVec2 at(float t) const {
        if (!curved) return lerp(a, b, t);
        const float u = 1 - t, w0 = u * u * u, w1 = 3 * u * u * t, w2 = 3 * u * t * t, w3 = t * t * t;
        return ImVec2(w0 * a.x + w1 * c1.x + w2 * c2.x + w3 * b.x, w0 * a.y + w1 * c1.y + w2 * c2.y + w3 * b.y);
    }
};
inline SendPath sendPath(const NodeBox& from, const NodeBox& to, float zoom) {
    if (to.min.x > from.max.x) return {from.out(), from.out(), to.in(), to.in(), false};
    const ImVec2 a = from.out(), b(to.min.x + (to.max.x - to.min.x) * 0.75f, to.max.y);
    const float low = std::max(a.y, b.y) + 150 * zoom;
    return {a, ImVec2(a.x + 110 * zoom, low), ImVec2(b.x, low), b, true};
}
inline float distToSendPath(ImVec2 p, const SendPath& path) {
    float best = FLT_MAX;
    for (int k = 0; k < 24; ++k) best = std::min(best, distToSegment(p, path.at(k / 24.0f), path.at((k + 1) / 24.0f)));
    return best;
}

}  // namespace pg::ui::canvas

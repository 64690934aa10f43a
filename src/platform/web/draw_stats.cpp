// Draw statistics of the last frame: see draw_stats.hpp.
#include "draw_stats.hpp"

#include <emscripten.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace pg::web {

namespace {
double g_hostMs = 0, g_checkMs = 0;
HostPhases g_phases;

struct P {
    double x, y;
};

/// Area of triangle abc clipped to `clip` (Sutherland-Hodgman against the four edges, then the shoelace sum).
double clippedArea(P a, P b, P c, const ImVec4& clip) {
    std::vector<P> poly = {a, b, c}, next;
    auto cut = [&](auto inside, auto cross) {
        next.clear();
        for (std::size_t i = 0; i < poly.size(); ++i) {
            const P& p = poly[i];
            const P& q = poly[(i + 1) % poly.size()];
            const bool pin = inside(p), qin = inside(q);
            if (pin) next.push_back(p);
            if (pin != qin) next.push_back(cross(p, q));
        }
        poly.swap(next);
    };
    auto atX = [](double x) { return [x](P p, P q) { const double t = (x - p.x) / (q.x - p.x); return P{x, p.y + t * (q.y - p.y)}; }; };
    auto atY = [](double y) { return [y](P p, P q) { const double t = (y - p.y) / (q.y - p.y); return P{p.x + t * (q.x - p.x), y}; }; };
    cut([&](P p) { return p.x >= clip.x; }, atX(clip.x));
    cut([&](P p) { return p.x <= clip.z; }, atX(clip.z));
    cut([&](P p) { return p.y >= clip.y; }, atY(clip.y));
    cut([&](P p) { return p.y <= clip.w; }, atY(clip.w));
    double twice = 0;
    for (std::size_t i = 0; i < poly.size(); ++i) {
        const P& p = poly[i];
        const P& q = poly[(i + 1) % poly.size()];
        twice += p.x * q.y - q.x * p.y;
    }
    return std::abs(twice) * 0.5;
}
}  // namespace

void noteHostFrame(double ms, const HostPhases& phases) {
    g_hostMs = ms;
    g_phases = phases;
}
void noteDeferredCheck(double ms) { g_checkMs = ms; }

void markFirstFrame() {
    static bool marked = false;
    if (marked) return;
    marked = true;
    EM_ASM({
        performance.mark('pg-first-frame-drawn');
        requestAnimationFrame(function() { performance.mark('pg-first-frame-presented'); });
    });
}

std::string drawStatsJson() {
    const ImDrawData* d = ImGui::GetDrawData();
    long commands = 0;
    double fill = 0;
    std::string lists;  // per window (draw list): the pixels it covered
    if (d && d->Valid) {
        const ImVec2 scale = d->FramebufferScale;
        const double px = static_cast<double>(scale.x) * static_cast<double>(scale.y);
        for (int l = 0; l < d->CmdListsCount; ++l) {
            const ImDrawList* list = d->CmdLists[l];
            const double before = fill;
            for (const ImDrawCmd& cmd : list->CmdBuffer) {
                if (cmd.UserCallback || cmd.ElemCount == 0) continue;
                ++commands;
                const ImVec4 clip(cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z, cmd.ClipRect.w);
                for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                    auto v = [&](unsigned k) {
                        const ImDrawVert& vert = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i + k)])];
                        return P{vert.pos.x, vert.pos.y};
                    };
                    fill += clippedArea(v(0), v(1), v(2), clip) * px;
                }
            }
            char entry[160];
            std::string name = list->_OwnerName ? list->_OwnerName : "?";
            for (char& ch : name)
                if (ch == '"' || ch == '\\' || static_cast<unsigned char>(ch) < 0x20) ch = '_';
            std::snprintf(entry, sizeof entry, "%s{\"name\":\"%.100s\",\"fill_px\":%.0f}", lists.empty() ? "" : ",",
                          name.c_str(), fill - before);
            lists += entry;
        }
    }
    char out[160];
    std::snprintf(out, sizeof out, "{\"commands\":%ld,\"vertices\":%d,\"indices\":%d,\"fill_px\":%.0f,", commands,
                  d ? d->TotalVtxCount : 0, d ? d->TotalIdxCount : 0, fill);
    return std::string(out) + frameTimesMembers() + ",\"lists\":[" + lists + "]}";
}

std::string frameTimesMembers() {
    char out[256];
    std::snprintf(out, sizeof out, "\"host_ms\":%.3f,\"check_ms\":%.3f,\"phases\":{\"input_ms\":%.3f,\"app_ms\":%.3f,"
                  "\"render_ms\":%.3f,\"gl_ms\":%.3f}", g_hostMs, g_checkMs, g_phases.inputMs, g_phases.appMs,
                  g_phases.renderMs, g_phases.glMs);
    return out;
}

}  // namespace pg::web

// Canvas panel (canvas_panel.hpp): prepares a frame (the canvas item and its view, palette drop, wheel zoom,
// node boxes), hit-tests and runs the gestures, has canvas_paint draw it, and exports what was drawn (tests).
// [SECTION] prepare  [SECTION] hit-test  [SECTION] gestures  [SECTION] draw
#include "canvas_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "canvas_geometry.hpp"
#include "canvas_paint.hpp"
#include "canvas_prepare.hpp"
#include "palette_panel.hpp"
#include "ui/touch_gestures.hpp"

namespace pg::ui {

using namespace sim;
using canvas::Frame;
using canvas::kNodeH;
using canvas::kNodeW;
using canvas::LinkPreview;
using canvas::NodeBox;

namespace {

// [SECTION] prepare
/// Pan and zoom so every node, with the retry arcs drawn above it and the warnings written under it, fits in a
/// canvas of `size`; never zooms in past 1 (the presets are laid out for that scale).
void fitView(const Scenario& s, UiState& ui, ImVec2 size) {
    constexpr float kArcAbove = 60, kSide = 16;  // world units: retry arc label above a node; side margin
    const float fontSize = ImGui::GetFontSize();
    const float warningsBelow = fontSize * 1.2f * 2.6f + 8;  // two warning lines (screen pixels)
    const float hintLine = fontSize * 1.3f;                   // the help line at the bottom of the canvas
    double minX = DBL_MAX, minY = DBL_MAX, maxX = -DBL_MAX, maxY = -DBL_MAX;
    for (const Node& n : s.nodes) {
        minX = std::min(minX, n.x);
        minY = std::min(minY, n.y);
        maxX = std::max(maxX, n.x + kNodeW);
        maxY = std::max(maxY, n.y + kNodeH);
    }
    minX -= kSide;
    maxX += kSide;
    minY -= kArcAbove;
    for (const Edge& e : s.edges)  // a send edge back to the left curves under the nodes
        for (const Node& n : s.nodes)
            if (n.id == e.from && n.type == NodeType::Function) maxY = std::max(maxY, n.y + kNodeH + 140);
    const float worldW = static_cast<float>(maxX - minX), worldH = static_cast<float>(maxY - minY);
    const float availW = std::max(20.0f, size.x), availH = std::max(20.0f, size.y - warningsBelow - hintLine);
    const float zoom = std::clamp(std::min(availW / worldW, availH / worldH), std::min(ui.canvasMinFitZoom, 1.0f), 1.0f);
    ui.canvasZoom = zoom;
    // Too wide at the readable minimum: show its left (the sources) and let the reader pan to the rest.
    ui.canvasPanX = std::max(0.0f, (size.x - worldW * zoom) * 0.5f) - static_cast<float>(minX) * zoom;
    ui.canvasPanY = std::max(0.0f, (availH - worldH * zoom) * 0.5f) - static_cast<float>(minY) * zoom;
}

/// The canvas item (it takes the mouse buttons) and its view, fitted to the scenario when asked.
Frame beginCanvas(const Scenario& s, UiState& ui) {
    Frame frame;
    frame.origin = ImGui::GetCursorScreenPos();
    frame.size = ImVec2(std::max(50.0f, ImGui::GetContentRegionAvail().x), std::max(50.0f, ImGui::GetContentRegionAvail().y));
    ImGui::InvisibleButton("##canvas", frame.size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                                                       ImGuiButtonFlags_MouseButtonMiddle);
    frame.hovered = ImGui::IsItemHovered();
    // A user's view keeps its centre when the canvas changes size (a window resize, the comparison splitting
    // it): pan is from the top-left corner, so without this the scene jumps by the change in size.
    if (!ui.canvasFit && ui.canvasRect.w > 0 && (ui.canvasRect.w != frame.size.x || ui.canvasRect.h != frame.size.y)) {
        ui.canvasPanX += (frame.size.x - ui.canvasRect.w) * 0.5f;
        ui.canvasPanY += (frame.size.y - ui.canvasRect.h) * 0.5f;
    }
    if (ui.canvasFit && !s.nodes.empty()) fitView(s, ui, frame.size);
    frame.view = CanvasView{frame.origin, ui.canvasPanX, ui.canvasPanY, ui.canvasZoom};
    return frame;
}

void acceptPaletteDrop(CommandQueue& commands, const CanvasView& view) {
    if (!ImGui::BeginDragDropTarget()) return;
    if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kPaletteDragType)) {
        PaletteItem item;
        std::memcpy(&item, p->Data, sizeof item);
        const ImVec2 w = view.toWorld(ImGui::GetIO().MousePos);
        commands.push(cmd::AddNode{item.type, item.role, w.x - kNodeW * 0.5, w.y - kNodeH * 0.5});
    }
    ImGui::EndDragDropTarget();
}

/// The wheel zooms about the mouse; the view is then the user's (no more fitting).
void zoomWithWheel(UiState& ui, Frame& frame) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!frame.hovered || io.MouseWheel == 0) return;
    ui.canvasFit = false;
    frame.view.zoomAbout(io.MousePos, std::clamp(ui.canvasZoom * std::pow(1.15f, io.MouseWheel), 0.3f, 2.5f));
    ui.canvasZoom = frame.view.zoom;
    ui.canvasPanX = frame.view.panX;
    ui.canvasPanY = frame.view.panY;
}

/// Two fingers (issue 20): zoom about their centre by the ratio of their spread, pan with the centre.
void zoomWithPinch(UiState& ui, Frame& frame) {
    PinchInput& p = ui.pinch;
    if (!p.active || p.x < frame.origin.x || p.y < frame.origin.y || p.x > frame.origin.x + frame.size.x ||
        p.y > frame.origin.y + frame.size.y)
        return;
    ui.canvasFit = false;
    frame.view.zoomAbout(ImVec2(p.x, p.y), std::clamp(ui.canvasZoom * p.scale, 0.3f, 2.5f));
    ui.canvasZoom = frame.view.zoom;
    ui.canvasPanX = frame.view.panX + p.dx;
    ui.canvasPanY = frame.view.panY + p.dy;
    frame.view.panX = ui.canvasPanX;
    frame.view.panY = ui.canvasPanY;
    p = {};  // taken
}

/// What was drawn, for the browser tests, and where palette clicks add nodes.
void exportLayout(const Scenario& s, const Frame& frame, UiState& ui) {
    const ImVec2 origin = frame.origin, size = frame.size;
    const std::vector<NodeBox>& boxes = frame.boxes;
    ui.canvasRect = {origin.x, origin.y, size.x, size.y, 0, 0};
    ui.nodeRects.clear();
    for (std::size_t i = 0; i < s.nodes.size(); ++i)
        ui.nodeRects[s.nodes[i].id] = {boxes[i].min.x, boxes[i].min.y, boxes[i].max.x - boxes[i].min.x,
                                       boxes[i].max.y - boxes[i].min.y, boxes[i].out().x, boxes[i].out().y};
    const ImVec2 centre = frame.view.toWorld(ImVec2(origin.x + size.x * 0.5f, origin.y + size.y * 0.5f));
    ui.canvasCenterWorldX = centre.x;
    ui.canvasCenterWorldY = centre.y;
}

// [SECTION] hit-test (from the top: later nodes are drawn over earlier ones)
int nodeAt(const Frame& frame, ImVec2 p) {
    for (std::size_t i = frame.boxes.size(); i-- > 0;)
        if (frame.boxes[i].contains(p)) return static_cast<int>(i);
    return -1;
}

/// A pin: a source's (one with traffic) or a function's send pin.
int pinAt(const Scenario& s, const Frame& frame, ImVec2 p) {
    for (std::size_t i = frame.boxes.size(); i-- > 0;)
        if ((s.nodes[i].type == NodeType::Function || s.nodes[i].traffic.count > 0) &&
            canvas::length(p, frame.boxes[i].out()) < 11 * frame.view.zoom)
            return static_cast<int>(i);
    return -1;
}

int edgeAt(const Scenario& s, const Frame& frame, ImVec2 p) {
    for (std::size_t k = 0; k < s.edges.size(); ++k) {
        const int a = nodeIndexOf(s, s.edges[k].from), b = nodeIndexOf(s, s.edges[k].to);
        if (a < 0 || b < 0) continue;
        const NodeBox &fa = frame.boxes[static_cast<std::size_t>(a)], &tb = frame.boxes[static_cast<std::size_t>(b)];
        const float d = s.nodes[static_cast<std::size_t>(a)].type == NodeType::Function
                            ? canvas::distToSendPath(p, canvas::sendPath(fa, tb, frame.view.zoom))
                            : canvas::distToSegment(p, fa.out(), tb.in());
        if (d < 7) return static_cast<int>(k);
    }
    return -1;
}

}  // namespace

// [SECTION] gestures
void CanvasPanel::layoutNodes(const Scenario& s, Frame& frame) const {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    frame.boxes.resize(s.nodes.size());
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        double x = s.nodes[i].x, y = s.nodes[i].y;
        if (m_gesture == Gesture::MoveNode && s.nodes[i].id == m_node) {  // follows the mouse until release
            const ImVec2 w = frame.view.toWorld(mouse);
            x = w.x - m_grabX;
            y = w.y - m_grabY;
        }
        frame.boxes[i] = {frame.view.toScreen(x, y), frame.view.toScreen(x + kNodeW, y + kNodeH)};
    }
}

/// A click starts a gesture. Moving a node or panning makes the view the user's: no more fitting.
void CanvasPanel::startGesture(FrameContext& ctx, const Frame& frame) {
    const Scenario& s = ctx.scenario;
    UiState& ui = ctx.ui;
    const ImGuiIO& io = ImGui::GetIO();
    if (frame.hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const int pin = pinAt(s, frame, io.MousePos), node = nodeAt(frame, io.MousePos);
        if (pin >= 0 && !ui.locked) {  // a locked embed neither wires nor moves: a press only selects
            m_gesture = Gesture::Link;
            m_node = s.nodes[static_cast<std::size_t>(pin)].id;
            m_checkedTarget.clear();
        } else if (node >= 0 && ui.locked) {
            ctx.commands.push(cmd::Select{{SelectionKind::Node, s.nodes[static_cast<std::size_t>(node)].id, -1}});
        } else if (node >= 0) {
            m_gesture = Gesture::MoveNode;
            ui.canvasFit = false;
            m_node = s.nodes[static_cast<std::size_t>(node)].id;
            const ImVec2 w = frame.view.toWorld(io.MousePos);
            m_grabX = w.x - static_cast<float>(s.nodes[static_cast<std::size_t>(node)].x);
            m_grabY = w.y - static_cast<float>(s.nodes[static_cast<std::size_t>(node)].y);
            ctx.commands.push(cmd::Select{{SelectionKind::Node, m_node, -1}});
        } else if (const int edge = edgeAt(s, frame, io.MousePos); edge >= 0) {
            ctx.commands.push(cmd::Select{{SelectionKind::Edge, "", edge}});
        } else {
            m_gesture = Gesture::Pan;
            ctx.commands.push(cmd::Select{{}});
        }
    }
    if (frame.hovered && (ImGui::IsMouseClicked(ImGuiMouseButton_Right) || ImGui::IsMouseClicked(ImGuiMouseButton_Middle)))
        m_gesture = Gesture::Pan;
    // A right click that did not pan (or a long press, touch_gestures.hpp) opens the context menu on what is under it.
    if (frame.hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Right) &&
        canvas::length(ImGui::GetMouseDragDelta(ImGuiMouseButton_Right, 0.0f), ImVec2(0, 0)) < 6) {
        const int node = nodeAt(frame, io.MousePos);
        m_menuNode = node >= 0 ? s.nodes[static_cast<std::size_t>(node)].id : std::string();
        if (node >= 0) ctx.commands.push(cmd::Select{{SelectionKind::Node, m_menuNode, -1}});
        ImGui::OpenPopup("##canvas-menu");
    }
    // Not in the frame of the press: its delta is the move to where the button went down (a click whose move
    // and press land in one frame, as on a slow frame, must not pan by the jump).
    const bool pressed = ImGui::IsMouseClicked(ImGuiMouseButton_Left) || ImGui::IsMouseClicked(ImGuiMouseButton_Right) ||
                         ImGui::IsMouseClicked(ImGuiMouseButton_Middle);
    if (m_gesture == Gesture::Pan && ImGui::IsItemActive() && !pressed) {  // moves the next frame's view
        if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0) ui.canvasFit = false;
        ui.canvasPanX += io.MouseDelta.x;
        ui.canvasPanY += io.MouseDelta.y;
    }
}

/// The link being dragged: asks the model whether the node under the mouse accepts it (once per target).
LinkPreview CanvasPanel::previewLink(const Scenario& s, const Frame& frame) {
    LinkPreview link;
    if (m_gesture != Gesture::Link) return link;
    link.active = true;
    link.mouse = ImGui::GetIO().MousePos;
    link.from = nodeIndexOf(s, m_node);
    const int target = nodeAt(frame, link.mouse);
    if (target >= 0 && target != link.from) {
        const std::string& id = s.nodes[static_cast<std::size_t>(target)].id;
        if (id != m_checkedTarget) {
            m_checkedTarget = id;
            m_check = canConnect(s, m_node, id);
        }
        link.target = target;
        link.accepted = m_check.ok;
        link.reason = m_check.message;
    }
    return link;
}

/// Releasing the mouse wires the link or moves the node; panning ends with the drag.
void CanvasPanel::finishGesture(FrameContext& ctx, const Frame& frame, const LinkPreview& link) {
    const Scenario& s = ctx.scenario;
    if (m_gesture == Gesture::Link && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        if (link.target >= 0) ctx.commands.push(cmd::Connect{m_node, s.nodes[static_cast<std::size_t>(link.target)].id});
        m_gesture = Gesture::None;
    }
    if (m_gesture == Gesture::MoveNode && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        const ImVec2 w = frame.view.toWorld(ImGui::GetIO().MousePos);
        const int i = nodeIndexOf(s, m_node);
        const double x = std::round(w.x - m_grabX), y = std::round(w.y - m_grabY);
        if (i >= 0 && (std::abs(x - s.nodes[static_cast<std::size_t>(i)].x) > 0.5 || std::abs(y - s.nodes[static_cast<std::size_t>(i)].y) > 0.5))
            ctx.commands.push(cmd::MoveNode{m_node, x, y});
        m_gesture = Gesture::None;
    }
    if (m_gesture == Gesture::Pan && !ImGui::IsItemActive()) m_gesture = Gesture::None;
}

/// What right-click (a long press on a touch screen) offers: the view, playback, and the node under it.
void CanvasPanel::contextMenu(FrameContext& ctx) {
    if (!ImGui::BeginPopup("##canvas-menu")) return;
    UiState& ui = ctx.ui;
    // After a touch, each item is a finger's height: a menu item's rectangle is its line plus the item spacing.
    const ImGuiStyle& style = ImGui::GetStyle();
    if (ui.touchUi)
        ImGui::PushStyleVar(
            ImGuiStyleVar_ItemSpacing,
            ImVec2(style.ItemSpacing.x, std::max(style.ItemSpacing.y, kTouchTargetPx - ImGui::GetFontSize())));
    const auto note = [&ui](const char* label) {
        const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
        ui.menuRects[std::string("canvas-menu:") + label] = {lo.x, lo.y, hi.x - lo.x, hi.y - lo.y, 0, 0};
    };
    if (!m_menuNode.empty()) {
        ImGui::TextDisabled("%s", m_menuNode.c_str());
        if (ImGui::MenuItem("Delete node", nullptr, false, !ui.locked)) ctx.commands.push(cmd::DeleteSelection{});
        note("Delete node");
        ImGui::Separator();
    }
    if (ImGui::MenuItem(ui.playing ? "Pause" : "Play")) ctx.commands.push(cmd::TogglePlay{});
    note("Play");
    if (ImGui::MenuItem("Step one event")) ctx.commands.push(cmd::Step{1});
    note("Step one event");
    if (ImGui::MenuItem("Fit to view")) ui.canvasFit = true;
    note("Fit to view");
    if (ui.touchUi) ImGui::PopStyleVar();
    ImGui::EndPopup();
}

// [SECTION] draw
void CanvasPanel::draw(FrameContext& ctx) {
    Frame frame = beginCanvas(ctx.scenario, ctx.ui);
    acceptPaletteDrop(ctx.commands, frame.view);
    zoomWithWheel(ctx.ui, frame);
    zoomWithPinch(ctx.ui, frame);
    layoutNodes(ctx.scenario, frame);
    startGesture(ctx, frame);
    const LinkPreview link = previewLink(ctx.scenario, frame);
    const canvas::Motion motion = canvas::prepareMotion(ctx.engine, ctx.scenario, canvas::animationWindow(ctx.ui.speed));
    canvas::paint(ctx, frame, motion, link);
    finishGesture(ctx, frame, link);
    contextMenu(ctx);
    exportLayout(ctx.scenario, frame, ctx.ui);
}

}  // namespace pg::ui

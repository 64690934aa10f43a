#include "palette_panel.hpp"

#include <imgui.h>

#include "ui/ui_text.hpp"

namespace pg::ui {

using namespace sim;

namespace {
void entry(FrameContext& ctx, const PaletteItem& item, const char* label, const char* tooltip) {
    const InvocationMode mode = item.role != NodeRole::Plain ? InvocationMode::None : invocationModeOf(item.type);
    ImGui::PushID(static_cast<int>(item.type) * 4 + static_cast<int>(item.role));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight();
    if (ImGui::Selectable("##e", false, 0, ImVec2(0, h))) {
        ctx.commands.push(cmd::AddNode{item.type, item.role, ctx.ui.canvasCenterWorldX - 85,
                                       ctx.ui.canvasCenterWorldY - 32});
    }
    {  // where the entry is, when on screen, for the browser tests (they drag entries onto the canvas)
        const std::string key = std::string("palette:") + label;
        const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
        const float bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
        if (ImGui::IsItemVisible() && hi.y <= bottom) ctx.ui.menuRects[key] = {lo.x, lo.y, hi.x - lo.x, hi.y - lo.y, 0, 0};
        else ctx.ui.menuRects.erase(key);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\nClick to add, or drag onto the canvas.", tooltip);
    if (ImGui::BeginDragDropSource()) {
        ImGui::SetDragDropPayload(kPaletteDragType, &item, sizeof item);
        ImGui::Text("%s", label);
        ImGui::EndDragDropSource();
    }
    const char* badge = serviceBadge(item.type);
    const float bw = ImGui::CalcTextSize("APIGW").x + 8;
    dl->AddRectFilled(p, ImVec2(p.x + bw, p.y + h), modeColour(mode, 0.85f), 3.0f);
    const ImVec2 ts = ImGui::CalcTextSize(badge);
    dl->AddText(ImVec2(p.x + (bw - ts.x) * 0.5f, p.y + (h - ts.y) * 0.5f), IM_COL32(20, 20, 24, 255), badge);
    dl->AddText(ImVec2(p.x + bw + 8, p.y + (h - ts.y) * 0.5f), colours::kText, label);
    ImGui::PopID();
}

void group(FrameContext& ctx, const char* title, InvocationMode mode, const char* explain) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(modeColour(mode)));
    ImGui::SeparatorText(title);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", explain);
    for (int t = 0; t <= static_cast<int>(NodeType::DynamoDbStream); ++t) {
        const NodeType type = static_cast<NodeType>(t);
        if (invocationModeOf(type) != mode) continue;
        entry(ctx, {type, NodeRole::Plain}, serviceName(type), (std::string(modeName(mode)) + " source: " + explain).c_str());
    }
}
}  // namespace

void PalettePanel::draw(FrameContext& ctx) {
    group(ctx, "Synchronous", InvocationMode::Synchronous,
          "the service waits for the function's response (request and response)");
    group(ctx, "Asynchronous", InvocationMode::Asynchronous,
          "Lambda queues the event internally, answers 202, retries failures twice");
    group(ctx, "Poll-based", InvocationMode::PollBased,
          "Lambda polls the queue or stream and invokes with batches");
    ImGui::SeparatorText("Lambda and targets");
    entry(ctx, {NodeType::Function, NodeRole::Plain}, "Function", "A Lambda function: timeout, duration, behaviour rules.");
    entry(ctx, {NodeType::Sqs, NodeRole::DeadLetterQueue}, "DLQ (SQS queue)",
          "A queue without traffic: a function's dead-letter queue or a queue's redrive target.");
    entry(ctx, {NodeType::EventBridge, NodeRole::Destination}, "Destination (EventBridge)",
          "An on-success / on-failure destination for asynchronous invocation records.");
    entry(ctx, {NodeType::Sns, NodeRole::Destination}, "Destination (SNS topic)", "A destination or DLQ topic.");
}

}  // namespace pg::ui

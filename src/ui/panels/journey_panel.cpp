#include "journey_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/rules_edit.hpp"
#include "ui/timeline_model.hpp"
#include "ui/ui_text.hpp"

namespace pg::ui {

using namespace sim;

namespace {
/// The tumbling window an item's stream record falls in, as " [start, end)"; "" without a tumbling window.
std::string windowOf(const Engine& e, std::uint32_t item) {
    if (item >= e.items().size()) return "";
    const Item& it = e.items()[item];
    const Node& origin = e.scenario().nodes[it.origin];
    for (const Edge& edge : e.scenario().edges)
        if (edge.from == origin.id && edge.tumblingWindow > 0) {
            const SimTime start = it.createdAt / edge.tumblingWindow * edge.tumblingWindow;
            return " [" + formatClock(start) + ", " + formatClock(start + edge.tumblingWindow) + ")";
        }
    return "";
}

/// What the handler's response says about this item, when it is more than a plain return or a throw: the
/// partial batch response lists it, or the response is one the mapping may reject (FIDELITY 6.2/6.3 tables).
const char* responseNote(RuleOutcome rule) {
    switch (rule) {
    case RuleOutcome::ReportFailure: return "; the response lists it in batchItemFailures";
    case RuleOutcome::InvalidBatchResponse:
        return "; returns an INVALID batchItemFailures response: no function error (functionError null), but with "
               "ReportBatchItemFailures on the whole batch fails";
    case RuleOutcome::MissingState:
        return "; returns no `state`: with a tumbling window the invocation counts as failed (functionError null)";
    default: return "";
    }
}

/// "; rule 1: item orders#13 -> error": the behaviour rule that decided an attempt, as the engine that ran
/// it had it; "" when no rule matched (the attempt succeeds by default).
std::string decidingRule(const Engine& e, const TraceRecord& r) {
    const unsigned rule = invokeStartRule(r);
    if (rule == 0 || r.node >= e.nodeCount()) return "";
    const std::vector<BehaviorRule>& rules = e.scenario().nodes[r.node].function.behavior;
    if (rule > rules.size()) return "";
    return "; rule " + std::to_string(rule) + ": " + describeRule(rules[rule - 1]);
}

std::string describe(const Engine& e, const TraceRecord& r) {
    const std::string node = r.node < e.nodeCount() ? e.scenario().nodes[r.node].id : "?";
    switch (r.kind) {
    case TraceKind::Arrival: {
        // A spawned item's arrival is caused by another item's record: a message its function sent, or a record
        // delivered here.
        const auto& recs = e.trace().records();
        if (r.cause != kNone && r.cause < recs.size() && recs[r.cause].item != r.item && recs[r.cause].item < e.items().size()) {
            const TraceRecord& c = recs[r.cause];
            const std::uint32_t fn = e.items()[c.item].function;
            const std::string by = fn != kNone ? e.scenario().nodes[e.functions()[fn].node].id : "?";
            if (c.kind == TraceKind::Sent) return "sent to " + node + " by " + by + " while processing " + e.itemId(c.item);
            return "new message in " + node + ": the record delivered about " + e.itemId(c.item);
        }
        return "produced by " + node;
    }
    case TraceKind::Accepted: return "accepted (202) into " + node + "'s internal queue";
    case TraceKind::InvokeStart:
        return std::string(invokeStartCold(r) ? "cold start + " : "") + "invocation of " + node + " (attempt " +
               std::to_string(r.attempt) + ")" + decidingRule(e, r) + responseNote(static_cast<RuleOutcome>(r.outcome));
    case TraceKind::InvokeEnd: return std::string("invocation ended: ") + invokeResultName(static_cast<InvokeResult>(r.outcome));
    case TraceKind::Throttled: return std::string("throttled (429 ") + throttleReasonName(static_cast<ThrottleReason>(r.detail)) + ")";
    case TraceKind::Response: return "response " + std::to_string(r.detail) + " to " + node;
    case TraceKind::IntegrationTimeout:  // detail: Cognito's attempt in the call (SyncInvoke), 0 for API Gateway
        return r.detail ? node + " stopped waiting after 5 s (attempt " + std::to_string(r.detail) + " of 3)"
                        : node + " gave up: 504 integration timeout";
    case TraceKind::RetryScheduled: return "retry scheduled in " + formatDuration(static_cast<SimTime>(r.detail) * kSecond);
    case TraceKind::Requeued: return "back in " + node + "'s internal queue";
    case TraceKind::FailureHandled: return std::string("failed for good: ") + conditionName(static_cast<Condition>(r.detail));
    case TraceKind::Delivered: return "delivered to " + node;
    case TraceKind::Finished: return std::string("finished: ") + itemOutcomeName(static_cast<ItemOutcome>(r.outcome));
    case TraceKind::Received: return "received from " + node + " (receive count " + std::to_string(r.attempt) + "), hidden";
    case TraceKind::ReturnedVisible: return "visibility timeout over: visible again in " + node;
    case TraceKind::BatchRead: {
        const std::string window = windowOf(e, r.item);
        return "read into a batch from shard " + std::to_string(r.detail) +
               (window.empty() ? "" : ", tumbling window" + window);
    }
    case TraceKind::WindowFinal: {
        const std::string what = std::string(r.detail ? "early final invoke (isWindowTerminatedEarly: state over 1 MB)"
                                                      : "final invoke (isFinalInvokeForWindow, no records)") +
                                 " of " + node + " for window" + windowOf(e, r.item);
        return r.outcome == 0 ? what + " started (try " + std::to_string(r.attempt) + ")"
                              : what + " ended: " + invokeResultName(static_cast<InvokeResult>(r.outcome));
    }
    case TraceKind::Bisected: return "batch bisected";
    case TraceKind::Sent: return "the function's code sent a message to " + node + " (chain depth " + std::to_string(r.detail) + ")";
    case TraceKind::RecursionStopped:
        return "stopped by recursive loop detection: " + std::to_string(r.detail) + " invocations already ran in its "
               "chain; " + node + " not invoked [documented: AWS DG invocation-recursion]";
    default: return traceKindName(r.kind);
    }
}

ImU32 kindColour(const TraceRecord& r) {
    switch (r.kind) {
    case TraceKind::InvokeEnd:
        return r.outcome == static_cast<std::uint8_t>(InvokeResult::Success) ? colours::kOk
               : r.outcome == static_cast<std::uint8_t>(InvokeResult::Timeout) ? colours::kTimeout : colours::kError;
    case TraceKind::Throttled: return colours::kThrottle;
    case TraceKind::InvokeStart:
        if (r.outcome == static_cast<std::uint8_t>(RuleOutcome::InvalidBatchResponse) ||
            r.outcome == static_cast<std::uint8_t>(RuleOutcome::MissingState))
            return colours::kTimeout;  // a normal return the mapping may still reject
        return invokeStartCold(r) ? colours::kCold : colours::kText;
    case TraceKind::RetryScheduled: case TraceKind::ReturnedVisible: return colours::kTimeout;
    case TraceKind::WindowFinal:
        return r.outcome == 0 || r.outcome == static_cast<std::uint8_t>(InvokeResult::Success) ? colours::kOk
                                                                                                : colours::kError;
    case TraceKind::FailureHandled: case TraceKind::IntegrationTimeout: return colours::kError;
    case TraceKind::Sent: case TraceKind::RecursionStopped: return colours::kSend;
    default: return colours::kText;
    }
}
}  // namespace

/// Where the item landed: the exact payload each DLQ, destination or on-failure target received about it.
void JourneyPanel::drawPayloads(FrameContext& ctx, std::uint32_t item) {
    const Engine& e = ctx.engine;
    if (m_payloadBuild != ctx.ui.engineBuild || m_payloadItem != item || m_payloadDeliveries != e.deliveries().size()) {
        m_payloadBuild = ctx.ui.engineBuild;
        m_payloadItem = item;
        m_payloadDeliveries = e.deliveries().size();
        m_payloads = deliveredPayloads(e, item);
    }
    for (const DeliveredPayload& p : m_payloads) {
        ImGui::PushID(static_cast<int>(p.delivery));
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colours::kWait), "landed in %s", p.node.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("(%s)", p.what.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Copy as JSON")) ctx.ui.copyRequest = p.json;
        // Read-only text: selectable and scrollable, at most 8 lines tall so the journey stays in view.
        int lines = 1;
        for (char c : p.json) lines += c == '\n';
        const float h = ImGui::GetTextLineHeight() * static_cast<float>(std::min(lines, 8)) + 8;
        ImGui::InputTextMultiline("##payload", const_cast<char*>(p.json.c_str()), p.json.size() + 1, ImVec2(-1, h),
                                  ImGuiInputTextFlags_ReadOnly);
        ImGui::PopID();
    }
}

void JourneyPanel::draw(FrameContext& ctx) {
    const Engine& e = ctx.engine;
    ImGui::SetNextItemWidth(200);
    if (ImGui::InputTextWithHint("##find", "item id, e.g. orders#13", m_query, sizeof m_query,
                                 ImGuiInputTextFlags_EnterReturnsTrue)) {
        const std::string q = m_query;
        for (std::uint32_t i = 0; i < e.items().size(); ++i)
            if (e.itemId(i) == q) ctx.commands.push(cmd::SelectItem{i});
    }
    ImGui::SameLine();
    ImGui::TextDisabled("or click an invocation in the Timeline, a row in the Event log, or a warning");
    const std::uint32_t item = ctx.ui.selectedItem;
    if (item == kNone || item >= e.items().size()) {
        ImGui::TextDisabled("No item selected.");
        return;
    }
    const std::vector<std::uint32_t>& records = m_records.update(e, ctx.ui.engineBuild, item);
    const Item& it = e.items()[item];
    ImGui::Text("%s", e.itemId(item).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("body \"%s\"   state %s   outcome %s   attempts %u", e.itemBody(item).c_str(), itemStateName(it.state),
                        itemOutcomeName(it.outcome), it.attempts);
    if (e.chainParent(item) != kNone) {  // a sent message or a consumed delivery: follow the chain back
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colours::kSend), "caused by");
        ImGui::SameLine();
        if (ImGui::SmallButton(e.itemId(e.chainParent(item)).c_str())) ctx.commands.push(cmd::SelectItem{e.chainParent(item)});
        ImGui::SameLine();
        ImGui::TextDisabled("chain of requests: %u invocations before this item (recursive loop detection stops "
                            "the next one after %u)", e.chainDepth(item), kRecursionLimit);
    }
    drawPayloads(ctx, item);
    if (ImGui::BeginTable("journey", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("time", ImGuiTableColumnFlags_WidthFixed, 130);
        ImGui::TableSetupColumn("+ gap", ImGuiTableColumnFlags_WidthFixed, 110);
        ImGui::TableSetupColumn("what happened", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, 70);
        ImGui::TableHeadersRow();
        const auto& recs = e.trace().records();
        ImGuiListClipper clipper;  // an SQS message looping for days has tens of thousands of records
        clipper.Begin(static_cast<int>(records.size()));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const std::uint32_t index = records[static_cast<std::size_t>(row)];
                const TraceRecord& r = recs[index];
                const SimTime prev = row > 0 ? recs[records[static_cast<std::size_t>(row) - 1]].time : -1;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(formatClock(r.time).c_str());
                ImGui::TableNextColumn();
                if (prev >= 0 && r.time > prev) ImGui::TextDisabled("+%s", formatDuration(r.time - prev).c_str());
                ImGui::TableNextColumn();
                ImGui::PushStyleColor(ImGuiCol_Text, kindColour(r));
                ImGui::TextUnformatted(describe(e, r).c_str());
                ImGui::PopStyleColor();
                // The message a Sent record made is the item whose Arrival it caused (the next record).
                if (r.kind == TraceKind::Sent && index + 1 < recs.size() && recs[index + 1].kind == TraceKind::Arrival &&
                    recs[index + 1].cause == index && recs[index + 1].item < e.items().size()) {
                    ImGui::SameLine();
                    ImGui::PushID(static_cast<int>(index));
                    if (ImGui::SmallButton(e.itemId(recs[index + 1].item).c_str()))
                        ctx.commands.push(cmd::SelectItem{recs[index + 1].item});
                    ImGui::PopID();
                }
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%u", index);
            }
        }
        ImGui::EndTable();
    }
}

}  // namespace pg::ui

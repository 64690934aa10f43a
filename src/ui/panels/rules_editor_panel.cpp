// Rules editor: draws the selected function's behaviour rules and pushes cmd::SetRules for every edit.
// Parsing, quick-action rules and the notes come from ui/rules_edit.hpp; the validator judges the result.
#include "rules_editor_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "ui/rules_edit.hpp"

namespace pg::ui {

using namespace sim;

namespace {
const ImVec4 kNoteColour(1.0f, 0.7f, 0.35f, 1);
const ImVec4 kErrorColour(1, 0.45f, 0.4f, 1);

/// Where the last item was drawn, under `key`, for the browser tests (read through the state JSON).
void note(FrameContext& ctx, const std::string& key) {
    if (!ImGui::IsItemVisible()) return;
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    ctx.ui.fieldRects[key] = {lo.x, lo.y, hi.x - lo.x, hi.y - lo.y, 0, 0};
}

void dimWrapped(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

/// The rule index a validator path names ("/nodes/2/behavior/1/when/rate: ..." -> 1), -1 if none.
int ruleOfError(const std::string& error) {
    const auto at = error.find("/behavior/");
    return at == std::string::npos ? -1 : std::atoi(error.c_str() + at + std::strlen("/behavior/"));
}
}  // namespace

void RulesEditorPanel::draw(FrameContext& ctx, int node) {
    const Node& fn = ctx.scenario.nodes[static_cast<std::size_t>(node)];
    if (m_node != fn.id) {  // another function: its own edit state
        m_node = fn.id;
        m_editField.clear();
        m_fieldError.clear();
        m_offeredItem.clear();
        m_poisonItem[0] = 0;
    }
    // The poison field offers the first item of a source wired to the function, until the user types another.
    const std::string offer = firstItemFor(ctx.scenario, fn.id);
    if (offer != m_offeredItem) {
        if (m_offeredItem == m_poisonItem) std::snprintf(m_poisonItem, sizeof m_poisonItem, "%s", offer.c_str());
        m_offeredItem = offer;
    }
    ImGui::PushID("rules");
    const std::size_t count = fn.function.behavior.size();
    ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    const bool open = ImGui::CollapsingHeader(("Behaviour rules (" + std::to_string(count) + ")###rules").c_str());
    note(ctx, "rules.header");
    if (open) {
        dimWrapped("Checked in order for each attempt at each item; the first rule that matches decides the "
                   "outcome, and an attempt no rule matches succeeds. Up to 64 rules (scenario limit).");
        drawQuickActions(ctx, fn);
        ImGui::Separator();
        if (count == 0) ImGui::TextDisabled("No rules: every attempt succeeds.");
        for (std::size_t i = 0; i < count; ++i) drawRule(ctx, fn, static_cast<int>(i));
        if (ImGui::Button("+ Add rule")) {
            std::vector<BehaviorRule> rules = fn.function.behavior;
            rules.push_back(failEveryAttempt());
            ctx.commands.push(cmd::SetRules{fn.id, rules, "added rule " + std::to_string(rules.size())});
        }
        note(ctx, "rules.add");
        const std::string& error = ctx.ui.editError;
        if (error.rfind("behavior: ", 0) == 0 && ruleOfError(error) < 0) {
            ImGui::PushStyleColor(ImGuiCol_Text, kErrorColour);
            ImGui::TextWrapped("Not applied: %s", error.c_str() + std::strlen("behavior: "));
            ImGui::PopStyleColor();
        }
        ImGui::TextColored(ImVec4(0.7f, 0.7f, 0.75f, 1), "[scenario input]");
        ImGui::SameLine();
        ImGui::TextDisabled("docs/scenario-format.md, Behaviour rules");
    }
    ImGui::Separator();
    ImGui::PopID();
}

void RulesEditorPanel::drawQuickActions(FrameContext& ctx, const Node& fn) {
    const auto add = [&](BehaviorRule rule, const std::string& what) {
        std::vector<BehaviorRule> rules = fn.function.behavior;
        rules.push_back(std::move(rule));
        ctx.commands.push(cmd::SetRules{fn.id, rules, what + " (rule " + std::to_string(rules.size()) + ")"});
    };
    ImGui::TextUnformatted("Quick actions (add a rule at the end):");
    if (ImGui::Button("Fail every attempt")) add(failEveryAttempt(), "fail every attempt");
    note(ctx, "rules.quick.fail_every");
    ImGui::SameLine();
    if (ImGui::Button("Time out")) add(timeOutEveryAttempt(), "time out every attempt");
    note(ctx, "rules.quick.timeout");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Every attempt runs until the function timeout");

    if (ImGui::Button("Fail the first")) add(failFirstAttempts(m_firstAttempts), "fail the first attempts");
    note(ctx, "rules.quick.fail_first");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    if (ImGui::InputInt("attempts##first", &m_firstAttempts)) m_firstAttempts = std::clamp(m_firstAttempts, 1, 100000);
    note(ctx, "rules.quick.fail_first_n");

    if (ImGui::Button("Fail")) add(failPercent(m_percent), "fail a share of attempts");
    note(ctx, "rules.quick.percent");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    if (ImGui::InputFloat("% of the time##pct", &m_percent, 0, 0, "%.3g"))
        m_percent = std::clamp(m_percent, 0.0f, 100.0f);
    note(ctx, "rules.quick.percent_value");

    const bool hasItem = m_poisonItem[0] != 0;
    ImGui::BeginDisabled(!hasItem);
    if (ImGui::Button("Poison one item")) add(poisonItem(m_poisonItem), std::string("poison ") + m_poisonItem);
    ImGui::EndDisabled();
    note(ctx, "rules.quick.poison");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##poison", "source#n", m_poisonItem, sizeof m_poisonItem);
    note(ctx, "rules.quick.poison_item");
}

void RulesEditorPanel::drawRule(FrameContext& ctx, const Node& fn, int index) {
    const std::vector<BehaviorRule>& all = fn.function.behavior;
    const BehaviorRule& rule = all[static_cast<std::size_t>(index)];
    const std::string prefix = "rules." + std::to_string(index) + ".";
    const int count = static_cast<int>(all.size());
    ImGui::PushID(index);
    ImGui::TextWrapped("Rule %d: %s", index + 1, describeRule(rule).c_str());  // long conditions wrap
    for (const RuleNote& n : lintRules(ctx.scenario, fn.id)) {
        if (n.rule != index) continue;
        ImGui::PushStyleColor(ImGuiCol_Text, kNoteColour);
        ImGui::TextWrapped("! %s", n.text.c_str());
        ImGui::PopStyleColor();
    }
    const auto edit = [&](std::vector<BehaviorRule> rules, const std::string& what) {
        ctx.commands.push(cmd::SetRules{fn.id, std::move(rules), what});
    };
    ImGui::BeginDisabled(index == 0);
    if (ImGui::SmallButton("Up")) {
        std::vector<BehaviorRule> rules = all;
        moveRule(rules, index, index - 1);
        edit(rules, "rule " + std::to_string(index + 1) + " moved up");
    }
    ImGui::EndDisabled();
    note(ctx, prefix + "up");
    ImGui::SameLine();
    ImGui::BeginDisabled(index + 1 >= count);
    if (ImGui::SmallButton("Down")) {
        std::vector<BehaviorRule> rules = all;
        moveRule(rules, index, index + 1);
        edit(rules, "rule " + std::to_string(index + 1) + " moved down");
    }
    ImGui::EndDisabled();
    note(ctx, prefix + "down");
    ImGui::SameLine();
    if (ImGui::SmallButton("Remove")) {
        std::vector<BehaviorRule> rules = all;
        removeRule(rules, index);
        edit(rules, "rule " + std::to_string(index + 1) + " removed");
    }
    note(ctx, prefix + "remove");

    const float labelW = ImGui::GetFontSize() * 8.5f;
    ImGui::TextUnformatted("then");
    ImGui::SameLine(labelW);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##then", ruleOutcomeName(rule.then))) {
        for (RuleOutcome o : ruleOutcomes()) {
            if (ImGui::Selectable(ruleOutcomeName(o), o == rule.then) && o != rule.then) {
                std::vector<BehaviorRule> rules = all;
                rules[static_cast<std::size_t>(index)].then = o;
                edit(rules, "rule " + std::to_string(index + 1) + " -> " + ruleOutcomeName(o));
            }
            note(ctx, prefix + "then." + ruleOutcomeName(o));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ruleOutcomeHelp(o));
        }
        ImGui::EndCombo();
    }
    note(ctx, prefix + "then");

    for (const RuleFieldInfo& f : ruleFields()) {
        const std::string key = prefix + f.key;
        const std::string value = ruleFieldText(rule, f.field);
        const bool editing = m_editField == key;
        ImGui::TextUnformatted(f.key);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.help);
        ImGui::SameLine(labelW);
        ImGui::SetNextItemWidth(-1);
        char shown[512];
        std::snprintf(shown, sizeof shown, "%s", value.c_str());
        ImGui::PushID(f.key);
        ImGui::InputTextWithHint("##v", f.hint, editing ? m_editBuf : shown, editing ? sizeof m_editBuf : sizeof shown);
        ImGui::PopID();
        note(ctx, key);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.help);
        if (ImGui::IsItemActivated()) {
            m_editField = key;
            std::snprintf(m_editBuf, sizeof m_editBuf, "%s", value.c_str());
        }
        if (ImGui::IsItemDeactivated() && m_editField == key) {
            m_editField.clear();
            if (value != m_editBuf) {
                std::vector<BehaviorRule> rules = all;
                const std::string error = setRuleField(rules[static_cast<std::size_t>(index)], f.field, m_editBuf);
                if (error.empty()) {
                    m_fieldError.clear();
                    edit(rules, "rule " + std::to_string(index + 1) + " " + f.key + " set");
                } else {
                    m_fieldError = key + ": " + error;  // refused in place; the rule keeps its value
                }
            }
        }
        if (m_fieldError.rfind(key + ":", 0) == 0) {
            ImGui::PushStyleColor(ImGuiCol_Text, kErrorColour);
            ImGui::TextWrapped("Not applied: %s must be %s", f.key, m_fieldError.c_str() + key.size() + 2);
            ImGui::PopStyleColor();
        }
    }
    const std::string& error = ctx.ui.editError;
    if (error.rfind("behavior: ", 0) == 0 && ruleOfError(error) == index) {
        ImGui::PushStyleColor(ImGuiCol_Text, kErrorColour);
        ImGui::TextWrapped("Not applied: %s", error.c_str() + std::strlen("behavior: "));
        ImGui::PopStyleColor();
    }
    ImGui::Separator();
    ImGui::PopID();
}

}  // namespace pg::ui

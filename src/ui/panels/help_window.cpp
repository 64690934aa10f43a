// Help window (help_window.hpp).
#include "help_window.hpp"

#include <imgui.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "ui/notices.hpp"

namespace pg::ui {

const char* helpTopicKey(HelpTopic topic) {
    switch (topic) {
    case HelpTopic::Shortcuts: return "shortcuts";
    case HelpTopic::Basics: return "basics";
    case HelpTopic::About: return "about";
    case HelpTopic::Closed: break;
    }
    return "";
}

std::string HelpWindow::draw(bool macKeys) {
    std::string openPage;
    if (m_topic == HelpTopic::Closed) return openPage;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(640.0f, display.x - 20), std::min(520.0f, display.y - 40)), ImGuiCond_Appearing);
    bool open = true;
    if (ImGui::Begin("Help", &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        if (ImGui::BeginTabBar("##help")) {
            const auto tab = [this](const char* label, HelpTopic topic) {
                const ImGuiTabItemFlags flags = m_select && m_topic == topic ? ImGuiTabItemFlags_SetSelected : 0;
                const bool shown = ImGui::BeginTabItem(label, nullptr, flags);
                if (shown && !m_select) m_topic = topic;  // the user picked another tab
                return shown;
            };
            if (tab("Keyboard shortcuts", HelpTopic::Shortcuts)) { drawShortcuts(macKeys); ImGui::EndTabItem(); }
            if (tab("What am I looking at", HelpTopic::Basics)) { drawBasics(openPage); ImGui::EndTabItem(); }
            if (tab("About", HelpTopic::About)) { drawAbout(openPage); ImGui::EndTabItem(); }
            m_select = false;
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
    if (!open || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) m_topic = HelpTopic::Closed;
    return openPage;
}

void HelpWindow::drawShortcuts(bool macKeys) {
    const char* mod = macKeys ? "Cmd" : "Ctrl";
    const std::string undo = std::string(mod) + "+Z", redo = std::string(mod) + "+Y / " + mod + "+Shift+Z";
    const char* rows[][2] = {
        {"Space", "play / pause"},
        {"Right arrow", "step one event"},
        {"Left arrow", "step back one event (replays from the start: the run is deterministic)"},
        {"Home", "back to the start of the run"},
        {undo.c_str(), "undo an edit"},
        {redo.c_str(), "redo"},
        {macKeys ? "Delete / Backspace" : "Delete", "delete the selected node or edge"},
        {"Drag from a pin", "wire a source to a function (or a topic to a queue)"},
        {"Drag on empty canvas, right-drag", "pan"},
        {"Mouse wheel", "zoom the canvas or the timeline"},
        {"Escape", "close this window or a dialog"},
    };
    if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn("Keys", ImGuiTableColumnFlags_WidthFixed, 220);
        ImGui::TableSetupColumn("Does");
        for (const auto& row : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row[0]);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", row[1]);
        }
        ImGui::EndTable();
    }
}

void HelpWindow::drawBasics(std::string& openPage) {
    const auto heading = [](const char* text) {
        ImGui::Spacing();
        ImGui::SeparatorText(text);
    };
    ImGui::TextWrapped("The canvas shows event sources wired to Lambda functions. Each wire is one of the three "
                       "ways Lambda is invoked; its colour and shape say which.");
    heading("Synchronous (API Gateway, ALB, Cognito, CloudFront...)");
    ImGui::TextWrapped("The caller sends a request and waits for the function's response. Nothing is retried by "
                       "Lambda; an error or a throttle goes straight back to the caller, which answers with its own "
                       "status code.");
    heading("Asynchronous (S3, SNS, EventBridge...)");
    ImGui::TextWrapped("Lambda accepts the event at once (202), puts it in the function's internal queue, and "
                       "invokes the function once per event - not in batches. A failed event is retried twice by "
                       "default (after about 1 and 2 minutes), then goes to the on-failure destination or the "
                       "dead-letter queue if one is set, or is dropped.");
    heading("Poll-based (SQS, Kinesis, DynamoDB Streams)");
    ImGui::TextWrapped("Lambda polls the queue or stream and invokes the function with batches of records. A failed "
                       "SQS message becomes visible again after its visibility timeout and is received again, until "
                       "a redrive policy moves it to a dead-letter queue or retention ends. A failed stream batch "
                       "blocks its shard until it succeeds, expires or is sent to an on-failure destination.");
    heading("Below the canvas");
    ImGui::TextWrapped("The timeline shows each execution environment's invocations (cold starts in blue); the item "
                       "journey follows one event through every attempt; the warnings tab says what to look at.");
    ImGui::Spacing();
    if (ImGui::Button("Read the invocation modes page")) openPage = "docs/invocation-modes.html";
}

void HelpWindow::drawAbout(std::string& openPage) {
    if (!m_lockRead) {
        std::ifstream in("/notices/emsdk.lock", std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        m_lock = s.str();
        m_lockRead = true;
    }
    ImGui::TextUnformatted("Lambda Playground");
    ImGui::TextWrapped("A simulator of how AWS Lambda functions are invoked. MIT licence. Built with Emscripten %s.",
                       lockedVersion(m_lock, "emscripten").c_str());
    if (ImGui::SmallButton("Licence")) openPage = "notices/LICENSE.txt";
    ImGui::Spacing();
    ImGui::SeparatorText("Built from (Debian packages, versions pinned in emsdk.lock)");
    if (ImGui::BeginTable("##components", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn("Component");
        ImGui::TableSetupColumn("Version", ImGuiTableColumnFlags_WidthFixed, 130);
        ImGui::TableSetupColumn("Licence", ImGuiTableColumnFlags_WidthFixed, 120);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 60);
        ImGui::TableHeadersRow();
        for (const ShippedComponent& c : shippedComponents()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", c.name);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", c.role);
            ImGui::TableNextColumn();
            const std::string version = lockedVersion(m_lock, c.lockKey);
            ImGui::TextWrapped("%s", version.empty() ? "(not pinned)" : version.c_str());
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", c.licence);
            ImGui::TableNextColumn();
            ImGui::PushID(c.noticeFile);
            if (ImGui::SmallButton("text")) openPage = std::string("notices/") + c.noticeFile;
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
}

}  // namespace pg::ui

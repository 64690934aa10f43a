// AWS templates in the page (issue 19): File > Import AWS template (a paste window; a template opened with
// Open file or dropped on the page comes through openScenarioText), the import's unmodelled lines in the
// Warnings tab, and File > Export as SAM template.
#include <imgui.h>

#include "app.hpp"
#include "import/import_template.hpp"
#include "scenario/scenario_json.hpp"

namespace pg::ui {

App::TemplateImport App::importTemplateText(const std::string& text, const std::string& source) {
    templates::ImportResult imported = templates::importTemplate(text);
    if (!imported.isTemplate) return TemplateImport::NotATemplate;
    const auto errors = scenario::validate(imported.scenario);
    if (!errors.empty()) {
        showNotice("Could not import " + source, "The template gives a scenario the playground refuses:\n" +
                                                     scenario::formatErrors(errors) +
                                                     "\nYour current scenario is unchanged.");
        m_ui.status = {StatusKind::Error, "cannot import " + source};
        return TemplateImport::Refused;
    }
    const std::size_t sources = imported.sources.size();
    replaceScenario(std::move(imported.scenario));
    m_importWarnings = std::move(imported.warnings);
    m_warningsStep = UINT64_MAX;  // the Warnings tab lists the import's lines on the next frame
    if (!m_importWarnings.empty()) m_ui.requestTab = BottomTab::Warnings;
    m_ui.status = {StatusKind::Info,
                   "imported " + source + ": " + std::to_string(sources) + " source(s) send " +
                       std::to_string(templates::kDefaultImportItems) + " items at " +
                       std::to_string(static_cast<int>(templates::kDefaultImportRate)) +
                       "/s (edit their traffic in the inspector); " + std::to_string(m_importWarnings.size()) +
                       " line(s) not modelled in Warnings"};
    return TemplateImport::Imported;
}

void App::appendImportWarnings() {
    for (const std::string& line : m_importWarnings) {
        Warning w;
        w.kind = "template_not_modelled";
        w.title = "Not modelled: " + line.substr(0, line.find(':'));
        w.text = line + " (from the imported template; it has no effect on the run)";
        m_warnings.push_back(std::move(w));
    }
}

void App::drawImportWindow() {
    if (!m_importOpen) return;
    if (m_importBuffer.empty()) m_importBuffer.assign(1 << 20, '\0');  // a template up to 1 MiB, as a file
    const ImGuiViewport* view = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(view->WorkPos.x + view->WorkSize.x * 0.5f, view->WorkPos.y + view->WorkSize.y * 0.5f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(620, 460), ImGuiCond_Appearing);
    if (ImGui::Begin("Import AWS template", &m_importOpen, ImGuiWindowFlags_NoCollapse)) {
        ImGui::TextWrapped("Paste an AWS SAM or CloudFormation template (YAML or JSON), open a template file, or "
                           "drop one on the page. Each source gets %lld items at %d per second; what the playground "
                           "does not model is listed in the Warnings tab.",
                           static_cast<long long>(templates::kDefaultImportItems),
                           static_cast<int>(templates::kDefaultImportRate));
        const bool doImport = ImGui::Button("Import");
        noteMenuRect("import:Import");
        ImGui::SameLine();
        if (ImGui::Button("Open file...")) shell(ShellVerb::OpenFile, "", "");
        noteMenuRect("import:Open file...");
        ImGui::InputTextMultiline("##template", m_importBuffer.data(), m_importBuffer.size(), ImVec2(-1, -1));
        const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
        m_ui.fieldRects["import_template"] = {lo.x, lo.y, hi.x - lo.x, hi.y - lo.y, 0, 0};
        if (doImport) {
            const std::string text(m_importBuffer.data());
            const templates::ImportResult probe = templates::importTemplate(text);
            if (!probe.isTemplate) {
                showNotice("Could not import the pasted text", probe.error + "\nYour current scenario is unchanged.");
            } else if (importTemplateText(text, "the pasted template") == TemplateImport::Imported) {
                m_importOpen = false;
            }
        }
    }
    ImGui::End();
}

}  // namespace pg::ui

// The sweep window: fields, run/cancel and progress, then a plot (line or heatmap) and the table of rows.
// Rows arrive in any order from the workers and are kept by run index.
#include "sweep_window.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>

#include "scenario/scenario_json.hpp"

namespace pg::ui {

namespace {

void copyText(char* dst, std::size_t size, const std::string& src) { std::snprintf(dst, size, "%s", src.c_str()); }

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& v : values) out += (out.empty() ? "" : ",") + v;
    return out;
}

/// Dark blue (low) to amber (high): readable on the dark theme, and with white text on every shade.
ImU32 heatColor(double t) {
    t = std::clamp(t, 0.0, 1.0);
    const auto mix = [&](int a, int b) { return static_cast<int>(a + (b - a) * t); };
    return IM_COL32(mix(30, 214), mix(60, 120), mix(120, 30), 255);
}

std::string formatValue(std::optional<double> v) {
    if (!v) return "-";
    char buf[32];
    if (std::fabs(*v) < 0.01 && *v != 0)
        std::snprintf(buf, sizeof buf, "%.2e", *v);
    else
        std::snprintf(buf, sizeof buf, "%.4g", *v);
    return buf;
}

}  // namespace

void SweepWindow::openWith(const scenario::SweepSpec& spec) {
    m_open = true;
    for (int a = 0; a < 2; ++a) {
        const bool has = a < static_cast<int>(spec.axes.size());
        copyText(m_target[a], sizeof m_target[a], has ? spec.axes[a].target : "");
        copyText(m_values[a], sizeof m_values[a], has ? joined(spec.axes[a].values) : "");
    }
    m_seeds = spec.seeds;
    const auto& names = sweep::outcomeNames();
    const auto it = std::find(names.begin(), names.end(), spec.outcome);
    if (it != names.end()) m_outcome = static_cast<int>(it - names.begin());
    m_runRequested = true;
}

void SweepWindow::addAxis(const std::string& target, const std::string& value) {
    m_open = true;
    const int a = (m_target[0][0] == '\0' || target == m_target[0]) ? 0 : 1;
    copyText(m_target[a], sizeof m_target[a], target);
    copyText(m_values[a], sizeof m_values[a], value);
}

scenario::SweepSpec SweepWindow::spec() const {
    scenario::SweepSpec s;
    for (int a = 0; a < 2; ++a) {
        if (m_target[a][0] == 0) continue;
        const auto axis = sweep::parseSetArgument(std::string(m_target[a]) + "=" + m_values[a], nullptr);
        if (axis) s.axes.push_back(*axis);
    }
    s.seeds = m_seeds;
    s.outcome = sweep::outcomeNames()[static_cast<std::size_t>(m_outcome)];
    return s;
}

void SweepWindow::start(const sim::Scenario& scenario, const SweepRunner& runner) {
    if (runner.cancel) runner.cancel();
    m_error.clear();
    m_rows.clear();
    m_done = 0;
    ++m_generation;
    const scenario::SweepSpec s = spec();
    if (s.axes.empty()) {
        m_error = "Set a setting such as orders.visibility_timeout and its values (10s,30s,60s or 10s:60s:10s).";
        return;
    }
    m_plan = sweep::planSweep(scenario, s);
    if (!m_plan.ok()) {
        m_error = scenario::formatErrors(m_plan.errors);
        return;
    }
    m_rows.resize(m_plan.cells.size());
    std::vector<std::string> cells;
    for (const sweep::SweepCell& c : m_plan.cells) cells.push_back(scenario::writeScenario(c.scenario, -1));
    if (runner.start) {
        runner.start(cells, m_generation);
    } else {  // no workers (native builds): run here
        const std::vector<sweep::SweepRow> rows = sweep::runSweep(m_plan, 1);
        for (std::size_t i = 0; i < rows.size(); ++i) m_rows[i] = rows[i];
        m_done = rows.size();
    }
}

void SweepWindow::receiveRow(int index, const std::string& rowJson, int generation) {
    if (generation != m_generation) return;  // a cancelled or replaced sweep
    const nlohmann::json j = nlohmann::json::parse(rowJson, nullptr, false);
    if (j.is_discarded() || !j.is_object() || j.contains("error")) {
        m_error =
            "A run failed: " + (j.is_object() && j.contains("error") ? j["error"].dump() : rowJson.substr(0, 200));
        return;
    }
    if (index < 0 || static_cast<std::size_t>(index) >= m_rows.size() || m_rows[index]) return;
    sweep::SweepRow r;
    r.run = static_cast<std::size_t>(index);
    const sweep::SweepCell& cell = m_plan.cells[r.run];
    for (std::size_t a = 0; a < cell.valueIndex.size(); ++a)
        r.values.push_back(m_plan.axes[a].values[cell.valueIndex[a]]);
    auto num = [&](const char* key) { return j.value(key, 0.0); };
    auto count = [&](const char* key) { return static_cast<std::int64_t>(j.value(key, 0.0)); };
    r.seed = cell.seed;
    r.deadLettered = count("dead_lettered");
    r.expired = count("expired");
    r.dropped = count("dropped");
    r.succeeded = count("succeeded");
    r.invocations = count("invocations");
    r.errors = count("errors");
    r.throttles = count("throttles");
    r.peakConcurrency = count("peak_concurrency");
    if (j.contains("p50_s") && j["p50_s"].is_number()) r.p50Seconds = num("p50_s");
    if (j.contains("p99_s") && j["p99_s"].is_number()) r.p99Seconds = num("p99_s");
    r.costUsd = num("cost_usd");
    r.stoppedAtLimit = j.value("stopped_at_limit", false);
    m_rows[r.run] = r;
    ++m_done;
}

std::optional<double> SweepWindow::cellValue(std::size_t i0, std::size_t i1) const {
    const std::string& name = sweep::outcomeNames()[static_cast<std::size_t>(m_outcome)];
    double sum = 0;
    int n = 0;
    for (std::size_t i = 0; i < m_plan.cells.size(); ++i) {
        const sweep::SweepCell& c = m_plan.cells[i];
        if (c.valueIndex[0] != i0 || (c.valueIndex.size() > 1 && c.valueIndex[1] != i1) || !m_rows[i]) continue;
        if (const auto v = sweep::outcomeValue(*m_rows[i], name)) {
            sum += *v;
            ++n;
        }
    }
    if (n == 0) return std::nullopt;
    return sum / n;
}

std::optional<sim::Scenario> SweepWindow::draw(const sim::Scenario& scenario, const SweepRunner& runner) {
    if (m_runRequested) {
        m_runRequested = false;
        start(scenario, runner);
    }
    if (!m_open) {
        m_prepared = false;
        return std::nullopt;
    }
    if (!m_prepared && runner.prepare) runner.prepare();
    m_prepared = true;
    ImGui::SetNextWindowSize(ImVec2(640, 560), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Sweep", &m_open)) {
        ImGui::End();
        return std::nullopt;
    }
    ImGui::TextDisabled("Settings: NODE.KEY (orders.visibility_timeout) or FROM->TO.KEY (orders->process.batch_size)");
    for (int a = 0; a < 2; ++a) {
        ImGui::PushID(a);
        ImGui::SetNextItemWidth(260);
        ImGui::InputText(a == 0 ? "Setting" : "Setting 2 (optional)", m_target[a], sizeof m_target[a]);
        ImGui::SetNextItemWidth(260);
        ImGui::InputText("Values (list or from:to:step)", m_values[a], sizeof m_values[a]);
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(120);
    ImGui::InputInt("Seeds per cell", &m_seeds);
    m_seeds = std::clamp(m_seeds, 1, scenario::kMaxSweepSeeds);
    if (ImGui::Button(running() ? "Restart" : "Run sweep")) start(scenario, runner);
    ImGui::SameLine();
    if (ImGui::Button("Cancel") && running()) {
        if (runner.cancel) runner.cancel();
        ++m_generation;
        m_rows.clear();
        m_done = 0;
    }
    ImGui::SameLine();
    ImGui::TextDisabled("at most %zu runs", scenario::kMaxSweepRuns);
    if (!m_error.empty()) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", m_error.c_str());
    std::optional<std::size_t> clicked;
    if (!m_rows.empty()) {
        char overlay[64];
        std::snprintf(overlay, sizeof overlay, "%zu of %zu runs", m_done, m_rows.size());
        ImGui::ProgressBar(static_cast<float>(m_done) / static_cast<float>(m_rows.size()), ImVec2(-1, 0), overlay);
        const auto& names = sweep::outcomeNames();
        ImGui::SetNextItemWidth(180);
        if (ImGui::BeginCombo("Outcome", names[static_cast<std::size_t>(m_outcome)].c_str())) {
            for (std::size_t i = 0; i < names.size(); ++i)
                if (ImGui::Selectable(names[i].c_str(), static_cast<int>(i) == m_outcome))
                    m_outcome = static_cast<int>(i);
            ImGui::EndCombo();
        }
        clicked = drawPlot();
        if (const auto row = drawTable()) clicked = row;
    }
    ImGui::End();
    if (clicked && *clicked < m_plan.cells.size()) return m_plan.cells[*clicked].scenario;
    return std::nullopt;
}

std::optional<std::size_t> SweepWindow::drawPlot() {
    m_cellRects.clear();
    const std::size_t n0 = m_plan.axes[0].values.size();
    const std::size_t n1 = m_plan.axes.size() > 1 ? m_plan.axes[1].values.size() : 0;
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t i = 0; i < n0; ++i)
        for (std::size_t j = 0; j < std::max<std::size_t>(n1, 1); ++j)
            if (const auto v = cellValue(i, j)) lo = std::min(lo, *v), hi = std::max(hi, *v);
    const float labelW = 90, labelH = 20;
    const float plotH = n1 ? std::min(260.0f, 34.0f * static_cast<float>(n0) + labelH) : 180.0f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(200.0f, ImGui::GetContentRegionAvail().x);
    ImGui::InvisibleButton("plot", ImVec2(width, plotH + labelH));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool pressed = ImGui::IsItemClicked();
    const auto firstRunOf = [&](std::size_t i, std::size_t j) {
        for (std::size_t r = 0; r < m_plan.cells.size(); ++r)
            if (m_plan.cells[r].valueIndex[0] == i && (n1 == 0 || m_plan.cells[r].valueIndex[1] == j)) return r;
        return std::size_t{0};
    };
    std::optional<std::size_t> clicked;
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    if (n1 > 0) {
        // Heatmap: rows are the first setting's values, columns the second's.
        const float cw = (width - labelW) / static_cast<float>(n1), ch = (plotH - labelH) / static_cast<float>(n0);
        for (std::size_t j = 0; j < n1; ++j)
            dl->AddText(ImVec2(origin.x + labelW + cw * j + 4, origin.y), text, m_plan.axes[1].values[j].c_str());
        for (std::size_t i = 0; i < n0; ++i) {
            const float y = origin.y + labelH + ch * i;
            dl->AddText(ImVec2(origin.x, y + ch * 0.5f - 7), text, m_plan.axes[0].values[i].c_str());
            for (std::size_t j = 0; j < n1; ++j) {
                const ImVec2 a(origin.x + labelW + cw * j, y), b(a.x + cw - 2, a.y + ch - 2);
                const auto v = cellValue(i, j);
                const double t = v && hi > lo ? (*v - lo) / (hi - lo) : 0.0;
                dl->AddRectFilled(a, b, v ? heatColor(t) : IM_COL32(60, 60, 60, 255));
                const bool hover = mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y;
                if (hover) dl->AddRect(a, b, IM_COL32(255, 255, 255, 255), 0, 0, 2);
                dl->AddText(ImVec2(a.x + 6, a.y + ch * 0.5f - 7), IM_COL32(255, 255, 255, 255), formatValue(v).c_str());
                const std::size_t run = firstRunOf(i, j);
                m_cellRects.push_back({run, a.x, a.y, b.x - a.x, b.y - a.y});
                if (hover && pressed) clicked = run;
            }
        }
        ImGui::TextDisabled("rows: %s   columns: %s   click a cell to open that run", m_plan.axes[0].target.c_str(),
                            m_plan.axes[1].target.c_str());
    } else {
        // Line plot: x the values in order, y the outcome from 0 (or the lowest) to the highest.
        const float x0 = origin.x + labelW, y0 = origin.y + 4, w = width - labelW - 12, h = plotH - 8;
        const double ylo = std::min(0.0, lo), yhi = hi > ylo ? hi : ylo + 1;
        dl->AddRect(ImVec2(x0, y0), ImVec2(x0 + w, y0 + h), ImGui::GetColorU32(ImGuiCol_Border));
        dl->AddText(ImVec2(origin.x, y0), text, formatValue(yhi).c_str());
        dl->AddText(ImVec2(origin.x, y0 + h - 14), text, formatValue(ylo).c_str());
        ImVec2 prev;
        for (std::size_t i = 0; i < n0; ++i) {
            const float x = x0 + (n0 > 1 ? w * static_cast<float>(i) / static_cast<float>(n0 - 1) : w * 0.5f);
            dl->AddText(ImVec2(x - 10, y0 + h + 2), text, m_plan.axes[0].values[i].c_str());
            const auto v = cellValue(i, 0);
            if (!v) continue;
            const ImVec2 p(x, y0 + h - static_cast<float>((*v - ylo) / (yhi - ylo)) * h);
            if (i > 0 && cellValue(i - 1, 0)) dl->AddLine(prev, p, IM_COL32(90, 170, 250, 255), 2);
            const bool hover = std::fabs(mouse.x - p.x) < 8 && std::fabs(mouse.y - p.y) < 8;
            dl->AddCircleFilled(p, hover ? 6.0f : 4.0f, IM_COL32(90, 170, 250, 255));
            const std::size_t run = firstRunOf(i, 0);
            m_cellRects.push_back({run, p.x - 6, p.y - 6, 12, 12});
            if (hover && pressed) clicked = run;
            prev = p;
        }
    }
    return clicked;
}

std::optional<std::size_t> SweepWindow::drawTable() {
    std::optional<std::size_t> clicked;
    const auto& names = sweep::outcomeNames();
    const int columns = 2 + static_cast<int>(m_plan.axes.size()) + static_cast<int>(names.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("sweep_rows", columns, flags, ImVec2(0, 0))) return clicked;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("run");
    for (const sweep::ResolvedAxis& a : m_plan.axes) ImGui::TableSetupColumn(a.target.c_str());
    ImGui::TableSetupColumn("seed");
    for (const std::string& n : names) ImGui::TableSetupColumn(n.c_str());
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (!m_rows[i]) continue;
        const sweep::SweepRow& r = *m_rows[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        char label[32];
        std::snprintf(label, sizeof label, "%zu", r.run);
        if (ImGui::Selectable(label, false, ImGuiSelectableFlags_SpanAllColumns)) clicked = r.run;
        for (const std::string& v : r.values) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(v.c_str());
        }
        ImGui::TableNextColumn();
        ImGui::Text("%llu", static_cast<unsigned long long>(r.seed));
        for (const std::string& n : names) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(formatValue(sweep::outcomeValue(r, n)).c_str());
        }
    }
    ImGui::EndTable();
    return clicked;
}

std::string SweepWindow::stateJson() const {
    nlohmann::json s;
    s["open"] = m_open;
    s["total"] = m_rows.size();
    s["done"] = m_done;
    s["error"] = m_error;
    nlohmann::json rows = nlohmann::json::array();
    const std::vector<std::string> targets = [&] {
        std::vector<std::string> t;
        for (const sweep::ResolvedAxis& a : m_plan.axes) t.push_back(a.target);
        return t;
    }();
    for (const auto& r : m_rows)
        if (r) rows.push_back(nlohmann::json::parse(sweep::rowJson(*r, targets)));
    s["rows"] = rows;
    nlohmann::json cells = nlohmann::json::array();
    for (const SweepCellRect& c : m_cellRects)
        cells.push_back({{"run", c.run}, {"x", c.x}, {"y", c.y}, {"w", c.w}, {"h", c.h}});
    s["cells"] = cells;
    s["axes"] = {{{"set", m_target[0]}, {"values", m_values[0]}}, {{"set", m_target[1]}, {"values", m_values[1]}}};
    return s.dump();
}

}  // namespace pg::ui

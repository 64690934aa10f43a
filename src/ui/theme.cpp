// Fonts from Debian's fonts-dejavu-core (preloaded at /fonts), a dark style, HiDPI scaling.
#include "theme.hpp"

#include <imgui.h>

#include <cstdio>

namespace pg::ui {

namespace {
constexpr float kFontSizePx = 16.0f;  // logical (CSS) pixels: readable on a laptop screen

bool fileExists(const char* path) {
    if (FILE* f = std::fopen(path, "rb")) {
        std::fclose(f);
        return true;
    }
    return false;
}
}  // namespace

void applyTheme(float pixelRatio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.OversampleH = 2;
    const float sizePx = kFontSizePx * pixelRatio;
    // Latin plus Greek (the lambda badge), arrows and a few punctuation marks. The page ships only these glyphs
    // (the fonts are subset in cmake/web_app.cmake: change both together).
    static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x2010, 0x2027, 0x2190, 0x21FF, 0};
    if (fileExists("/fonts/ui.ttf")) {
        io.Fonts->AddFontFromFileTTF("/fonts/ui.ttf", sizePx, &config, kRanges);
        io.Fonts->AddFontFromFileTTF("/fonts/mono.ttf", sizePx * 0.92f, &config);
    } else {
        config.SizePixels = 13.0f * pixelRatio;
        io.Fonts->AddFontDefault(&config);
    }
    // Fonts are rasterised at device pixels; ImGui lays out in CSS pixels.
    io.FontGlobalScale = 1.0f / pixelRatio;

    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.WindowBorderSize = 1.0f;
    style.FramePadding = ImVec2(6, 4);
    style.ItemSpacing = ImVec2(8, 6);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.10f, 0.11f, 0.13f, 1.0f);
    // Child regions (timeline, plots, log) show the panel colour through: under software WebGL an opaque
    // layer over a quarter of the screen costs milliseconds a frame (issue 7). The host clears in WindowBg.
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
}

}  // namespace pg::ui

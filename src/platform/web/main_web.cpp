// Browser entry point: SDL2 window + WebGL2 context + Dear ImGui, driven by the browser's frame callback.
// Keeps the canvas backing store at devicePixelRatio so text is crisp on HiDPI screens.
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include "gl_state_shadow.h"  // GLES3, and glViewport below keeps the ImGui backend's state shadow current

#include <cmath>
#include <cstdio>

#include "draw_stats.hpp"
#include "touch_input.hpp"
#include "ui/frame_pacing.hpp"
#include "ui/theme.hpp"
#include "web_host.hpp"

namespace pg::web {

namespace {
struct Host {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    float pixelRatio = 1.0f;
    Uint64 lastCounter = 0;
    bool checkQueued = false;  ///< a deferred live check is waiting for its task
    ui::FramePacing pacing;  ///< frames left undrawn while only a sweep moves
};
Host g_host;

float currentPixelRatio() {
    const double ratio = emscripten_get_device_pixel_ratio();
    return ratio > 0.5 ? static_cast<float>(ratio) : 1.0f;
}

// The canvas is sized by CSS to fill the window; follow its size and the pixel ratio. SDL sizes the window in
// CSS pixels and resets the backing store to that, so the backing store is set after it, at CSS x ratio.
void followCanvasSize() {
    double cssW = 0, cssH = 0;
    emscripten_get_element_css_size("#canvas", &cssW, &cssH);
    const float ratio = currentPixelRatio();
    const int wantW = static_cast<int>(std::lround(cssW)), wantH = static_cast<int>(std::lround(cssH));
    if (wantW <= 0 || wantH <= 0) return;
    int w = 0, h = 0;
    SDL_GetWindowSize(g_host.window, &w, &h);
    if (wantW != w || wantH != h) SDL_SetWindowSize(g_host.window, wantW, wantH);
    const int backingW = static_cast<int>(std::lround(cssW * ratio));
    const int backingH = static_cast<int>(std::lround(cssH * ratio));
    int curW = 0, curH = 0;
    emscripten_get_canvas_element_size("#canvas", &curW, &curH);
    if (curW != backingW || curH != backingH) emscripten_set_canvas_element_size("#canvas", backingW, backingH);
    if (ratio != g_host.pixelRatio) {
        g_host.pixelRatio = ratio;
        ui::applyTheme(ratio);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

// The first frame used to create the renderer's shader program, upload the fonts and draw with them for the
// first time, so the commit of that frame waited for the GPU process (SwiftShader) to compile the draw
// pipeline. Here the same happens before App() is built, through the backend's own render path (one
// triangle in the corner pixel, which the first frame clears), and is flushed without waiting: the
// compilation overlaps parsing the default scenario and building the first frame (issue 21).
void warmUpRenderer() {
    followCanvasSize();            // theme and font atlas at the real pixel ratio, as the first frame did
    ImGui_ImplOpenGL3_NewFrame();  // shader program and font texture
    ImDrawList list(ImGui::GetDrawListSharedData());
    list._ResetForNewFrame();
    list.PushClipRect(ImVec2(0, 0), ImVec2(1, 1));
    list.PushTextureID(ImGui::GetIO().Fonts->TexID);
    list.AddTriangleFilled(ImVec2(0, 0), ImVec2(1, 0), ImVec2(0, 1), IM_COL32(0, 0, 0, 255));
    ImDrawData data;
    data.Valid = true;
    data.DisplayPos = ImVec2(0, 0);
    data.DisplaySize = ImVec2(1, 1);
    data.FramebufferScale = ImVec2(1, 1);
    data.AddDrawList(&list);
    ImGui_ImplOpenGL3_RenderDrawData(&data);
    glFlush();
}

// One task: the whole check of a playing run, or one piece of a stopped one's (then the next piece gets a task
// of its own, so a frame due meanwhile is not held up).
void runDeferredCheck(void*) {
    g_host.checkQueued = false;
    const double start = emscripten_get_now();
    const bool more = app().runDeferredLiveCheck();
    noteDeferredCheck(emscripten_get_now() - start);
    if (more) {
        g_host.checkQueued = true;
        emscripten_async_call(runDeferredCheck, nullptr, 0);
    }
}

void frame(void*) {
    const double hostStart = emscripten_get_now();
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        g_host.pacing.noteInput(hostStart);
        if (!handleTouchEvent(event)) ImGui_ImplSDL2_ProcessEvent(&event);
    }
    followCanvasSize();
    tickTouch();
    ui::FramePacing::Activity activity;
    activity.sweepRunning = app().sweepRunning();
    activity.playing = app().playing();
    activity.touchIdle = touchIdle();
    if (g_host.pacing.rest(hostStart, activity)) return;  // the canvas keeps its last frame
    g_host.pacing.noteDrawn(hostStart);
    HostPhases phases;
    double mark = emscripten_get_now();
    phases.inputMs = mark - hostStart;
    const auto lap = [&mark] {
        const double now = emscripten_get_now(), ms = now - mark;
        mark = now;
        return ms;
    };

    const Uint64 counter = SDL_GetPerformanceCounter();
    const double dt = g_host.lastCounter == 0
                          ? 1.0 / 60.0
                          : static_cast<double>(counter - g_host.lastCounter) /
                                static_cast<double>(SDL_GetPerformanceFrequency());
    g_host.lastCounter = counter;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    // SDL reports the window in CSS pixels; the backing store is larger by the pixel ratio.
    int drawW = 0, drawH = 0;
    emscripten_get_canvas_element_size("#canvas", &drawW, &drawH);
    ImGuiIO& io = ImGui::GetIO();
    if (io.DisplaySize.x > 0 && io.DisplaySize.y > 0)
        io.DisplayFramebufferScale = ImVec2(drawW / io.DisplaySize.x, drawH / io.DisplaySize.y);
    ImGui::NewFrame();
    app().frame(dt);
    phases.appMs = lap();
    ImGui::Render();
    phases.renderMs = lap();

    glViewport(0, 0, drawW, drawH);
    // The panels draw no background of their own (ui/layout.hpp): the clear is it.
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(g_host.window);
    phases.glMs = lap();
    const double callbackMs = emscripten_get_now() - hostStart;
    noteHostFrame(callbackMs, phases);
    app().noteCallbackTime(callbackMs / 1000.0);  // sizes the next playing frame's simulation slice
    markFirstFrame();
    // The live invariant check (one pass over every item, twice a second while playing, in pieces once it
    // stopped) runs in tasks of its own right after this callback: the frame goes to the screen without
    // waiting for it (issue 21).
    if (app().liveCheckDue() && !g_host.checkQueued) {
        g_host.checkQueued = true;
        emscripten_async_call(runDeferredCheck, nullptr, 0);
    }
}
}  // namespace

ui::App& app() {
    static ui::App instance;
    return instance;
}

float devicePixelRatio() { return g_host.pixelRatio; }

}  // namespace pg::web

int main(int, char**) {
    using namespace pg::web;
    // Fingers go through the gesture recogniser (touch_input.cpp), not SDL's finger-as-mouse translation.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    g_host.window = SDL_CreateWindow("Lambda Playground", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                                     SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE);
    if (!g_host.window) {
        std::fprintf(stderr, "SDL_CreateWindow failed: %s\n", SDL_GetError());
        return 1;
    }
    g_host.gl = SDL_GL_CreateContext(g_host.window);
    if (!g_host.gl) {
        std::fprintf(stderr, "WebGL2 is not available: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(g_host.window, g_host.gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout is fixed; nothing to persist
    // No keyboard navigation: Space, arrows and Home drive the transport (App::handleKeys).
    ImGui_ImplSDL2_InitForOpenGL(g_host.window, g_host.gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    g_host.pixelRatio = 0;  // forces font setup at the real ratio
    warmUpRenderer();
    installBridgeHooks();  // builds App (the default scenario) while the GPU process compiles
    app().deferLiveChecks(true);
    emscripten_set_main_loop_arg(frame, nullptr, 0, true);
    return 0;
}

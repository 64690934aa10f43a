// What the App keeps for sharing, files and embedding (issue 6): the message shown when something could not be
// opened, the "opened from a link" hold on autosave, embed mode, and the hook to the page (browser services).
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "bottom_tab.hpp"

namespace pg::ui {

/// The browser services the App may ask the page for (web/links.js has a handler for each).
enum class ShellVerb {
    CopyLink,          ///< a = share-link fragment
    SaveFile,          ///< a = file name, b = scenario JSON
    OpenFile,          ///< the page's file picker; the page opens the file it reads
    OpenInPlayground,  ///< a = share-link fragment (embed mode)
    RestoreAutosave,   ///< back to the autosaved work (a link was opened over it)
    OpenPage,          ///< a = a page under the app's folder ("docs/...", "notices/..."), in a new tab
    // web/tools.js, web/embed_code.js (issue 20)
    ExportPng,         ///< a = "canvas", "timeline" or "page": a PNG at device pixels
    RecordVideo,       ///< starts recording the canvas as WebM, or stops and saves it
    ExportTrace,       ///< the run's trace as JSON Lines (pg_trace_jsonl)
    EmbedCode,         ///< the Copy embed code dialog; a = share-link fragment at this step, b = preset stem or ""
};

/// The verb as web/links.js names it ("copy-link"...): the one place these strings are spelled.
inline const char* shellVerbName(ShellVerb verb) {
    switch (verb) {
    case ShellVerb::CopyLink: return "copy-link";
    case ShellVerb::SaveFile: return "save-file";
    case ShellVerb::OpenFile: return "open-file";
    case ShellVerb::OpenInPlayground: return "open-in-playground";
    case ShellVerb::RestoreAutosave: return "restore-autosave";
    case ShellVerb::OpenPage: return "open-page";
    case ShellVerb::ExportPng: return "export-png";
    case ShellVerb::RecordVideo: return "record-video";
    case ShellVerb::ExportTrace: return "export-trace";
    case ShellVerb::EmbedCode: return "embed-code";
    }
    return "";
}

/// Asks the page for a browser service; the platform passes the verb's name and the strings on.
using ShellHandler = std::function<void(ShellVerb verb, const std::string& a, const std::string& b)>;

/// A message the user must see (a link or file that could not be opened); shown as a modal until dismissed.
struct Notice {
    std::string title;
    std::string text;
    bool shown = false;  ///< the modal has been opened (ImGui needs OpenPopup once)
};

struct ShareState {
    Notice notice;
    bool embed = false;
    std::optional<BottomTab> embedPanel;  ///< bottom tab shown under the canvas in embed mode, if any
    std::string embedTitle;
    // A scenario opened from a link is not autosaved until the user keeps it (edits it or presses Keep).
    bool linkHeld = false;
    std::size_t undoAtLink = 0, redoAtLink = 0;
    bool galleryOpen = false;
    bool recording = false;  ///< File > Export > Record video started and not yet stopped
    ShellHandler shell;
};

}  // namespace pg::ui

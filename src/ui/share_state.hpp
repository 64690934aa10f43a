// What the App keeps for sharing, files and embedding (issue 6): the message shown when something could not be
// opened, the "opened from a link" hold on autosave, embed mode, and the hook to the page (browser services).
#pragma once
#include <cstddef>
#include <functional>
#include <string>

namespace pg::ui {

/// Asks the page for a browser service. verbs: "copy-link" (a = fragment), "save-file" (a = file name,
/// b = JSON), "open-file", "open-in-playground" (a = fragment), "restore-autosave". Strings only.
using ShellHandler = std::function<void(const std::string& verb, const std::string& a, const std::string& b)>;

/// A message the user must see (a link or file that could not be opened); shown as a modal until dismissed.
struct Notice {
    std::string title;
    std::string text;
    bool shown = false;  ///< the modal has been opened (ImGui needs OpenPopup once)
};

struct ShareState {
    Notice notice;
    bool embed = false;
    int embedPanel = -1;  ///< bottom tab shown under the canvas in embed mode (-1 none)
    std::string embedTitle;
    // A scenario opened from a link is not autosaved until the user keeps it (edits it or presses Keep).
    bool linkHeld = false;
    std::size_t undoAtLink = 0, redoAtLink = 0;
    bool galleryOpen = false;
    ShellHandler shell;
};

}  // namespace pg::ui

// Presets gallery: every scenario in assets/scenarios (preloaded at /scenarios) with its title and one-line
// lesson (the scenario's `description`), opened in one click. Reads each preset once, on first use.
#pragma once
#include <string>
#include <vector>

#include "ui/commands.hpp"

namespace pg::ui {

struct PresetInfo {
    std::string path;         ///< /scenarios/NAME.json
    std::string stem;         ///< NAME
    std::string title;        ///< the scenario's name
    std::string description;  ///< its one-line lesson
    bool hasFix = false;      ///< it carries its fix as B ("compare_b"): the gallery offers "Show the fix"
};

class PresetsGalleryPanel {
public:
    std::string fixRequest;  ///< a preset whose "Show the fix" was pressed (the App opens it with its fix)
    /// The presets found at `paths`, in that order (read on the first call).
    const std::vector<PresetInfo>& presets(const std::vector<std::string>& paths);
    /// The window; pushes LoadPreset and closes when one is opened.
    void draw(bool& open, const std::vector<std::string>& paths, const std::string& current, CommandQueue& q);
    /// Menu entries (title, lesson as tooltip) for the Presets menu.
    void drawMenuItems(const std::vector<std::string>& paths, CommandQueue& q);

private:
    std::vector<PresetInfo> m_presets;
    bool m_loaded = false;
};

}  // namespace pg::ui

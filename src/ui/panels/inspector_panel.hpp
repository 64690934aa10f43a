// Inspector: every setting of the selected node or edge (or the scenario) with its documented default and
// range, a short explanation and a "documented" / "model choice" badge with its FIDELITY source key.
// Edits are pushed as SetParam; the validator's message is shown when a value is rejected.
#pragma once
#include <string>

#include "frame_context.hpp"
#include "rules_editor_panel.hpp"

namespace pg::ui {

class InspectorPanel {
public:
    void draw(FrameContext& ctx);

private:
    void drawParams(FrameContext& ctx, int node, int edge);
    RulesEditorPanel m_rules;  ///< a function's behaviour rules, drawn above its settings
    std::string m_editKey;  ///< parameter whose text field is being edited
    char m_editBuf[512] = {};
};

}  // namespace pg::ui

// Rules editor: the behaviour rules of the selected function (first match wins), each rule's conditions and
// outcome, quick actions for the common lessons and the notes flagged next to a rule. Drawn inside the
// inspector; every edit is one cmd::SetRules (validated, undoable). The logic is in ui/rules_edit.hpp.
#pragma once
#include <string>

#include "frame_context.hpp"

namespace pg::ui {

class RulesEditorPanel {
public:
    /// Draws the editor for the function node at index `node` of the scenario.
    void draw(FrameContext& ctx, int node);

private:
    void drawQuickActions(FrameContext& ctx, const sim::Node& fn);
    void drawRule(FrameContext& ctx, const sim::Node& fn, int index);
    std::string m_node;  ///< function the edit state below belongs to
    std::string m_editField;  ///< "<rule>.<key>" of the condition field being edited
    char m_editBuf[512] = {};
    std::string m_fieldError;  ///< "<rule>.<key>: why" of the last refused text
    int m_firstAttempts = 2;
    float m_percent = 10.0f;
    char m_poisonItem[128] = {};
    std::string m_offeredItem;  ///< the item the poison field last offered (firstItemFor)
};

}  // namespace pg::ui

// Help window (Help menu): keyboard shortcuts, "what am I looking at" (the three invocation modes) and About
// (licence, shipped components with their pinned versions, links to their notices). Draws only; the list of
// components is src/ui/notices.hpp.
#pragma once
#include <string>

namespace pg::ui {

enum class HelpTopic { Closed, Shortcuts, Basics, About };

/// "shortcuts", "basics", "about", "" (closed): the state JSON's names for the browser tests.
const char* helpTopicKey(HelpTopic topic);

class HelpWindow {
public:
    void open(HelpTopic topic) { m_topic = topic; m_select = true; }
    HelpTopic topic() const { return m_topic; }
    /// Draws the window while open. Returns a page under the app's folder the user asked to open in a new tab
    /// ("docs/invocation-modes.html", "notices/sdl2.txt"), or "".
    std::string draw(bool macKeys);

private:
    void drawShortcuts(bool macKeys);
    void drawBasics(std::string& openPage);
    void drawAbout(std::string& openPage);

    HelpTopic m_topic = HelpTopic::Closed;
    bool m_select = false;        ///< select the topic's tab on the next frame
    std::string m_lock;           ///< emsdk.lock as preloaded at /notices/emsdk.lock (read once)
    bool m_lockRead = false;
};

}  // namespace pg::ui

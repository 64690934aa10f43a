// Typed intents from the panels to the model. Panels push them; App applies them between frames, validates
// edits through the scenario reader and reflects the result in UiState (never half-applied).
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "engine/scenario_config.hpp"
#include "ui_state.hpp"

namespace pg::ui {

/// What the palette adds: a plain node (a source gets some traffic), or a target without traffic of its own.
enum class NodeRole {
    Plain,
    DeadLetterQueue,  ///< an sqs queue: a function's DLQ or a queue's redrive target
    Destination,      ///< an eventbridge bus or sns topic: an asynchronous invocation's destination
};

/// The id prefix addNode gives a node in `role` ("dlq-1"); "" for a plain node, named after its type.
inline const char* nodeRoleIdBase(NodeRole role) {
    switch (role) {
    case NodeRole::Plain: return "";
    case NodeRole::DeadLetterQueue: return "dlq";
    case NodeRole::Destination: return "destination";
    }
    return "";
}

namespace cmd {
struct SetPlaying { bool playing; };
struct TogglePlay {};
struct Step { int count = 1; };
struct StepToInvocation {};
struct StepBack {};
struct Seek { sim::SimTime time; };
struct Reset {};
struct SetSpeed { double speed; };
struct Select { Selection selection; };
struct SelectItem { std::uint32_t item; };
struct AddNode { sim::NodeType type; NodeRole role; double x, y; };
struct Connect { std::string from, to; };
struct MoveNode { std::string id; double x, y; };
struct DeleteSelection {};
/// Sets one inspector parameter (see params.hpp) of a node (`node` id) or edge (`edge` index) or the scenario.
struct SetParam { std::string node; int edge = -1; std::string key; std::string value; };
/// Replaces the behaviour rules of function `node` (the rules editor's every edit); `what` names the edit.
struct SetRules { std::string node; std::vector<sim::BehaviorRule> rules; std::string what; };
/// A fresh random seed, then the run replays to the same time.
struct NewSeed {};
struct Undo {};
struct Redo {};
struct LoadPreset { std::string path; };
/// Opens a page shipped next to the app ("docs/fidelity.html#...") in a new tab, through the App's shell.
struct OpenPage { std::string path; };
/// The inspector's "Sweep" beside a setting: put `target` (NODE.KEY, FROM->TO.KEY or KEY) on an axis of the
/// sweep window, with the setting's current value as a first value to edit (issue 18).
struct SweepSetting { std::string target, value; };
}  // namespace cmd

using Command = std::variant<cmd::SetPlaying, cmd::TogglePlay, cmd::Step, cmd::StepToInvocation, cmd::StepBack,
                             cmd::Seek, cmd::Reset, cmd::SetSpeed, cmd::Select, cmd::SelectItem, cmd::AddNode,
                             cmd::Connect, cmd::MoveNode, cmd::DeleteSelection, cmd::SetParam, cmd::SetRules, cmd::NewSeed,
                             cmd::Undo, cmd::Redo, cmd::LoadPreset, cmd::OpenPage, cmd::SweepSetting>;

/// True for the commands that change the scenario (a locked embed refuses them; playback and selection pass).
inline bool editsScenario(const Command& command) {
    return std::holds_alternative<cmd::AddNode>(command) || std::holds_alternative<cmd::Connect>(command) ||
           std::holds_alternative<cmd::MoveNode>(command) || std::holds_alternative<cmd::DeleteSelection>(command) ||
           std::holds_alternative<cmd::SetParam>(command) || std::holds_alternative<cmd::SetRules>(command) ||
           std::holds_alternative<cmd::NewSeed>(command) || std::holds_alternative<cmd::Undo>(command) ||
           std::holds_alternative<cmd::Redo>(command);
}

class CommandQueue {
public:
    void push(Command command) { m_commands.push_back(std::move(command)); }
    std::vector<Command> take() { return std::exchange(m_commands, {}); }
    bool empty() const { return m_commands.empty(); }

private:
    std::vector<Command> m_commands;
};

}  // namespace pg::ui

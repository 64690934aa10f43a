// Every setting of a scenario described once: its key, label, kind, default (the engine config's own default),
// range, help, source and how to read and write it on pg::sim's config structs. The reader's key tables, the
// writer, the inspector and the docs-consistency test all read these. No JSON here: the UI includes this header.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/scenario_config.hpp"

namespace pg::scenario {

/// Duration, Int, OptionalInt, Bool, Choice and Unsigned values travel as integers (a duration in
/// microseconds, a choice as its enum value), Number as a double, Text and NodeRef as text.
/// Group is an object of settings (`async`), Range a duration or {min, max} (`duration`), Rules `behavior`.
enum class SettingKind { Duration, Int, OptionalInt, Unsigned, Number, Bool, Text, NodeRef, Choice, Group, Range, Rules };
enum class SettingSource { Documented, ModelChoice, ScenarioInput };
enum class SettingOwner { Scenario, Node, Edge };

/// What a setting is read from: the scenario and, for node or edge settings, the node or edge.
struct SettingView {
    const sim::Scenario* scenario = nullptr;
    const sim::Node* node = nullptr;
    const sim::Edge* edge = nullptr;
};
struct SettingTarget {
    sim::Scenario* scenario = nullptr;
    sim::Node* node = nullptr;
    sim::Edge* edge = nullptr;
    operator SettingView() const { return {scenario, node, edge}; }
};

/// How a value is read and written on the config; which pair is set follows the kind. isSet/unset: an
/// optional value (unset = the default) or a group that exists or not (`redrive`); create makes the group.
struct SettingAccess {
    std::int64_t (*getInt)(const SettingView&) = nullptr;
    void (*setInt)(const SettingTarget&, std::int64_t) = nullptr;
    double (*getNumber)(const SettingView&) = nullptr;
    void (*setNumber)(const SettingTarget&, double) = nullptr;
    std::string (*getText)(const SettingView&) = nullptr;
    void (*setText)(const SettingTarget&, const std::string&) = nullptr;
    bool (*isSet)(const SettingView&) = nullptr;
    void (*unset)(const SettingTarget&) = nullptr;
    void (*create)(const SettingTarget&) = nullptr;
};

namespace setting_flags {
constexpr unsigned kMinusOneUnlimited = 1;  // the number -1 is accepted and means "no limit"
constexpr unsigned kAlwaysWritten = 2;      // the canonical form writes it even when it equals its default
constexpr unsigned kNotInInspector = 4;     // read and written, but not offered in the inspector's table
constexpr unsigned kMinExclusive = 8;       // the value must be greater than min (Number)
constexpr unsigned kRequired = 16;          // its group is incomplete without it; `unit` says what it is
}  // namespace setting_flags

struct Setting {
    const char* key = "";         ///< path in its owner's JSON object: "timeout", "async.max_retry_attempts"
    const char* label = "";
    SettingKind kind = SettingKind::Int;
    SettingOwner owner = SettingOwner::Node;
    bool (*applies)(sim::NodeType) = nullptr;  ///< node settings: its type; edge settings: the source's type
    const char* appliesText = "";  ///< "function nodes": names where it applies, in "does not apply" errors
    std::int64_t min = 0, max = 0;  ///< Duration (us), Int, Number; Text and NodeRef: length (min 1: not empty)
    const char* rangeText = "";   ///< "between 0 and 2" (messages and the inspector); a Group: what it holds
    const char* rule = "";        ///< "FIDELITY 5.1: MaximumRetryAttempts": the reason, in range errors
    const char* unit = "";        ///< what the value counts or names ("items per second")
    const char* help = "";
    SettingSource source = SettingSource::Documented;
    const char* citation = "";    ///< FIDELITY.md section and source key, or a model-choice topic
    const char* choices = "";     ///< Choice: "TRIM_HORIZON|LATEST|AT_TIMESTAMP", in enum order
    const char* defaultNote = "";  ///< said next to the default: "retry until the record expires"
    unsigned flags = 0;
    SettingAccess access;

    bool has(unsigned flag) const { return (flags & flag) != 0; }
    bool appliesToType(sim::NodeType t) const { return applies == nullptr || applies(t); }
    /// "async" for "async.max_retry_attempts", "" for a key at its owner's top level.
    std::string group() const;
    /// "max_retry_attempts" for "async.max_retry_attempts".
    std::string leaf() const;
    std::vector<std::string> choiceNames() const;
};

/// Every setting, in canonical-form order (the writer's key order) within each owner.
const std::vector<Setting>& allSettings();
/// The setting `key` of an owner that applies to `type` (node type, or an edge's source type), else nullptr.
const Setting* findSetting(SettingOwner owner, const std::string& key, sim::NodeType type);
/// Keys of the format that are structure, not settings: ids, wiring, positions, lists, the version.
const std::vector<std::string>& structuralKeys();

/// The value's text as the inspector and the docs show it ("30s", "-1", "true", "TRIM_HORIZON", "" unset).
std::string settingText(const Setting& s, const SettingView& view);
/// The one reading of a value typed as text (the inspector, a sweep value, `sweep --set`), by the setting's kind
/// and as the file format reads it (docs/scenario-format.md "Conventions"): a duration is duration text ("30s")
/// or a number of seconds ("30", "0.25"), and "-1" where the key documents it (empty text there: -1 too, the
/// default "no limit"); true/false only; a choice by its name; an optional integer is unset by empty text.
/// Sets it on the target and returns "", or why the text is not such a value ("\"five\" is not a whole number").
/// Ranges are the validator's to judge on the whole scenario.
std::string setSettingFromText(const Setting& s, const SettingTarget& target, const std::string& text);
/// Duration text as setSettingFromText reads it: "30s", "1.5m", or a number of seconds ("30"); no sentinels.
std::optional<sim::SimTime> durationFromText(const std::string& text, std::string* error = nullptr);
/// The config's own default in the same form, or "" when the default is unset.
std::string defaultText(const Setting& s);
/// True when the value equals the config's default (an optional: is unset).
bool isDefault(const Setting& s, const SettingView& view);

}  // namespace pg::scenario

// Internal to the settings tables (settings_*.cpp): a builder that reads as a description, and the node-type
// predicates the tables share. No JSON.
#pragma once
#include <vector>

#include "setting_fields.hpp"

namespace pg::scenario::detail {

using sim::NodeType;

inline bool isFunctionType(NodeType t) { return t == NodeType::Function; }
inline bool isSourceType(NodeType t) { return sim::invocationModeOf(t) != sim::InvocationMode::None; }
inline bool isSyncType(NodeType t) { return sim::invocationModeOf(t) == sim::InvocationMode::Synchronous; }
inline bool isPollType(NodeType t) { return sim::invocationModeOf(t) == sim::InvocationMode::PollBased; }
inline bool isSqsType(NodeType t) { return t == NodeType::Sqs; }
inline bool isKinesisType(NodeType t) { return t == NodeType::Kinesis; }
inline bool isStreamType(NodeType t) { return t == NodeType::Kinesis || t == NodeType::DynamoDbStream; }

/// Setting{...} spelled field by field: Describe("timeout", "Timeout", Kind::Duration).on(...).range(...)...
class Describe {
public:
    Describe(const char* key, const char* label, SettingKind kind) {
        m_s.key = key;
        m_s.label = label;
        m_s.kind = kind;
    }
    Describe& owner(SettingOwner o) { m_s.owner = o; return *this; }
    Describe& on(bool (*applies)(NodeType), const char* appliesText) {
        m_s.applies = applies;
        m_s.appliesText = appliesText;
        return *this;
    }
    Describe& range(std::int64_t min, std::int64_t max, const char* text, const char* rule = "") {
        m_s.min = min;
        m_s.max = max;
        m_s.rangeText = text;
        m_s.rule = rule;
        return *this;
    }
    Describe& unit(const char* u) { m_s.unit = u; return *this; }
    Describe& help(const char* h) { m_s.help = h; return *this; }
    Describe& documented(const char* citation) { return source(SettingSource::Documented, citation); }
    Describe& modelChoice(const char* topic) { return source(SettingSource::ModelChoice, topic); }
    Describe& input(const char* citation) { return source(SettingSource::ScenarioInput, citation); }
    Describe& choices(const char* c) { m_s.choices = c; return *this; }
    Describe& note(const char* n) { m_s.defaultNote = n; return *this; }
    Describe& flags(unsigned f) { m_s.flags |= f; return *this; }
    Describe& access(SettingAccess a) { m_s.access = a; return *this; }
    operator Setting() const { return m_s; }

private:
    Describe& source(SettingSource s, const char* citation) {
        m_s.source = s;
        m_s.citation = citation;
        return *this;
    }
    Setting m_s;
};

std::vector<Setting> scenarioAndNodeSettings();
std::vector<Setting> edgeSettings();

}  // namespace pg::scenario::detail

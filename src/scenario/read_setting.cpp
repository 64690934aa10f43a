// Reading one described setting (settings.hpp) or one group of them from JSON, with the range and the
// message its descriptor gives. The scenario reader calls these for every key that is a plain setting.
#include "reader_support.hpp"

namespace pg::scenario::detail {

std::vector<const Setting*> settingsAt(SettingOwner owner, const std::string& group) {
    std::vector<const Setting*> out;
    for (const Setting& s : allSettings())
        if (s.owner == owner && s.group() == group) out.push_back(&s);
    return out;
}

std::vector<std::string> keysOf(const std::vector<const Setting*>& settings) {
    std::vector<std::string> keys;
    for (const Setting* s : settings) {
        const std::string k = s->leaf();
        if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    }
    return keys;
}

bool ValueReader::readSetting(const json& obj, const std::string& path, const Setting& s, const SettingTarget& target,
                              const std::string& jsonKey) {
    const std::string keyText = jsonKey.empty() ? s.leaf() : jsonKey;
    const char* key = keyText.c_str();
    const SettingAccess& a = s.access;
    switch (s.kind) {
    case SettingKind::Duration: {
        SimTime t = 0;
        const DurationRange range{s.min, s.max, s.rangeText, s.rule, s.has(setting_flags::kMinusOneUnlimited)};
        if (!readDuration(obj, key, path, t, range)) return false;
        a.setInt(target, t);
        return true;
    }
    case SettingKind::Int:
    case SettingKind::OptionalInt: {
        std::int64_t n = 0;
        if (!readInt(obj, key, path, n, IntRange{s.min, s.max, s.rangeText, s.rule})) return false;
        a.setInt(target, n);
        return true;
    }
    case SettingKind::Unsigned: {
        const json* v = member(obj, key);
        if (!v) return false;
        if (v->is_number_unsigned()) a.setInt(target, static_cast<std::int64_t>(v->get<std::uint64_t>()));
        else if (v->is_number_integer() && v->get<std::int64_t>() >= 0) a.setInt(target, v->get<std::int64_t>());
        else {
            error(keyPath(path, key), std::string("must be ") + s.rangeText + "; got " + shortDump(*v));
            return false;
        }
        return true;
    }
    case SettingKind::Number: {
        const json* v = member(obj, key);
        if (v && s.has(setting_flags::kMinExclusive) && v->is_number() && v->get<double>() <= static_cast<double>(s.min)) {
            error(keyPath(path, key), "must be greater than " + std::to_string(s.min) + " (" + s.unit + "); got " +
                                          shortDump(*v));
            return false;
        }
        double d = 0;
        if (!readNumber(obj, key, path, d, static_cast<double>(s.min), static_cast<double>(s.max), s.rangeText, s.rule))
            return false;
        a.setNumber(target, d);
        return true;
    }
    case SettingKind::Bool: {
        bool b = false;
        if (!readBool(obj, key, path, b)) return false;
        a.setInt(target, b ? 1 : 0);
        return true;
    }
    case SettingKind::Text:
    case SettingKind::NodeRef: {
        std::string text;
        if (!readString(obj, key, path, text, static_cast<std::size_t>(s.max), s.min == 0)) return false;
        a.setText(target, text);
        return true;
    }
    case SettingKind::Choice: {
        std::vector<std::pair<std::string, std::int64_t>> names;
        for (const std::string& name : s.choiceNames()) names.emplace_back(name, static_cast<std::int64_t>(names.size()));
        std::int64_t index = 0;
        if (!readEnum<std::int64_t>(obj, key, path, index, names)) return false;
        a.setInt(target, index);
        return true;
    }
    case SettingKind::Group:
    case SettingKind::Range:
    case SettingKind::Rules: break;  // structured: read by their own code
    }
    return false;
}

void ValueReader::readGroup(const json& v, const std::string& path, const Setting& group, const SettingTarget& target) {
    if (!expectObject(v, path, group.rangeText)) return;
    if (group.access.create) group.access.create(target);
    const std::vector<const Setting*> children = settingsAt(group.owner, group.key);
    unknownKeys(v, path, keysOf(children), ticked(group.key).c_str());
    for (const Setting* s : children)
        if (s->has(setting_flags::kRequired)) required(v, path, s->leaf().c_str(), s->unit);
    for (const Setting* s : children) readSetting(v, path, *s, target);
}

}  // namespace pg::scenario::detail

// Text a user typed -> a described setting's value (settings.hpp setSettingFromText): the one parser the
// inspector and sweeps share, so "30s", "-1" and "true" mean the same wherever they are typed. No JSON.
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "duration.hpp"
#include "settings.hpp"

namespace pg::scenario {

namespace {

/// An optional '-' (when allowed) then digits only: no spaces, '+', hex or exponent, as in JSON.
bool wholeNumberText(const std::string& t, bool allowMinus) {
    std::size_t i = allowMinus && !t.empty() && t[0] == '-' ? 1 : 0;
    if (i == t.size()) return false;
    for (; i < t.size(); ++i)
        if (t[i] < '0' || t[i] > '9') return false;
    return true;
}

/// Digits with at most one '.' between digits: a plain decimal number of seconds ("30", "0.25").
bool secondsText(const std::string& t) {
    const std::size_t dot = t.find('.');
    if (dot == std::string::npos) return wholeNumberText(t, false);
    return dot > 0 && wholeNumberText(t.substr(0, dot), false) && wholeNumberText(t.substr(dot + 1), false);
}

std::string quoted(const std::string& t) { return "\"" + t + "\""; }

std::string choiceList(const Setting& s) {
    std::string out;
    for (const std::string& name : s.choiceNames()) out += (out.empty() ? "" : ", ") + name;
    return out;
}

}  // namespace

std::optional<sim::SimTime> durationFromText(const std::string& text, std::string* error) {
    // A number of seconds is read as its text with "s" appended: exact, like the string forms.
    return parseDurationText(secondsText(text) ? text + "s" : text, error);
}

std::string setSettingFromText(const Setting& s, const SettingTarget& target, const std::string& t) {
    const SettingAccess& a = s.access;
    switch (s.kind) {
    case SettingKind::Duration: {
        if (s.has(setting_flags::kMinusOneUnlimited) && (t == "-1" || t.empty())) {
            a.setInt(target, -1);
            return "";
        }
        std::string why;
        const auto d = durationFromText(t, &why);
        if (!d) {
            return quoted(t) + " is not a duration (e.g. 150ms, 30s, 5m, 4h, 4d, or a number of seconds" +
                   (s.has(setting_flags::kMinusOneUnlimited) ? "; -1 for no limit" : "") + "): " + why;
        }
        a.setInt(target, *d);
        return "";
    }
    case SettingKind::OptionalInt:
        if (t.empty()) {
            a.unset(target);
            return "";
        }
        [[fallthrough]];
    case SettingKind::Int: {
        errno = 0;
        const long long n = wholeNumberText(t, true) ? std::strtoll(t.c_str(), nullptr, 10) : 0;
        if (!wholeNumberText(t, true) || errno == ERANGE) return quoted(t) + " is not a whole number";
        a.setInt(target, static_cast<std::int64_t>(n));
        return "";
    }
    case SettingKind::Unsigned: {
        errno = 0;
        const unsigned long long n = wholeNumberText(t, false) ? std::strtoull(t.c_str(), nullptr, 10) : 0;
        if (!wholeNumberText(t, false) || errno == ERANGE) return quoted(t) + " is not a whole number of 0 or more";
        a.setInt(target, static_cast<std::int64_t>(n));
        return "";
    }
    case SettingKind::Number: {
        char* end = nullptr;
        // strtod also reads "inf", "nan", hex and leading spaces, which no JSON number is.
        const bool plain = !t.empty() && (t[0] == '-' || t[0] == '.' || (t[0] >= '0' && t[0] <= '9')) &&
                           t.find_first_of("xX") == std::string::npos;
        const double d = plain ? std::strtod(t.c_str(), &end) : 0;
        if (!plain || *end || !std::isfinite(d)) return quoted(t) + " is not a number";
        a.setNumber(target, d);
        return "";
    }
    case SettingKind::Bool:
        if (t != "true" && t != "false") return quoted(t) + " is not true or false";
        a.setInt(target, t == "true" ? 1 : 0);
        return "";
    case SettingKind::Text:
    case SettingKind::NodeRef: a.setText(target, t); return "";
    case SettingKind::Choice: {
        const std::vector<std::string> names = s.choiceNames();
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i] == t) {
                a.setInt(target, static_cast<std::int64_t>(i));
                return "";
            }
        return quoted(t) + " is not one of " + choiceList(s);
    }
    case SettingKind::Group:
    case SettingKind::Range:
    case SettingKind::Rules: break;  // structured: edited by their own code
    }
    return quoted(s.key) + " is not a setting that takes a value";
}

}  // namespace pg::scenario

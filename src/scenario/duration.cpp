// Duration text <-> SimTime, exact for the string forms (integer arithmetic only).
#include "duration.hpp"

#include <cmath>
#include <cstdint>

namespace pg::scenario {

namespace {

struct Unit {
    const char* suffix;
    sim::SimTime micros;
};

// Longest suffix first so "ms" is not read as "m" followed by junk.
constexpr Unit kParseUnits[] = {
    {"ms", sim::kMillisecond}, {"s", sim::kSecond}, {"m", sim::kMinute}, {"h", sim::kHour}, {"d", sim::kDay},
};
constexpr Unit kFormatUnits[] = {
    {"d", sim::kDay}, {"h", sim::kHour}, {"m", sim::kMinute}, {"s", sim::kSecond}, {"ms", sim::kMillisecond},
};

bool fail(std::string* error, const char* message) {
    if (error) *error = message;
    return false;
}

bool endsWith(const std::string& s, const char* suffix, std::size_t len) {
    return s.size() >= len && s.compare(s.size() - len, len, suffix) == 0;
}

}  // namespace

std::optional<sim::SimTime> parseDurationText(const std::string& text, std::string* error) {
    const Unit* unit = nullptr;
    std::size_t suffixLen = 0;
    for (const Unit& u : kParseUnits) {
        std::size_t len = std::char_traits<char>::length(u.suffix);
        if (endsWith(text, u.suffix, len)) {
            unit = &u;
            suffixLen = len;
            break;
        }
    }
    if (!unit) {
        fail(error, "needs a unit: ms, s, m, h or d (e.g. \"150ms\", \"30s\", \"5m\", \"4h\", \"4d\")");
        return std::nullopt;
    }
    const std::string number = text.substr(0, text.size() - suffixLen);
    // digits [. digits]
    std::uint64_t mantissa = 0;
    int fractionDigits = 0;
    bool seenDot = false, seenDigit = false;
    for (std::size_t i = 0; i < number.size(); ++i) {
        char c = number[i];
        if (c == '.') {
            if (seenDot || !seenDigit || i + 1 == number.size()) {
                fail(error, "is not a number followed by a unit (e.g. \"1.5s\")");
                return std::nullopt;
            }
            seenDot = true;
            continue;
        }
        if (c < '0' || c > '9') {
            fail(error, "is not a number followed by a unit (e.g. \"150ms\", \"30s\"); negative durations and "
                        "spaces are not allowed");
            return std::nullopt;
        }
        seenDigit = true;
        if (seenDot && ++fractionDigits > 6) {
            fail(error, "has more than 6 decimal places");
            return std::nullopt;
        }
        if (mantissa > (UINT64_MAX - 9) / 10) {
            fail(error, "is too large");
            return std::nullopt;
        }
        mantissa = mantissa * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (!seenDigit) {
        fail(error, "is not a number followed by a unit (e.g. \"150ms\", \"30s\")");
        return std::nullopt;
    }
    std::uint64_t scale = 1;
    for (int i = 0; i < fractionDigits; ++i) scale *= 10;
    // value = mantissa * unit / scale, exactly. Split to avoid overflow: (q*scale + r) * unit / scale.
    const auto unitMicros = static_cast<std::uint64_t>(unit->micros);
    const std::uint64_t whole = mantissa / scale, rest = mantissa % scale;
    const std::uint64_t limit = static_cast<std::uint64_t>(INT64_MAX);
    if (whole > limit / unitMicros) {
        fail(error, "is too large");
        return std::nullopt;
    }
    // rest < scale <= 1e6 and unit <= 8.64e10, so rest * unit < 8.64e16 fits.
    const std::uint64_t restMicros = rest * unitMicros;
    if (restMicros % scale != 0) {
        fail(error, "is not a whole number of microseconds");
        return std::nullopt;
    }
    const std::uint64_t total = whole * unitMicros;
    if (total > limit - restMicros / scale) {
        fail(error, "is too large");
        return std::nullopt;
    }
    return static_cast<sim::SimTime>(total + restMicros / scale);
}

std::optional<sim::SimTime> durationFromSeconds(double seconds) {
    if (!std::isfinite(seconds) || std::fabs(seconds) > 9.0e12) return std::nullopt;  // ~285,000 years
    return static_cast<sim::SimTime>(std::llround(seconds * static_cast<double>(sim::kSecond)));
}

std::string formatDuration(sim::SimTime t) {
    if (t < 0) return "-" + formatDuration(t == INT64_MIN ? INT64_MAX : -t);  // only sentinels are negative
    if (t == 0) return "0s";
    for (const Unit& u : kFormatUnits) {
        if (t % u.micros == 0) return std::to_string(t / u.micros) + u.suffix;
    }
    std::string frac = std::to_string(t % sim::kMillisecond);
    frac.insert(0, 3 - frac.size(), '0');
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    return std::to_string(t / sim::kMillisecond) + "." + frac + "ms";
}

std::string secondsText(sim::SimTime t) {
    std::string sign = t < 0 ? "-" : "";
    std::uint64_t a = t < 0 ? static_cast<std::uint64_t>(-(t + 1)) + 1 : static_cast<std::uint64_t>(t);
    std::string out = sign + std::to_string(a / sim::kSecond);
    if (a % sim::kSecond != 0) {
        std::string frac = std::to_string(a % sim::kSecond);
        frac.insert(0, 6 - frac.size(), '0');
        while (frac.back() == '0') frac.pop_back();
        out += "." + frac;
    }
    return out + (t == sim::kSecond ? " second" : " seconds");
}

}  // namespace pg::scenario

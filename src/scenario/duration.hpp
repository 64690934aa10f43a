// Duration text of the scenario format ("150ms", "30s", "5m", "4h", "4d", or a number of seconds) <-> SimTime.
// Pure C++17; also used by the command-line runner for --until.
#pragma once
#include <optional>
#include <string>

#include "engine/sim_time.hpp"

namespace pg::scenario {

/// Parses a duration string: a decimal number (at most 6 decimal places) directly followed by one of the
/// units ms, s, m, h, d. Exact: the value is computed in integer microseconds, never through a double.
/// Returns nothing and sets *error (when given) if the text is not a duration or is not a whole number of
/// microseconds or does not fit.
std::optional<sim::SimTime> parseDurationText(const std::string& text, std::string* error = nullptr);

/// Seconds as a JSON number (may be fractional) -> microseconds, rounded to the nearest microsecond.
std::optional<sim::SimTime> durationFromSeconds(double seconds);

/// Canonical text: the largest unit in which the value is a whole number ("4d", "90s", "150ms"); values
/// that are not whole milliseconds are written in ms with a decimal fraction ("1.5ms"). Negative values
/// are written as a plain integer count of seconds only for the -1 sentinel; callers handle sentinels.
std::string formatDuration(sim::SimTime t);

/// For messages: "30 seconds", "1.5 seconds" (AWS's wording style).
std::string secondsText(sim::SimTime t);

}  // namespace pg::scenario

// Virtual time: an int64 count of microseconds. Pure C++17, no I/O.
#pragma once
#include <cstdint>

namespace pg::sim {

using SimTime = std::int64_t;  // microseconds since the start of the run

constexpr SimTime kMicrosecond = 1;
constexpr SimTime kMillisecond = 1000;
constexpr SimTime kSecond = 1000 * kMillisecond;
constexpr SimTime kMinute = 60 * kSecond;
constexpr SimTime kHour = 60 * kMinute;
constexpr SimTime kDay = 24 * kHour;
constexpr SimTime kNever = INT64_MAX;

constexpr double toSeconds(SimTime t) { return static_cast<double>(t) / static_cast<double>(kSecond); }

}  // namespace pg::sim

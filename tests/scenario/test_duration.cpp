// Duration text <-> SimTime: exact integer conversion for the string forms, canonical formatting.
#include <doctest/doctest.h>

#include "scenario/duration.hpp"

using namespace pg::scenario;
using namespace pg::sim;

TEST_CASE("duration strings convert exactly to microseconds") {
    CHECK(parseDurationText("150ms") == 150 * kMillisecond);
    CHECK(parseDurationText("30s") == 30 * kSecond);
    CHECK(parseDurationText("5m") == 5 * kMinute);
    CHECK(parseDurationText("4h") == 4 * kHour);
    CHECK(parseDurationText("4d") == 4 * kDay);
    CHECK(parseDurationText("0s") == 0);
    CHECK(parseDurationText("1.5s") == 1500 * kMillisecond);
    CHECK(parseDurationText("0.1s") == 100 * kMillisecond);  // no 0.1-as-double surprise
    CHECK(parseDurationText("0.3s") == 300 * kMillisecond);
    CHECK(parseDurationText("2.5ms") == 2500);
    CHECK(parseDurationText("0.001ms") == 1);
    CHECK(parseDurationText("1.5m") == 90 * kSecond);
    CHECK(parseDurationText("0.5d") == 12 * kHour);
    CHECK(parseDurationText("365d") == 365 * kDay);
    CHECK(parseDurationText("0.000001s") == 1);
}

TEST_CASE("malformed duration strings are rejected with a reason") {
    std::string why;
    CHECK_FALSE(parseDurationText("30", &why));
    CHECK(why.find("unit") != std::string::npos);
    CHECK_FALSE(parseDurationText("30 s", &why));
    CHECK_FALSE(parseDurationText("-5s", &why));
    CHECK(why.find("negative") != std::string::npos);
    CHECK_FALSE(parseDurationText("s", &why));
    CHECK_FALSE(parseDurationText("1.s", &why));
    CHECK_FALSE(parseDurationText(".5s", &why));
    CHECK_FALSE(parseDurationText("1..5s", &why));
    CHECK_FALSE(parseDurationText("5w", &why));
    CHECK_FALSE(parseDurationText("0.0001ms", &why));
    CHECK(why.find("whole number of microseconds") != std::string::npos);
    CHECK_FALSE(parseDurationText("1.0000001s", &why));
    CHECK(why.find("6 decimal places") != std::string::npos);
    CHECK_FALSE(parseDurationText("99999999999999999999999d", &why));
    CHECK(why.find("too large") != std::string::npos);
    CHECK_FALSE(parseDurationText("200000000d", &why));
    CHECK(why.find("too large") != std::string::npos);
}

TEST_CASE("numbers of seconds round to the nearest microsecond") {
    CHECK(durationFromSeconds(0.1) == 100 * kMillisecond);
    CHECK(durationFromSeconds(30) == 30 * kSecond);
    CHECK(durationFromSeconds(1.0000004) == 1000000);
    CHECK(durationFromSeconds(-1) == -kSecond);
    CHECK_FALSE(durationFromSeconds(1e300));
}

TEST_CASE("durations format in their largest exact unit and parse back") {
    CHECK(formatDuration(0) == "0s");
    CHECK(formatDuration(4 * kDay) == "4d");
    CHECK(formatDuration(6 * kHour) == "6h");
    CHECK(formatDuration(90 * kSecond) == "90s");
    CHECK(formatDuration(10 * kMinute) == "10m");
    CHECK(formatDuration(150 * kMillisecond) == "150ms");
    CHECK(formatDuration(1500 * kMillisecond) == "1500ms");
    CHECK(formatDuration(1500) == "1.5ms");
    CHECK(formatDuration(1) == "0.001ms");
    CHECK(formatDuration(25 * kHour) == "25h");
    for (SimTime t : {SimTime{1}, SimTime{999}, SimTime{1001}, 123456789 * SimTime{1}, 14 * kDay + 1, 365 * kDay})
        CHECK(parseDurationText(formatDuration(t)) == t);
}

TEST_CASE("secondsText follows AWS's wording") {
    CHECK(secondsText(30 * kSecond) == "30 seconds");
    CHECK(secondsText(kSecond) == "1 second");
    CHECK(secondsText(1500 * kMillisecond) == "1.5 seconds");
}

// Share-link codec: round trips, determinism, and one distinct, clear error per kind of broken link.
#include "scenario/scenario_compare.hpp"
#include "scenario/share_link.hpp"
#include "scenario_test_helpers.hpp"

using namespace pg::scenario;
using namespace pg::scenario::test;
namespace sim = pg::sim;

namespace {

/// Base64url without padding -> bytes (test inputs are well formed).
std::string base64UrlDecode(const std::string& in) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : in) {
        int v = c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 : c >= '0' && c <= '9' ? c - '0' + 52
                : c == '-' ? 62 : 63;
        buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    return out;
}

std::string base64Url(const std::string& in) {
    static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char c : in) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += a[(buffer >> bits) & 63];
        }
    }
    if (bits > 0) out += a[(buffer << (6 - bits)) & 63];
    return out;
}

std::string linkOf(const std::string& text) { return encodeShareLinkPayload(text); }

sim::Scenario preset(const char* name) {
    ParseResult r = parseScenario(readFile(std::filesystem::path(PG_SOURCE_DIR) / "assets/scenarios" / name));
    REQUIRE(r.ok());
    return r.scenario;
}

}  // namespace

TEST_CASE("share links round-trip every preset, with and without step and item") {
    for (const auto& file : presetFiles()) {
        INFO(file.filename().string());
        ParseResult r = parseScenario(readFile(file));
        REQUIRE(r.ok());
        const std::string link = encodeShareLink(r.scenario);
        CHECK(link.rfind("v1.", 0) == 0);
        DecodedShareLink d = decodeShareLink(link);
        INFO(d.message);
        REQUIRE(d.ok());
        CHECK(firstDifference(r.scenario, d.scenario) == "");
        CHECK_FALSE(d.step);
        CHECK(d.item.empty());
        CHECK(encodeShareLink(d.scenario) == link);  // deterministic and canonical

        const std::string withStep = encodeShareLink(r.scenario, 812, "orders#13");
        CHECK(withStep == link + "&step=812&item=orders%2313");
        DecodedShareLink s = decodeShareLink("#" + withStep);
        REQUIRE(s.ok());
        CHECK(s.step == 812u);
        CHECK(s.item == "orders#13");
        CHECK(firstDifference(r.scenario, s.scenario) == "");
    }
}

TEST_CASE("share links are byte-identical across builds (golden link)") {
    sim::Scenario s;
    s.name = "golden";
    sim::Node fn;
    fn.id = "f";
    s.nodes.push_back(fn);
    // Raw deflate at level 9 of the canonical compact JSON (checked against Python's zlib); a change here
    // breaks every link ever shared.
    CHECK(writeScenario(s, -1) ==
          R"({"version":1,"name":"golden","seed":1,"run_for":"10m","nodes":[{"id":"f","type":"function","position":[0,0]}],"edges":[]})");
    CHECK(encodeShareLink(s, 7) ==
          "v1.HYxLCoAwEEPvkvUs6rZXkSJip1KwM9KPIOLdrd2FvLw8uDiXqAI7EWRNDItdD88CQmH2A-QmS9Dc2WRSB6KeC-z8IPYBQq_qff5uaLLV_49waokj2tmQca8jsN-H594P"
          "&step=7");
}

TEST_CASE("broken links: each failure has its own clear message") {
    const std::string good = encodeShareLink(preset("sqs_with_redrive.json"));

    SUBCASE("empty") {
        for (const char* f : {"", "#"}) {
            DecodedShareLink d = decodeShareLink(f);
            CHECK(d.error == ShareLinkError::Empty);
            CHECK(d.message.find("no scenario") != std::string::npos);
        }
    }
    SUBCASE("not a link") {
        for (const char* f : {"hello", "v.abc", "x1.abc", "v1abc", "1.abc", "v0.abc"}) {
            INFO(f);
            DecodedShareLink d = decodeShareLink(f);
            CHECK(d.error == ShareLinkError::NotALink);
            CHECK(d.message.find("not a Lambda Playground link") != std::string::npos);
        }
    }
    SUBCASE("a later link format version") {
        DecodedShareLink d = decodeShareLink("v2." + good.substr(3));
        CHECK(d.error == ShareLinkError::NewerVersion);
        CHECK(d.message.find("made by a newer version of Lambda Playground (link format v2)") != std::string::npos);
        CHECK(decodeShareLink("v17.abc").error == ShareLinkError::NewerVersion);
    }
    SUBCASE("truncated") {
        for (std::size_t cut : {1, 2, 3, 4, 10, 40}) {
            INFO(cut);
            DecodedShareLink d = decodeShareLink(good.substr(0, good.size() - cut));
            CHECK(d.error == ShareLinkError::Truncated);
            CHECK(d.message.find("cut off") != std::string::npos);
        }
        CHECK(decodeShareLink("v1.").error == ShareLinkError::Truncated);
    }
    SUBCASE("not base64") {
        std::string bad = good;
        bad[10] = '+';
        DecodedShareLink d = decodeShareLink(bad);
        CHECK(d.error == ShareLinkError::NotBase64);
        CHECK(d.message.find("character 11 is not valid in a link") != std::string::npos);
        CHECK(decodeShareLink("v1.abc def").error == ShareLinkError::NotBase64);
    }
    SUBCASE("corrupt deflate data") {
        DecodedShareLink d = decodeShareLink("v1." + base64Url(std::string(40, '\xff')));
        CHECK(d.error == ShareLinkError::Corrupt);
        CHECK(d.message.find("damaged") != std::string::npos);
        // Trailing bytes after the end of the stream are damage too.
        d = decodeShareLink("v1." + base64Url(base64UrlDecode(linkOf("{}").substr(3)) + "xyz"));
        CHECK(d.error == ShareLinkError::Corrupt);
    }
    SUBCASE("valid base64 and deflate of something that is not JSON") {
        DecodedShareLink d = decodeShareLink(linkOf("this is not json"));
        CHECK(d.error == ShareLinkError::InvalidJson);
        CHECK(d.message.find("not to a scenario") != std::string::npos);
        REQUIRE(d.scenarioErrors.size() == 1);
    }
    SUBCASE("JSON that is not a valid scenario") {
        DecodedShareLink d = decodeShareLink(linkOf(R"({"version": 1, "nodes": [{"id": "f", "type": "function", "timeout": 0}]})"));
        CHECK(d.error == ShareLinkError::InvalidScenario);
        CHECK(d.message.find("/nodes/0/timeout: must be between 1 s and 900 s") != std::string::npos);
        CHECK(d.scenarioErrors.size() == 1);
        d = decodeShareLink(linkOf(R"({"version": 3, "nodes": []})"));
        CHECK(d.error == ShareLinkError::InvalidScenario);
        CHECK(d.message.find("newer version") != std::string::npos);
    }
    SUBCASE("over-size: inflation stops at the cap") {
        DecodedShareLink d = decodeShareLink(linkOf(std::string(8 * 1024 * 1024, ' ')));  // ~8 KB of link
        CHECK(d.error == ShareLinkError::TooLarge);
        CHECK(d.message.find("too large") != std::string::npos);
        d = decodeShareLink("v1." + std::string(kMaxShareLinkLength, 'A'));
        CHECK(d.error == ShareLinkError::TooLarge);
        CHECK(d.message.find("too long") != std::string::npos);
    }
    SUBCASE("bad parameters") {
        CHECK(decodeShareLink(good + "&step=abc").error == ShareLinkError::BadParameter);
        CHECK(decodeShareLink(good + "&step=").error == ShareLinkError::BadParameter);
        CHECK(decodeShareLink(good + "&item=%G1").error == ShareLinkError::BadParameter);
        DecodedShareLink d = decodeShareLink(good + "&future=1");  // unknown parameters are ignored
        CHECK(d.ok());
    }
    SUBCASE("padding is tolerated") {
        CHECK(decodeShareLink(good + "==").ok());
    }
}

TEST_CASE("random damage never crashes the decoder") {
    const std::string good = encodeShareLink(preset("kinesis_bisect_fixed.json"));
    std::uint64_t state = 12345;
    auto next = [&] {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::size_t>(state >> 33);
    };
    int failures = 0;
    for (int i = 0; i < 300; ++i) {
        std::string bad = good;
        for (int k = 0; k < 3; ++k) bad[3 + next() % (bad.size() - 3)] = "ABCxyz019-_"[next() % 11];
        DecodedShareLink d = decodeShareLink(bad);
        if (!d.ok()) {
            ++failures;
            CHECK_FALSE(d.message.empty());
        }
    }
    CHECK(failures > 0);
}

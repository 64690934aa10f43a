// Share-link codec: canonical compact JSON -> raw deflate -> base64url, and back with one distinct error
// per way a link can be broken. Inflation stops at kMaxScenarioBytes, so a zip bomb costs nothing.
#include "share_link.hpp"

#include <zlib.h>

#include "scenario_limits.hpp"

namespace pg::scenario {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr int kDeflateLevel = 9;  // fixed: part of the link format's byte-for-byte determinism

std::string base64UrlEncode(const std::string& in) {
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        std::uint32_t v = (std::uint32_t(std::uint8_t(in[i])) << 16) | (std::uint32_t(std::uint8_t(in[i + 1])) << 8) |
                          std::uint8_t(in[i + 2]);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    if (i + 1 == in.size()) {
        std::uint32_t v = std::uint32_t(std::uint8_t(in[i])) << 16;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
    } else if (i + 2 == in.size()) {
        std::uint32_t v = (std::uint32_t(std::uint8_t(in[i])) << 16) | (std::uint32_t(std::uint8_t(in[i + 1])) << 8);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
    }
    return out;
}

int base64Value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

DecodedShareLink failure(ShareLinkError error, std::string message) {
    DecodedShareLink d;
    d.error = error;
    d.message = std::move(message);
    return d;
}

std::string percentEncode(const std::string& s) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::optional<std::string> percentDecode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        if (i + 2 >= s.size()) return std::nullopt;
        auto hexValue = [](char c) {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        };
        int hi = hexValue(s[i + 1]), lo = hexValue(s[i + 2]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

enum class InflateResult { Ok, Truncated, Corrupt, TooLarge };

InflateResult inflateRaw(const std::string& in, std::string& out) {
    z_stream zs{};
    if (inflateInit2(&zs, -15) != Z_OK) return InflateResult::Corrupt;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    char buffer[16384];
    InflateResult result = InflateResult::Truncated;
    for (;;) {
        zs.next_out = reinterpret_cast<Bytef*>(buffer);
        zs.avail_out = sizeof buffer;
        int rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - zs.avail_out);
        if (out.size() > kMaxScenarioBytes) {
            result = InflateResult::TooLarge;
            break;
        }
        if (rc == Z_STREAM_END) {
            result = zs.avail_in == 0 ? InflateResult::Ok : InflateResult::Corrupt;  // trailing bytes
            break;
        }
        if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_MEM_ERROR || rc == Z_STREAM_ERROR) {
            result = InflateResult::Corrupt;
            break;
        }
        // Z_OK or Z_BUF_ERROR: stop once no input is left and no output was produced.
        if (zs.avail_in == 0 && zs.avail_out != 0) {
            result = InflateResult::Truncated;
            break;
        }
    }
    inflateEnd(&zs);
    return result;
}

}  // namespace

std::string encodeShareLinkPayload(const std::string& json) {
    z_stream zs{};
    deflateInit2(&zs, kDeflateLevel, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    std::string compressed(deflateBound(&zs, static_cast<uLong>(json.size())), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(json.data()));
    zs.avail_in = static_cast<uInt>(json.size());
    zs.next_out = reinterpret_cast<Bytef*>(&compressed[0]);
    zs.avail_out = static_cast<uInt>(compressed.size());
    deflate(&zs, Z_FINISH);  // deflateBound guarantees a single call completes
    compressed.resize(zs.total_out);
    deflateEnd(&zs);
    return "v1." + base64UrlEncode(compressed);
}

std::string encodeShareLink(const sim::Scenario& scenario, std::optional<std::uint64_t> step, const std::string& item) {
    std::string link = encodeShareLinkPayload(writeScenario(scenario, -1));
    if (step) link += "&step=" + std::to_string(*step);
    if (!item.empty()) link += "&item=" + percentEncode(item);
    return link;
}

std::string encodeComparisonLink(const sim::Scenario& a, const sim::Scenario& b, std::optional<std::uint64_t> step,
                                 const std::string& item) {
    std::string link = encodeShareLinkPayload(writeComparison(a, b, -1));
    if (step) link += "&step=" + std::to_string(*step);
    if (!item.empty()) link += "&item=" + percentEncode(item);
    return link;
}

std::string encodeShareLinkWithSweep(const sim::Scenario& scenario, const SweepSpec& sweep) {
    return encodeShareLinkPayload(writeScenarioWithSweep(scenario, sweep, -1));
}

DecodedShareLink decodeShareLink(std::string_view fragment) {
    try {
        if (!fragment.empty() && fragment[0] == '#') fragment.remove_prefix(1);
        if (fragment.empty()) return failure(ShareLinkError::Empty, "The link holds no scenario (nothing after '#').");
        if (fragment.size() > kMaxShareLinkLength)
            return failure(ShareLinkError::TooLarge, "The link is too long to open (" + std::to_string(fragment.size()) +
                                                         " characters; the limit is " +
                                                         std::to_string(kMaxShareLinkLength) + ").");
        // "v<N>." prefix
        std::size_t pos = 0;
        if (fragment[0] == 'v') {
            pos = 1;
            while (pos < fragment.size() && pos < 10 && fragment[pos] >= '0' && fragment[pos] <= '9') ++pos;
        }
        if (pos <= 1 || pos >= fragment.size() || fragment[pos] != '.')
            return failure(ShareLinkError::NotALink,
                           "This is not a Lambda Playground link (a link's fragment starts with \"v1.\").");
        const std::string version(fragment.substr(1, pos - 1));
        if (version != "1") {
            bool newer = version.size() > 1 || version[0] > '1';
            if (newer)
                return failure(ShareLinkError::NewerVersion,
                               "This link was made by a newer version of Lambda Playground (link format v" + version +
                                   "); this version opens v1 links. Open it in the latest playground.");
            return failure(ShareLinkError::NotALink, "This is not a Lambda Playground link (unknown link format v" +
                                                         version + ").");
        }
        std::string_view rest = fragment.substr(pos + 1);
        const std::size_t amp = rest.find('&');
        std::string_view payload = rest.substr(0, amp);
        DecodedShareLink result;
        // Parameters after the payload; unknown ones are ignored so v1 can grow.
        for (std::string_view params = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
             !params.empty();) {
            const std::size_t next = params.find('&');
            std::string_view param = params.substr(0, next);
            params = next == std::string_view::npos ? std::string_view() : params.substr(next + 1);
            if (param.substr(0, 5) == "step=") {
                std::string_view digits = param.substr(5);
                std::uint64_t step = 0;
                bool ok = !digits.empty() && digits.size() <= 18;
                for (char c : digits) {
                    if (c < '0' || c > '9') ok = false;
                    else step = step * 10 + static_cast<std::uint64_t>(c - '0');
                }
                if (!ok)
                    return failure(ShareLinkError::BadParameter,
                                   "The link's step is not a whole number (\"" + std::string(digits.substr(0, 20)) + "\").");
                result.step = step;
            } else if (param.substr(0, 5) == "item=") {
                auto item = percentDecode(param.substr(5));
                if (!item || item->size() > kMaxTemplateLength)
                    return failure(ShareLinkError::BadParameter, "The link's selected item cannot be read.");
                result.item = *item;
            }
        }
        // Strip optional '=' padding, then check the base64url alphabet.
        while (!payload.empty() && payload.back() == '=') payload.remove_suffix(1);
        if (payload.empty()) return failure(ShareLinkError::Truncated, "The link is cut off: it has no scenario data.");
        for (std::size_t i = 0; i < payload.size(); ++i) {
            if (base64Value(payload[i]) < 0)
                return failure(ShareLinkError::NotBase64,
                               "The link is damaged: character " + std::to_string(pos + 2 + i) +
                                   " is not valid in a link (expected base64url: A-Z a-z 0-9 - _).");
        }
        if (payload.size() % 4 == 1)
            return failure(ShareLinkError::Truncated, "The link is cut off (its data ends mid-character); copy the "
                                                      "whole link again.");
        std::string compressed;
        compressed.reserve(payload.size() * 3 / 4);
        std::uint32_t buffer = 0;
        int bits = 0;
        for (char c : payload) {
            buffer = (buffer << 6) | static_cast<std::uint32_t>(base64Value(c));
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                compressed += static_cast<char>((buffer >> bits) & 0xFF);
            }
        }
        std::string json;
        switch (inflateRaw(compressed, json)) {
        case InflateResult::Ok: break;
        case InflateResult::Truncated:
            return failure(ShareLinkError::Truncated, "The link is cut off (its compressed data ends early); copy the "
                                                      "whole link again.");
        case InflateResult::Corrupt:
            return failure(ShareLinkError::Corrupt, "The link is damaged: its compressed data cannot be unpacked.");
        case InflateResult::TooLarge:
            return failure(ShareLinkError::TooLarge, "The link's scenario is too large to open (it unpacks to more "
                                                     "than " + std::to_string(kMaxScenarioBytes) + " bytes).");
        }
        ParseResult parsed = parseScenario(json);
        if (!parsed.ok()) {
            const bool notJson = parsed.errors[0].path.empty() && parsed.errors[0].message.rfind("invalid JSON", 0) == 0;
            DecodedShareLink bad = failure(
                notJson ? ShareLinkError::InvalidJson : ShareLinkError::InvalidScenario,
                notJson ? "The link is damaged: it unpacks, but not to a scenario (" + parsed.errors[0].message + ")."
                        : "The link's scenario is not valid (" + std::to_string(parsed.errors.size()) +
                              (parsed.errors.size() == 1 ? " problem" : " problems") + "; first: " +
                              (parsed.errors[0].path.empty() ? "" : parsed.errors[0].path + ": ") +
                              parsed.errors[0].message + ").");
            bad.scenarioErrors = std::move(parsed.errors);
            return bad;
        }
        result.scenario = std::move(parsed.scenario);
        result.compareB = std::move(parsed.compareB);
        result.sweep = parseSweepSection(json);
        return result;
    } catch (...) {
        return failure(ShareLinkError::Corrupt, "The link could not be opened (out of memory while reading it).");
    }
}

}  // namespace pg::scenario

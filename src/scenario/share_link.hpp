// Share links: a whole scenario (plus an optional step and selected item) in a URL fragment.
// Format (docs/scenario-format.md, "Share links"): "v1." + base64url(raw deflate(canonical compact JSON)),
// then optional "&step=<n>" and "&item=<percent-encoded item id>". Same bytes natively and in wasm.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/scenario_config.hpp"
#include "scenario_json.hpp"
#include "sweep_spec.hpp"

namespace pg::scenario {

enum class ShareLinkError {
    None,
    Empty,            // nothing after '#'
    NotALink,         // does not start with "v<N>."
    NewerVersion,     // "v2." and up: made by a newer playground
    TooLarge,         // fragment too long, or inflates past kMaxScenarioBytes
    NotBase64,        // a character outside base64url
    Truncated,        // the data stops early (impossible base64 length, or the deflate stream is incomplete)
    Corrupt,          // the deflate stream is damaged
    BadParameter,     // step or item cannot be read
    InvalidJson,      // inflates fine, but not to JSON
    InvalidScenario,  // JSON, but not a valid scenario (see scenarioErrors)
};

struct DecodedShareLink {
    ShareLinkError error = ShareLinkError::None;
    std::string message;                        // one clear sentence for the UI; empty when ok
    std::vector<ScenarioError> scenarioErrors;  // InvalidJson / InvalidScenario: what parseScenario said
    sim::Scenario scenario;                     // meaningful only when ok()
    std::optional<sim::Scenario> compareB;      // a comparison's B ("compare_b"), when the link holds one
    std::optional<std::uint64_t> step;          // step index to open at
    std::string item;                           // selected item id, e.g. "orders#13"; empty = none
    SweepParse sweep;                           // the scenario's "sweep" key, if any (its errors do not fail the link)
    bool ok() const { return error == ShareLinkError::None; }
};

/// The fragment (without '#'). Deterministic: raw deflate (windowBits -15) at level 9, so the page and the
/// command-line runner produce byte-identical links.
std::string encodeShareLink(const sim::Scenario& scenario, std::optional<std::uint64_t> step = std::nullopt,
                            const std::string& item = {});

/// A comparison's link: A with B as "compare_b" (writeComparison), same parameters.
std::string encodeComparisonLink(const sim::Scenario& a, const sim::Scenario& b,
                                 std::optional<std::uint64_t> step = std::nullopt, const std::string& item = {});
/// The same with the scenario's sweep (sweep_spec.hpp) in the JSON: a link that reopens the sweep window.
std::string encodeShareLinkWithSweep(const sim::Scenario& scenario, const SweepSpec& sweep);

/// "v1." + base64url(raw deflate(text)) for any text, with no parameters: what encodeShareLink does with
/// the canonical compact JSON. For tests and tools that need links with arbitrary payloads.
std::string encodeShareLinkPayload(const std::string& text);

/// Never throws. Accepts the fragment with or without its leading '#'.
DecodedShareLink decodeShareLink(std::string_view fragment);

/// The largest fragment decodeShareLink looks at.
constexpr std::size_t kMaxShareLinkLength = 2 * 1024 * 1024;

}  // namespace pg::scenario

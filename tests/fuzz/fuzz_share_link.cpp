// libFuzzer target: the share-link decoder on arbitrary fragments (seeded with links of every preset).
// Properties: never crashes; a failure always has its message; a link it accepts re-encodes to a link that
// decodes to the same scenario, step and item.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "scenario/share_link.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace pg::scenario;
    const std::string_view fragment(reinterpret_cast<const char*>(data), size);
    const DecodedShareLink d = decodeShareLink(fragment);
    if (!d.ok()) {
        if (d.message.empty()) pg::fuzz::fail("a failed decode without a message");
        for (const auto& e : d.scenarioErrors)
            if (e.message.rfind("internal error", 0) == 0) pg::fuzz::fail("share link: " + e.message);
        return 0;
    }
    const std::string again = encodeShareLink(d.scenario, d.step, d.item);
    const DecodedShareLink d2 = decodeShareLink(again);
    if (!d2.ok()) pg::fuzz::fail("re-encoded link does not decode: " + d2.message, again);
    const std::string diff = firstDifference(d.scenario, d2.scenario);
    if (!diff.empty()) pg::fuzz::fail("share link round trip changed the scenario: " + diff, again);
    if (d.step != d2.step || d.item != d2.item) pg::fuzz::fail("share link round trip changed step or item", again);
    if (encodeShareLink(d2.scenario, d2.step, d2.item) != again) pg::fuzz::fail("encodeShareLink is not a fixed point");
    return 0;
}

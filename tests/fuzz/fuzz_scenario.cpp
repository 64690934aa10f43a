// libFuzzer target: the scenario parser + validator on arbitrary bytes. Properties: never crashes, never
// throws past its own catch-all, every error names a JSON path or the document, and a scenario it accepts
// writes back and re-reads identically.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const pg::scenario::ParseResult r = pg::scenario::parseScenario(text);
    pg::fuzz::checkNoInternalError(r);
    (void)pg::scenario::formatErrors(r.errors);
    for (const auto& e : r.errors)
        if (!e.path.empty() && e.path[0] != '/') pg::fuzz::fail("error path is not a JSON pointer: " + e.path);
    if (r.ok()) pg::fuzz::checkRoundTrip(r.scenario);
    return 0;
}

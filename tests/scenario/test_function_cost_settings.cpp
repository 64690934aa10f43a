// `memory` and `architecture` of a function (issue 17, cost): read, checked, written and read back.
// Sources: AWS DG "Configure Lambda function memory" (128 to 10,240 MB, default 128,
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html) and "Selecting and configuring an
// instruction set architecture" (x86_64 default, arm64, https://docs.aws.amazon.com/lambda/latest/dg/foundation-arch.html).
#include "engine/engine.hpp"
#include "scenario/scenario_compare.hpp"
#include "scenario_test_helpers.hpp"

using namespace pg::scenario;
using namespace pg::scenario::test;
namespace sim = pg::sim;

namespace {
std::string fnPath(const std::string& key) { return "/nodes/" + std::to_string(kFn) + "/" + key; }
}  // namespace

TEST_CASE("memory and architecture: AWS defaults, ranges, round trip") {
    json doc = baseScenario();
    ParseResult plain = expectOk(doc);
    CHECK(plain.scenario.nodes[kFn].function.memoryMb == 128);  // AWS default
    CHECK(plain.scenario.nodes[kFn].function.architecture == sim::Architecture::X86_64);
    // Defaults are not written (canonical form).
    const std::string written = writeScenario(plain.scenario);
    CHECK(written.find("\"memory\"") == std::string::npos);
    CHECK(written.find("\"architecture\"") == std::string::npos);

    doc["nodes"][kFn]["memory"] = 1769;
    doc["nodes"][kFn]["architecture"] = "arm64";
    ParseResult set = expectOk(doc);
    CHECK(set.scenario.nodes[kFn].function.memoryMb == 1769);
    CHECK(set.scenario.nodes[kFn].function.architecture == sim::Architecture::Arm64);
    const ParseResult again = parseScenario(writeScenario(set.scenario));
    REQUIRE(again.ok());
    CHECK(firstDifference(set.scenario, again.scenario) == "");
    CHECK(writeScenario(again.scenario) == writeScenario(set.scenario));

    // The limits: 128 and 10,240 are accepted, 127 and 10,241 are not.
    doc["nodes"][kFn]["memory"] = 10240;
    CHECK(expectOk(doc).scenario.nodes[kFn].function.memoryMb == 10240);
    doc["nodes"][kFn]["memory"] = 10241;
    expectError(doc, fnPath("memory"), "between 128 and 10240");
    doc["nodes"][kFn]["memory"] = 127;
    expectError(doc, fnPath("memory"), "between 128 and 10240");
    doc["nodes"][kFn]["memory"] = 512.5;
    expectError(doc, fnPath("memory"), "must be a whole number");
    doc["nodes"][kFn]["memory"] = 512;
    doc["nodes"][kFn]["architecture"] = "x86";
    expectError(doc, fnPath("architecture"), "must be one of `x86_64`, `arm64`; got \"x86\"");
    doc = baseScenario();
    doc["nodes"][kOrders]["memory"] = 256;
    expectError(doc, "/nodes/" + std::to_string(kOrders) + "/memory", "does not apply to node type `sqs`");
}

TEST_CASE("memory and architecture do not change the run (model choice memory_does_not_change_duration)") {
    json doc = baseScenario();
    const ParseResult a = expectOk(doc);
    doc["nodes"][kFn]["memory"] = 10240;
    doc["nodes"][kFn]["architecture"] = "arm64";
    const ParseResult b = expectOk(doc);
    sim::Engine ea(a.scenario), eb(b.scenario);
    ea.runUntil(a.scenario.runFor);
    eb.runUntil(b.scenario.runFor);
    CHECK(ea.traceFingerprint() == eb.traceFingerprint());
    CHECK(ea.stepCount() == eb.stepCount());
}

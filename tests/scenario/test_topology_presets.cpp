// The topology lessons of issue 23, played from their preset files: what each preset exists to show holds.
#include <doctest/doctest.h>

#include <memory>

#include "engine/engine.hpp"
#include "scenario_test_helpers.hpp"

using namespace pg::scenario;
using namespace pg::scenario::test;
using namespace pg::sim;

namespace {

/// Runs preset `name` to the end, checking the engine's invariants after every step.
std::unique_ptr<Engine> playPreset(const std::string& name) {
    ParseResult r = parseScenario(readFile(std::filesystem::path(PG_SOURCE_DIR) / "assets/scenarios" / (name + ".json")));
    INFO(formatErrors(r.errors));
    REQUIRE(r.ok());
    auto e = std::make_unique<Engine>(r.scenario);
    while (!e->idle()) {
        e->step();
        const auto problems = e->checkInvariants();
        REQUIRE_MESSAGE(problems.empty(), (problems.empty() ? std::string() : problems.front()));
    }
    return e;
}

const NodeCounters& counters(const Engine& e, const char* id) {
    return e.counters(static_cast<std::uint32_t>(e.nodeIndex(id)));
}

}  // namespace

TEST_CASE("preset: SNS fan-out vs SQS competing consumers") {
    const auto played = playPreset("sns_fanout_vs_sqs_competing");
    const Engine& e = *played;
    // Lambda DG with-sns.html: every subscription receives every message; each function is invoked with each.
    CHECK(counters(e, "announcements").items == 10);
    CHECK(counters(e, "send-email").invocations == 10);
    CHECK(counters(e, "write-audit").invocations == 10);
    // Lambda DG services-sqs-scaling / SQS DG visibility timeout: mappings on one queue compete; a message is
    // processed by one consumer at a time. All succeed, so each of the 10 is received and deleted once.
    CHECK(counters(e, "jobs").receives == 10);
    CHECK(counters(e, "jobs").deleted == 10);
    const auto a = counters(e, "worker-a").invocations, b = counters(e, "worker-b").invocations;
    CHECK(a + b == 10);  // batch_size 1: one invocation per message, split between the two consumers
    CHECK(a > 0);
    CHECK(b > 0);
}

TEST_CASE("preset: SNS -> SQS -> Lambda with a DLQ") {
    const auto played = playPreset("sns_sqs_lambda_dlq");
    const Engine& e = *played;
    // SNS DG sns-sqs-as-subscriber.html: each subscribed queue gets every message of the topic.
    CHECK(counters(e, "orders").deleted + counters(e, "orders").deadLettered == 12);
    CHECK(counters(e, "analytics").deleted == 12);
    // SQS DG sqs-dead-letter-queues.html: order-7 fails every receive; after max_receive_count 3 receives it
    // moves to the DLQ. 11 good messages + 3 receives of order-7 = 14 invocations of fulfil, 3 of them errors.
    CHECK(counters(e, "orders").deadLettered == 1);
    CHECK(counters(e, "fulfil").invocations == 11 + 3);
    CHECK(counters(e, "fulfil").errors == 3);
    // The analytics copy of order-7 is another message: it succeeds.
    CHECK(counters(e, "count-orders").invocations == 12);
    CHECK(counters(e, "count-orders").errors == 0);
}

TEST_CASE("preset: a function as on-failure destination") {
    const auto played = playPreset("function_failure_destination");
    const Engine& e = *played;
    // item_modulo 4 remainder 0: uploads 4 and 8 fail; Lambda DG invocation-async-retain-records.html: 3 attempts
    // (2 retries), then the on-failure destination function is invoked asynchronously with the invocation record.
    CHECK(counters(e, "make-thumbnail").invocations == 6 + 2 * 3);
    CHECK(counters(e, "make-thumbnail").errors == 2 * 3);
    CHECK(counters(e, "failure-handler").invocations == 2);
    CHECK(counters(e, "failure-handler").errors == 0);
}

// Provisioned concurrency on a function (DG-PC), idle environments reclaimed after an idle lifetime (model
// choice environment_idle_lifetime) and provisioned pollers on an SQS mapping (DG-SQS-PARAMS, DG-SQS-PROV).
#include "engine/modes/sqs_mapping.hpp"
#include "test_helpers.hpp"

using namespace pg::sim;
using namespace pg::sim::test;

namespace {

/// Five requests at once (100,000 per second) to a function running 1 s with a 250 ms init.
Engine fiveAtOnce(Node fn) {
    fn.function.coldStart = 250 * kMillisecond;
    return Engine(scenarioOf({sourceNode("api", NodeType::ApiGateway, 5, 100000.0), fn}, {{"api", "f"}}));
}

Edge sqsEdge(const std::string& from, const std::string& to) {
    Edge e;
    e.from = from;
    e.to = to;
    e.batchSize = 1;
    return e;
}

}  // namespace

TEST_CASE("DG-PC: provisioned environments start warm; invocations above them spill over with cold starts") {
    // https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html: provisioned concurrency is "the
    // number of pre-initialized execution environments"; requests beyond it run on on-demand environments.
    SUBCASE("provisioned 3 of 5 concurrent requests: 5 - 3 = 2 cold starts") {
        Node fn = functionNode("f", 1 * kSecond);
        fn.function.provisionedConcurrency = 3;
        Engine e = fiveAtOnce(fn);
        runChecked(e);
        CHECK(countersOf(e, "f").invocations == 5);
        CHECK(countersOf(e, "f").coldStarts == 2);
        CHECK(e.functions()[0].provisioned == 3);
        CHECK(e.functions()[0].environments.size() == 5);  // 3 provisioned + 2 on-demand
    }
    SUBCASE("without it every one of the 5 is cold") {
        Engine e = fiveAtOnce(functionNode("f", 1 * kSecond));
        runChecked(e);
        CHECK(countersOf(e, "f").coldStarts == 5);
    }
    SUBCASE("provisioned counts against reserved concurrency: reserved 3 = provisioned 3 -> 2 of 5 throttled") {
        Node fn = functionNode("f", 1 * kSecond);
        fn.function.reservedConcurrency = 3;
        fn.function.provisionedConcurrency = 3;
        Engine e = fiveAtOnce(fn);
        runChecked(e);
        CHECK(countersOf(e, "f").invocations == 3);
        CHECK(countersOf(e, "f").coldStarts == 0);  // all 3 on provisioned environments
        CHECK(countersOf(e, "f").throttles == 2);   // 5 - 3, at the reservation
    }
    SUBCASE("without reserved concurrency it comes out of the unreserved pool") {
        // Account limit 10; f has 4 provisioned: 10 - 4 = 6 remain for on-demand invocations of every function.
        Node fn = functionNode("f", 1 * kSecond);
        fn.function.provisionedConcurrency = 4;
        Scenario s = scenarioOf({sourceNode("api", NodeType::ApiGateway, 12, 100000.0), fn}, {{"api", "f"}});
        s.accountConcurrencyLimit = 10;
        Engine e(s);
        runChecked(e);
        CHECK(countersOf(e, "f").invocations == 10);  // 4 provisioned + 6 from the pool
        CHECK(countersOf(e, "f").throttles == 2);     // 12 - 10
        CHECK(countersOf(e, "f").coldStarts == 6);
    }
}

TEST_CASE("model choice environment_idle_lifetime: an environment idle that long is reclaimed, the next is cold") {
    // AWS documents no lifetime (model choice). Five requests, one every 30 s (0, 30, 60, 90, 120 s), each done in
    // 100 ms: between two of them the environment is idle 29.9 s.
    Node api = sourceNode("api", NodeType::ApiGateway, 5, 1.0 / 30.0);
    SUBCASE("idle lifetime 45 s: every gap is 30 s -> one cold start") {
        Node fn = functionNode("f");
        fn.function.idleLifetime = 45 * kSecond;
        Engine e(scenarioOf({api, fn}, {{"api", "f"}}));
        runChecked(e);
        CHECK(countersOf(e, "f").coldStarts == 1);
    }
    SUBCASE("idle lifetime 20 s: each 30 s gap (29.9 s idle) outlives it -> 5 cold starts") {
        Node fn = functionNode("f");
        fn.function.idleLifetime = 20 * kSecond;
        Engine e(scenarioOf({api, fn}, {{"api", "f"}}));
        runChecked(e);
        CHECK(countersOf(e, "f").coldStarts == 5);
        CHECK(e.functions()[0].reclaimed == 4);
    }
    SUBCASE("default -1: never reclaimed -> one cold start") {
        Engine e(scenarioOf({api, functionNode("f")}, {{"api", "f"}}));
        runChecked(e);
        CHECK(countersOf(e, "f").coldStarts == 1);
    }
    SUBCASE("provisioned environments are never reclaimed") {
        Node fn = functionNode("f");
        fn.function.idleLifetime = 1 * kSecond;
        fn.function.provisionedConcurrency = 1;
        Engine e(scenarioOf({api, fn}, {{"api", "f"}}));
        runChecked(e);
        CHECK(countersOf(e, "f").coldStarts == 0);
    }
}

TEST_CASE("DG-SQS-PROV: provisioned pollers start at minimum x 10 invokes and add 1,000 per minute") {
    // DG-SQS-PARAMS: each event poller handles up to 10 concurrent invokes. DG-SQS-PROV
    // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html): provisioned mode scales "3 times
    // faster"; the AWS News Blog (Nov 2025) gives up to 1,000 concurrent executions per minute.
    Node q = sourceNode("q", NodeType::Sqs, 2000, 1e12);
    q.queue.visibilityTimeout = 30 * kSecond;
    Node fn = functionNode("f", 10 * kSecond, 15 * kSecond);
    SUBCASE("minimum 2, maximum 200") {
        Edge edge = sqsEdge("q", "f");
        edge.provisionedPollers = ProvisionedPollers{2, 200};
        Engine e(build({q, fn}, {edge}));
        runChecked(e, kSecond / 2);
        CHECK(e.functions()[0].inFlight == 20);  // 2 pollers x 10 invokes, ready at once
        runChecked(e, 3 * kSecond + 1);
        CHECK(e.functions()[0].inFlight == 70);  // 20 + 1000 x 3 / 60 = 20 + 50
        runChecked(e, 6 * kSecond + 1);
        CHECK(e.queueView(e.nodeIndex("q"))->pollerLimit == 120);  // 20 + 1000 x 6 / 60
        CHECK(countersOf(e, "f").throttles == 0);
    }
    SUBCASE("the maximum caps it: maximum 5 pollers -> 50 concurrent invokes") {
        Edge edge = sqsEdge("q", "f");
        edge.provisionedPollers = ProvisionedPollers{2, 5};
        Engine e(build({q, fn}, {edge}));
        runChecked(e, 9 * kSecond + 1);
        CHECK(e.functions()[0].inFlight == 50);
    }
    SUBCASE("on-demand polling on the same burst: 5, then +5 each second (DG-SQS-SCALING)") {
        Engine e(build({q, fn}, {sqsEdge("q", "f")}));
        runChecked(e, 3 * kSecond + 1);
        CHECK(e.functions()[0].inFlight == 20);  // 5 + 3 x 5
    }
}

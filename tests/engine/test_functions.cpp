// Function execution basics and concurrency (FIDELITY 2 and 3). Scenarios are built directly as structs.
#include <map>
#include <set>

#include "test_helpers.hpp"

using namespace pg::sim;
using namespace pg::sim::test;

TEST_CASE("FIDELITY 2 timeout: a run longer than the timeout ends as a timeout error at the timeout") {
    Node fn = functionNode("f", 5 * kSecond, 2 * kSecond);
    Scenario s = scenarioOf({sourceNode("api", NodeType::Alb, 1), fn}, {{"api", "f"}});
    Engine e(s);
    runChecked(e);
    const auto item = itemNamed(e, "api#1");
    CHECK(e.items()[item].outcome == ItemOutcome::TimedOut);
    CHECK(countersOf(e, "f").timeouts == 1);
    CHECK(countersOf(e, "f").errors == 1);  // timeouts are function errors (FIDELITY 2)
    CHECK(e.lastEventTime() == 2 * kSecond);
}

TEST_CASE("FIDELITY 2 defaults: timeout 3 s - account limit 1000") {
    FunctionConfig cfg;
    CHECK(cfg.timeout == 3 * kSecond);
    Scenario s;
    CHECK(s.accountConcurrencyLimit == 1000);
    AsyncConfig async;
    CHECK(async.maxRetryAttempts == 2);
    CHECK(async.maxEventAge == 6 * kHour);
}

TEST_CASE("behaviour rule timeout runs until the function timeout") {
    Node fn = functionNode("f", 100 * kMillisecond, 4 * kSecond);
    fn.function.behavior.push_back(rule(RuleOutcome::Timeout));
    Engine e(scenarioOf({sourceNode("src", NodeType::Alb, 1), fn}, {{"src", "f"}}));
    runChecked(e);
    CHECK(e.items()[0].outcome == ItemOutcome::TimedOut);
    CHECK(e.lastEventTime() == 4 * kSecond);
}

TEST_CASE("duration model: uniform durations stay within (min - max) and vary") {
    Node fn = functionNode("f");
    fn.function.duration = {100 * kMillisecond, 300 * kMillisecond};
    Engine e(scenarioOf({sourceNode("src", NodeType::Alb, 200, 1.0), fn}, {{"src", "f"}}));
    runChecked(e);
    std::set<SimTime> lengths;
    SimTime start = 0;
    for (const TraceRecord& r : e.trace().records()) {
        if (r.kind == TraceKind::InvokeStart) start = r.time;
        if (r.kind == TraceKind::InvokeEnd) {
            const SimTime len = r.time - start;  // one at a time: 1 request per second
            CHECK(len >= 100 * kMillisecond);
            CHECK(len <= 300 * kMillisecond);
            lengths.insert(len);
        }
    }
    CHECK(lengths.size() > 100);
}

TEST_CASE("cold start for a new environment - warm reuse of an idle one") {
    Node fn = functionNode("f", 100 * kMillisecond);
    fn.function.coldStart = 500 * kMillisecond;
    // Requests at 0 s, 1 s, 2 s: the first creates an environment, the others reuse it.
    Engine e(scenarioOf({sourceNode("src", NodeType::Alb, 3, 1.0), fn}, {{"src", "f"}}));
    runChecked(e);
    CHECK(countersOf(e, "f").coldStarts == 1);
    CHECK(countersOf(e, "f").invocations == 3);
    CHECK(e.functions()[0].environments.size() == 1);
    // First run: 500 ms init + 100 ms; the warm ones 100 ms.
    std::vector<SimTime> ends;
    for (const TraceRecord& r : e.trace().records())
        if (r.kind == TraceKind::InvokeEnd) ends.push_back(r.time);
    CHECK(ends == std::vector<SimTime>{600 * kMillisecond, 1100 * kMillisecond, 2100 * kMillisecond});
}

TEST_CASE("overlapping requests need a second environment (two cold starts)") {
    Node fn = functionNode("f", 1500 * kMillisecond);
    Engine e(scenarioOf({sourceNode("src", NodeType::Alb, 2, 1.0), fn}, {{"src", "f"}}));
    runChecked(e);
    CHECK(countersOf(e, "f").coldStarts == 2);
    CHECK(countersOf(e, "f").peakConcurrency == 2);
}

TEST_CASE("FIDELITY 3 reserved concurrency is a ceiling: extra sync requests get 429") {
    Node fn = functionNode("f", 1 * kSecond);
    fn.function.reservedConcurrency = 2;
    // 5 requests within 5 ms: 2 run, 3 throttled. Lex passes Lambda's 429 on (an ALB would answer 502: model
    // choice caller_status_codes).
    Engine e(scenarioOf({sourceNode("src", NodeType::Lex, 5, 1000.0), fn}, {{"src", "f"}}));
    runChecked(e);
    CHECK(countersOf(e, "f").invocations == 2);
    CHECK(countersOf(e, "f").throttles == 3);
    CHECK(countersOf(e, "src").responses429 == 3);
    CHECK(e.itemsInState(ItemState::Done) == 5);
    int throttled = 0;
    for (const Item& it : e.items().all()) throttled += it.outcome == ItemOutcome::Throttled;
    CHECK(throttled == 3);
    // The throttle reason is the function-level one (FIDELITY 3 reason codes).
    bool sawReserved = false;
    for (const TraceRecord& r : e.trace().records())
        if (r.kind == TraceKind::Throttled)
            sawReserved |= r.detail == static_cast<std::uint16_t>(ThrottleReason::ReservedConcurrency);
    CHECK(sawReserved);
}

TEST_CASE("FIDELITY 3 reserved concurrency 0 throttles every synchronous invoke") {
    Node fn = functionNode("f");
    fn.function.reservedConcurrency = 0;
    Engine e(scenarioOf({sourceNode("src", NodeType::Alb, 4, 1.0), fn}, {{"src", "f"}}));
    runChecked(e);
    CHECK(countersOf(e, "f").invocations == 0);
    CHECK(countersOf(e, "f").throttles == 4);
}

TEST_CASE("FIDELITY 3 account concurrency limit is shared by unreserved functions") {
    Node f1 = functionNode("f1", 10 * kSecond, 20 * kSecond), f2 = functionNode("f2", 10 * kSecond, 20 * kSecond);
    Scenario s = scenarioOf({sourceNode("a", NodeType::Alb, 3, 1000.0), sourceNode("b", NodeType::Alb, 3, 1000.0, 100 * kMillisecond), f1, f2},
                            {{"a", "f1"}, {"b", "f2"}});
    s.accountConcurrencyLimit = 4;
    Engine e(s);
    runChecked(e);
    CHECK(countersOf(e, "f1").invocations == 3);
    CHECK(countersOf(e, "f2").invocations == 1);  // only 1 of the 4 slots left
    CHECK(countersOf(e, "f2").throttles == 2);
}

TEST_CASE("FIDELITY 3 reservations are carved out of the account pool") {
    Node reserved = functionNode("r", 10 * kSecond, 20 * kSecond), open = functionNode("o", 10 * kSecond, 20 * kSecond);
    reserved.function.reservedConcurrency = 3;
    Scenario s = scenarioOf({sourceNode("b", NodeType::Alb, 5, 1000.0), reserved, open}, {{"b", "o"}});
    s.accountConcurrencyLimit = 5;
    Engine e(s);
    runChecked(e);
    CHECK(e.accountPool().unreservedCapacity == 2);
    CHECK(countersOf(e, "o").invocations == 2);
    CHECK(countersOf(e, "o").throttles == 3);
}

TEST_CASE("FIDELITY 3 scaling rate: 1 000 new environments per 10 s - refilled continuously") {
    Node fn = functionNode("f", 60 * kSecond, 120 * kSecond);
    // 1,500 requests within 15 ms (100,000/s) with plenty of account concurrency.
    Scenario s = scenarioOf({sourceNode("src", NodeType::Alb, 1500, 100000.0), fn}, {{"src", "f"}});
    s.accountConcurrencyLimit = 10000;
    Engine e(s);
    runChecked(e);
    // Burst of 1,000, then one more environment per 10 ms: the 15 ms window adds 1.
    CHECK(countersOf(e, "f").invocations == 1001);
    CHECK(countersOf(e, "f").throttles == 499);
    bool sawScaling = false;
    for (const TraceRecord& r : e.trace().records())
        sawScaling |= r.kind == TraceKind::Throttled && r.detail == static_cast<std::uint16_t>(ThrottleReason::ScalingRate);
    CHECK(sawScaling);
}

TEST_CASE("FIDELITY 3 scaling rate: after the burst - about 100 new environments per second") {
    Node fn = functionNode("f", 100 * kSecond, 200 * kSecond);
    // 1,000 at once use the burst; then 1 request per ms for 2 s (2,000 more requests).
    Scenario s = scenarioOf({sourceNode("burst", NodeType::Alb, 1000, 1e9), sourceNode("trickle", NodeType::Alb, 2000, 1000.0, 1 * kMillisecond), fn},
                            {{"burst", "f"}, {"trickle", "f"}});
    s.accountConcurrencyLimit = 10000;
    Engine e(s);
    runChecked(e);
    // 2 s of refill at 1 environment per 10 ms = 200 (+/- 1 at the edges).
    CHECK(countersOf(e, "trickle").responses2xx >= 199);
    CHECK(countersOf(e, "trickle").responses2xx <= 201);
}

TEST_CASE("behaviour rules: first match wins - all conditions must hold - no match succeeds") {
    Node fn = functionNode("f");
    RuleCondition onlyThree;
    onlyThree.item = "src#3";
    RuleCondition bodyTwo;
    bodyTwo.bodyContains = "order-2";
    fn.function.behavior = {rule(RuleOutcome::Timeout, onlyThree), rule(RuleOutcome::Error, bodyTwo),
                            rule(RuleOutcome::Success, bodyTwo)};
    Node src = sourceNode("src", NodeType::Alb, 4, 1.0);
    src.traffic.body = "order-{n}";
    Engine e(scenarioOf({src, fn}, {{"src", "f"}}));
    runChecked(e);
    CHECK(e.items()[itemNamed(e, "src#1")].outcome == ItemOutcome::Succeeded);
    CHECK(e.items()[itemNamed(e, "src#2")].outcome == ItemOutcome::ErrorReturned);
    CHECK(e.items()[itemNamed(e, "src#3")].outcome == ItemOutcome::TimedOut);
    CHECK(e.items()[itemNamed(e, "src#4")].outcome == ItemOutcome::Succeeded);
    CHECK(e.itemBody(itemNamed(e, "src#2")) == "order-2");
}

TEST_CASE("behaviour rules: time window and modulo conditions") {
    Node fn = functionNode("f");
    RuleCondition window;
    window.after = 2 * kSecond;
    window.before = 4 * kSecond;
    RuleCondition mod;
    mod.itemModulo = 5;
    mod.itemRemainder = 0;
    fn.function.behavior = {rule(RuleOutcome::Error, window), rule(RuleOutcome::Error, mod)};
    Engine e(scenarioOf({sourceNode("src", NodeType::Alb, 10, 1.0), fn}, {{"src", "f"}}));
    runChecked(e);
    // Items arrive at 0..9 s: #3 (2 s) and #4 (3 s) by window, #5 and #10 by modulo.
    std::vector<std::uint32_t> failed;
    for (std::uint32_t i = 0; i < e.items().size(); ++i)
        if (e.items()[i].outcome == ItemOutcome::ErrorReturned) failed.push_back(e.items()[i].number);
    CHECK(failed == std::vector<std::uint32_t>{3, 4, 5, 10});
}

TEST_CASE("behaviour rules: seeded rate fails about that share - reproducibly") {
    Node fn = functionNode("f", 10 * kMillisecond);
    RuleCondition some;
    some.rate = 0.3;
    fn.function.behavior = {rule(RuleOutcome::Error, some)};
    Scenario s = scenarioOf({sourceNode("src", NodeType::Alb, 2000, 50.0), fn}, {{"src", "f"}}, 99);
    Engine a(s), b(s);
    a.runUntil(kNever);
    b.runUntil(kNever);
    CHECK(countersOf(a, "f").errors == countersOf(b, "f").errors);
    CHECK(countersOf(a, "f").errors > 500);
    CHECK(countersOf(a, "f").errors < 700);
}

TEST_CASE("InvokeStart names the behaviour rule that decided the attempt (first match wins)") {
    // docs/scenario-format.md "Behaviour rules": checked in order, the first matching rule wins, no match =
    // success. Rules: 1 = item src#2 -> error, 2 = attempt <= 5 and item number % 3 == 0 -> timeout.
    // src#1: no rule (0); src#2: rule 1; src#3: rule 2 (3 % 3 == 0); src#6: rule 2; src#4, #5: none.
    Node fn = functionNode("f", 100 * kMillisecond, 1 * kSecond);
    RuleCondition modulo;
    modulo.itemModulo = 3;
    modulo.attemptAtMost = 5;
    fn.function.behavior = {rule(RuleOutcome::Error, itemIs("src#2")), rule(RuleOutcome::Timeout, modulo)};
    for (const NodeType source : {NodeType::Alb, NodeType::Sqs}) {  // a single invoke, and an SQS batch of 1
        CAPTURE(nodeTypeName(source));
        Engine e(scenarioOf({sourceNode("src", source, 6, 1.0), fn}, {{"src", "f"}}));
        runChecked(e, 20 * kSecond);
        std::map<std::uint32_t, unsigned> firstRule;  // item number -> the rule of its first attempt
        for (const TraceRecord& r : e.trace().records())
            if (r.kind == TraceKind::InvokeStart && r.attempt == 1) {
                firstRule[e.items()[r.item].number] = invokeStartRule(r);
                if (e.items()[r.item].number == 1) CHECK(invokeStartCold(r));  // the cold bit is kept beside it
            }
        CHECK(firstRule == std::map<std::uint32_t, unsigned>{{1, 0}, {2, 1}, {3, 2}, {4, 0}, {5, 0}, {6, 2}});
    }
}

// Seeded generator of random scenarios over every node type (sync, async and poll-based sources, queues,
// streams, destinations), for the property tests (tests/engine/test_properties.cpp) and the random round
// trips (tests/scenario/test_roundtrip_random.cpp). It aims at valid scenarios: it sets only keys that apply
// to a node's type and respects the cross-field rules (visibility >= timeout, FIFO matching, reserved
// concurrency leaving 100 unreserved, no FIFO topic triggering a function, no batching window on a FIFO
// queue...); callers still validate through parseScenario(writeScenario(s)).
// Small on purpose (at most ~150 items), so thousands of them run in seconds even under ASan.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/rng.hpp"
#include "engine/scenario_config.hpp"

namespace pg::test {

struct RandomScenarioOptions {
    int maxFunctions = 3;
    int maxSources = 5;
    std::int64_t maxItemsPerSource = 30;
    /// Issue 23 topologies: async sources wired to several functions, sns -> sqs subscriptions and functions as
    /// destinations. Off by default: the default draws (pg_equivalence's runs) stay as they were.
    bool fanOut = false;
    /// Streams and queues get several event source mappings (each other function with probability 0.7). Off:
    /// the generator draws exactly as before (the existing runs stay identical).
    bool severalMappings = false;
};

class RandomScenarioGenerator {
public:
    explicit RandomScenarioGenerator(std::uint64_t seed, RandomScenarioOptions options = {})
        : m_rng(seed), m_options(options) {}

    sim::Scenario next() {
        using namespace sim;
        Scenario s;
        s.name = pick({"random", "Zufall caf\xC3\xA9 \xE2\x9C\x93", "a \"quoted\" <b>name</b>", "x"});
        if (chance(0.5)) s.description = "generated #" + std::to_string(m_count);
        ++m_count;
        s.seed = m_rng.next();
        s.runFor = between(30, 900) * kSecond;
        const bool reservations = chance(0.5);
        s.accountConcurrencyLimit = static_cast<int>(reservations ? between(200, 400) : between(1, 30));

        // Destinations and queues everything may point at.
        s.nodes.push_back(plain("dlq", NodeType::Sqs));
        s.nodes.push_back(plain("topic", NodeType::Sns));
        s.nodes.push_back(plain("bus", NodeType::EventBridge));
        s.nodes.push_back(plain("bucket", NodeType::S3));
        Node fifoDlq = plain("fifo_dlq", NodeType::Sqs);
        fifoDlq.queue.fifo = true;
        s.nodes.push_back(fifoDlq);

        const int functions = static_cast<int>(between(1, m_options.maxFunctions));
        std::vector<std::string> fnIds;
        for (int f = 0; f < functions; ++f) {
            fnIds.push_back("fn" + std::to_string(f));
            s.nodes.push_back(function(fnIds.back(), functions, reservations));
        }
        const int sources = static_cast<int>(between(1, m_options.maxSources));
        for (int i = 0; i < sources; ++i) {
            const NodeType type = kSourceTypes[between(0, std::size(kSourceTypes) - 1)];
            Node src = source("src" + std::to_string(i), type);
            const std::string& target = fnIds[between(0, functions - 1)];
            const Node* fn = nullptr;
            for (const Node& n : s.nodes)
                if (n.id == target) fn = &n;
            if (type == NodeType::Sqs && src.queue.visibilityTimeout < fn->function.timeout)
                src.queue.visibilityTimeout = fn->function.timeout * between(1, 6);
            s.nodes.push_back(src);
            // A FIFO topic (fan-out only) gets no edge to a function; the fan-out option may subscribe queues to it.
            const bool fifoTopic = type == NodeType::Sns && src.queue.fifo;
            if (chance(0.92) && !fifoTopic) s.edges.push_back(edge(src, target));
            // Now and then a second function on the same source (fan-out of a topic, a second mapping).
            if (functions > 1 && chance(0.15)) {
                const std::string& other = fnIds[(between(0, functions - 1))];
                bool dup = other == target;
                const Node* ofn = nullptr;
                for (const Node& n : s.nodes)
                    if (n.id == other) ofn = &n;
                // A synchronous source has one function (validation rejects a second); the draws above stay, so
                // the generated sequence is the same as before that rule.
                const bool sync = invocationModeOf(type) == InvocationMode::Synchronous;
                if (!dup && !sync && !fifoTopic &&
                    (type != NodeType::Sqs || src.queue.visibilityTimeout >= ofn->function.timeout))
                    s.edges.push_back(edge(src, other));
            }
            if (m_options.severalMappings && functions > 1 &&
                (type == NodeType::Sqs || type == NodeType::Kinesis || type == NodeType::DynamoDbStream))
                addMappings(s, src, fnIds);
        }
        // Behaviour rules naming real items.
        for (Node& n : s.nodes)
            if (n.type == NodeType::Function && chance(0.2)) {
                BehaviorRule r;
                r.when.item = "src0#" + std::to_string(between(1, 5));
                r.then = RuleOutcome::Error;
                n.function.behavior.insert(n.function.behavior.begin(), r);
            }
        if (m_options.fanOut) addFanOut(s, fnIds);  // before the sends: they read which sources are wired
        addSendsAndConsumers(s, fnIds);
        return s;
    }

    sim::Rng& rng() { return m_rng; }

private:
    /// RandomScenarioOptions::severalMappings: more mappings of stream or queue `src`, to functions it has none to.
    void addMappings(sim::Scenario& s, const sim::Node& src, const std::vector<std::string>& fnIds) {
        using namespace sim;
        for (const std::string& other : fnIds) {
            bool wired = false;
            for (const Edge& e : s.edges) wired = wired || (e.from == src.id && e.to == other);
            const Node* fn = nullptr;
            for (const Node& n : s.nodes)
                if (n.id == other) fn = &n;
            if (wired || !chance(0.7)) continue;
            if (src.type == NodeType::Sqs && src.queue.visibilityTimeout < fn->function.timeout) continue;
            s.edges.push_back(edge(src, other));
        }
    }

    /// Send edges (function -> sqs/sns source, so loops form) and consumers of the shared DLQ and topic. Kept
    /// linear so runs stay small and drain: a loop's sender sends only after successes (one message per item)
    /// and keeps Terminate; a consumer of `dlq` or `topic` sends nothing and has no destinations.
    void addSendsAndConsumers(sim::Scenario& s, const std::vector<std::string>& fnIds) {
        using namespace sim;
        auto find = [&](const std::string& id) -> Node* {
            for (Node& n : s.nodes)
                if (n.id == id) return &n;
            return nullptr;
        };
        auto wired = [&](const std::string& id) {
            for (const Edge& e : s.edges)
                if (e.from == id) return true;
            return false;
        };
        std::vector<std::string> targets;
        for (const Node& n : s.nodes)
            if (n.id.rfind("src", 0) == 0 && (n.type == NodeType::Sqs || n.type == NodeType::Sns)) targets.push_back(n.id);
        const std::string sender = fnIds[between(0, static_cast<std::int64_t>(fnIds.size()) - 1)];
        if (!targets.empty() && chance(0.3)) {
            Edge e;
            e.from = sender;
            e.to = targets[between(0, static_cast<std::int64_t>(targets.size()) - 1)];
            if (!wired(e.to) && chance(0.5)) e.sendOn = SendOn::Always;  // no loop through it: any count is fine
            s.edges.push_back(e);
            // Allow only where no loop can form (the property runs go on until they drain).
            if (!wired(e.to) && chance(0.5)) find(sender)->function.recursiveLoop = RecursiveLoop::Allow;
            // A rejected response (the handler returned normally, so it sent) is retried whole and sends again:
            // in a loop that branches, so a looping sender fails by throwing instead.
            if (wired(e.to))
                for (BehaviorRule& r : find(sender)->function.behavior)
                    if (r.then == RuleOutcome::InvalidBatchResponse || r.then == RuleOutcome::MissingState)
                        r.then = RuleOutcome::Error;
        }
        for (const char* shared : {"dlq", "topic"}) {
            if (fnIds.size() < 2 || !chance(0.2)) continue;
            std::string consumer = fnIds[between(0, static_cast<std::int64_t>(fnIds.size()) - 1)];
            if (consumer == sender) continue;
            Node* fn = find(consumer);
            bool sends = false;
            for (const Edge& e : s.edges) sends = sends || e.from == consumer;
            if (sends || fn->function.timeout > 30 * kSecond) continue;  // dlq visibility is the default 30 s
            fn->function.async = AsyncConfig{};
            fn->function.recursiveLoop = RecursiveLoop::Terminate;
            for (Node& n : s.nodes) {  // nothing may point back at the consumer through a destination
                AsyncConfig& a = n.function.async;
                if (a.onSuccess == consumer) a.onSuccess.clear();
                if (a.onFailure == consumer) a.onFailure.clear();
            }
            // A consumed queue redelivers failures until retention ends: keep that short.
            if (std::string(shared) == "dlq") find(shared)->queue.retention = between(60, 600) * kSecond;
            Edge e;
            e.from = shared;
            e.to = consumer;
            s.edges.push_back(e);
        }
    }

    /// RandomScenarioOptions::fanOut: every function on some async sources, sns -> sqs subscriptions (a standard
    /// topic to standard queues only) and a function destination whose function passes nothing on.
    void addFanOut(sim::Scenario& s, const std::vector<std::string>& fnIds) {
        using namespace sim;
        std::vector<Edge> added;
        for (const Node& n : s.nodes) {
            if (n.id.rfind("src", 0) != 0) continue;
            const bool fifoTopic = n.type == NodeType::Sns && n.queue.fifo;  // triggers no function (DG with-sns)
            if (invocationModeOf(n.type) == InvocationMode::Asynchronous && chance(0.5) && !fifoTopic) {
                for (const std::string& fn : fnIds) {
                    bool wiredTo = false;
                    for (const Edge& e : s.edges) wiredTo = wiredTo || (e.from == n.id && e.to == fn);
                    if (!wiredTo) added.push_back(edge(n, fn));
                }
            }
            if (n.type != NodeType::Sns) continue;
            for (const Node& q : s.nodes)
                if (q.type == NodeType::Sqs && q.id.rfind("src", 0) == 0 && (n.queue.fifo || !q.queue.fifo) &&
                    chance(0.5)) {
                    Edge e;
                    e.from = n.id;
                    e.to = q.id;
                    added.push_back(e);
                }
        }
        for (Edge& e : added) s.edges.push_back(std::move(e));
        if (fnIds.size() < 2 || !chance(0.5)) return;
        const std::string& from = fnIds[between(0, static_cast<std::int64_t>(fnIds.size()) - 1)];
        const std::string& to = fnIds[between(0, static_cast<std::int64_t>(fnIds.size()) - 1)];
        if (from == to) return;
        Node* sink = nullptr;
        for (Node& n : s.nodes) {
            if (n.id == from) (chance(0.5) ? n.function.async.onSuccess : n.function.async.onFailure) = to;
            if (n.id == to) sink = &n;
        }
        sink->function.async = AsyncConfig{};  // passes nothing on: no loop through destinations
        sink->function.recursiveLoop = RecursiveLoop::Terminate;
    }

    static constexpr sim::NodeType kSourceTypes[] = {
        sim::NodeType::ApiGateway, sim::NodeType::Alb,        sim::NodeType::Cognito,     sim::NodeType::Lex,
        sim::NodeType::Alexa,      sim::NodeType::CloudFront, sim::NodeType::Firehose,    sim::NodeType::Sns,
        sim::NodeType::S3,         sim::NodeType::Ses,        sim::NodeType::CloudFormation,
        sim::NodeType::CloudWatchLogs, sim::NodeType::EventBridge, sim::NodeType::CodeCommit, sim::NodeType::Config,
        sim::NodeType::Sqs,        sim::NodeType::Sqs,        sim::NodeType::Sqs,         sim::NodeType::Kinesis,
        sim::NodeType::Kinesis,    sim::NodeType::DynamoDbStream, sim::NodeType::DynamoDbStream};

    std::int64_t between(std::int64_t lo, std::int64_t hi) { return m_rng.uniformInt(lo, hi); }
    bool chance(double p) { return m_rng.bernoulli(p); }
    template <typename T>
    T pick(std::initializer_list<T> values) {
        return *(values.begin() + between(0, static_cast<std::int64_t>(values.size()) - 1));
    }
    sim::SimTime ms(std::int64_t lo, std::int64_t hi) { return between(lo, hi) * sim::kMillisecond; }

    sim::Node plain(const std::string& id, sim::NodeType type) {
        sim::Node n;
        n.id = id;
        n.type = type;
        place(n);
        return n;
    }

    void place(sim::Node& n) {
        n.x = chance(0.5) ? static_cast<double>(between(40, 900)) : m_rng.uniform01() * 1000.0 - 10.0;
        n.y = static_cast<double>(between(40, 500)) + (chance(0.3) ? 0.25 : 0.0);
        if (chance(0.3)) n.label = "label of " + n.id;
    }

    sim::Node function(const std::string& id, int functions, bool reservations) {
        using namespace sim;
        Node n = plain(id, NodeType::Function);
        FunctionConfig& f = n.function;
        f.timeout = between(1, 20) * kSecond;
        const SimTime lo = chance(0.1) ? 0 : ms(1, 400);
        f.duration = {lo, chance(0.3) ? lo : lo + ms(0, 6000)};
        f.coldStart = chance(0.3) ? 0 : ms(0, 900);
        if (reservations && chance(0.5)) f.reservedConcurrency = static_cast<int>(between(0, 90 / functions));
        const int rules = static_cast<int>(between(0, 3));
        for (int i = 0; i < rules; ++i) {
            BehaviorRule r;
            const int kind = static_cast<int>(between(0, 5));
            if (kind == 0) r.when.rate = static_cast<double>(between(0, 100)) / 100.0;
            if (kind == 1) r.when.attemptAtMost = static_cast<int>(between(1, 3));
            if (kind == 2) {
                r.when.itemModulo = between(2, 7);
                r.when.itemRemainder = between(0, *r.when.itemModulo - 1);
            }
            if (kind == 3) r.when.bodyContains = std::to_string(between(1, 9));
            if (kind == 4) {
                r.when.after = ms(0, 5000);
                r.when.before = *r.when.after + ms(1, 60000);
            }
            if (kind == 5) r.when.rate = m_rng.uniform01();
            r.then = pick({RuleOutcome::Error, RuleOutcome::Timeout, RuleOutcome::Success, RuleOutcome::ReportFailure,
                           RuleOutcome::Error, RuleOutcome::InvalidBatchResponse, RuleOutcome::MissingState});
            f.behavior.push_back(r);
        }
        f.async.maxRetryAttempts = static_cast<int>(between(0, 2));
        f.async.maxEventAge = between(60, 6 * 3600) * kSecond;
        if (chance(0.4)) f.async.deadLetterQueue = pick<const char*>({"dlq", "topic"});
        if (chance(0.4)) f.async.onSuccess = pick<const char*>({"dlq", "topic", "bus"});
        if (chance(0.4)) f.async.onFailure = pick<const char*>({"dlq", "topic", "bus", "bucket"});
        return n;
    }

    sim::Node source(const std::string& id, sim::NodeType type) {
        using namespace sim;
        Node n = plain(id, type);
        Traffic& t = n.traffic;
        t.count = between(0, m_options.maxItemsPerSource);
        t.ratePerSecond = chance(0.5) ? static_cast<double>(between(1, 50)) : 0.5 + m_rng.uniform01() * 40.0;
        t.start = chance(0.6) ? 0 : ms(0, 3000);
        t.arrival = pick({Arrival::Uniform, Arrival::Poisson, Arrival::Burst});
        if (chance(0.4)) t.body = pick<const char*>({"{\"n\": {n}}", "order {n}", "", "x{n}y{n}"});
        const InvocationMode mode = invocationModeOf(type);
        if (mode == InvocationMode::Synchronous) {
            n.clientRetry.count = static_cast<int>(between(0, 2));
            n.clientRetry.backoff = ms(0, 500);
            if (type == NodeType::ApiGateway && chance(0.5)) n.integrationTimeout = ms(50, 29000);
        }
        // A FIFO topic cannot trigger a function (Lambda DG with-sns): without fan-out (where it may feed queues)
        // the draw stays, so the sequence is unchanged, but the topic is standard. The engine treats both kinds of
        // topic alike when they trigger a function, so the runs drawn before this rule stay identical.
        if (type == NodeType::Sns && chance(0.2)) n.queue.fifo = m_options.fanOut;
        if (type == NodeType::Sqs) {
            n.queue.fifo = chance(0.3);
            if (n.queue.fifo && chance(0.7)) t.group = pick<const char*>({"g", "g{n}", "{n}"});
            n.queue.visibilityTimeout = between(1, 120) * kSecond;
            n.queue.retention = between(60, 3600) * kSecond;
            if (chance(0.6)) {
                Redrive r;
                r.deadLetterQueue = n.queue.fifo ? "fifo_dlq" : "dlq";
                r.maxReceiveCount = static_cast<int>(between(1, 5));
                n.queue.redrive = r;
            }
        }
        if (type == NodeType::Kinesis || type == NodeType::DynamoDbStream) {
            n.stream.shards = static_cast<int>(between(1, 4));
            if (type == NodeType::Kinesis && chance(0.3)) n.stream.retention = between(24, 72) * kHour;
            if (chance(0.5)) t.partitionKey = pick<const char*>({"k", "k{n}", "{n}"});
        }
        return n;
    }

    sim::Edge edge(const sim::Node& from, const std::string& to) {
        using namespace sim;
        Edge e;
        e.from = from.id;
        e.to = to;
        if (from.type == NodeType::Sqs) {
            if (chance(0.6)) e.batchSize = static_cast<int>(between(1, 10));
            if (chance(0.3)) e.batchingWindow = ms(0, 5000);
            if (from.queue.fifo) e.batchingWindow = 0;  // drawn, then dropped: not supported for FIFO (DG)
            if (chance(0.3)) e.maximumConcurrency = static_cast<int>(between(2, 6));
            e.reportBatchItemFailures = chance(0.4);
            if (chance(0.2)) e.pollLatency = SqsPollLatency::Realistic;
        }
        if (from.type == NodeType::Kinesis || from.type == NodeType::DynamoDbStream) {
            if (chance(0.6)) e.batchSize = static_cast<int>(between(1, 20));
            if (chance(0.3)) e.batchingWindow = ms(0, 5000);
            e.reportBatchItemFailures = chance(0.3);
            e.bisectBatchOnFunctionError = chance(0.4);
            // Always bounded: "retry until the record expires" with a 24 h stream is millions of attempts.
            e.maximumRetryAttempts = static_cast<int>(between(0, 4));
            if (chance(0.5)) e.maximumRecordAge = between(60, 3600) * kSecond;
            e.parallelizationFactor = static_cast<int>(between(1, 3));
            e.startingPosition = chance(0.8) ? StartingPosition::TrimHorizon : StartingPosition::Latest;
            if (from.type == NodeType::Kinesis && chance(0.1)) {
                e.startingPosition = StartingPosition::AtTimestamp;
                e.startingPositionTimestamp = ms(0, 2000);
            }
            if (chance(0.4)) e.onFailure = pick<const char*>({"dlq", "topic", "bucket"});
            if (chance(0.3)) {
                e.tumblingWindow = between(1, 120) * kSecond;
                if (chance(0.3)) e.windowStateBytesPerRecord = between(1, 400000);
            }
        }
        return e;
    }

    sim::Rng m_rng;
    RandomScenarioOptions m_options;
    std::uint64_t m_count = 0;
};

}  // namespace pg::test

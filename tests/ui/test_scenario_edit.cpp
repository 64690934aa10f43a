// The UI's edit path natively (src/ui/scenario_edit.cpp, params.cpp): an edit is validated as data by
// scenario::validate(); a candidate that breaks a rule is refused with the rule and its JSON path.
#include <filesystem>

#include "scenario/scenario_json.hpp"
#include "scenario/share_link.hpp"
#include "ui/params.hpp"
#include "ui/scenario_edit.hpp"
#include "ui_test_helpers.hpp"

using namespace pg;
using namespace pg::sim;
using namespace pg::ui;
using namespace pg::ui::test;
using scenario::Rule;

namespace {

/// What the reader says about the same candidate as JSON: validate() must agree with it.
std::vector<scenario::ScenarioError> readerErrors(const Scenario& candidate) {
    return scenario::parseScenario(scenario::writeScenario(candidate)).errors;
}

} // namespace

TEST_CASE("edit: a function timeout above its queue's visibility timeout is refused at the mapping's path") {
    Scenario candidate = loadPreset("sqs_no_redrive"); // orders (visibility 30 s) -> process (timeout 3 s)
    REQUIRE(scenario::validate(candidate).empty());
    REQUIRE(setParam(candidate, nodeAt(candidate, "process"), -1, "timeout", "60s").empty());
    CHECK(candidate.nodes[static_cast<std::size_t>(nodeAt(candidate, "process"))].function.timeout ==
          60 * kSecond);

    const std::vector<scenario::ScenarioError> errors = scenario::validate(candidate);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rule == Rule::VisibilityTimeout);
    CHECK(std::string(scenario::ruleId(errors[0].rule)) == "visibility_timeout");
    CHECK(errors[0].path == "/edges/0");
    CHECK(errors[0].message.find(
              "Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds") == 0);
    // What the inspector shows, and the same verdict the reader gives the candidate's JSON.
    CHECK(validationError(candidate) == "/edges/0: " + errors[0].message);
    const std::vector<scenario::ScenarioError> read = readerErrors(candidate);
    REQUIRE(read.size() == 1);
    CHECK(read[0].path == errors[0].path);
    CHECK(read[0].message == errors[0].message);
    CHECK(read[0].rule == Rule::VisibilityTimeout);
}

TEST_CASE("edit: a value out of its documented range is refused at the key's path") {
    Scenario candidate = loadPreset("sqs_no_redrive");
    const int process = nodeAt(candidate, "process");
    REQUIRE(setParam(candidate, process, -1, "async.max_retry_attempts", "7").empty());
    const std::vector<scenario::ScenarioError> errors = scenario::validate(candidate);
    REQUIRE(!errors.empty());
    CHECK(errors[0].rule == Rule::Value);
    CHECK(errors[0].path == "/nodes/" + std::to_string(process) + "/async/max_retry_attempts");
    CHECK(errors[0].message.find("must be between 0 and 2") == 0);
    CHECK(errors[0].line == 0); // a Scenario held as data has no text to point into
}

TEST_CASE("edit: a redrive policy naming a missing queue is refused as a dangling reference") {
    Scenario candidate = loadPreset("sqs_no_redrive");
    Redrive redrive;
    redrive.deadLetterQueue = "orders-dql";
    candidate.nodes[static_cast<std::size_t>(nodeAt(candidate, "orders"))].queue.redrive = redrive;
    const std::vector<scenario::ScenarioError> errors = scenario::validate(candidate);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rule == Rule::DanglingReference);
    CHECK(errors[0].path == "/nodes/0/redrive/dead_letter_queue");
    CHECK(errors[0].message == "refers to `orders-dql`, but no node has that id (did you mean `orders`?)");
}

TEST_CASE("canConnect: a structured verdict - what the edge would be, or the rule it breaks and where") {
    Scenario s = loadPreset("sqs_no_redrive");
    addNode(s, NodeType::Function, "", 0, 0); // "function-1", default timeout 3 s
    const std::string slow = addNode(s, NodeType::Function, "", 0, 0);
    s.nodes[static_cast<std::size_t>(nodeAt(s, slow))].function.timeout = 60 * kSecond;
    const std::string api = addNode(s, NodeType::ApiGateway, "", 0, 0);
    REQUIRE(scenario::validate(s).empty());

    const ConnectCheck mapping = canConnect(s, "orders", "function-1");
    CHECK(mapping.ok);
    CHECK(mapping.verdict == ConnectVerdict::EventSourceMapping);
    CHECK(mapping.message == "connect: event source mapping (Lambda polls)");

    const ConnectCheck sync = canConnect(s, api, "function-1");
    CHECK(sync.ok);
    CHECK(sync.verdict == ConnectVerdict::SynchronousInvoke);
    CHECK(sync.message == "connect: synchronous invoke (request and response)");

    const ConnectCheck send = canConnect(s, "process", "orders");
    CHECK(send.ok);
    CHECK(send.verdict == ConnectVerdict::SendEdge);

    // The new edge is /edges/1; its own problems are told without the path (the user points at the edge).
    const ConnectCheck visibility = canConnect(s, "orders", slow);
    CHECK_FALSE(visibility.ok);
    CHECK(visibility.verdict == ConnectVerdict::BreaksRule);
    CHECK(visibility.rule == Rule::VisibilityTimeout);
    CHECK(visibility.path == "/edges/1");
    CHECK(visibility.message.find(
              "Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds") == 0);

    const ConnectCheck toQueue = canConnect(s, api, "orders");
    CHECK_FALSE(toQueue.ok);
    CHECK(toQueue.rule == Rule::EdgeTarget);
    CHECK(toQueue.path == "/edges/1/to");
    CHECK(toQueue.message.find("an edge must end at a function; `orders` is type `sqs`") == 0);

    const ConnectCheck duplicate = canConnect(s, "orders", "process");
    CHECK_FALSE(duplicate.ok);
    CHECK(duplicate.rule == Rule::DuplicateEdge);
    CHECK(duplicate.path == "/edges/1");

    // SNS DG "Fanout to Amazon SQS queues" (https://docs.aws.amazon.com/sns/latest/dg/sns-sqs-as-subscriber.html):
    // a standard topic delivers to a standard queue; the edge is a subscription, not an invoke.
    const std::string topic = addNode(s, NodeType::Sns, "", 0, 0);
    const ConnectCheck subscription = canConnect(s, topic, "orders");
    CHECK(subscription.ok);
    CHECK(subscription.verdict == ConnectVerdict::Subscription);
    CHECK(subscription.message == "connect: SNS subscription (the topic delivers every message to the queue)");
    const ConnectCheck topicToFunction = canConnect(s, topic, "process");
    CHECK(topicToFunction.verdict == ConnectVerdict::AsynchronousInvoke);

    const ConnectCheck self = canConnect(s, "orders", "orders");
    CHECK_FALSE(self.ok);
    CHECK(self.verdict == ConnectVerdict::NotTwoNodes);
    CHECK(self.message == "pick another node");
}

TEST_CASE("canConnect refuses a FIFO topic as a function's trigger with the reader's rule and wording") {
    // https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html: "Lambda supports SNS triggers for standard SNS
    // topics only." The canvas asks validate(), so the wire is refused exactly as a loaded file would be.
    Scenario s = loadPreset("sqs_no_redrive");
    const std::string topic = addNode(s, NodeType::Sns, "", 0, 0);
    s.nodes[static_cast<std::size_t>(nodeAt(s, topic))].queue.fifo = true;
    REQUIRE(scenario::validate(s).empty());
    const ConnectCheck trigger = canConnect(s, topic, "process");
    CHECK_FALSE(trigger.ok);
    CHECK(trigger.verdict == ConnectVerdict::BreaksRule);
    CHECK(trigger.rule == Rule::SnsFifoTrigger);
    CHECK(trigger.path == "/edges/1");
    CHECK(trigger.message.find("Lambda supports SNS triggers for standard SNS topics only") == 0);
    // The same FIFO topic may deliver to a queue (SNS DG fifo-message-delivery: FIFO topics deliver to standard
    // queues too): that wire is a subscription, not a trigger.
    CHECK(canConnect(s, topic, "orders").ok);
}

TEST_CASE("validate agrees with the reader: every preset is clean, and broken edits fail the same way") {
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(PG_SOURCE_DIR) + "/assets/scenarios")) {
        const std::string name = entry.path().stem().string();
        CAPTURE(name);
        Scenario s = loadPreset(name);
        CHECK(scenario::validate(s).empty());
        // Break each function's timeout (a value) and point its DLQ at itself (a cross-check) in turn.
        for (std::size_t i = 0; i < s.nodes.size(); ++i) {
            if (s.nodes[i].type != NodeType::Function)
                continue;
            for (int edit = 0; edit < 2; ++edit) {
                Scenario candidate = s;
                if (edit == 0)
                    candidate.nodes[i].function.timeout = 901 * kSecond;
                else
                    candidate.nodes[i].function.async.deadLetterQueue = candidate.nodes[i].id;
                const auto validated = scenario::validate(candidate);
                const auto read = readerErrors(candidate);
                REQUIRE(!validated.empty());
                REQUIRE(!read.empty());
                CHECK(validated[0].path == read[0].path); // what the UI shows: the first problem
                CHECK(validated[0].message == read[0].message);
                CHECK(validated[0].rule == (edit == 0 ? Rule::Value : Rule::FunctionDeadLetterQueue));
                // After a value error the reader cross-checks the default it kept, validate() the value
                // itself; with values intact both lists are the same.
                if (edit == 0)
                    continue;
                REQUIRE(validated.size() == read.size());
                for (std::size_t k = 0; k < read.size(); ++k) {
                    CHECK(validated[k].path == read[k].path);
                    CHECK(validated[k].message == read[k].message);
                    CHECK(validated[k].rule == read[k].rule);
                }
            }
        }
    }
}

TEST_CASE("edit: the inspector reads typed text as a file reads the value (scenario::setSettingFromText)") {
    Scenario s = loadPreset("sqs_no_redrive");  // orders -> process; the edge is index 0
    const int process = nodeAt(s, "process");
    const FunctionConfig& fn = s.nodes[static_cast<std::size_t>(process)].function;
    // A number of seconds is a duration, as a JSON number is in a file: 2.5 -> 2,500,000 us.
    REQUIRE(setParam(s, process, -1, "timeout", "2.5").empty());
    CHECK(fn.timeout == 2500 * kMillisecond);
    // idle_lifetime documents -1 ("never"); an emptied field is that default again.
    REQUIRE(setParam(s, process, -1, "idle_lifetime", "5m").empty());
    CHECK(fn.idleLifetime == 5 * kMinute);
    REQUIRE(setParam(s, process, -1, "idle_lifetime", "").empty());
    CHECK(fn.idleLifetime == -1);
    // true/false only: "1" is refused (it used to be read as true), and the edge keeps its value.
    const bool before = s.edges[0].reportBatchItemFailures;
    CHECK(setParam(s, -1, 0, "report_batch_item_failures", "1") == "\"1\" is not true or false");
    CHECK(s.edges[0].reportBatchItemFailures == before);
    CHECK(setParam(s, process, -1, "memory", "lots") == "\"lots\" is not a whole number");
}

TEST_CASE("compare: a forked B is named apart from A, and keeps that name through a file and a link") {
    CHECK(forkedName("SQS without a redrive policy") == "SQS without a redrive policy (B)");
    CHECK(forkedName("") == "B");  // an unnamed A: B is still named
    // The format allows 200 bytes: A's part is cut so that " (B)" still fits, never inside a UTF-8 sequence.
    const std::string long200(200, 'x');
    CHECK(forkedName(long200) == std::string(196, 'x') + " (B)");
    const std::string accented = std::string(195, 'x') + "\xC3\xA9" + "yz";  // 195 + 2-byte e-acute + 2 = 199
    CHECK(forkedName(accented) == std::string(195, 'x') + " (B)");  // byte 196 is inside the e-acute: cut before it

    // A fork as the App makes one (a copy of A, renamed), written as a comparison: compare_b carries B's name
    // and reading the file or its share link gives both names back (docs/scenario-format.md "Comparisons").
    const Scenario a = loadPreset("sqs_no_redrive");
    Scenario b = a;
    b.name = forkedName(a.name);
    const std::string file = scenario::writeComparison(a, b);
    const scenario::ParseResult read = scenario::parseScenario(file);
    REQUIRE_MESSAGE(read.ok(), scenario::formatErrors(read.errors));
    REQUIRE(read.compareB.has_value());
    CHECK(read.scenario.name == "SQS without a redrive policy");
    CHECK(read.compareB->name == "SQS without a redrive policy (B)");
    const scenario::DecodedShareLink link = scenario::decodeShareLink(scenario::encodeComparisonLink(a, b));
    REQUIRE(link.ok());
    REQUIRE(link.compareB.has_value());
    CHECK(link.scenario.name == a.name);
    CHECK(link.compareB->name == "SQS without a redrive policy (B)");
    // A long name forked and read back is still valid (within the 200-byte limit).
    b.name = forkedName(long200);
    CHECK(scenario::parseScenario(scenario::writeComparison(a, b)).ok());
}

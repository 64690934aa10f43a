// Globals, FIFO queues, SNS fan-out, function-level settings, CloudFormation's long forms and parameters,
// unmodelled resources and files that are not templates. Expected values are the templates' numbers
// converted by hand.
#include "import_test_helpers.hpp"

using namespace pg::templates;
using namespace pg::templates::test;
namespace sim = pg::sim;

TEST_CASE("Globals.Function applies to every SAM function; a function's own value wins") {
    const ImportResult r = importTemplate(R"(
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Timeout: 10
    MemorySize: 512
    EventInvokeConfig:
      MaximumRetryAttempts: 1
Resources:
  A:
    Type: AWS::Serverless::Function
  B:
    Type: AWS::Serverless::Function
    Properties:
      Timeout: 20
      EventInvokeConfig:
        MaximumEventAgeInSeconds: 600
)");
    REQUIRE(r.isTemplate);
    CHECK(node(r, "A").function.timeout == 10 * sim::kSecond);
    CHECK(node(r, "A").function.memoryMb == 512);
    CHECK(node(r, "A").function.async.maxRetryAttempts == 1);
    CHECK(node(r, "B").function.timeout == 20 * sim::kSecond);
    CHECK(node(r, "B").function.memoryMb == 512);
    // Maps merge key by key: B keeps the global retry count and adds its own event age (600 s = 10 min).
    CHECK(node(r, "B").function.async.maxRetryAttempts == 1);
    CHECK(node(r, "B").function.async.maxEventAge == 10 * sim::kMinute);
    CHECK(r.warnings.empty());
}

TEST_CASE("FIFO queue with a redrive policy to a FIFO dead-letter queue") {
    const ImportResult r = importTemplate(R"(
Resources:
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: orders.fifo
      FifoQueue: true
      ContentBasedDeduplication: true
      VisibilityTimeout: 45
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt OrdersDlq.Arn
        maxReceiveCount: 3
  OrdersDlq:
    Type: AWS::SQS::Queue
    Properties:
      FifoQueue: true
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Fifo:
          Type: SQS
          Properties:
            Queue: !GetAtt Orders.Arn
            BatchSize: 5
)");
    REQUIRE(r.isTemplate);
    const sim::Node& q = node(r, "Orders");
    CHECK(q.queue.fifo);
    CHECK(q.label == "orders.fifo");
    CHECK(q.queue.visibilityTimeout == 45 * sim::kSecond);
    REQUIRE(q.queue.redrive.has_value());
    CHECK(q.queue.redrive->deadLetterQueue == "OrdersDlq");
    CHECK(q.queue.redrive->maxReceiveCount == 3);
    CHECK(node(r, "OrdersDlq").queue.fifo);
    CHECK(edge(r, "Orders", "Worker").batchSize == 5);
    CHECK_FALSE(q.traffic.group.empty());  // a FIFO queue's items need a message group
    CHECK(warned(r, "Orders: Properties.ContentBasedDeduplication: not modelled by the playground"));
    CHECK(r.warnings.size() == 1);
    CHECK(validate(r.scenario).empty());
}

TEST_CASE("SNS fan-out to two functions and a queue read by a third") {
    const ImportResult r = importTemplate(R"(
Resources:
  OrderTopic:
    Type: AWS::SNS::Topic
    Properties:
      Subscription:
        - Protocol: lambda
          Endpoint: !GetAtt Billing.Arn
  Shipping:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Orders:
          Type: SNS
          Properties: {Topic: !Ref OrderTopic}
  Billing:
    Type: AWS::Lambda::Function
    Properties:
      Timeout: 5
  AuditQueue:
    Type: AWS::SQS::Queue
  AuditSubscription:
    Type: AWS::SNS::Subscription
    Properties:
      Protocol: sqs
      TopicArn: !Ref OrderTopic
      Endpoint: !GetAtt AuditQueue.Arn
      RawMessageDelivery: true
  Auditor:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Audit:
          Type: SQS
          Properties: {Queue: !GetAtt AuditQueue.Arn}
)");
    REQUIRE(r.isTemplate);
    edge(r, "OrderTopic", "Billing");
    edge(r, "OrderTopic", "Shipping");
    edge(r, "OrderTopic", "AuditQueue");
    edge(r, "AuditQueue", "Auditor");
    CHECK(r.scenario.edges.size() == 4);
    CHECK(node(r, "Billing").function.timeout == 5 * sim::kSecond);
    // Only the topic gets traffic: the queue is fed by its subscription.
    CHECK(r.sources == std::vector<std::string>{"OrderTopic"});
    CHECK(node(r, "AuditQueue").traffic.count == 0);
    CHECK(warned(r, "AuditSubscription: Properties.RawMessageDelivery: not modelled by the playground"));
    CHECK(r.warnings.size() == 1);
    CHECK(validate(r.scenario).empty());
}

TEST_CASE("function settings: reserved and provisioned concurrency, async retries, destinations, DLQ, loops") {
    const ImportResult r = importTemplate(R"(
Resources:
  Processor:
    Type: AWS::Serverless::Function
    Properties:
      ReservedConcurrentExecutions: 20
      AutoPublishAlias: live
      ProvisionedConcurrencyConfig:
        ProvisionedConcurrentExecutions: 4
      RecursiveLoop: Allow
      DeadLetterQueue:
        Type: SNS
        TargetArn: !Ref DeadLetters
      EventInvokeConfig:
        MaximumRetryAttempts: 0
        MaximumEventAgeInSeconds: 120
        DestinationConfig:
          OnSuccess:
            Type: EventBridge
            Destination: !GetAtt Bus.Arn
          OnFailure:
            Type: Lambda
            Destination: !GetAtt Fallback.Arn
  Fallback:
    Type: AWS::Serverless::Function
  DeadLetters:
    Type: AWS::SNS::Topic
  Bus:
    Type: AWS::Events::EventBus
    Properties:
      Name: app-bus
)");
    REQUIRE(r.isTemplate);
    const sim::FunctionConfig& f = node(r, "Processor").function;
    CHECK(f.reservedConcurrency == 20);
    CHECK(f.provisionedConcurrency == 4);
    CHECK(f.recursiveLoop == sim::RecursiveLoop::Allow);
    CHECK(f.async.deadLetterQueue == "DeadLetters");
    CHECK(f.async.maxRetryAttempts == 0);
    CHECK(f.async.maxEventAge == 2 * sim::kMinute);
    CHECK(f.async.onSuccess == "Bus");
    CHECK(f.async.onFailure == "Fallback");
    CHECK(node(r, "Bus").type == sim::NodeType::EventBridge);
    CHECK(node(r, "Bus").label == "app-bus");
    CHECK(warned(r, "Processor: Properties.AutoPublishAlias: not modelled by the playground"));
    CHECK(r.warnings.size() == 1);
}

TEST_CASE("CloudFormation JSON: long forms, Fn::Sub, parameters with defaults, mappings and invoke configs") {
    const ImportResult r = importTemplate(R"({
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": {
    "WorkerTimeout": {"Type": "Number", "Default": 45},
    "Batch": {"Type": "Number", "Default": "25"}
  },
  "Resources": {
    "Jobs": {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": 300}},
    "Worker": {"Type": "AWS::Lambda::Function",
               "Properties": {"Timeout": {"Ref": "WorkerTimeout"},
                              "DeadLetterConfig": {"TargetArn": {"Fn::GetAtt": ["Dead", "Arn"]}}}},
    "Dead": {"Type": "AWS::SQS::Queue"},
    "Mapping": {"Type": "AWS::Lambda::EventSourceMapping",
                "Properties": {"FunctionName": {"Ref": "Worker"},
                               "EventSourceArn": {"Fn::Sub": "${Jobs.Arn}"},
                               "BatchSize": {"Ref": "Batch"}}},
    "Invoke": {"Type": "AWS::Lambda::EventInvokeConfig",
               "Properties": {"FunctionName": {"Ref": "Worker"}, "Qualifier": "$LATEST",
                              "MaximumRetryAttempts": 1,
                              "DestinationConfig": {"OnFailure": {"Destination": {"Fn::GetAtt": "Dead.Arn"}}}}},
    "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {}}}
  }
})");
    REQUIRE(r.isTemplate);
    CHECK(node(r, "Worker").function.timeout == 45 * sim::kSecond);  // the parameter's default
    CHECK(node(r, "Worker").function.async.deadLetterQueue == "Dead");
    CHECK(node(r, "Worker").function.async.maxRetryAttempts == 1);
    CHECK(node(r, "Worker").function.async.onFailure == "Dead");
    CHECK(node(r, "Jobs").queue.visibilityTimeout == 5 * sim::kMinute);
    CHECK(edge(r, "Jobs", "Worker").batchSize == 25);  // "25" as a string default
    CHECK(hasNode(r, "Role") == false);
    CHECK(warned(r, "Role: resource type AWS::IAM::Role not modelled by the playground"));
    CHECK(r.warnings.size() == 1);
}

TEST_CASE("unmodelled resources, events and properties are each reported on their own line") {
    const ImportResult r = importTemplate(R"(
Resources:
  Nightly:
    Type: AWS::Serverless::Function
    Properties:
      Tracing: Active
      Events:
        Cron:
          Type: Schedule
          Properties: {Schedule: rate(1 day)}
  Machine:
    Type: AWS::StepFunctions::StateMachine
  Table:
    Type: AWS::DynamoDB::Table
Outputs:
  Arn: {Value: !GetAtt Nightly.Arn}
)");
    REQUIRE(r.isTemplate);
    INFO(allWarnings(r));
    CHECK(warned(r, "Nightly: Properties.Tracing: not modelled by the playground"));
    CHECK(warned(r, "Nightly: Properties.Events.Cron.Type: event type Schedule not modelled by the playground"));
    CHECK(warned(r, "Nightly: Properties.Events.Cron.Properties.Schedule: not read (event not modelled)"));
    CHECK(warned(r, "Machine: resource type AWS::StepFunctions::StateMachine not modelled by the playground"));
    CHECK(warned(r, "Table: a DynamoDB table without StreamSpecification feeds no function; not modelled"));
    CHECK(r.warnings.size() == 5);
    CHECK(r.scenario.nodes.size() == 1);
}

TEST_CASE("a file that is not a template is refused with a reason") {
    const ImportResult yamlError = importTemplate("Resources: [unclosed\n");
    CHECK_FALSE(yamlError.isTemplate);
    CHECK(yamlError.error.find("not YAML or JSON: line") == 0);
    const ImportResult noResources = importTemplate("{\"version\": 1, \"nodes\": []}");
    CHECK_FALSE(noResources.isTemplate);
    CHECK(noResources.error == "not a CloudFormation or SAM template: no top-level `Resources` map");
    CHECK_FALSE(importTemplate("just text").isTemplate);
    CHECK_FALSE(importTemplate("").isTemplate);
}

TEST_CASE("--traffic counts and the layout: sources left, functions middle, the rest right, no overlaps") {
    ImportOptions options;
    options.traffic["Jobs"] = 7;
    const ImportResult r = importTemplate(R"(
Resources:
  Jobs: {Type: AWS::SQS::Queue}
  Topic: {Type: AWS::SNS::Topic}
  Dlq: {Type: AWS::SQS::Queue}
  F1:
    Type: AWS::Serverless::Function
    Properties:
      DeadLetterQueue: {Type: SQS, TargetArn: !GetAtt Dlq.Arn}
      Events:
        J: {Type: SQS, Properties: {Queue: !GetAtt Jobs.Arn}}
  F2:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        T: {Type: SNS, Properties: {Topic: !Ref Topic}}
)", options);
    REQUIRE(r.isTemplate);
    CHECK(node(r, "Jobs").traffic.count == 7);
    CHECK(node(r, "Topic").traffic.count == kDefaultImportItems);
    CHECK(node(r, "Topic").traffic.ratePerSecond == kDefaultImportRate);
    CHECK(node(r, "Jobs").x < node(r, "F1").x);
    CHECK(node(r, "F1").x == node(r, "F2").x);
    CHECK(node(r, "F1").x < node(r, "Dlq").x);
    for (const sim::Node& a : r.scenario.nodes)
        for (const sim::Node& b : r.scenario.nodes)
            if (&a != &b) CHECK((a.x != b.x || a.y != b.y));
    CHECK(validate(r.scenario).empty());
}

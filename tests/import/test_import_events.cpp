// One hand-written template per SAM event type, modelled on the examples of the AWS Lambda Developer Guide
// ("Using Lambda with Amazon SQS / SNS / S3 / Kinesis / DynamoDB / EventBridge / CloudWatch Logs / API
// Gateway") and the SAM specification's event source pages. Each test checks every setting it maps; the
// expected values are the template's own numbers converted by hand (seconds -> the scenario's durations).
#include "import_test_helpers.hpp"

using namespace pg::templates;
using namespace pg::templates::test;
namespace sim = pg::sim;

TEST_CASE("SQS event: batch size, window, partial batch responses, maximum concurrency and the queue") {
    const ImportResult r = importTemplate(R"(
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: SQS to Lambda
Resources:
  MySQSQueueFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Timeout: 30
      Events:
        MySQSEvent:
          Type: SQS
          Properties:
            Queue: !GetAtt MySqsQueue.Arn
            BatchSize: 10
            MaximumBatchingWindowInSeconds: 60
            FunctionResponseTypes:
              - ReportBatchItemFailures
            ScalingConfig:
              MaximumConcurrency: 5
  MySqsQueue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 180
      MessageRetentionPeriod: 1209600
)");
    REQUIRE(r.isTemplate);
    CHECK(r.scenario.name == "SQS to Lambda");
    CHECK(node(r, "MySQSQueueFunction").type == sim::NodeType::Function);
    CHECK(node(r, "MySQSQueueFunction").function.timeout == 30 * sim::kSecond);
    const sim::Node& q = node(r, "MySqsQueue");
    CHECK(q.type == sim::NodeType::Sqs);
    CHECK(q.queue.visibilityTimeout == 180 * sim::kSecond);
    CHECK(q.queue.retention == 14 * sim::kDay);  // 1,209,600 s = 14 x 86,400 s
    const sim::Edge& e = edge(r, "MySqsQueue", "MySQSQueueFunction");
    CHECK(e.batchSize == 10);
    CHECK(e.batchingWindow == 60 * sim::kSecond);
    CHECK(e.reportBatchItemFailures);
    CHECK(e.maximumConcurrency == 5);
    CHECK(r.scenario.edges.size() == 1);
    // Traffic is not in a template: the queue gets the stated default.
    CHECK(q.traffic.count == kDefaultImportItems);
    CHECK(r.sources == std::vector<std::string>{"MySqsQueue"});
    // The handler and runtime are reported, not dropped.
    CHECK(warned(r, "MySQSQueueFunction: Properties.Handler: not modelled by the playground"));
    CHECK(warned(r, "MySQSQueueFunction: Properties.Runtime: not modelled by the playground"));
    CHECK(r.warnings.size() == 2);
}

TEST_CASE("SNS event: the topic triggers the function") {
    const ImportResult r = importTemplate(R"(
Transform: AWS::Serverless-2016-10-31
Resources:
  Notifier:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Alerts:
          Type: SNS
          Properties:
            Topic: !Ref AlertTopic
  AlertTopic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: alerts
)");
    REQUIRE(r.isTemplate);
    CHECK(node(r, "AlertTopic").type == sim::NodeType::Sns);
    CHECK(node(r, "AlertTopic").label == "alerts");
    edge(r, "AlertTopic", "Notifier");
    CHECK(node(r, "Notifier").function.timeout == 3 * sim::kSecond);  // SAM's default Timeout: 3 s
    CHECK(r.warnings.empty());
}

TEST_CASE("S3 event: object-created notifications of a bucket") {
    const ImportResult r = importTemplate(R"(
Resources:
  Thumbnailer:
    Type: AWS::Serverless::Function
    Properties:
      MemorySize: 1024
      Architectures: [arm64]
      Events:
        Upload:
          Type: S3
          Properties:
            Bucket: !Ref Photos
            Events: s3:ObjectCreated:*
            Filter:
              S3Key:
                Rules: [{Name: suffix, Value: .jpg}]
  Photos:
    Type: AWS::S3::Bucket
)");
    REQUIRE(r.isTemplate);
    CHECK(node(r, "Photos").type == sim::NodeType::S3);
    CHECK(node(r, "Thumbnailer").function.memoryMb == 1024);
    CHECK(node(r, "Thumbnailer").function.architecture == sim::Architecture::Arm64);
    edge(r, "Photos", "Thumbnailer");
    CHECK(warned(r, "Thumbnailer: Properties.Events.Upload.Properties.Filter: not modelled by the playground"));
    CHECK(r.warnings.size() == 1);
}

TEST_CASE("Kinesis event: every stream setting, shards and retention") {
    const ImportResult r = importTemplate(R"(
Resources:
  StreamConsumer:
    Type: AWS::Serverless::Function
    Properties:
      Timeout: 60
      Events:
        Clicks:
          Type: Kinesis
          Properties:
            Stream: !GetAtt ClickStream.Arn
            StartingPosition: LATEST
            BatchSize: 100
            MaximumBatchingWindowInSeconds: 5
            ParallelizationFactor: 2
            MaximumRetryAttempts: 3
            MaximumRecordAgeInSeconds: 3600
            TumblingWindowInSeconds: 120
            FunctionResponseTypes: [ReportBatchItemFailures]
  ClickStream:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 4
      RetentionPeriodHours: 48
)");
    REQUIRE(r.isTemplate);
    const sim::Node& k = node(r, "ClickStream");
    CHECK(k.type == sim::NodeType::Kinesis);
    CHECK(k.stream.shards == 4);
    CHECK(k.stream.retention == 48 * sim::kHour);
    const sim::Edge& e = edge(r, "ClickStream", "StreamConsumer");
    CHECK(e.startingPosition == sim::StartingPosition::Latest);
    CHECK(e.batchSize == 100);
    CHECK(e.batchingWindow == 5 * sim::kSecond);
    CHECK(e.parallelizationFactor == 2);
    CHECK(e.maximumRetryAttempts == 3);
    CHECK(e.maximumRecordAge == sim::kHour);  // 3,600 s
    CHECK(e.tumblingWindow == 2 * sim::kMinute);  // 120 s
    CHECK(e.reportBatchItemFailures);
    CHECK(r.warnings.empty());
}

TEST_CASE("DynamoDB stream with bisect and an on-failure destination") {
    const ImportResult r = importTemplate(R"(
Resources:
  OrdersTable:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      StreamSpecification:
        StreamViewType: NEW_AND_OLD_IMAGES
  Projector:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Changes:
          Type: DynamoDB
          Properties:
            Stream: !GetAtt OrdersTable.StreamArn
            StartingPosition: TRIM_HORIZON
            BisectBatchOnFunctionError: true
            MaximumRetryAttempts: 2
            DestinationConfig:
              OnFailure:
                Type: SQS
                Destination: !GetAtt FailedRecords.Arn
  FailedRecords:
    Type: AWS::SQS::Queue
)");
    REQUIRE(r.isTemplate);
    CHECK(node(r, "OrdersTable").type == sim::NodeType::DynamoDbStream);
    const sim::Edge& e = edge(r, "OrdersTable", "Projector");
    CHECK(e.startingPosition == sim::StartingPosition::TrimHorizon);
    CHECK(e.bisectBatchOnFunctionError);
    CHECK(e.maximumRetryAttempts == 2);
    CHECK(e.onFailure == "FailedRecords");
    CHECK(warned(r, "OrdersTable: Properties.BillingMode: not modelled by the playground"));
    CHECK(r.warnings.size() == 1);
    // The failure queue is a destination only: no traffic, laid out right of the function.
    CHECK(node(r, "FailedRecords").traffic.count == 0);
    CHECK(node(r, "FailedRecords").x > node(r, "Projector").x);
    CHECK(node(r, "Projector").x > node(r, "OrdersTable").x);
}

TEST_CASE("EventBridgeRule event: SAM's implicit rule named <Function><Event>") {
    const ImportResult r = importTemplate(R"(
Resources:
  OrderHandler:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        OrderPlaced:
          Type: EventBridgeRule
          Properties:
            Pattern:
              source: [com.example.orders]
)");
    REQUIRE(r.isTemplate);
    CHECK(node(r, "OrderHandlerOrderPlaced").type == sim::NodeType::EventBridge);
    edge(r, "OrderHandlerOrderPlaced", "OrderHandler");
    CHECK(warned(r, "OrderHandler: Properties.Events.OrderPlaced.Properties.Pattern: not modelled by the playground"));
}

TEST_CASE("CloudWatchLogs event: a log group's subscription filter") {
    const ImportResult r = importTemplate(R"(
Resources:
  AppLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 7
  LogShipper:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Errors:
          Type: CloudWatchLogs
          Properties:
            LogGroupName: !Ref AppLogs
            FilterPattern: ERROR
)");
    REQUIRE(r.isTemplate);
    CHECK(node(r, "AppLogs").type == sim::NodeType::CloudWatchLogs);
    edge(r, "AppLogs", "LogShipper");
    CHECK(warned(r, "AppLogs: Properties.RetentionInDays: not modelled by the playground"));
    CHECK(warned(r, "LogShipper: Properties.Events.Errors.Properties.FilterPattern: not modelled by the playground"));
    CHECK(r.warnings.size() == 2);
}

TEST_CASE("Api and HttpApi events: SAM's implicit APIs, or the API a RestApiId names") {
    const ImportResult r = importTemplate(R"(
Resources:
  GetOrders:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        List:
          Type: Api
          Properties: {Path: /orders, Method: get}
        ListV2:
          Type: HttpApi
  PutOrder:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Put:
          Type: Api
          Properties:
            RestApiId: !Ref OrdersApi
  OrdersApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
)");
    REQUIRE(r.isTemplate);
    CHECK(node(r, "ServerlessRestApi").type == sim::NodeType::ApiGateway);
    CHECK(node(r, "ServerlessHttpApi").type == sim::NodeType::ApiGateway);
    CHECK(node(r, "OrdersApi").type == sim::NodeType::ApiGateway);
    edge(r, "ServerlessRestApi", "GetOrders");
    edge(r, "ServerlessHttpApi", "GetOrders");
    edge(r, "OrdersApi", "PutOrder");
    CHECK(warned(r, "GetOrders: Properties.Events.List.Properties.Path: not modelled by the playground"));
    CHECK(warned(r, "OrdersApi: Properties.StageName: not modelled by the playground"));
}

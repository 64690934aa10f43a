// AWS SAM / CloudFormation template -> scenario (docs/import.md has the mapping table). Node ids are the
// template's logical ids; positions come from auto_layout.hpp; traffic, which no template holds, is a stated
// default per source (kDefaultImportTraffic) or what the caller gives.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/scenario_config.hpp"

namespace pg::templates {

/// Items each source sends after an import unless told otherwise: 100 items at 10 per second from 0 s.
constexpr std::int64_t kDefaultImportItems = 100;
constexpr double kDefaultImportRate = 10.0;

struct ImportOptions {
    std::map<std::string, std::int64_t> traffic;  ///< source logical id -> item count (--traffic SOURCE=N)
};

struct ImportResult {
    bool isTemplate = false;            ///< false: not YAML/JSON, or no Resources map (`error` says which)
    std::string error;
    sim::Scenario scenario;
    /// One line per resource or property the scenario does not model, "LogicalId: Properties.X: why".
    std::vector<std::string> warnings;
    std::vector<std::string> sources;   ///< ids of the nodes that got traffic (each feeds a function)
};

ImportResult importTemplate(const std::string& text, const ImportOptions& options = {});

/// Lays nodes out: sources left, functions middle, queues and destinations right, one row per node.
void layoutScenario(sim::Scenario& scenario);

/// The scenario reduced to what a template can say (the settings AWS has properties for): no positions,
/// labels, traffic, behaviour, model choices, send edges or node types without an AWS event source;
/// nodes and edges sorted. importTemplate(exportSam(s)).scenario projects to the same as s.
sim::Scenario awsProjection(const sim::Scenario& scenario);

/// The scenario as a SAM template (JSON, which SAM reads as YAML). `skipped` gets one line per node or
/// setting with no AWS property.
std::string exportSam(const sim::Scenario& scenario, std::vector<std::string>* skipped = nullptr);

}  // namespace pg::templates

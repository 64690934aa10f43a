// The inspector's parameter table: the settings (scenario/settings.hpp) of a node, an edge or the scenario,
// with values crossing as text ("30s", "5", "true", a node id); the scenario reader remains the judge of validity.
#pragma once
#include <string>
#include <vector>

#include "engine/scenario_config.hpp"
#include "scenario/settings.hpp"

namespace pg::ui {

/// Settings of a node (node >= 0), an edge (edge >= 0) or, with neither, the scenario: the service's own
/// settings first, scenario inputs such as traffic after them.
std::vector<const scenario::Setting*> paramsOf(const sim::Scenario& scenario, int node, int edge);
std::string getParam(const sim::Scenario& scenario, int node, int edge, const std::string& key);
/// Writes `value` into `scenario`; returns "" or why the text is not a value of that kind (not range checks:
/// those come from the validator on the whole candidate).
std::string setParam(sim::Scenario& scenario, int node, int edge, const std::string& key, const std::string& value);

/// The default as the inspector shows it: "3s", "none (unreserved pool)", "-1 (until the record expires)".
std::string defaultLabel(const scenario::Setting& setting);
/// The range as the inspector shows it: "between 1 s and 900 s", "TRIM_HORIZON | LATEST | AT_TIMESTAMP".
std::string rangeLabel(const scenario::Setting& setting);

/// For a traffic template setting (traffic.body, traffic.group, traffic.partition_key) with text `value`: the
/// first `count` items' expansion ("#1 order-1"), as the engine renders them ({n}; {n%K} in group and key
/// templates); empty for any other setting, and for an empty group template.
std::vector<std::string> templatePreview(const std::string& key, const std::string& value, int count);

}  // namespace pg::ui

// validate(): the problems of a Scenario held as data, as structured errors (path, rule, message).
// Key values are checked by the reader (their one implementation: ranges, lengths, limits) reading the
// canonical JSON; the cross-checks run on the Scenario itself, through the reader's checkGraph.
#include "reader_support.hpp"

namespace pg::scenario {

std::vector<ScenarioError> validate(const sim::Scenario& scenario) {
    detail::ValueReader sink;
    try {
        sink.errors = detail::readScenarioText(writeScenario(scenario, -1), false).errors;
        detail::checkGraph(scenario, detail::crossCheckInputsOf(scenario), sink);
    } catch (const std::exception& e) {
        sink.error("", std::string("internal error while checking the scenario: ") + e.what());
    }
    return sink.errors;
}

} // namespace pg::scenario

// The resource-by-resource part of the import (import_template.cpp drives it): each resource type's properties
// into node settings, and events, mappings, subscriptions, notifications and targets into edges.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "engine/scenario_config.hpp"
#include "template_refs.hpp"

namespace pg::templates {

class Wiring {
public:
    Wiring(const TemplateValues& values, sim::Scenario& scenario, std::vector<std::string>& warnings)
        : m_values(values), m_scenario(scenario), m_warnings(warnings) {}

    void addNode(const std::string& id, sim::NodeType type);
    /// Reads one resource; false when its type is not modelled at all (the caller reports it).
    bool readResource(const std::string& id, const std::string& type, PropertyReader& props);
    void finish() {}
    bool isFunction(const std::string& id) const;

private:
    sim::Node* find(const std::string& id);
    void readFunction(const std::string& id, PropertyReader& p);
    void readAsync(PropertyReader& p, sim::AsyncConfig& async);
    void readEvent(const std::string& fnId, const std::string& name, const Json& event);
    void readMapping(PropertyReader& p, sim::Edge& e, bool stream);
    void readQueue(sim::Node& n, PropertyReader& p);
    void readTopic(const std::string& id, PropertyReader& p);
    void readBucket(const std::string& id, PropertyReader& p);
    void readRule(const std::string& id, PropertyReader& p);
    void readSubscription(PropertyReader& p);
    void readEventSourceMapping(PropertyReader& p);
    void readEventInvokeConfig(PropertyReader& p);
    /// The destination id at key (a Destination or TargetArn), checked to be a node.
    std::string destination(PropertyReader& p, const std::string& key);
    /// Adds the edge unless an endpoint is not a node of the right kind or it repeats one (both reported).
    void addEdge(sim::Edge edge, PropertyReader& p, const std::string& key);

    const TemplateValues& m_values;
    sim::Scenario& m_scenario;
    std::vector<std::string>& m_warnings;
    std::map<std::string, std::size_t> m_index;
};

}  // namespace pg::templates

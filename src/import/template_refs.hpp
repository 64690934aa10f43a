// Reading a template's values: references to logical ids (Ref, Fn::GetAtt, Fn::Sub and their short tags),
// parameter defaults, numbers written as numbers or strings, and property maps whose unread keys are reported.
#pragma once
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "template_document.hpp"

namespace pg::templates {

class TemplateValues {
public:
    TemplateValues(const Json& resources, const Json& parameters) : m_resources(resources), m_parameters(parameters) {}

    /// A value with parameter references replaced by their defaults ({"Ref": P} -> Parameters.P.Default).
    Json resolved(const Json& value) const;
    /// The logical id of the resource a value references, or nullopt (an ARN string, an import, a parameter).
    std::optional<std::string> referencedResource(const Json& value) const;
    bool isResource(const std::string& id) const { return m_resources.is_object() && m_resources.contains(id); }
    std::string typeOf(const std::string& id) const;

private:
    const Json& m_resources;
    const Json& m_parameters;
};

/// One property map being read: get() marks a key as read; finish() reports every key never read, one
/// warning per property path, so nothing in the template is dropped silently.
class PropertyReader {
public:
    PropertyReader(const TemplateValues& values, std::vector<std::string>& warnings, std::string owner,
                   std::string path, const Json& object);
    const Json* get(const std::string& key);
    /// A number (or a numeric string) at key; a present non-number is reported and gives nullopt.
    std::optional<double> number(const std::string& key);
    std::optional<bool> boolean(const std::string& key);
    std::optional<std::string> text(const std::string& key);
    std::optional<std::string> reference(const std::string& key);  ///< logical id; else reported
    PropertyReader child(const std::string& key);  ///< the nested map at key (empty if absent)
    bool has(const std::string& key) const { return m_object.is_object() && m_object.contains(key); }
    void warn(const std::string& key, const std::string& why);
    void finish(const std::string& why = "not modelled by the playground");
    const std::string& owner() const { return m_owner; }
    std::string pathOf(const std::string& key) const { return m_path + "." + key; }

private:
    const TemplateValues& m_values;
    std::vector<std::string>& m_warnings;
    std::string m_owner, m_path;
    Json m_object;
    std::set<std::string> m_read;
};

}  // namespace pg::templates

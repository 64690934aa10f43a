// Values, references and property maps of a template (template_refs.hpp).
#include "template_refs.hpp"

#include <cstdlib>

namespace pg::templates {

Json TemplateValues::resolved(const Json& value) const {
    for (int hops = 0; hops < 8; ++hops) {  // a parameter default is a literal; the bound only stops a loop
        if (!value.is_object() || value.size() != 1 || !value.contains("Ref") || !value["Ref"].is_string()) break;
        const std::string name = value["Ref"].get<std::string>();
        if (!m_parameters.is_object() || !m_parameters.contains(name)) break;
        const Json& param = m_parameters[name];
        if (!param.is_object() || !param.contains("Default")) break;
        return param["Default"];
    }
    return value;
}

std::optional<std::string> TemplateValues::referencedResource(const Json& raw) const {
    const Json value = resolved(raw);
    if (value.is_string()) {
        const std::string s = value.get<std::string>();
        if (isResource(s)) return s;  // a bare logical id (SAM accepts one in several places)
        return std::nullopt;
    }
    if (!value.is_object() || value.size() != 1) return std::nullopt;
    const std::string key = value.begin().key();
    const Json& arg = value.begin().value();
    if (key == "Ref" && arg.is_string() && isResource(arg.get<std::string>())) return arg.get<std::string>();
    if (key == "Fn::GetAtt") {
        std::string id;
        if (arg.is_array() && !arg.empty() && arg[0].is_string()) id = arg[0].get<std::string>();
        if (arg.is_string()) id = arg.get<std::string>().substr(0, arg.get<std::string>().find('.'));
        if (isResource(id)) return id;
    }
    if (key == "Fn::Sub") {
        // The first ${Name} or ${Name.Attr} naming a resource: "arn:...:${MyQueue.QueueName}".
        const std::string s = arg.is_array() && !arg.empty() && arg[0].is_string() ? arg[0].get<std::string>()
                              : arg.is_string()                                 ? arg.get<std::string>()
                                                                                : "";
        for (std::size_t at = s.find("${"); at != std::string::npos; at = s.find("${", at + 2)) {
            const auto end = s.find('}', at);
            if (end == std::string::npos) break;
            const std::string inner = s.substr(at + 2, end - at - 2);
            const std::string id = inner.substr(0, inner.find('.'));
            if (isResource(id)) return id;
        }
    }
    return std::nullopt;
}

std::string TemplateValues::typeOf(const std::string& id) const {
    if (!isResource(id)) return "";
    const Json& r = m_resources[id];
    return r.is_object() && r.contains("Type") && r["Type"].is_string() ? r["Type"].get<std::string>() : "";
}

PropertyReader::PropertyReader(const TemplateValues& values, std::vector<std::string>& warnings, std::string owner,
                               std::string path, const Json& object)
    : m_values(values), m_warnings(warnings), m_owner(std::move(owner)), m_path(std::move(path)),
      m_object(values.resolved(object)) {}

const Json* PropertyReader::get(const std::string& key) {
    if (!has(key)) return nullptr;
    m_read.insert(key);
    return &m_object[key];
}

void PropertyReader::warn(const std::string& key, const std::string& why) {
    m_warnings.push_back(m_owner + ": " + pathOf(key) + ": " + why);
}

std::optional<double> PropertyReader::number(const std::string& key) {
    const Json* v = get(key);
    if (!v) return std::nullopt;
    const Json value = m_values.resolved(*v);
    if (value.is_number()) return value.get<double>();
    if (value.is_string()) {
        const std::string s = value.get<std::string>();
        char* end = nullptr;
        const double d = std::strtod(s.c_str(), &end);
        if (!s.empty() && end && *end == '\0') return d;
    }
    warn(key, "expected a number; ignored");
    return std::nullopt;
}

std::optional<bool> PropertyReader::boolean(const std::string& key) {
    const Json* v = get(key);
    if (!v) return std::nullopt;
    const Json value = m_values.resolved(*v);
    if (value.is_boolean()) return value.get<bool>();
    if (value == "true" || value == "false") return value == "true";
    warn(key, "expected true or false; ignored");
    return std::nullopt;
}

std::optional<std::string> PropertyReader::text(const std::string& key) {
    const Json* v = get(key);
    if (!v) return std::nullopt;
    const Json value = m_values.resolved(*v);
    if (value.is_string()) return value.get<std::string>();
    warn(key, "expected a string; ignored");
    return std::nullopt;
}

std::optional<std::string> PropertyReader::reference(const std::string& key) {
    const Json* v = get(key);
    if (!v) return std::nullopt;
    auto id = m_values.referencedResource(*v);
    if (!id) warn(key, "does not reference a resource of this template (an ARN or import); ignored");
    return id;
}

PropertyReader PropertyReader::child(const std::string& key) {
    const Json* v = get(key);
    PropertyReader reader(m_values, m_warnings, m_owner, pathOf(key), v ? *v : Json::object());
    if (v && !reader.m_object.is_object()) {
        warn(key, "expected a map; ignored");
        reader.m_object = Json::object();
    }
    return reader;
}

void PropertyReader::finish(const std::string& why) {
    if (!m_object.is_object()) return;
    for (const auto& item : m_object.items())
        if (!m_read.count(item.key())) warn(item.key(), why);
}

}  // namespace pg::templates

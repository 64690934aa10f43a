// YAML/JSON text -> JSON document with CloudFormation tags in long form (template_document.hpp).
#include "template_document.hpp"

#include <cstdlib>
#include <regex>

#include <yaml-cpp/yaml.h>

namespace pg::templates {
namespace {

/// A plain (untagged, unquoted) scalar as YAML 1.2's core schema types it.
Json plainScalar(const std::string& s) {
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
    static const std::regex integer("[-+]?[0-9]+");
    static const std::regex decimal("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    if (std::regex_match(s, integer) && s.size() < 18) return std::strtoll(s.c_str(), nullptr, 10);
    if (std::regex_match(s, decimal)) return std::strtod(s.c_str(), nullptr);
    return s;
}

/// CloudFormation short form "!Name" -> its long-form key: "Ref" for !Ref, "Fn::Name" otherwise.
std::string longFormKey(const std::string& tag) {
    const std::string name = tag.substr(1);
    return name == "Ref" || name == "Condition" ? name : "Fn::" + name;
}

Json convert(const YAML::Node& node, int depth) {
    if (depth > 200) throw std::runtime_error("nesting deeper than 200 levels");
    Json value;
    switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        value = nullptr;
        break;
    case YAML::NodeType::Scalar:
        // Tag "!" = quoted (a string); "?" = plain (typed by the core schema); "!X" = a CloudFormation tag.
        value = node.Tag() == "?" ? plainScalar(node.Scalar()) : Json(node.Scalar());
        break;
    case YAML::NodeType::Sequence:
        value = Json::array();
        for (const YAML::Node& child : node) value.push_back(convert(child, depth + 1));
        break;
    case YAML::NodeType::Map:
        value = Json::object();
        for (const auto& pair : node) value[pair.first.as<std::string>()] = convert(pair.second, depth + 1);
        break;
    }
    const std::string& tag = node.Tag();
    if (tag.size() > 1 && tag[0] == '!' && tag[1] != '!') {
        const std::string key = longFormKey(tag);
        // !GetAtt A.B is the one short form whose scalar splits: Fn::GetAtt takes [A, B].
        if (key == "Fn::GetAtt" && value.is_string()) {
            const std::string s = value.get<std::string>();
            const auto dot = s.find('.');
            value = dot == std::string::npos ? Json::array({s, ""}) : Json::array({s.substr(0, dot), s.substr(dot + 1)});
        }
        return Json{{key, value}};
    }
    return value;
}

}  // namespace

TemplateDocument parseTemplateText(const std::string& text) {
    TemplateDocument doc;
    try {
        doc.root = convert(YAML::Load(text), 0);
    } catch (const YAML::Exception& e) {
        doc.error = "line " + std::to_string(e.mark.line + 1) + ", column " + std::to_string(e.mark.column + 1) +
                    ": " + e.msg;
    } catch (const std::exception& e) {
        doc.error = e.what();
    }
    return doc;
}

}  // namespace pg::templates

// A template's text (YAML or JSON) as one JSON document: CloudFormation's short tags (!Ref, !GetAtt, !Sub, ...)
// become their long forms ({"Ref": x}, {"Fn::GetAtt": [a, b]}, {"Fn::Sub": s}), so the importer reads one shape.
// Parsed by yaml-cpp (Debian's yaml-cpp; JSON is YAML); the key order of the text is kept.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace pg::templates {

using Json = nlohmann::ordered_json;

struct TemplateDocument {
    Json root;
    std::string error;  ///< "" when the text parsed; else "line L, column C: what"
    bool ok() const { return error.empty(); }
};

/// Never throws. Plain scalars become numbers, booleans or null as YAML 1.2's core schema reads them;
/// quoted scalars stay strings.
TemplateDocument parseTemplateText(const std::string& text);

}  // namespace pg::templates

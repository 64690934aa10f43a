// lambda-playground import FILE|- [--traffic SOURCE=N]   AWS SAM / CloudFormation template -> scenario JSON
// lambda-playground export-sam FILE.json                  scenario -> SAM template (JSON)
// Both print the result on stdout and one line per unmodelled resource or setting on stderr.
#pragma once
#include <string>
#include <vector>

namespace pg::cli {

int importCommand(const std::vector<std::string>& args);
int exportSamCommand(const std::vector<std::string>& args);

}  // namespace pg::cli

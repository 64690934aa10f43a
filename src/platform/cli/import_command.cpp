// The import and export-sam commands (import_command.hpp). Exit 2 for a file that is not a template, a
// scenario that does not parse, or bad arguments.
#include "import_command.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "import/import_template.hpp"
#include "scenario/scenario_json.hpp"

namespace pg::cli {
namespace {

int fail(const std::string& message) {
    std::cerr << "lambda-playground: " << message << "\n";
    return 2;
}

bool readInput(const std::string& file, std::string& text) {
    if (file == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        return true;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    std::stringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
    return true;
}

}  // namespace

int importCommand(const std::vector<std::string>& args) {
    std::string file;
    templates::ImportOptions options;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--traffic") {
            if (i + 1 >= args.size()) return fail("--traffic needs SOURCE=N");
            const std::string& value = args[++i];
            const auto eq = value.find('=');
            const std::string count = eq == std::string::npos ? "" : value.substr(eq + 1);
            if (eq == 0 || count.empty() || count.size() > 7 || count.find_first_not_of("0123456789") != std::string::npos)
                return fail("--traffic: '" + value + "' is not SOURCE=N (N a whole number up to 1000000)");
            options.traffic[value.substr(0, eq)] = std::stoll(count);
        } else if (a != "-" && !a.empty() && a[0] == '-') {
            return fail("unknown option '" + a + "'");
        } else if (file.empty()) {
            file = a;
        } else {
            return fail("more than one template given");
        }
    }
    if (file.empty()) return fail("import needs a template file (or - for stdin)");
    std::string text;
    if (!readInput(file, text)) return fail("cannot read " + file);
    const templates::ImportResult result = templates::importTemplate(text, options);
    if (!result.isTemplate) {
        std::cerr << file << ": " << result.error << "\n";
        return 2;
    }
    for (const auto& entry : options.traffic) {
        bool known = false;
        for (const std::string& s : result.sources) known = known || s == entry.first;
        if (!known) return fail("--traffic: " + entry.first + " is not a source of this template");
    }
    for (const std::string& w : result.warnings) std::cerr << file << ": " << w << "\n";
    const auto errors = scenario::validate(result.scenario);
    if (!errors.empty()) {
        std::cerr << file << ": the imported scenario is not valid\n" << scenario::formatErrors(errors);
        return 2;
    }
    std::cout << scenario::writeScenario(result.scenario) << "\n";
    return 0;
}

int exportSamCommand(const std::vector<std::string>& args) {
    if (args.size() != 2) return fail("export-sam needs exactly one scenario file");
    std::string text;
    if (!readInput(args[1], text)) return fail("cannot read " + args[1]);
    const scenario::ParseResult parsed = scenario::parseScenario(text);
    if (!parsed.ok()) {
        std::cerr << args[1] << ": invalid scenario\n" << scenario::formatErrors(parsed.errors);
        return 2;
    }
    std::vector<std::string> skipped;
    std::cout << templates::exportSam(parsed.scenario, &skipped);
    for (const std::string& line : skipped) std::cerr << args[1] << ": not exported: " << line << "\n";
    return 0;
}

}  // namespace pg::cli

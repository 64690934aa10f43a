// The shipped components and their pinned versions (notices.hpp).
#include "notices.hpp"

#include <sstream>

namespace pg::ui {

const std::vector<ShippedComponent>& shippedComponents() {
    static const std::vector<ShippedComponent> components = {
        {"Dear ImGui", "the user interface", "MIT", "source:imgui", "dear-imgui.txt"},
        {"SDL2", "window, input and WebGL context", "Zlib", "source:libsdl2", "sdl2.txt"},
        {"zlib", "share-link compression", "Zlib", "source:zlib", "zlib.txt"},
        {"yaml-cpp", "importing AWS SAM / CloudFormation templates", "MIT", "source:yaml-cpp", "yaml-cpp.txt"},
        {"JSON for Modern C++ (nlohmann/json)", "scenario files and links", "MIT", "deb:nlohmann-json3-dev",
         "nlohmann-json.txt"},
        {"DejaVu fonts", "the page's text (subset)", "Bitstream Vera and public domain", "deb:fonts-dejavu-core",
         "dejavu-fonts.txt"},
        {"Emscripten runtime (musl, libc++, JavaScript glue)", "the WebAssembly runtime", "MIT/NCSA and others",
         "emscripten", "emscripten.txt"},
    };
    return components;
}

std::string lockedVersion(const std::string& lockText, const std::string& key) {
    std::istringstream in(lockText);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        std::string name, version;
        if (!(words >> name >> version) || name != key) continue;
        return version == "-" ? "Debian bookworm" : version;
    }
    return "";
}

}  // namespace pg::ui

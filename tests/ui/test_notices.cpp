// Help > About's list of shipped components (issue 20): each is pinned in emsdk.lock and has its notice file
// assembled by cmake/web_notices.cmake, so the About box never names a version or a text that is not there.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "ui/notices.hpp"

using namespace pg::ui;

namespace {
std::string readSource(const char* relative) {
    std::ifstream in(std::filesystem::path(PG_SOURCE_DIR) / relative, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

TEST_CASE("every shipped component is pinned in emsdk.lock and has a notice the build copies") {
    const std::string lock = readSource("emsdk.lock");
    const std::string notices = readSource("cmake/web_notices.cmake");
    REQUIRE_FALSE(lock.empty());
    REQUIRE_FALSE(notices.empty());
    std::set<std::string> files;
    for (const ShippedComponent& c : shippedComponents()) {
        CAPTURE(c.name);
        CHECK_FALSE(lockedVersion(lock, c.lockKey).empty());
        // the build script names the notice file it writes (one per component, no two sharing a file)
        CHECK(notices.find(std::string("/") + c.noticeFile) != std::string::npos);
        CHECK(files.insert(c.noticeFile).second);
    }
}

TEST_CASE("lockedVersion reads 'name version' lines, skips comments, and names 'any version'") {
    const std::string lock = "# comment source:libsdl2 9.9\nsource:libsdl2 2.26.5+dfsg-1\ndeb:chromium -\n"
                             "emscripten 3.1.6\n";
    CHECK(lockedVersion(lock, "source:libsdl2") == "2.26.5+dfsg-1");
    CHECK(lockedVersion(lock, "emscripten") == "3.1.6");
    CHECK(lockedVersion(lock, "deb:chromium") == "Debian bookworm");
    CHECK(lockedVersion(lock, "source:imgui") == "");
    CHECK(lockedVersion(lock, "source:libsdl") == "");  // whole names only
}

// What the shipped page is built from (Help > About): each third-party component, its licence, where its
// version is pinned (emsdk.lock) and the notice file the build copies next to the page (cmake/web_notices.cmake).
// ImGui-free (pg_ui_model), so the list is tested natively against the real emsdk.lock.
#pragma once
#include <string>
#include <vector>

namespace pg::ui {

struct ShippedComponent {
    const char* name;        ///< "SDL2"
    const char* role;        ///< what it does in the page
    const char* licence;     ///< SPDX-style short name
    const char* lockKey;     ///< its line in emsdk.lock ("source:libsdl2", "deb:nlohmann-json3-dev")
    const char* noticeFile;  ///< under notices/ next to the page: the licence text the build copied
};

/// Every third-party component compiled into or shipped with the page, in the order About lists them.
const std::vector<ShippedComponent>& shippedComponents();

/// The version pinned for `key` in emsdk.lock's text ("name version" lines, '#' comments); "" when absent.
/// A "-" (any version) reads as "Debian bookworm".
std::string lockedVersion(const std::string& lockText, const std::string& key);

}  // namespace pg::ui

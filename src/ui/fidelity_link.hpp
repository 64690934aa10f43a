// Which entry of the fidelity reference (docs/fidelity.md, published as docs/fidelity.html) a citation opens:
// the inspector's source badges link to it. ImGui-free (pg_ui_model), tested against the reference itself.
#pragma once
#include <string>
#include <vector>

#include "scenario/settings.hpp"

namespace pg::ui {

/// Keys a text cites, in order, without repeats: "FIDELITY 6.2" sections (matching FIDELITY [0-9]+(\.[0-9]+)?)
/// and source keys such as "DG-KIN-2022" (matching [A-Z]{2,}-[A-Z0-9-]{2,}).
std::vector<std::string> citedKeys(const std::string& text);

/// The reference's anchor for one key: "FIDELITY 6.2" -> "fidelity-6-2", "DG-KIN-2022" -> "src-dg-kin-2022".
std::string anchorOfKey(const std::string& key);

/// The anchor a setting's badge opens: its model choice ("mc-<topic>") or the first section (else the first
/// source key) its citation names; "" when it names none (a plain scenario input).
std::string fidelityAnchor(const scenario::Setting& setting);

/// The page next to the app that shows `anchor`: "docs/fidelity.html#<anchor>".
std::string fidelityPage(const std::string& anchor);

}  // namespace pg::ui

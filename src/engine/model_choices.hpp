// The rules the engine applies that AWS does not document (FIDELITY 7 and [U]/[C] rows), as data the UI can
// list and label "model choice".
#pragma once
#include <vector>

namespace pg::sim {

struct ModelChoice {
    const char* topic;        ///< short key, e.g. "async_retry_wait_origin"
    const char* description;  ///< what the engine does
    const char* basis;        ///< FIDELITY.md row / evidence
    bool documented;          ///< false: AWS does not state it
};

const std::vector<ModelChoice>& modelChoices();

}  // namespace pg::sim

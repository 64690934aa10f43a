// Warnings that explain a scenario's trap (SQS loop without redrive, DLQ on an SQS-triggered function, partial
// batch responses ignored, poison record, recursive loop), read from the scenario and the engine's views.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/engine.hpp"

namespace pg::ui {

struct Warning {
    const char* kind;  ///< stable key for tests: "sqs_no_redrive_loop", "dlq_on_sqs_function", ...
    std::string title;
    std::string text;
    std::string node;                    ///< node the warning is about ("" none)
    std::uint32_t item = sim::kNone;     ///< item the warning is about
};

/// Receives after which a message without a redrive policy is reported as looping.
constexpr int kLoopReceives = 3;

std::vector<Warning> computeWarnings(const sim::Engine& engine);

}  // namespace pg::ui

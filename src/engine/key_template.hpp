// Templates of SQS FIFO message groups and stream partition keys: "{n}" is the item number (from 1) and
// "{n%K}" the item number modulo K (K >= 1), so "user-{n%4}" spreads items over four groups or keys.
#pragma once
#include <cstdint>
#include <string>

namespace pg::sim {

/// Writes `keyTemplate` rendered for item `number` into `out` (reusing its capacity).
void renderKeyTemplate(const std::string& keyTemplate, std::uint32_t number, std::string& out);

/// FNV-1a 32 of `text` (deterministic on every platform): shard and lane choice for partition keys.
std::uint32_t keyHash(const std::string& text);

/// keyHash of `keyTemplate` rendered for item `number`, computed without building the text (once per stream
/// record: it picks the record's shard).
std::uint32_t keyTemplateHash(const std::string& keyTemplate, std::uint32_t number);

}  // namespace pg::sim

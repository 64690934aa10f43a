// Maps JSON pointers to line:column in the text they came from, so errors can say where to look.
// Internal to src/scenario. Works on any text (it never reads past the end) but is meant for valid JSON.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace pg::scenario::detail {

struct TextPosition {
    int line = 0;    // 1-based; 0 = unknown
    int column = 0;  // 1-based, in bytes
};

class JsonPositions {
public:
    explicit JsonPositions(const std::string& text);
    /// Position of the value at `pointer` (of its key, for object members); for a pointer that does not
    /// exist (a missing key), the position of its nearest existing ancestor.
    TextPosition find(std::string pointer) const;
    static TextPosition positionOfOffset(const std::string& text, std::size_t offset);
    /// Keys that appear more than once in the same object (JSON readers keep only the last): the pointer
    /// and the offset of each repeated occurrence.
    const std::vector<std::pair<std::string, std::size_t>>& duplicateKeys() const { return m_duplicates; }

private:
    TextPosition positionOf(std::size_t offset) const;

    std::vector<std::size_t> m_lineStarts;  // offset of the first byte of each line
    std::map<std::string, std::size_t> m_offsets;
    std::vector<std::pair<std::string, std::size_t>> m_duplicates;
};

}  // namespace pg::scenario::detail

// JSON pointer -> text position: one iterative scan (no recursion, so deep nesting cannot overflow the stack).
#include "json_positions.hpp"

#include <algorithm>

namespace pg::scenario::detail {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Reads a string starting at text[pos] == '"'; returns its raw contents (escapes other than \" \\ \/ kept
// as written) and leaves pos after the closing quote.
std::string readString(const std::string& text, std::size_t& pos) {
    std::string out;
    ++pos;
    while (pos < text.size() && text[pos] != '"') {
        if (text[pos] == '\\' && pos + 1 < text.size()) {
            char e = text[pos + 1];
            if (e == '"' || e == '\\' || e == '/') out += e;
            else out += text.substr(pos, 2);
            pos += 2;
        } else {
            out += text[pos++];
        }
    }
    if (pos < text.size()) ++pos;
    return out;
}

std::string escapePointerToken(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

struct Frame {
    bool isObject;
    std::string base;
    std::size_t index;
    bool deep;  // beyond kMaxRecordedDepth: scanned, not recorded
};

// Scenario paths are at most ~8 levels deep. Recording deeper levels would cost O(depth^2) memory on a
// hostile document ("[[[[..." is 1 MiB of 2-byte path segments per level).
constexpr std::size_t kMaxRecordedDepth = 32;

}  // namespace

JsonPositions::JsonPositions(const std::string& text) {
    m_lineStarts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') m_lineStarts.push_back(i + 1);
    std::vector<Frame> stack;
    std::size_t pos = 0;
    std::string path;  // pointer of the value about to be read
    enum class Expect { Value, Key, After } expect = Expect::Value;
    const std::size_t n = text.size();
    auto skipWs = [&] {
        while (pos < n && isSpace(text[pos])) ++pos;
    };
    while (pos < n) {
        skipWs();
        if (pos >= n) break;
        const bool deep = !stack.empty() && stack.back().deep;
        if (expect == Expect::Value) {
            if (!deep) m_offsets.emplace(path, pos);  // keeps the key's position for object members
            char c = text[pos];
            if (c == '{' || c == '[') {
                const bool childDeep = deep || stack.size() >= kMaxRecordedDepth;
                stack.push_back({c == '{', childDeep ? std::string() : path, 0, childDeep});
                ++pos;
                skipWs();
                if (pos < n && (text[pos] == '}' || text[pos] == ']')) {
                    ++pos;
                    stack.pop_back();
                    expect = Expect::After;
                } else if (c == '{') {
                    expect = Expect::Key;
                } else {
                    path = childDeep ? std::string() : stack.back().base + "/0";
                }
            } else if (c == '"') {
                readString(text, pos);
                expect = Expect::After;
            } else {
                while (pos < n && !isSpace(text[pos]) && text[pos] != ',' && text[pos] != '}' && text[pos] != ']')
                    ++pos;
                expect = Expect::After;
            }
        } else if (expect == Expect::Key) {
            if (text[pos] != '"' || stack.empty()) return;  // not valid JSON: stop quietly
            std::size_t keyPos = pos;
            std::string key = readString(text, pos);
            if (!deep) {
                path = stack.back().base + "/" + escapePointerToken(key);
                if (!m_offsets.emplace(path, keyPos).second) m_duplicates.emplace_back(path, keyPos);
            }
            skipWs();
            if (pos >= n || text[pos] != ':') return;
            ++pos;
            expect = Expect::Value;
        } else {
            if (stack.empty()) return;
            char c = text[pos++];
            Frame& top = stack.back();
            if (c == ',') {
                if (top.isObject) {
                    expect = Expect::Key;
                } else {
                    ++top.index;
                    if (!top.deep) path = top.base + "/" + std::to_string(top.index);
                    expect = Expect::Value;
                }
            } else if (c == '}' || c == ']') {
                stack.pop_back();
            } else {
                return;
            }
        }
    }
}

TextPosition JsonPositions::positionOfOffset(const std::string& text, std::size_t offset) {
    TextPosition p{1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else {
            ++p.column;
        }
    }
    return p;
}

TextPosition JsonPositions::positionOf(std::size_t offset) const {
    auto next = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const std::size_t line = static_cast<std::size_t>(next - m_lineStarts.begin());  // 1-based
    return {static_cast<int>(line), static_cast<int>(offset - m_lineStarts[line - 1] + 1)};
}

TextPosition JsonPositions::find(std::string pointer) const {
    for (;;) {
        auto it = m_offsets.find(pointer);
        if (it != m_offsets.end()) return positionOf(it->second);
        if (pointer.empty()) return {};
        pointer.erase(pointer.rfind('/') == std::string::npos ? 0 : pointer.rfind('/'));
    }
}

}  // namespace pg::scenario::detail

// JSON pointer -> text position: one iterative scan (no recursion, so deep nesting cannot overflow the stack).
#include "json_positions.hpp"

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
};

}  // namespace

JsonPositions::JsonPositions(const std::string& text) : m_text(text) {
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
        if (expect == Expect::Value) {
            m_offsets.emplace(path, pos);  // keeps the key's position for object members
            char c = text[pos];
            if (c == '{' || c == '[') {
                stack.push_back({c == '{', path, 0});
                ++pos;
                skipWs();
                if (pos < n && (text[pos] == '}' || text[pos] == ']')) {
                    ++pos;
                    stack.pop_back();
                    expect = Expect::After;
                } else if (c == '{') {
                    expect = Expect::Key;
                } else {
                    path = stack.back().base + "/0";
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
            path = stack.back().base + "/" + escapePointerToken(key);
            if (!m_offsets.emplace(path, keyPos).second) m_duplicates.emplace_back(path, keyPos);
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
                    path = top.base + "/" + std::to_string(++top.index);
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

TextPosition JsonPositions::find(std::string pointer) const {
    for (;;) {
        auto it = m_offsets.find(pointer);
        if (it != m_offsets.end()) return positionOfOffset(m_text, it->second);
        if (pointer.empty()) return {};
        pointer.erase(pointer.rfind('/') == std::string::npos ? 0 : pointer.rfind('/'));
    }
}

}  // namespace pg::scenario::detail

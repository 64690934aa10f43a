// Citation keys -> anchors of docs/fidelity.md (see fidelity_link.hpp). Hand-written scanners instead of
// std::regex keep the wasm module small; tests/ui/test_fidelity_reference.cpp checks them against std::regex.
#include "fidelity_link.hpp"

#include <algorithm>
#include <cctype>

namespace pg::ui {

namespace {
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isKeyTail(char c) { return isUpper(c) || isDigit(c) || c == '-'; }

/// Length of "FIDELITY N(.M)" at `i`, or 0.
std::size_t sectionAt(const std::string& s, std::size_t i) {
    static const std::string kWord = "FIDELITY ";
    if (s.compare(i, kWord.size(), kWord) != 0) return 0;
    std::size_t j = i + kWord.size();
    const std::size_t digits = j;
    while (j < s.size() && isDigit(s[j])) ++j;
    if (j == digits) return 0;
    if (j + 1 < s.size() && s[j] == '.' && isDigit(s[j + 1])) {
        ++j;
        while (j < s.size() && isDigit(s[j])) ++j;
    }
    return j - i;
}

/// Length of a source key ([A-Z]{2,}-[A-Z0-9-]{2,}, greedy, leftmost) starting at `i`, or 0.
std::size_t sourceKeyAt(const std::string& s, std::size_t i) {
    std::size_t j = i;
    while (j < s.size() && isUpper(s[j])) ++j;
    // The regex backtracks the upper-case run to the last '-' it can use; a run is letters then '-'.
    if (j - i < 2 || j >= s.size() || s[j] != '-') return 0;
    std::size_t k = j + 1;
    while (k < s.size() && isKeyTail(s[k])) ++k;
    return k - (j + 1) >= 2 ? k - i : 0;
}
}  // namespace

std::vector<std::string> citedKeys(const std::string& text) {
    std::vector<std::string> keys;
    auto add = [&](std::string k) {
        if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(std::move(k));
    };
    for (std::size_t i = 0; i < text.size();) {
        if (std::size_t n = sectionAt(text, i)) {
            add(text.substr(i, n));
            i += n;
        } else if (std::size_t m = sourceKeyAt(text, i)) {
            add(text.substr(i, m));
            i += m;
        } else if (isUpper(text[i])) {
            // skip the whole upper-case run: a key starts only at the beginning of one
            while (i < text.size() && isUpper(text[i])) ++i;
        } else {
            ++i;
        }
    }
    return keys;
}

std::string anchorOfKey(const std::string& key) {
    std::string out = key.rfind("FIDELITY ", 0) == 0 ? "fidelity-" + key.substr(9) : "src-" + key;
    for (char& c : out) c = c == '.' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string fidelityAnchor(const scenario::Setting& setting) {
    const std::string citation = setting.citation ? setting.citation : "";
    if (setting.source == scenario::SettingSource::ModelChoice && !citation.empty() &&
        citation.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos)
        return "mc-" + citation;
    const std::vector<std::string> keys = citedKeys(citation);
    for (const std::string& k : keys)
        if (k.rfind("FIDELITY ", 0) == 0) return anchorOfKey(k);
    return keys.empty() ? std::string() : anchorOfKey(keys.front());
}

std::string fidelityPage(const std::string& anchor) { return "docs/fidelity.html#" + anchor; }

}  // namespace pg::ui

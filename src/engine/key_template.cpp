// Group / partition key templates and their hash.
#include "key_template.hpp"

namespace pg::sim {

namespace {

/// Walks `keyTemplate` for item `number`: literal characters go to out.text(c), each "{n}" / "{n%K}" to
/// out.number(v). Rendering and hashing share it, so a key's hash is always the hash of its rendered text.
template <typename Out>
void walkKeyTemplate(const std::string& keyTemplate, std::uint32_t number, Out& out) {
    const std::size_t n = keyTemplate.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (keyTemplate[i] == '{' && i + 2 < n && keyTemplate[i + 1] == 'n') {
            if (keyTemplate[i + 2] == '}') {
                out.number(number);
                i += 2;
                continue;
            }
            if (keyTemplate[i + 2] == '%') {  // {n%K}
                std::size_t j = i + 3;
                std::uint64_t k = 0;
                while (j < n && keyTemplate[j] >= '0' && keyTemplate[j] <= '9' && k < 1000000000u)
                    k = k * 10 + static_cast<std::uint64_t>(keyTemplate[j++] - '0');
                if (j < n && keyTemplate[j] == '}' && k > 0 && j > i + 3) {
                    out.number(static_cast<std::uint32_t>(number % k));
                    i = j;
                    continue;
                }
            }
        }
        out.text(keyTemplate[i]);
    }
}

struct RenderOut {
    std::string& s;
    void text(char c) { s += c; }
    void number(std::uint32_t v) { s += std::to_string(v); }
};

/// FNV-1a 32 over the characters a RenderOut would write, without writing them.
struct HashOut {
    std::uint32_t h = 2166136261u;
    void text(char c) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619u;
    }
    void number(std::uint32_t v) {
        char digits[10];
        int k = 0;
        do {
            digits[k++] = static_cast<char>('0' + v % 10);
            v /= 10;
        } while (v > 0);
        while (k > 0) text(digits[--k]);
    }
};

}  // namespace

void renderKeyTemplate(const std::string& keyTemplate, std::uint32_t number, std::string& out) {
    out.clear();
    RenderOut render{out};
    walkKeyTemplate(keyTemplate, number, render);
}

std::uint32_t keyHash(const std::string& text) {
    HashOut hash;
    for (char c : text) hash.text(c);
    return hash.h;
}

std::uint32_t keyTemplateHash(const std::string& keyTemplate, std::uint32_t number) {
    HashOut hash;
    walkKeyTemplate(keyTemplate, number, hash);
    return hash.h;
}

}  // namespace pg::sim

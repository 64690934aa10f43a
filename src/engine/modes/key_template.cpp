// Group / partition key templates and their hash.
#include "key_template.hpp"

namespace pg::sim {

void renderKeyTemplate(const std::string& keyTemplate, std::uint32_t number, std::string& out) {
    out.clear();
    const std::size_t n = keyTemplate.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (keyTemplate[i] == '{' && i + 2 < n && keyTemplate[i + 1] == 'n') {
            if (keyTemplate[i + 2] == '}') {
                out += std::to_string(number);
                i += 2;
                continue;
            }
            if (keyTemplate[i + 2] == '%') {  // {n%K}
                std::size_t j = i + 3;
                std::uint64_t k = 0;
                while (j < n && keyTemplate[j] >= '0' && keyTemplate[j] <= '9' && k < 1000000000u)
                    k = k * 10 + static_cast<std::uint64_t>(keyTemplate[j++] - '0');
                if (j < n && keyTemplate[j] == '}' && k > 0 && j > i + 3) {
                    out += std::to_string(number % k);
                    i = j;
                    continue;
                }
            }
        }
        out += keyTemplate[i];
    }
}

std::uint32_t keyHash(const std::string& text) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : text) {
        h ^= c;
        h *= 16777619u;
    }
    return h;
}

}  // namespace pg::sim

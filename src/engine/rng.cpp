// xoshiro256** (Blackman & Vigna) and the project's deterministic distributions.
#include "rng.hpp"

#include <cmath>

namespace pg::sim {

std::uint64_t splitMix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static inline std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

void Rng::reseed(std::uint64_t seed) {
    std::uint64_t s = seed;
    for (auto& word : m_s) word = splitMix64(s);
}

std::uint64_t Rng::next() {
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

double Rng::uniform01() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

std::int64_t Rng::uniformInt(std::int64_t lo, std::int64_t hi) {
    if (hi <= lo) return lo;
    const std::uint64_t span = static_cast<std::uint64_t>(hi - lo) + 1;
    if (span == 0) return static_cast<std::int64_t>(next());  // full 64-bit range
    // Rejection sampling removes modulo bias; the loop almost never repeats.
    const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % span);
    std::uint64_t r;
    do r = next(); while (r >= limit);
    return lo + static_cast<std::int64_t>(r % span);
}

SimTime Rng::exponential(SimTime mean) {
    if (mean <= 0) return 0;
    // u in (0, 1]: never log(0).
    const double u = static_cast<double>((next() >> 11) + 1) * (1.0 / 9007199254740992.0);
    const double v = -deterministicLog(u) * static_cast<double>(mean);
    return static_cast<SimTime>(v + 0.5);
}

double deterministicLog(double x) {
    if (!(x > 0.0)) return -HUGE_VAL;
    int exponent = 0;
    double m = std::frexp(x, &exponent);  // exact: m in [0.5, 1)
    if (m < 0.70710678118654752440) {
        m *= 2.0;  // exact
        exponent -= 1;
    }
    // ln(m) = 2 atanh(z), z = (m-1)/(m+1), |z| < 0.172: 14 odd terms reach double precision.
    const double z = (m - 1.0) / (m + 1.0);
    const double z2 = z * z;
    double term = z;
    double sum = 0.0;
    for (int k = 1; k <= 27; k += 2) {
        sum += term / static_cast<double>(k);
        term *= z2;
    }
    constexpr double kLn2 = 0.69314718055994530942;
    return 2.0 * sum + static_cast<double>(exponent) * kLn2;
}

}  // namespace pg::sim

// The engine's one random generator: xoshiro256** seeded through splitmix64, with the project's own
// distributions built only from the raw 64-bit output, integer math and correctly rounded double + - * /
// (no libm calls, no std:: distributions), so native and wasm builds draw identical numbers.
#pragma once
#include <cstdint>

#include "sim_time.hpp"

namespace pg::sim {

/// splitmix64 step: also used to derive request ids from counters.
std::uint64_t splitMix64(std::uint64_t& state);

class Rng {
public:
    explicit Rng(std::uint64_t seed = 1) { reseed(seed); }
    void reseed(std::uint64_t seed);

    std::uint64_t next();                                  ///< raw 64 bits
    double uniform01();                                    ///< in [0, 1), 53-bit resolution
    std::int64_t uniformInt(std::int64_t lo, std::int64_t hi);  ///< inclusive both ends; lo <= hi
    bool bernoulli(double p) { return uniform01() < p; }
    SimTime exponential(SimTime mean);                     ///< rounded to whole microseconds, >= 0

private:
    std::uint64_t m_s[4] = {};
};

/// Natural logarithm for x > 0 computed with + - * / only (frexp split + atanh series), identical across
/// standard libraries. Relative error below 1e-15.
double deterministicLog(double x);

}  // namespace pg::sim

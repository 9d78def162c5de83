// Rng: a small, portable random generator (xoshiro256** seeded by splitmix64) with the
// distributions the world needs, written out so the same seed gives the same draws on every
// standard library (std::normal_distribution and friends are implementation-defined).
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>
#include <span>

namespace merch {

class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        for (auto& word : m_state)
            word = splitmix(seed);
    }
    // A generator for a sub-stream, independent of how many draws this one has made.
    static Rng derive(std::uint64_t seed, std::uint64_t stream, std::uint64_t index = 0) {
        std::uint64_t mixed = seed ^ (stream * 0x9E3779B97F4A7C15ULL);
        mixed = splitmix(mixed) ^ (index * 0xBF58476D1CE4E5B9ULL);
        return Rng(mixed);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }
    // Uniform in [0, 1).
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [0, n); n > 0.
    int below(int n) { return int(uniform() * n); }
    bool chance(double p) { return uniform() < p; }
    double normal() {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        double u1 = uniform();
        while (u1 <= 0.0)
            u1 = uniform();
        const double u2 = uniform();
        const double radius = std::sqrt(-2.0 * std::log(u1));
        m_spare = radius * std::sin(2.0 * std::numbers::pi * u2);
        m_hasSpare = true;
        return radius * std::cos(2.0 * std::numbers::pi * u2);
    }
    double normal(double mean, double sd) { return mean + sd * normal(); }
    double logNormal(double median, double sigma) { return median * std::exp(sigma * normal()); }
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }
    // Geometric number of failures before the first success, success probability p in (0, 1].
    int geometric(double p) {
        if (p >= 1.0)
            return 0;
        return int(std::floor(std::log(1.0 - uniform()) / std::log(1.0 - p)));
    }
    // Poisson by inversion for small means, normal approximation above 60.
    int poisson(double mean) {
        if (mean > 60.0)
            return std::max(0, int(std::lround(normal(mean, std::sqrt(mean)))));
        const double limit = std::exp(-mean);
        int k = 0;
        double product = uniform();
        while (product > limit) {
            ++k;
            product *= uniform();
        }
        return k;
    }
    // Gamma(shape, 1) by Marsaglia and Tsang.
    double gamma(double shape) {
        if (shape < 1.0)
            return gamma(shape + 1.0) * std::pow(uniform() + 1e-300, 1.0 / shape);
        const double d = shape - 1.0 / 3.0;
        const double c = 1.0 / std::sqrt(9.0 * d);
        for (;;) {
            double x = normal();
            double v = 1.0 + c * x;
            if (v <= 0)
                continue;
            v = v * v * v;
            const double u = uniform();
            if (std::log(u) < 0.5 * x * x + d - d * v + d * std::log(v))
                return d * v;
        }
    }
    // Index drawn with probability proportional to weights (all >= 0, sum > 0).
    int pick(std::span<const double> weights) {
        double total = 0;
        for (double w : weights)
            total += w;
        double target = uniform() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            target -= weights[i];
            if (target < 0)
                return int(i);
        }
        return int(weights.size()) - 1;
    }
    template <typename Container>
    const auto& element(const Container& items) {
        return items[std::size_t(below(int(items.size())))];
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitmix(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    std::uint64_t m_state[4]{};
    double m_spare = 0;
    bool m_hasSpare = false;
};

} // namespace merch

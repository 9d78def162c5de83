#!/usr/bin/python3
"""Reference values for tests/core/tst_stats.cpp, computed with Debian 12's scipy and statsmodels.

Run with Debian's interpreter (apt-get install python3-scipy python3-statsmodels):

    /usr/bin/python3 tests/data/stats/make_reference.py > /tmp/reference.txt

It prints QTest rows that are pasted into the `_data()` functions of tst_stats.cpp; the section
headers name the function. Versions used for the committed values: scipy 1.10.1, statsmodels
0.13.5. Values are printed with repr (17 significant digits); the test states its tolerances.
"""
import math

import numpy as np
import scipy
import statsmodels
from scipy import optimize, stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import (
    power_proportions_2indep,
    proportion_effectsize,
    samplesize_proportions_2indep_onetail,
    test_proportions_2indep,
)
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW


def r(x):
    """A C++ double literal."""
    if math.isinf(x):
        return "kInf" if x > 0 else "-kInf"
    return repr(float(x))


def row(name, *values):
    print(f'    QTest::newRow("{name}") << ' + " << ".join(values) + ";")


def t_quantile(p, df):
    """scipy 1.10's t.ppf goes through CDFLIB and is accurate to about 1e-9 relative only (for
    df 1 it is 2e-11 off tan(0.475 pi)), so the reference inverts scipy's t.cdf / t.sf, which are
    accurate to machine precision, with brentq."""
    q = min(p, 1 - p)
    guess = abs(stats.t.ppf(q, df))
    root = optimize.brentq(lambda x: stats.t.sf(x, df) - q, guess * 0.5, guess * 2 + 1,
                           xtol=1e-300, rtol=8.9e-16, maxiter=500)
    return -root if p < 0.5 else root


def solve_power(power_of, target, lo, hi):
    """statsmodels' solve_power stops at a loose tolerance (power 0.79995 for 0.8), so the
    references solve power_of(x) = target with brentq instead."""
    return optimize.brentq(lambda x: power_of(x) - target, lo, hi, xtol=1e-300, rtol=8.9e-16,
                           maxiter=500)


def header(title):
    print(f"\n// ---- {title}")


print(f"// scipy {scipy.__version__}, statsmodels {statsmodels.__version__}")

header("distributions_data: kind, x (or p), dof, scipy value")
for x in [-37.5, -8.0, -3.0, -1.959963984540054, -0.5, 0.0, 0.7, 2.5, 6.0]:
    row(f"normal cdf {x}", '"normal_cdf"', r(x), r(0), r(stats.norm.cdf(x)))
for x in [3.0, 8.0, 20.0]:
    row(f"normal sf {x}", '"normal_sf"', r(x), r(0), r(stats.norm.sf(x)))
for p in [1e-300, 1e-12, 1e-4, 0.025, 0.3, 0.5, 0.8, 0.975, 1 - 1e-10]:
    row(f"normal ppf {p}", '"normal_ppf"', r(p), r(0), r(stats.norm.ppf(p)))
for t, df in [(-3, 1), (0.5, 1), (-2, 2.5), (2.1, 5), (-1.3, 30), (-12, 30), (4, 1000),
              (-40, 3), (-2.0, 5841.742032093565), (1.5, 1e6), (-1e5, 2)]:
    row(f"t cdf {t} df {df}", '"t_cdf"', r(t), r(df), r(stats.t.cdf(t, df)))
for t, df in [(50, 10), (8, 200), (3.3, 4.5)]:
    row(f"t sf {t} df {df}", '"t_sf"', r(t), r(df), r(stats.t.sf(t, df)))
for p, df in [(0.975, 1), (0.025, 2.5), (0.975, 5841.742032093565), (0.95, 30), (1e-10, 3),
              (0.999999, 7.3), (0.6, 2), (0.975, 1e6), (1e-20, 1)]:
    row(f"t ppf {p} df {df}", '"t_ppf"', r(p), r(df), r(t_quantile(p, df)))
for x, df in [(18.18181818181818, 1), (0.20915032679738563, 1), (3.84, 1), (7.5, 3), (30, 10),
              (150, 100), (1e-3, 2), (400, 10), (1.2e4, 1e4)]:
    row(f"chi2 sf {x} df {df}", '"chi2_sf"', r(x), r(df), r(stats.chi2.sf(x, df)))
for x, df in [(1e-6, 1), (0.5, 4), (80, 100), (2.5, 0.7)]:
    row(f"chi2 cdf {x} df {df}", '"chi2_cdf"', r(x), r(df), r(stats.chi2.cdf(x, df)))
for p, df in [(0.95, 1), (0.05, 3), (0.999, 10), (1e-8, 2), (0.5, 100), (0.99, 0.5),
              (1e-12, 1)]:
    row(f"chi2 ppf {p} df {df}", '"chi2_ppf"', r(p), r(df), r(stats.chi2.ppf(p, df)))

header("welchMatchesStatsmodels_data: control sums, treatment sums, "
       "t, df, p two-sided / greater / less, 95% CI of the difference, one-sided 95% bounds "
       "(greater: lower, less: upper)")
rng = np.random.default_rng(20240606)
welch_cases = [
    ("revenue lognormal 400 vs 380",
     rng.lognormal(3.0, 1.0, 400), rng.lognormal(3.1, 1.1, 380)),
    ("small unequal 8 vs 5", rng.normal(10, 1, 8), rng.normal(12.5, 4, 5)),
    ("normal 2000 vs 2100", rng.normal(50, 20, 2000), rng.normal(51, 25, 2100)),
    ("items per order 60 vs 90", rng.poisson(2.2, 60).astype(float),
     rng.poisson(2.0, 90).astype(float)),
]
for name, control, treatment in welch_cases:
    cm = CompareMeans(DescrStatsW(treatment), DescrStatsW(control))
    tstat, _, df = cm.ttest_ind(usevar="unequal")
    low, high = cm.tconfint_diff(alpha=0.05, usevar="unequal")
    greater_low = cm.tconfint_diff(alpha=0.05, alternative="larger", usevar="unequal")[0]
    less_high = cm.tconfint_diff(alpha=0.05, alternative="smaller", usevar="unequal")[1]
    p = {alt: stats.ttest_ind(treatment, control, equal_var=False, alternative=alt).pvalue
         for alt in ["two-sided", "greater", "less"]}
    sums = [math.fsum(control), math.fsum(control * control), len(control),
            math.fsum(treatment), math.fsum(treatment * treatment), len(treatment)]
    row(name, *[r(s) if i % 3 != 2 else str(s) for i, s in enumerate(sums)],
        r(tstat), r(df), r(p["two-sided"]), r(p["greater"]), r(p["less"]), r(low), r(high),
        r(greater_low), r(less_high))

header("proportionsMatchStatsmodels_data: control x/n, treatment x/n, Wald z, "
       "Welch df, p (t with Welch df)")
for xa, na, xb, nb in [(14, 28, 16, 30), (120, 2400, 150, 2380), (5000, 100000, 5200, 100000),
                       (3, 40, 9, 41)]:
    z = test_proportions_2indep(xb, nb, xa, na, method="wald", compare="diff",
                                correction=False).statistic
    pa, pb = xa / na, xb / nb
    va, vb = pa * (1 - pa) / na, pb * (1 - pb) / nb
    df = (va + vb) ** 2 / (va * va / (na - 1) + vb * vb / (nb - 1))
    p = 2 * stats.t.sf(abs(z), df)
    row(f"{xa}/{na} vs {xb}/{nb}", str(xa), str(na), str(xb), str(nb), r(z), r(df), r(p))

header("srmMatchesScipy_data: counts, weights, chi-square, p")
for counts, weights in [([1000, 1200], [0.5, 0.5]), ([310, 98], [0.75, 0.25]),
                        ([5000, 5100, 4900], [1, 1, 1]), ([5000, 5120, 4700], [0.4, 0.4, 0.2]),
                        ([500, 500], [0.5, 0.5]), ([10, 0, 12, 9], [1, 1, 1, 1])]:
    total = sum(counts)
    expected = [total * w / sum(weights) for w in weights]
    chi2, p = stats.chisquare(counts, expected)
    row(f"{counts} at {weights}", "QList<qint64>{" + ", ".join(map(str, counts)) + "}",
        "QList<double>{" + ", ".join(map(r, weights)) + "}", r(chi2), r(p))

header("adjustMatchesStatsmodels_data: method, raw p, adjusted p")
for name, pvals in [("six metrics", [0.01, 0.04, 0.03, 0.005, 0.2, 0.04]),
                    ("five with ties and large", [0.001, 0.5, 0.02, 0.9, 0.03]),
                    ("one", [0.03]), ("all tiny", [1e-8, 2e-8, 1e-9])]:
    for method, label in [("holm", "Holm"), ("fdr_bh", "BenjaminiHochberg")]:
        adjusted = multipletests(pvals, alpha=0.05, method=method)[1]
        row(f"{name} {method}", f"AdjustMethod::{label}",
            "QList<double>{" + ", ".join(map(r, pvals)) + "}",
            "QList<double>{" + ", ".join(map(r, adjusted)) + "}")

header("sampleSizeMatchesStatsmodels_data: baseline, mde, absolute, alpha, power, two-sided, "
       "treatment share, pooled nT (samplesize_proportions_2indep_onetail), arcsine nT "
       "(NormalIndPower.power solved with brentq, both tails)")
for baseline, mde, absolute, alpha, power, two_sided, share in [
        (0.05, 0.10, False, 0.05, 0.8, True, 0.5), (0.03, 0.20, False, 0.05, 0.9, True, 0.5),
        (0.20, 0.02, True, 0.01, 0.8, True, 0.5), (0.10, 0.05, False, 0.05, 0.8, False, 0.5),
        (0.05, 0.10, False, 0.05, 0.8, True, 0.3)]:
    p2 = baseline + mde if absolute else baseline * (1 + mde)
    ratio = (1 - share) / share  # statsmodels: arm 1 = treatment, nobs2 = ratio * nobs1
    alt_sm = "two-sided" if two_sided else "larger"
    pooled = samplesize_proportions_2indep_onetail(p2 - baseline, baseline, power, ratio=ratio,
                                                   alpha=alpha, alternative=alt_sm)
    h = proportion_effectsize(p2, baseline)
    arcsine = solve_power(lambda n: NormalIndPower().power(h, n, alpha, ratio=ratio,
                                                           alternative=alt_sm),
                          power, 10, 1e9)
    row(f"p1 {baseline} mde {mde}{' abs' if absolute else ''} a {alpha} pow {power}"
        f"{'' if two_sided else ' one-sided'} share {share}",
        r(baseline), r(mde), "true" if absolute else "false", r(alpha), r(power),
        "true" if two_sided else "false", r(share), r(pooled), r(arcsine))

header("powerMatchesStatsmodels_data: baseline, mde (relative), total units, share, pooled "
       "power (power_proportions_2indep), arcsine power (NormalIndPower.power), pooled "
       "relative MDE at 80% (brentq on power_proportions_2indep), arcsine relative MDE (brentq on "
       "NormalIndPower.power)")
for baseline, mde, total, share in [(0.05, 0.10, 120000, 0.5), (0.03, 0.15, 20000, 0.5),
                                    (0.12, 0.05, 300000, 0.4)]:
    n_t = total * share
    ratio = (1 - share) / share
    p2 = baseline * (1 + mde)
    pooled_power = power_proportions_2indep(p2 - baseline, baseline, n_t, ratio=ratio,
                                            alpha=0.05, return_results=False)
    arcsine_power = NormalIndPower().power(proportion_effectsize(p2, baseline), n_t, 0.05,
                                           ratio=ratio)

    pooled_mde = solve_power(
        lambda rel: power_proportions_2indep(baseline * rel, baseline, n_t, ratio=ratio,
                                             alpha=0.05, return_results=False),
        0.8, 1e-6, 1 / baseline - 1 - 1e-9)
    h = solve_power(lambda e: NormalIndPower().power(e, n_t, 0.05, ratio=ratio), 0.8, 1e-9, 3)
    arcsine_mde = math.sin(math.asin(math.sqrt(baseline)) + h / 2) ** 2 / baseline - 1
    row(f"p1 {baseline} mde {mde} n {total} share {share}", r(baseline), r(mde), r(total),
        r(share), r(pooled_power), r(arcsine_power), r(pooled_mde), r(arcsine_mde))

header("sequential, derived by hand from the published formula for the GrowthBook means "
       "fixture (relative lift, alpha 0.05, N* 5000)")
s_a, ss_a, n_a, s_b, ss_b, n_b = 1396.87, 52377.9767, 3407, 2422.7, 134698.29, 3461
m_a, m_b = s_a / n_a, s_b / n_b
v_a, v_b = (ss_a - s_a ** 2 / n_a) / (n_a - 1), (ss_b - s_b ** 2 / n_b) / (n_b - 1)
lift = (m_b - m_a) / m_a
se = math.sqrt(v_b / (m_a ** 2 * n_b) + v_a * m_b ** 2 / (m_a ** 4 * n_a))
N, alpha, tuning = n_a + n_b, 0.05, 5000
rho = math.sqrt((-2 * math.log(alpha) + math.log(-2 * math.log(alpha) + 1)) / tuning)
sigma2 = se ** 2 * N
halfwidth = math.sqrt(sigma2) * math.sqrt(
    2 * (N * rho ** 2 + 1) / (N ** 2 * rho ** 2) * math.log(math.sqrt(N * rho ** 2 + 1) / alpha))
evalue = math.exp(rho ** 2 * (lift ** 2 * N / se ** 2) / (2 * (N * rho ** 2 + 1))) / math.sqrt(
    N * rho ** 2 + 1)
print(f"// lift {r(lift)} se {r(se)} N {N} rho {r(rho)}")
print(f"// halfwidth {r(halfwidth)} -> CS ({r(lift - halfwidth)}, {r(lift + halfwidth)})")
print(f"// always-valid p {r(min(1.0, 1 / evalue))}")

header("bayesian, normal approximation of the same fixture's relative lift")
print(f"// flat prior: chance to win {r(stats.norm.cdf(lift / se))}")
prior_mean, prior_var = 0.0, 0.09
post_var = 1 / (1 / prior_var + 1 / se ** 2)
post_mean = post_var * (prior_mean / prior_var + lift / se ** 2)
print(f"// prior N(0, 0.09): posterior mean {r(post_mean)} sd {r(math.sqrt(post_var))} "
      f"chance to win {r(stats.norm.cdf(post_mean / math.sqrt(post_var)))}")

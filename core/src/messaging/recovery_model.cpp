// Cart recovery likelihood (ridge logistic regression by Newton's method) and its evaluation:
// ROC AUC and the calibration curve.
#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

#include "merch/messaging.h"

namespace merch {

Status MessagingParams::validate() const {
    if (testDays < 1 || testDays > 180)
        return Status::invalidArgument("testDays must be between 1 and 180");
    if (recoveryWindowDays < 1 || recoveryWindowDays > 30)
        return Status::invalidArgument("recoveryWindowDays must be between 1 and 30");
    if (!(l2 >= 0 && l2 <= 1000))
        return Status::invalidArgument("l2 must be between 0 and 1000");
    if (calibrationBins < 2 || calibrationBins > 50)
        return Status::invalidArgument("calibrationBins must be between 2 and 50");
    if (!(timingPriorWeight >= 0 && timingPriorWeight <= 100))
        return Status::invalidArgument("timingPriorWeight must be between 0 and 100");
    if (minProductIntervals < 1 || minProductIntervals > 1000)
        return Status::invalidArgument("minProductIntervals must be between 1 and 1000");
    return Status::ok();
}

Eigen::VectorXd fitLogistic(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, double l2,
                            int* iterations) {
    const Eigen::Index n = x.rows(), d = x.cols();
    Eigen::MatrixXd design(n, d + 1);
    design.leftCols(d) = x;
    design.col(d).setOnes();
    Eigen::VectorXd w = Eigen::VectorXd::Zero(d + 1);
    Eigen::VectorXd penalty = Eigen::VectorXd::Constant(d + 1, l2);
    penalty(d) = 0; // the intercept is not penalized
    int it = 0;
    for (; it < 100; ++it) {
        const Eigen::VectorXd eta = design * w;
        Eigen::VectorXd p(n), weight(n);
        for (Eigen::Index i = 0; i < n; ++i) {
            p(i) = 1.0 / (1.0 + std::exp(-eta(i)));
            weight(i) = std::max(1e-12, p(i) * (1 - p(i)));
        }
        const Eigen::VectorXd gradient = design.transpose() * (p - y) + penalty.cwiseProduct(w);
        Eigen::MatrixXd hessian = design.transpose() * weight.asDiagonal() * design;
        hessian.diagonal() += penalty + Eigen::VectorXd::Constant(d + 1, 1e-10);
        const Eigen::VectorXd step = hessian.ldlt().solve(gradient);
        w -= step;
        if (step.cwiseAbs().maxCoeff() < 1e-10)
            break;
    }
    if (iterations)
        *iterations = it + 1;
    return w;
}

const std::vector<std::string>& RecoveryModel::featureNames() {
    static const std::vector<std::string> names = {"log cart value",
                                                   "log items",
                                                   "log prior sessions",
                                                   "log prior orders",
                                                   "log days since last visit",
                                                   "first visit",
                                                   "identified",
                                                   "hour (sin)",
                                                   "hour (cos)",
                                                   "weekday (sin)",
                                                   "weekday (cos)"};
    return names;
}

Eigen::VectorXd RecoveryModel::features(const AbandonedCart& cart) {
    constexpr double kTwoPi = 2 * std::numbers::pi;
    Eigen::VectorXd f(11);
    const bool first = cart.daysSinceLastVisit < 0;
    f << std::log1p(std::max(0.0, cart.value)), std::log1p(double(cart.items)),
        std::log1p(double(cart.priorSessions)), std::log1p(double(cart.priorOrders)),
        std::log1p(first ? 0.0 : std::min(90.0, cart.daysSinceLastVisit)), first ? 1.0 : 0.0,
        cart.identified ? 1.0 : 0.0, std::sin(kTwoPi * cart.hour / 24.0),
        std::cos(kTwoPi * cart.hour / 24.0), std::sin(kTwoPi * cart.weekday / 7.0),
        std::cos(kTwoPi * cart.weekday / 7.0);
    return f;
}

Result<RecoveryModel> RecoveryModel::train(const std::vector<AbandonedCart>& carts, double l2) {
    int positives = 0;
    for (const auto& c : carts)
        positives += c.recovered ? 1 : 0;
    if (positives == 0 || positives == int(carts.size()))
        return Status::invalidArgument(
            "carts: training needs both recovered and unrecovered carts (found " +
            std::to_string(positives) + " recovered of " + std::to_string(carts.size()) + ")");
    const Eigen::Index n = Eigen::Index(carts.size());
    const Eigen::Index d = Eigen::Index(featureNames().size());
    Eigen::MatrixXd x(n, d);
    Eigen::VectorXd y(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        x.row(i) = features(carts[std::size_t(i)]).transpose();
        y(i) = carts[std::size_t(i)].recovered ? 1.0 : 0.0;
    }
    RecoveryModel model;
    model.m_mean = x.colwise().mean().transpose();
    model.m_scale.resize(d);
    for (Eigen::Index j = 0; j < d; ++j) {
        const double sd = std::sqrt((x.col(j).array() - model.m_mean(j)).square().mean());
        model.m_scale(j) = sd > 1e-12 ? sd : 1.0;
    }
    for (Eigen::Index j = 0; j < d; ++j)
        x.col(j) = (x.col(j).array() - model.m_mean(j)) / model.m_scale(j);
    const Eigen::VectorXd w = fitLogistic(x, y, l2, &model.m_iterations);
    model.m_weights = w.head(d);
    model.m_intercept = w(d);
    return model;
}

double RecoveryModel::probability(const AbandonedCart& cart) const {
    const Eigen::VectorXd z = (features(cart) - m_mean).cwiseQuotient(m_scale);
    return 1.0 / (1.0 + std::exp(-(z.dot(m_weights) + m_intercept)));
}

double rocAuc(const std::vector<double>& scores, const std::vector<int>& labels) {
    const std::size_t n = scores.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    // Mann-Whitney U with mid-ranks for ties.
    double rankSumPositive = 0;
    std::size_t positives = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j + 1 < n && scores[order[j + 1]] == scores[order[i]])
            ++j;
        const double midRank = (double(i) + double(j)) / 2.0 + 1.0;
        for (std::size_t k = i; k <= j; ++k) {
            if (labels[order[k]]) {
                rankSumPositive += midRank;
                ++positives;
            }
        }
        i = j + 1;
    }
    const std::size_t negatives = n - positives;
    if (positives == 0 || negatives == 0)
        return 0.5;
    const double u = rankSumPositive - double(positives) * double(positives + 1) / 2.0;
    return u / (double(positives) * double(negatives));
}

std::vector<CalibrationBin> calibrationCurve(const std::vector<double>& scores,
                                             const std::vector<int>& labels, int bins) {
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    std::vector<CalibrationBin> curve;
    const std::size_t n = order.size();
    if (n == 0 || bins < 1)
        return curve;
    for (int b = 0; b < bins; ++b) {
        const std::size_t from = n * std::size_t(b) / std::size_t(bins);
        const std::size_t to = n * std::size_t(b + 1) / std::size_t(bins);
        if (to <= from)
            continue;
        CalibrationBin bin;
        double predicted = 0, observed = 0;
        for (std::size_t k = from; k < to; ++k) {
            predicted += scores[order[k]];
            observed += labels[order[k]] ? 1 : 0;
        }
        bin.count = int(to - from);
        bin.meanPredicted = predicted / bin.count;
        bin.observedRate = observed / bin.count;
        curve.push_back(bin);
    }
    return curve;
}

} // namespace merch

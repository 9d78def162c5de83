// Bridges a QPromise to the engine's RunControl: progress goes to the promise (and from there
// to the QFutureWatcher driving the progress bar), and a cancelled future makes the engine's
// progress callback return false.
#pragma once

#include <QPromise>
#include <QString>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <string_view>

#include "merch/run_control.h"

namespace merch::ui {

// Promise progress runs 0..kProgressMaximum.
inline constexpr int kProgressMaximum = 1000;

// A RunControl that maps the engine's 0..1 onto the [from, to] slice of the promise's progress,
// so a job made of several engine calls shows one bar moving forward.
//
// `stop`, when given, is a second way to cancel: a job whose result must arrive even when the
// user cancelled (an import reports whether anything was written) is stopped through the flag
// instead of QFuture::cancel(), which would discard the result.
template <typename T>
merch::RunControl promiseRunControl(QPromise<T>& promise, std::uint64_t seed, double from = 0.0,
                                    double to = 1.0, const std::atomic<bool>* stop = nullptr) {
    merch::RunControl control;
    control.seed = seed;
    control.progress = [&promise, from, to, stop](double fraction, std::string_view stage) {
        const double overall = from + (to - from) * std::clamp(fraction, 0.0, 1.0);
        promise.setProgressValueAndText(
            static_cast<int>(overall * kProgressMaximum),
            QString::fromUtf8(stage.data(), static_cast<qsizetype>(stage.size())));
        return !promise.isCanceled() && !(stop && stop->load(std::memory_order_relaxed));
    };
    return control;
}

} // namespace merch::ui

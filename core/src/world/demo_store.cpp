#include "merch/demo_store.h"

#include <cstdlib>
#include <filesystem>

#include "merch/workspace.h"

namespace merch {

namespace {

void removeWorkspaceFiles(const std::string& path) {
    std::error_code error;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(path + suffix, error);
}

Result<StoreSummary> writeInto(Workspace& workspace, const ShopperWorld& world,
                               const RunControl& control) {
    auto writer = workspace.beginWrite({.replaceCatalog = true, .replaceEvents = true});
    if (!writer)
        return writer.status();
    const auto& products = world.products();
    for (std::size_t i = 0; i < products.size(); ++i) {
        if (i % 256 == 0 &&
            !control.report(0.02 * double(i) / double(products.size()), "writing products"))
            return Status::cancelled();
        if (auto status = (*writer)->addProduct(products[i]); !status)
            return status;
    }
    const auto baseline = world.baselinePolicy();
    StoreWriter& events = **writer;
    auto outcome = world.run(
        *baseline, [&events](const Event& event) { return events.addEvent(event); },
        control.scaled(0.02, 0.97));
    if (!outcome)
        return outcome.status();
    if (!control.report(0.98, "saving"))
        return Status::cancelled();
    if (auto status = (*writer)->commit(); !status)
        return status;
    const WorldParams& p = world.params();
    const std::pair<const char*, std::string> settings[] = {
        {"store.kind", "demo"},
        {"demo.seed", std::to_string(world.seed())},
        {"demo.products", std::to_string(p.products)},
        {"demo.days", std::to_string(p.days)},
        {"demo.sessions_per_day", std::to_string(p.sessionsPerDay)},
        {"demo.catalog_defect_rate", std::to_string(p.catalogDefectRate)},
        {"demo.baseline_policy", baseline->name()},
    };
    for (const auto& [key, value] : settings) {
        if (auto status = workspace.setMeta(key, value); !status)
            return status;
    }
    return workspace.summary();
}

} // namespace

Result<StoreSummary> writeDemoStore(const std::string& path, const DemoStoreParams& params,
                                    const RunControl& control) {
    if (auto status = params.world.validate(); !status)
        return status;
    if (!control.report(0.0, "building the world"))
        return Status::cancelled();
    auto world = ShopperWorld::create(params.world, control.seed);
    if (!world)
        return world.status();
    auto workspace = Workspace::create(path);
    if (!workspace)
        return workspace.status();
    auto summary = writeInto(**workspace, **world, control);
    workspace->reset();
    if (!summary) {
        removeWorkspaceFiles(path);
        return summary.status();
    }
    control.report(1.0, "done");
    return summary;
}

Result<std::optional<DemoWorldSettings>> readDemoWorldSettings(const Workspace& workspace) {
    auto kind = workspace.meta("store.kind");
    if (!kind || *kind != "demo")
        return std::optional<DemoWorldSettings>();
    const auto number = [&](const char* key) -> std::optional<double> {
        auto text = workspace.meta(key);
        if (!text)
            return std::nullopt;
        char* end = nullptr;
        const double value = std::strtod(text->c_str(), &end);
        if (text->empty() || end != text->c_str() + text->size())
            return std::nullopt;
        return value;
    };
    const auto products = number("demo.products");
    const auto days = number("demo.days");
    const auto sessions = number("demo.sessions_per_day");
    const auto defects = number("demo.catalog_defect_rate");
    // The seed is a 64-bit integer: read it whole, not through a double.
    std::optional<std::uint64_t> seed;
    if (auto text = workspace.meta("demo.seed"); text && !text->empty() && (*text)[0] != '-') {
        char* end = nullptr;
        const unsigned long long value = std::strtoull(text->c_str(), &end, 10);
        if (end == text->c_str() + text->size())
            seed = value;
    }
    if (!products || !sessions || !seed)
        return Status::error(StatusCode::Corrupted,
                             workspace.path() + ": the demo store's world settings are unreadable");
    DemoWorldSettings settings;
    settings.world.products = int(*products);
    settings.world.days = days ? int(*days) : settings.world.days;
    settings.world.sessionsPerDay = *sessions;
    settings.world.catalogDefectRate = defects ? *defects : settings.world.catalogDefectRate;
    settings.seed = *seed;
    return std::optional<DemoWorldSettings>(settings);
}

} // namespace merch

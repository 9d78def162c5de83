// CostInputsPanel: every input of the cost model as a spin box, grouped (lift, team, store,
// prices), each with its unit and range, and the published price points' sources in tooltips.
// Editing any box emits inputsChanged at once; the page recomputes.
#pragma once

#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

#include "merch/cost_model.h"

class QDoubleSpinBox;
class QFormLayout;
class QGridLayout;
class QLabel;
class QPushButton;

namespace merch::ui {

class CostInputsPanel : public QWidget {
    Q_OBJECT
public:
    explicit CostInputsPanel(QWidget* parent = nullptr);

    const merch::CostInputs& inputs() const { return m_inputs; }
    void setInputs(const merch::CostInputs& inputs); // shows them; no inputsChanged
    // What "Reset to the store" restores, and the lift "Use the simulated lift" applies.
    void setStoreDefaults(const merch::StoreEconomics& store);
    void setSimulatedLift(const std::optional<merch::LiftAssumption>& lift);

    // The box editing `key` ("rates.dayRate", "paths.hybrid.buildMonths", "lift.revenueLift"...).
    QDoubleSpinBox* field(const QString& key) const;

signals:
    void inputsChanged();

private:
    struct Field {
        QString key;
        QDoubleSpinBox* box = nullptr;
        std::function<double(const merch::CostInputs&)> get;
        std::function<void(merch::CostInputs&, double)> set;
        double scale = 1; // shown value = stored value x scale (percent: 100)
    };
    QDoubleSpinBox* addField(const QString& key, double min, double max, int decimals,
                             const QString& suffix, double scale,
                             std::function<double(const merch::CostInputs&)> get,
                             std::function<void(merch::CostInputs&, double)> set);
    void addRow(QFormLayout* form, const QString& label, QDoubleSpinBox* box,
                const QString& tip = {});
    QWidget* section(const QString& title);
    void addLiftSection();
    void addTeamSection();
    void addStoreSection();
    void addPriceSection();
    void refreshBoxes();
    void refreshLabels();
    void onEdited(const Field& field, double shown);

    merch::CostInputs m_inputs;
    merch::StoreEconomics m_storeDefaults;
    std::optional<merch::LiftAssumption> m_simulatedLift;
    std::vector<Field> m_fields;
    QLabel* m_liftSource;
    QLabel* m_aov;
    QPushButton* m_useSimulated;
    QPushButton* m_resetStore;
    bool m_refreshing = false;
};

} // namespace merch::ui

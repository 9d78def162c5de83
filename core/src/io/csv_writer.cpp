#include "merch/csv_writer.h"

#include <cctype>

namespace merch {

namespace {

// "-12", "-5.9", "-12%", "+3.5": a number a spreadsheet reads as a number, not a formula.
bool plainNumber(std::string_view value) {
    std::size_t i = value.front() == '-' || value.front() == '+' ? 1 : 0;
    if (i == value.size())
        return false;
    bool digits = false, dot = false;
    for (; i < value.size(); ++i) {
        const char c = value[i];
        if (std::isdigit(static_cast<unsigned char>(c)))
            digits = true;
        else if (c == '.' && !dot)
            dot = true;
        else if (c == '%' && i + 1 == value.size())
            break;
        else
            return false;
    }
    return digits;
}

} // namespace

std::string csvCell(std::string_view value) {
    std::string cell(value);
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '@' || cell[0] == '\t' || cell[0] == '\r' ||
                          ((cell[0] == '+' || cell[0] == '-') && !plainNumber(cell))))
        cell.insert(0, 1, '\'');
    if (cell.find_first_of(",\"\n\r") == std::string::npos)
        return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string csvRow(const std::vector<std::string>& cells) {
    std::string row;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i)
            row += ',';
        row += csvCell(cells[i]);
    }
    return row + "\n";
}

} // namespace merch

// CSV cells for files people open in spreadsheets: quoted when needed (RFC 4180), and a cell
// that would start a formula (= + - @, tab, carriage return) gets a leading apostrophe so the
// spreadsheet shows it as text instead of running it (OWASP's CSV injection advice). Plain
// numbers ("-5.9", "-12%") are left as they are.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace merch {

std::string csvCell(std::string_view value);
// The cells joined with commas, ending in "\n".
std::string csvRow(const std::vector<std::string>& cells);

} // namespace merch

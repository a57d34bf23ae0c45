// The claim x platform matrix: several runs' conformance reports side by side, catalogue IDs
// by area as rows and platforms as columns, as one self-contained HTML page and a Markdown
// table.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace procsync {

struct MatrixRun {
  std::string name;            // the column: "host", "aarch64", ...
  nlohmann::json conformance;  // conformance.json, with its ledger when it had one
};

// The matrix as data: {"platforms": [...], "rows": [{id, area, title, cells: [...]}]}; each
// cell has the behaviour's verdict on that platform, its ledger expectation, the known
// divergences' reasons and, per test, the verdict, diff text, duration and lateness.
nlohmann::json build_matrix(const std::vector<MatrixRun>& runs);

std::string render_matrix_html(const nlohmann::json& matrix);
std::string render_matrix_markdown(const nlohmann::json& matrix);

}  // namespace procsync

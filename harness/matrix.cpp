#include "matrix.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "verdict.hpp"

namespace procsync {

namespace {

constexpr const char* kNotRun = "NOT COVERED";

std::string md_cell(const std::string& s) {
  std::string out;
  for (char c : s)
    out += c == '|' ? std::string("\\|") : (c == '\n' ? std::string(" ") : std::string(1, c));
  return out;
}

// Text the runs give, escaped for HTML.
std::string html_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Worst expectation of a cell's tests: UNEXPECTED over STALE over EXPECTED over none.
int expectation_rank(const std::string& e) {
  if (e == "UNEXPECTED") return 3;
  if (e == "STALE") return 2;
  if (e == "EXPECTED") return 1;
  return 0;
}

}  // namespace

nlohmann::json build_matrix(const std::vector<MatrixRun>& runs) {
  nlohmann::json m;
  m["platforms"] = nlohmann::json::array();
  // Rows in catalogue order, from the first run that lists each ID.
  std::vector<std::string> order;
  std::map<std::string, nlohmann::json> rows;
  for (const auto& run : runs) {
    nlohmann::json p{{"name", run.name}};
    p["platform"] = run.conformance.value("platform", nlohmann::json::object());
    if (run.conformance.contains("ledger")) p["ledger"] = run.conformance["ledger"];
    m["platforms"].push_back(p);
    for (const auto& b : run.conformance.value("behaviours", nlohmann::json::array())) {
      const std::string id = b.value("id", "");
      if (rows.count(id)) continue;
      order.push_back(id);
      rows[id] = {{"id", id}, {"area", b.value("area", "")}, {"title", b.value("title", "")}};
    }
  }
  // Each run's tests by name.
  std::vector<std::map<std::string, const nlohmann::json*>> tests_of(runs.size());
  for (std::size_t i = 0; i < runs.size(); ++i)
    if (runs[i].conformance.contains("tests"))
      for (const auto& t : runs[i].conformance["tests"]) tests_of[i][t.value("name", "")] = &t;
  m["rows"] = nlohmann::json::array();
  for (const auto& id : order) {
    nlohmann::json row = rows[id];
    row["cells"] = nlohmann::json::array();
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const auto& run = runs[i];
      const auto& tests = tests_of[i];
      nlohmann::json cell{{"verdict", kNotRun}, {"expectation", ""}};
      cell["known"] = nlohmann::json::array();    // test: reason (class; source, function)
      cell["reasons"] = nlohmann::json::array();  // the ledger's one-line summaries
      cell["tests"] = nlohmann::json::array();
      for (const auto& b : run.conformance.value("behaviours", nlohmann::json::array())) {
        if (b.value("id", "") != id) continue;
        cell["verdict"] = b.value("verdict", kNotRun);
        for (const auto& name : b.value("tests", nlohmann::json::array())) {
          const auto it = tests.find(name.get<std::string>());
          if (it == tests.end()) continue;
          const auto& t = *it->second;
          const std::string e = t.value("expectation", "");
          nlohmann::json x{{"name", t.value("name", "")},
                           {"verdict", t.value("verdict", "")},
                           {"expectation", e},
                           {"reason", t.value("reason", "")},
                           {"text", t.value("text", "")},
                           {"duration", t.value("duration", 0.0)},
                           {"max_lateness", t.value("max_lateness", 0.0)},
                           {"startup_latency", t.value("startup_latency", 0.0)}};
          if (t.contains("divergence")) {
            const auto& d = t["divergence"];
            x["divergence"] = d;
            if (e == "EXPECTED" || e == "STALE") cell["reasons"].push_back(d.value("summary", ""));
            if (e == "EXPECTED" || e == "STALE")
              cell["known"].push_back(fmt::format("{}: {} ({}; {}, {})", t.value("name", ""),
                                                  d.value("summary", ""), d.value("class", ""),
                                                  d["cause"].value("source", ""),
                                                  d["cause"].value("function", "")));
          }
          if (expectation_rank(e) > expectation_rank(cell["expectation"])) cell["expectation"] = e;
          cell["tests"].push_back(x);
        }
      }
      row["cells"].push_back(cell);
    }
    m["rows"].push_back(row);
  }
  return m;
}

std::string render_matrix_markdown(const nlohmann::json& m) {
  std::string head = "| ID | behaviour |", rule = "|---|---|";
  for (const auto& p : m["platforms"]) {
    head += fmt::format(" {} |", md_cell(p["name"]));
    rule += "---|";
  }
  std::string md = "# procsync: claims by platform\n";
  std::string area;
  std::vector<std::string> notes;
  for (const auto& r : m["rows"]) {
    if (r["area"] != area) {
      area = r["area"];
      md += fmt::format("\n## {}\n\n{}\n{}\n", area, head, rule);
    }
    md += fmt::format("| {} | {} |", r["id"].get<std::string>(), md_cell(r["title"]));
    std::size_t col = 0;
    for (const auto& c : r["cells"]) {
      std::string v = c["verdict"];
      const std::string e = c["expectation"];
      if (e == "EXPECTED") {
        notes.push_back(fmt::format("{} on {}: {}", r["id"].get<std::string>(),
                                    m["platforms"][col]["name"].get<std::string>(),
                                    c["known"].empty() ? "" : c["known"][0].get<std::string>()));
        v = fmt::format("{} (known [{}])", v, notes.size());
      } else if (e == "UNEXPECTED") {
        v = "**" + v + " (unexpected)**";
      } else if (e == "STALE") {
        v += " (stale ledger entry)";
      } else if (v != "PASS" && v != kNotRun) {
        v = "**" + v + "**";
      }
      md += " " + md_cell(v) + " |";
      ++col;
    }
    md += "\n";
  }
  if (!notes.empty()) {
    md += "\n## Known divergences\n\n";
    for (std::size_t i = 0; i < notes.size(); ++i)
      md += fmt::format("{}. {}\n", i + 1, md_cell(notes[i]));
  }
  return md;
}

std::string render_matrix_html(const nlohmann::json& m) {
  // The data goes in as JSON; "</" is escaped so no text can close the script element.
  std::string data = m.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string safe;
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (data[i] == '<' && i + 1 < data.size() && data[i + 1] == '/')
      safe += "<\\";
    else
      safe += data[i];
  }
  constexpr const char* kStyle = R"CSS(
body { font: 14px/1.4 system-ui, sans-serif; margin: 1em; color: #222; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: 2px 6px; }
th.area { background: #eee; text-align: left; }
tr > td:first-child { white-space: nowrap; }
td.cell { cursor: pointer; text-align: center; min-width: 7em; }
.v-PASS { background: #c8ecc8; }
.v-FAIL { background: #f4b4b4; }
.v-TIMEOUT { background: #f7c98e; }
.v-BROKEN { background: #d9a6e8; }
.v-UNSUPPORTED { background: #dde3ea; }
.v-NOT-COVERED { background: #fff; color: #999; }
td.known, span.known { background: repeating-linear-gradient(45deg, #f4e3a1, #f4e3a1 6px, #fbf1c7 6px, #fbf1c7 12px); }
td.unexpected, span.unexpected { outline: 3px solid #c00; outline-offset: -3px; font-weight: bold; }
td.stale, span.stale { outline: 3px dashed #06c; outline-offset: -3px; }
.reason { display: block; font-size: 11px; color: #555; max-width: 11em; }
#detail { position: sticky; bottom: 0; background: #fafafa; border-top: 2px solid #888;
  max-height: 45vh; overflow: auto; padding: .5em; }
#detail pre { background: #fff; border: 1px solid #ddd; padding: .5em; font-size: 12px; }
.legend span { padding: 0 .5em; margin-right: .5em; border: 1px solid #ccc; }
)CSS";
  constexpr const char* kScript = R"JS(
const data = JSON.parse(document.getElementById('matrix-data').textContent);
const cls = v => 'v-' + v.replace(/ /g, '-');
function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
function show(r, c) {
  const row = data.rows[r], cell = row.cells[c], p = data.platforms[c];
  const d = document.getElementById('detail');
  d.replaceChildren(el('h2', {}, row.id + ' on ' + p.name + ': ' + cell.verdict +
                             (cell.expectation ? ' (' + cell.expectation + ')' : '')));
  d.appendChild(el('p', {}, row.title));
  if (!cell.tests.length) d.appendChild(el('p', {}, 'No test of this row ran on ' + p.name + '.'));
  for (const t of cell.tests) {
    const sec = el('section', {'class': 'test', 'data-test': t.name});
    sec.appendChild(el('h3', {}, t.name + ': ' + t.verdict + (t.expectation ? ' (' + t.expectation + ')' : '')));
    sec.appendChild(el('p', {'class': 'lateness'}, 'duration ' + t.duration.toFixed(3) +
        ' s, max lateness ' + t.max_lateness.toFixed(3) + ' s, start-up ' +
        (t.startup_latency * 1000).toFixed(1) + ' ms'));
    if (t.divergence) {
      const dv = t.divergence, cause = dv.cause;
      sec.appendChild(el('p', {'class': 'divergence'}, 'Ledger: ' + dv.summary + ' [' + dv['class'] +
          '; ' + cause.project + ' ' + cause.source + ', ' + cause.function +
          (cause.report ? '; ' + cause.report : '') + '; seen on ' + dv.seen_on.join(', ') + ']'));
    }
    sec.appendChild(el('pre', {'class': 'diff'}, t.text));
    d.appendChild(sec);
  }
}
const table = document.getElementById('matrix');
const head = el('tr');
head.appendChild(el('th', {}, 'ID'));
head.appendChild(el('th', {}, 'behaviour'));
for (const p of data.platforms) head.appendChild(el('th', {'class': 'platform'}, p.name));
table.appendChild(head);
let area = null;
data.rows.forEach((row, r) => {
  if (row.area !== area) {
    area = row.area;
    const tr = el('tr');
    tr.appendChild(el('th', {'class': 'area', 'colspan': String(2 + data.platforms.length)}, area));
    table.appendChild(tr);
  }
  const tr = el('tr', {'id': 'row-' + row.id});
  tr.appendChild(el('td', {}, row.id));
  tr.appendChild(el('td', {}, row.title));
  row.cells.forEach((cell, c) => {
    const classes = ['cell', cls(cell.verdict)];
    if (cell.expectation === 'EXPECTED') classes.push('known');
    if (cell.expectation === 'UNEXPECTED') classes.push('unexpected');
    if (cell.expectation === 'STALE') classes.push('stale');
    const td = el('td', {'class': classes.join(' '), 'data-row': row.id,
                         'data-platform': data.platforms[c].name, 'data-verdict': cell.verdict},
                  cell.verdict);
    if (cell.known.length) {
      td.title = cell.known.join('\n');
      td.appendChild(el('span', {'class': 'reason'}, cell.reasons.join('; ')));
    }
    td.addEventListener('click', () => show(r, c));
    tr.appendChild(td);
  });
  table.appendChild(tr);
});
document.getElementById('cells').textContent = String(table.querySelectorAll('td.cell').length);
// matrix.html#SIG-12/aarch64 opens that cell's details.
const want = decodeURIComponent(location.hash.slice(1)).split('/');
if (want.length === 2) {
  const r = data.rows.findIndex(x => x.id === want[0]);
  const c = data.platforms.findIndex(x => x.name === want[1]);
  if (r >= 0 && c >= 0) show(r, c);
}
)JS";
  std::string platforms;
  for (const auto& p : m["platforms"]) {
    const auto& pf = p["platform"];
    std::string ledger;
    if (p.contains("ledger"))
      ledger = fmt::format(", ledger: {} expected, {} unexpected, {} stale",
                           p["ledger"].value("expected", 0), p["ledger"].value("unexpected", 0),
                           p["ledger"].value("stale", 0));
    // A language runtime (the Python flavour) names itself: "PyPy 3.9.16 pypy39".
    const std::string runtime = pf.value("runtime", "");
    platforms += fmt::format(
        "<li><b>{}</b>: {}</li>\n", html_text(p["name"]),
        html_text(fmt::format(
            "{}{} {}, launcher {}, time factor {}{}", runtime.empty() ? "" : runtime + " on ",
            pf.value("target_architecture", "?"), pf.value("kernel", ""),
            pf.value("launcher", "(none)"),
            pf.contains("time_factor") ? pf["time_factor"].dump() : "1", ledger)));
  }
  return fmt::format(R"HTML(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>procsync: claims by platform</title>
<style>{}</style>
</head>
<body>
<h1>procsync: claims by platform</h1>
<ul id="platforms">
{}</ul>
<p class="legend"><span class="v-PASS">PASS</span><span class="v-FAIL">FAIL</span><span class="v-TIMEOUT">TIMEOUT</span><span class="v-BROKEN">BROKEN</span><span class="v-UNSUPPORTED">UNSUPPORTED</span><span class="known">known divergence (ledger)</span><span class="unexpected">unexpected</span><span class="stale">stale ledger entry</span> &mdash; <span id="cells">0</span> cells; click one for its tests' diffs and lateness.</p>
<table id="matrix"></table>
<div id="detail"><p>Click a cell.</p></div>
<script type="application/json" id="matrix-data">{}</script>
<script>{}</script>
</body>
</html>
)HTML",
                     kStyle, platforms, safe, kScript);
}

}  // namespace procsync

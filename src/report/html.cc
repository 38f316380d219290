#include "report/html.h"

#include <fmt/format.h>

namespace alliance::report {
namespace {

constexpr const char* kStyle = R"css(
:root { --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --accent: #0b5cad; --bg-alt: #f6f8fa; }
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; color: var(--ink); background: #fff;
  font-family: "DejaVu Serif", Georgia, "Times New Roman", serif; line-height: 1.55; }
main, header.page { max-width: 68rem; margin: 0 auto; padding: 0 1.5rem; }
header.page { padding-top: 2rem; border-bottom: 1px solid var(--rule); }
h1, h2, h3, h4, nav, table, figcaption, .meta, .caveat-kind, details summary {
  font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 0.4rem; }
h2 { font-size: 1.45rem; margin: 2.8rem 0 0.8rem; padding-top: 0.6rem; border-top: 2px solid var(--ink); }
h3 { font-size: 1.12rem; margin: 1.8rem 0 0.6rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 0.4rem; }
p, li { max-width: 46rem; }
.meta { color: var(--muted); font-size: 0.9rem; margin: 0 0 1.2rem; }
a { color: var(--accent); }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.88em; background: var(--bg-alt);
  padding: 0 0.2em; border-radius: 3px; }
nav.toc { background: var(--bg-alt); border: 1px solid var(--rule); border-radius: 6px; padding: 0.8rem 1.2rem;
  margin: 1.5rem 0; font-size: 0.92rem; }
nav.toc h2 { font-size: 1rem; margin: 0 0 0.4rem; border: 0; padding: 0; }
nav.toc ol { margin: 0.2rem 0; padding-left: 1.4rem; }
nav.toc > ol { columns: 2; column-gap: 2.5rem; }
nav.toc > ol > li { break-inside: avoid; }
nav.toc ol ol { font-size: 0.88rem; color: var(--muted); }
.summary li { margin: 0.35rem 0; }
.num { font-variant-numeric: tabular-nums; font-weight: 600; }
figure { margin: 1.2rem 0 2rem; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid var(--rule); }
figcaption { font-size: 0.88rem; color: var(--muted); margin-top: 0.4rem; max-width: 52rem; }
figcaption b { color: var(--ink); }
.table-wrap { overflow-x: auto; margin: 0.4rem 0 1.4rem; }
table { border-collapse: collapse; font-size: 0.84rem; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid var(--rule); vertical-align: top; text-align: left; }
thead th { border-bottom: 2px solid var(--ink); white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) { background: var(--bg-alt); }
td.hash { font-family: "DejaVu Sans Mono", monospace; font-size: 0.78rem; word-break: break-all; }
.notes { font-size: 0.82rem; color: var(--muted); margin: 0.2rem 0 0; }
.files { font-size: 0.82rem; }
details { margin: 0.6rem 0 1.2rem; }
details summary { cursor: pointer; font-weight: 600; }
dl.rules { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; font-size: 0.9rem; }
dl.rules dt { font-weight: 600; font-family: "DejaVu Sans", Arial, sans-serif; }
dl.rules dd { margin: 0; }
ul.caveats li { margin: 0.3rem 0; }
.caveat-kind { display: inline-block; min-width: 6.5rem; font-size: 0.78rem; text-transform: uppercase;
  letter-spacing: 0.03em; color: var(--muted); }
footer { color: var(--muted); font-size: 0.85rem; margin: 3rem 0 2rem; }
@media print { nav.toc { display: none; } details { display: block; } }
)css";

// Plain text with `identifiers` between backticks as HTML.
std::string inline_text(std::string_view text) {
  std::string out;
  bool code = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '`') continue;
    out += html_escape(text.substr(start, i - start));
    if (i < text.size()) out += code ? "</code>" : "<code>";
    code = !code;
    start = i + 1;
  }
  if (!code) out += "</code>";  // an unmatched backtick closes at the end
  return out;
}

std::string summary_item(const SummaryItem& item) {
  std::string out;
  std::string text;
  std::size_t i = 0;
  // The template's text between values goes through inline_text; each {k}
  // becomes the value's span.
  while (i < item.text.size()) {
    if (item.text[i] == '{') {
      const std::size_t close = item.text.find('}', i);
      const std::size_t index = std::stoul(item.text.substr(i + 1, close - i - 1));
      out += inline_text(text);
      text.clear();
      const Finding& f = item.values.at(index);
      out += fmt::format("<span class=\"num\" data-finding=\"{}\">{}</span>", html_escape(f.id), html_escape(f.text()));
      i = close + 1;
    } else {
      text.push_back(item.text[i++]);
    }
  }
  out += inline_text(text);
  return out;
}

std::string table_html(const ReportTable& t) {
  const core::Table& table = t.table;
  std::string out;
  std::string body = "<div class=\"table-wrap\"><table>\n<thead><tr>";
  // A column is numeric when every non-missing cell is.
  std::vector<bool> numeric(table.columns.size(), true);
  std::vector<bool> any(table.columns.size(), false);
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size() && c < numeric.size(); ++c) {
      if (row[c].is_missing || row[c].text.empty()) continue;
      any[c] = true;
      if (!row[c].number) numeric[c] = false;
    }
  }
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    body += fmt::format("<th{}>{}</th>", numeric[c] && any[c] ? " class=\"n\"" : "", html_escape(table.columns[c]));
  }
  body += "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    body += "<tr>";
    for (std::size_t c = 0; c < row.size(); ++c) {
      body += fmt::format("<td{}>{}</td>", row[c].number ? " class=\"n\"" : "", html_escape(row[c].text));
    }
    body += "</tr>\n";
  }
  body += "</tbody></table></div>\n";
  std::string notes;
  for (const std::string& note : table.notes) notes += "<p class=\"notes\">" + html_escape(note) + "</p>\n";
  const std::string files =
      fmt::format("<p class=\"files\">{} rows &middot; <a href=\"tables/{}.csv\">CSV</a>{}</p>\n", table.rows.size(),
                  t.file, t.publication ? fmt::format(" &middot; <a href=\"tables/{}.tex\">LaTeX</a>", t.file) : "");
  const std::string heading = fmt::format("<h4 id=\"table-{}\">{}</h4>\n", t.file, html_escape(table.title));
  if (t.collapsed) {
    out = fmt::format("<details id=\"table-{}\"><summary>{} ({} rows)</summary>\n{}{}{}</details>\n", t.file,
                      html_escape(table.title), table.rows.size(), body, notes, files);
  } else {
    out = heading + body + notes + files;
  }
  return out;
}

std::string figure_html(const Figure& figure, int number) {
  return fmt::format(
      "<figure id=\"figure-{0}\">\n<img src=\"figures/{0}.svg\" alt=\"{1}\">\n"
      "<figcaption><b>Figure {2}. {1}</b> {3} <a href=\"figures/{0}.png\">PNG</a> &middot; "
      "<a href=\"figures/{0}.svg\">SVG</a> &middot; <a href=\"figures/{0}.{4}\">source</a></figcaption>\n</figure>\n",
      figure.name, html_escape(figure.title), number, html_escape(figure.caption),
      figure.tool == Figure::Tool::kGnuplot ? "gp" : "dot");
}

std::string inputs_html(const ReportResults& results, const std::vector<std::string>& labels) {
  std::string out =
      "<div class=\"table-wrap\"><table><thead><tr><th>input</th><th>file</th><th>SHA-256</th></tr></thead><tbody>\n";
  for (const std::string& label : labels) {
    const InputFile* input = results.find_input(label);
    if (input == nullptr) continue;
    out += fmt::format("<tr><td>{}</td><td><code>{}</code></td><td class=\"hash\">{}</td></tr>\n", html_escape(label),
                       html_escape(input->shown), input->sha256);
  }
  return out + "</tbody></table></div>\n";
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
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
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

namespace {

std::string page_head(const ReportResults& results) {
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<link rel=\"icon\" href=\"data:,\">\n";
  out += fmt::format("<meta name=\"generator\" content=\"alliance {}\">\n", html_escape(results.version));
  out +=
      fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n", html_escape(results.config.title), kStyle);
  out += "<header class=\"page\">\n";
  out += fmt::format("<h1>{}</h1>\n", html_escape(results.config.title));
  out += fmt::format(
      "<p class=\"meta\">alliance {} &middot; seed {} &middot; {} &middot; every number below is recomputed by this "
      "run; <a href=\"provenance.csv\">provenance.csv</a> ties each to its command, inputs and rule.</p>\n",
      html_escape(results.version), results.seed,
      results.config.source.empty() ? std::string("embedded data")
                                    : "config <code>" + html_escape(results.config.source) + "</code>");
  out += "</header>\n<main>\n";
  return out;
}

std::string contents(const std::vector<Section>& sections) {
  std::string out = "<nav class=\"toc\"><h2>Contents</h2><ol>\n<li><a href=\"#summary\">Summary of findings</a></li>\n";
  int figure_number = 0;
  for (const Section& section : sections) {
    out += fmt::format("<li><a href=\"#{}\">{}</a>", section.id, html_escape(section.title));
    out += "<ol>";
    for (const Figure& figure : section.figures) {
      out += fmt::format("<li><a href=\"#figure-{}\">Figure {}</a>: {}</li>", figure.name, ++figure_number,
                         html_escape(figure.title));
    }
    out += fmt::format("<li><a href=\"#{}-tables\">Tables</a> ({})</li>", section.id, section.tables.size());
    out += fmt::format("<li><a href=\"#{}-inputs\">Inputs and rules</a></li>", section.id);
    out += fmt::format("<li><a href=\"#{}-caveats\">Caveats</a></li>", section.id);
    out += "</ol></li>\n";
  }
  out += "<li><a href=\"#provenance\">Provenance and citation</a></li>\n</ol></nav>\n";
  return out;
}

std::string summary_html(const ReportResults& results, const std::vector<Section>& sections) {
  std::string out = "<section id=\"summary\" class=\"summary\">\n<h2>Summary of findings</h2>\n";
  for (const Section& section : sections) {
    std::string items;
    for (const SummaryItem& item : results.summary) {
      if (item.pillar == section.id) items += "<li>" + summary_item(item) + "</li>\n";
    }
    if (items.empty()) continue;
    out += fmt::format("<h3>{}</h3>\n<ul>\n{}</ul>\n", html_escape(section.title), items);
  }
  out +=
      "<p class=\"files\">All numbers: <a href=\"tables/summary.csv\">tables/summary.csv</a>; "
      "their provenance: <a href=\"provenance.csv\">provenance.csv</a>.</p>\n</section>\n";
  return out;
}

std::string section_html(const ReportResults& results, const Section& section, int& figure_number) {
  std::string out = fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n", section.id, html_escape(section.title));
  out += fmt::format("<p>{}</p>\n", inline_text(section.lead));
  if (!section.figures.empty()) out += "<h3>Figures</h3>\n";
  for (const Figure& figure : section.figures) out += figure_html(figure, ++figure_number);
  out += fmt::format("<h3 id=\"{}-tables\">Tables</h3>\n", section.id);
  for (const ReportTable& table : section.tables) out += table_html(table);
  out += fmt::format("<h3 id=\"{}-inputs\">Inputs and rules</h3>\n", section.id);
  out += inputs_html(results, section.inputs);
  out += "<dl class=\"rules\">\n";
  for (const auto& [name, text] : section.rules) {
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", html_escape(name), inline_text(text));
  }
  out += "</dl>\n";
  out += fmt::format("<h3 id=\"{}-caveats\">Caveats</h3>\n", section.id);
  std::string caveats;
  for (const Caveat& caveat : results.caveats) {
    if (caveat.pillar != section.id) continue;
    caveats += fmt::format("<li><span class=\"caveat-kind\">{}</span> {}</li>\n", html_escape(caveat.kind),
                           inline_text(caveat.text));
  }
  out += caveats.empty() ? std::string("<p>None reported by the library.</p>\n")
                         : "<ul class=\"caveats\">\n" + caveats + "</ul>\n";
  out += "</section>\n";
  return out;
}

std::string provenance_html(const ReportResults& results) {
  std::string out = "<section id=\"provenance\">\n<h2>Provenance and citation</h2>\n";
  out +=
      "<p><a href=\"provenance.csv\">provenance.csv</a> has one row per number of the summary and input file: the "
      "<code>alliance</code> command that prints the number, the rule or parameter that produced it, and the "
      "input file with its SHA-256 checksum. <a href=\"run.json\">run.json</a> records the version, the seed, the "
      "inputs and the time of each step. Every table is in <code>tables/</code> as CSV (and as booktabs LaTeX for "
      "the publication tables); every figure in <code>figures/</code> as SVG and PNG with the gnuplot or Graphviz "
      "script and data that draw it.</p>\n";
  out += fmt::format(
      "<p>To cite a number, give the finding's id, the command and the checksums of its inputs from provenance.csv, "
      "and the version: alliance {}, seed {}.</p>\n</section>\n",
      html_escape(results.version), results.seed);
  return out;
}

}  // namespace

std::string render_html(const ReportResults& results, const std::vector<Section>& sections) {
  std::string out = page_head(results);
  out += contents(sections);
  out += summary_html(results, sections);
  int figure_number = 0;
  for (const Section& section : sections) out += section_html(results, section, figure_number);
  out += provenance_html(results);
  out +=
      "<footer>Generated by <code>alliance report</code>. Nothing on this page is fetched from the network.</footer>\n";
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace alliance::report

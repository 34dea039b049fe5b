#!/usr/bin/env python3
"""Reads a briefing pack back and checks it against the canonical CSVs of its directory.

Usage: check_briefing.py xlsx DIR   — DIR/briefing.xlsx, read with openpyxl
       check_briefing.py csv DIR    — DIR/tableaux/*.csv, read with Python's csv module (";", BOM, decimal comma)
Every number of every table must be a number (a number cell; in the CSV a plain decimal-comma number)
equal to the value of indicators.csv, comparison.csv, indicators_by_quintile.csv, taxes.csv or
parameters.csv it stands for; the sheet « Taxes affectées » is there exactly when a scenario has taxes.csv.
For the workbook also: the sheets in the briefing's order, frozen header rows, number
formats, and the native line charts with one series per scenario.
Prints one JSON line of counts; exits 1 with the first mismatches otherwise.
"""
import csv
import json
import os
import re
import sys
import zipfile

SHEETS = ["Synthèse", "Couverture", "Dépenses", "Protection financière", "Financement", "Taxes affectées", "Équité",
          "Paramètres", "Méthode"]
TAXES = "Taxes affectées"
HEADER_ROW = 3  # 1-based: title, note, header
CHART_TITLES = {
    "Couverture": ["Couverture totale par l'assurance maladie"],
    "Dépenses": ["Part des paiements directs dans la DCS"],
    "Protection financière": ["Dépenses catastrophiques (> 10 % de la consommation, ODD 3.8.2)"],
    "Financement": ["Besoin de financement non couvert", "Espace budgétaire restant (budget santé de l'État)"],
}

problems = []
checked = {"numbers": 0}


def fail(message):
    problems.append(message)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def whole(value):
    """A year or a quintile as the canonical CSVs write it."""
    return str(int(value)) if isinstance(value, (int, float)) else str(value)


def same(cell, text, where):
    """The cell is a number equal to the CSV's text read as a float."""
    checked["numbers"] += 1
    if isinstance(cell, bool) or not isinstance(cell, (int, float)):
        fail(f"{where}: {cell!r} n'est pas un nombre (attendu {text})")
    elif float(cell) != float(text):
        fail(f"{where}: {cell!r} != {text}")


FILES = {"Synthèse": "synthese.csv", "Couverture": "couverture.csv", "Dépenses": "depenses.csv",
         "Protection financière": "protection_financiere.csv", "Financement": "financement.csv",
         "Taxes affectées": "taxes_affectees.csv", "Équité": "equite.csv", "Paramètres": "parametres.csv",
         "Méthode": "methode.csv"}
FRENCH_NUMBER = re.compile(r"-?[0-9]+(,[0-9]+)?")


class FrenchTables:
    """The tables of DIR/tableaux/, as the workbook's: a header, then rows with numbers as floats."""

    def __init__(self, directory):
        self.directory = os.path.join(directory, "tableaux")
        self.sheetnames = [s for s in SHEETS if os.path.exists(os.path.join(self.directory, FILES[s]))]

    def __getitem__(self, sheet):
        path = os.path.join(self.directory, FILES[sheet])
        raw = open(path, "rb").read()
        if not raw.startswith(b"\xef\xbb\xbf"):
            fail(f"{path}: pas de BOM UTF-8 au début")
        text = raw.decode("utf-8-sig")
        records = list(csv.reader(text.splitlines(), delimiter=";"))
        if any(len(r) != len(records[0]) for r in records):
            fail(f"{path}: lignes de longueurs différentes")
        header, rows = records[0], []
        for record in records[1:]:
            row = []
            for field in record:
                if FRENCH_NUMBER.fullmatch(field):
                    row.append(float(field.replace(",", ".")))
                else:
                    if re.fullmatch(r"-?[0-9][0-9  \u202f.]*[0-9](,[0-9]+)?", field) and not re.fullmatch(r"\d{4}–\d{4}", field):
                        fail(f"{path}: « {field} » ressemble à un nombre mal écrit (séparateur de milliers ou point)")
                    row.append(field if field != "" else None)
            rows.append(dict(zip(header, row)))
        return header, rows


def table(source):
    if isinstance(source, tuple):
        return source
    ws = source
    header = [c.value for c in ws[HEADER_ROW]]
    rows = []
    for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
        if all(v is None for v in r):
            continue
        rows.append(dict(zip(header, r)))
    return header, rows


def main(kind, directory):
    comparison = os.path.exists(os.path.join(directory, "comparison.csv"))
    if comparison:
        diff_rows = read_csv(os.path.join(directory, "comparison.csv"))
        names = list(dict.fromkeys(r["scenario"] for r in diff_rows))
        dirs = {n: os.path.join(directory, n) for n in names}
        diffs = {(r["scenario"], r["year"], r["indicator"]): r for r in diff_rows}
    else:
        name = os.path.basename(os.path.normpath(directory))
        names = [name]
        dirs = {name: directory}
        diffs = {}
    indicators = {n: {(r["year"], r["indicator"]): r for r in read_csv(os.path.join(d, "indicators.csv"))}
                  for n, d in dirs.items()}
    quintiles = {n: {(r["year"], r["quintile"], r["indicator"]): r
                     for r in read_csv(os.path.join(d, "indicators_by_quintile.csv"))} for n, d in dirs.items()}
    parameters = {n: {r["parameter"]: r for r in read_csv(os.path.join(d, "parameters.csv"))} for n, d in dirs.items()}
    taxes = {n: {(r["year"], r["tax"]): r for r in read_csv(os.path.join(d, "taxes.csv"))}
             for n, d in dirs.items() if os.path.exists(os.path.join(d, "taxes.csv"))}

    path = os.path.join(directory, "briefing.xlsx")
    if kind == "xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(path)
    else:
        wb = FrenchTables(directory)
    sheets = [s for s in SHEETS if s != TAXES or taxes]
    if wb.sheetnames != sheets:
        fail(f"feuilles {wb.sheetnames} ; attendu {sheets}")

    # Synthèse: the headline indicators in a few years.
    header, rows = table(wb["Synthèse"])
    for row in rows:
        code, scenario = row["Code (indicators.csv)"], row["Scénario"]
        for h in header:
            m = re.fullmatch(r"(Moyenne|Écart) (\d{4})( : (5|95) %)?|(\d{4}) : (5|95) %", h or "")
            if not m:
                continue
            where = f"Synthèse {code} {scenario} « {h} »"
            if m.group(1) == "Moyenne":
                year = m.group(2)
                source = diffs[(scenario, year, code)]["mean"] if comparison else indicators[scenario][(year, code)]["mean"]
                same(row[h], source, where)
            elif m.group(1) == "Écart":
                column = {None: "diff_vs_baseline", "5": "diff_p05", "95": "diff_p95"}[m.group(4)]
                same(row[h], diffs[(scenario, m.group(2), code)][column], where)
            else:
                same(row[h], indicators[scenario][(m.group(5), code)]["p05" if m.group(6) == "5" else "p95"], where)

    # Indicators by year: every value of every indicators.csv must be met exactly once.
    met = set()
    for sheet in ["Couverture", "Dépenses", "Protection financière", "Financement"]:
        header, rows = table(wb[sheet])
        for row in rows:
            code, year = row["Code (indicators.csv)"], whole(row["Année"])
            for n in names:
                column = n if comparison else "Moyenne"
                same(row[column], indicators[n][(year, code)]["mean"], f"{sheet} {code} {year} {n}")
                met.add((n, year, code))
            if not comparison:
                same(row["5 %"], indicators[names[0]][(year, code)]["p05"], f"{sheet} {code} {year} 5 %")
                same(row["95 %"], indicators[names[0]][(year, code)]["p95"], f"{sheet} {code} {year} 95 %")
    for n in names:
        for (year, code) in indicators[n]:
            if (n, year, code) not in met:
                fail(f"indicators.csv de {n} : {code} {year} absent du classeur")

    # Taxes affectées: every line of every taxes.csv, once, in MFCFA; only the scenarios that have taxes.
    if taxes and TAXES in wb.sheetnames:
        header, rows = table(wb[TAXES])
        expected = ["Taxe affectée", "Unité", "Année"] + (list(taxes) if comparison else ["Moyenne", "5 %", "95 %"])
        if header != expected:
            fail(f"{TAXES}: en-tête {header} ; attendu {expected}")
        met = set()
        for row in rows:
            tax, year = row["Taxe affectée"], whole(row["Année"])
            for n in taxes:
                source = taxes[n].get((year, tax))
                if source is None:
                    if row[n if comparison else "Moyenne"] is not None:
                        fail(f"{TAXES} {tax} {year} {n}: valeur sans ligne de taxes.csv")
                    continue
                if row["Unité"] != source["unit"]:
                    fail(f"{TAXES} {tax} {year}: unité {row['Unité']!r} != {source['unit']!r}")
                same(row[n if comparison else "Moyenne"], source["mean"], f"{TAXES} {tax} {year} {n}")
                if not comparison:
                    same(row["5 %"], source["p05"], f"{TAXES} {tax} {year} 5 %")
                    same(row["95 %"], source["p95"], f"{TAXES} {tax} {year} 95 %")
                met.add((n, year, tax))
        for n in taxes:
            for (year, tax) in taxes[n]:
                if (n, year, tax) not in met:
                    fail(f"taxes.csv de {n} : {tax} {year} absent du classeur")
        checked["taxes"] = len(met)

    # Équité.
    header, rows = table(wb["Équité"])
    quintile_column = "Quintile (1 = les plus pauvres)"
    met = set()
    for row in rows:
        code, year, q = row["Code (indicators_by_quintile.csv)"], whole(row["Année"]), whole(row[quintile_column])
        for n in names:
            same(row[n if comparison else "Moyenne"], quintiles[n][(year, q, code)]["mean"], f"Équité {code} {year} Q{q} {n}")
            met.add((n, year, q, code))
    for n in names:
        for key in quintiles[n]:
            if (n,) + key not in met:
                fail(f"indicators_by_quintile.csv de {n} : {key} absent du classeur")

    # Paramètres: every value as parameters.csv wrote it (numbers as numbers).
    header, rows = table(wb["Paramètres"])
    for row in rows:
        p = row["Paramètre"]
        for h in header:
            if not (h == "Valeur" or (h or "").startswith("Valeur : ")):
                continue
            n = names[0] if h == "Valeur" else h[len("Valeur : "):]
            cell = row[h]
            if cell is None:
                continue
            expected = parameters[n][p]["value"]
            if isinstance(cell, str):
                if cell != expected:
                    fail(f"Paramètres {p} {n}: {cell!r} != {expected!r}")
            else:
                same(cell, expected, f"Paramètres {p} {n}")
        checked["parameters"] = checked.get("parameters", 0) + 1

    checked["sheets"] = wb.sheetnames
    if kind == "xlsx":
        check_workbook_layout(wb, path, names)
    finish()


def check_workbook_layout(wb, path, names):
    # Real number formats and frozen header rows.
    for sheet in SHEETS[1:5]:
        ws = wb[sheet]
        if ws.freeze_panes != "D4":
            fail(f"{sheet}: volets figés en {ws.freeze_panes} ; attendu D4")
        units = {c.value: c.row for c in ws["B"][HEADER_ROW:]}
        if "%" in units and "%" not in ws.cell(units["%"], 4).number_format:
            fail(f"{sheet}: format d'une cellule en % : {ws.cell(units['%'], 4).number_format}")

    # Native charts: one line chart per headline series, one series per scenario, on its sheet.
    charts = charts_by_sheet(path, wb.sheetnames)
    for sheet, titles in CHART_TITLES.items():
        found = charts.get(sheet, [])
        if [c["title"] for c in found] != titles:
            fail(f"{sheet}: graphiques {[c['title'] for c in found]} ; attendu {titles}")
        for c in found:
            if c["type"] != "lineChart" or c["series"] != len(names):
                fail(f"{sheet}: graphique « {c['title']} » : {c['type']} à {c['series']} séries ; attendu lineChart à {len(names)}")
    checked["charts"] = sum(len(v) for v in charts.values())


def finish():
    if problems:
        for p in problems[:25]:
            print(p, file=sys.stderr)
        print(f"{len(problems)} écart(s)", file=sys.stderr)
        sys.exit(1)
    print(json.dumps(checked, ensure_ascii=False))


def charts_by_sheet(path, sheetnames):
    """Sheet name → its charts (title, chart type, number of series), read from the XML parts."""
    ns_rel = "http://schemas.openxmlformats.org/package/2006/relationships"
    import xml.etree.ElementTree as ET
    z = zipfile.ZipFile(path)

    def rels(part):
        folder, name = os.path.split(part)
        rel_path = f"{folder}/_rels/{name}.rels"
        if rel_path not in z.namelist():
            return []
        root = ET.fromstring(z.read(rel_path))
        return [os.path.normpath(os.path.join(folder, r.get("Target"))) for r in root.iter(f"{{{ns_rel}}}Relationship")]

    workbook_rels = {}
    root = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    for r in root.iter(f"{{{ns_rel}}}Relationship"):
        workbook_rels[r.get("Id")] = os.path.normpath(os.path.join("xl", r.get("Target")))
    wbx = ET.fromstring(z.read("xl/workbook.xml"))
    ns_main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    ns_r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ns_c = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    ns_a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    result = {}
    for sheet in wbx.iter(f"{{{ns_main}}}sheet"):
        part = workbook_rels[sheet.get(f"{{{ns_r}}}id")]
        for drawing in rels(part):
            for chart in rels(drawing):
                cx = ET.fromstring(z.read(chart))
                plot = cx.find(f".//{{{ns_c}}}plotArea")
                kinds = [child.tag.split("}")[1] for child in plot if child.tag.endswith("Chart")]
                title = "".join(t.text or "" for t in cx.find(f".//{{{ns_c}}}title").iter(f"{{{ns_a}}}t"))
                result.setdefault(sheet.get("name"), []).append(
                    {"title": title, "type": kinds[0] if kinds else None,
                     "series": len(cx.findall(f".//{{{ns_c}}}ser"))})
    return result


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("xlsx", "csv"):
        sys.exit("usage: check_briefing.py xlsx|csv DIR")
    main(sys.argv[1], sys.argv[2])

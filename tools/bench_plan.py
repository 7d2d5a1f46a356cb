#!/usr/bin/env python3
# A work plan of N pages whose pages all differ (their texts, row counts and marked months), drawn
# as spreadsheet exports draw them: stroked rules, filled month cells, base-14 Helvetica text. Each
# area's table runs over 20 pages (its columns a little apart from the next area's), as a plan's
# areas do.
# For the benchmarks (tools/bench_pdf.sh), not a test fixture. Usage: bench_plan.py N OUT.pdf
import sys
n = int(sys.argv[1]); out = sys.argv[2]
months = "E F M A M J J A S O N D".split()
objs = []  # bytes of objects 1..
def add(b): objs.append(b); return len(objs)
font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
pages_id_placeholder = None
page_ids = []
words = ("Elaborar revisar integrar presentar informe programa anual sesiones consejo general "
         "capacitacion organizacion electoral difusion material documentacion seguimiento "
         "evaluacion indicadores transparencia archivo presupuesto").split()
def text(x, y, s, f="/F1", size=7):
    s = s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return f"BT {f} {size} Tf {x:.2f} {y:.2f} Td ({s}) Tj ET\n"
contents = []
for p in range(n):
    area = p // 20
    c = ["0 0 0 rg\n", text(40, 750, f"PROGRAMA ANUAL DE TRABAJO 2024 - AREA {area + 1}", "/F2", 11)]
    k = (p * 13) % len(words)
    intro = " ".join(words[(k + j * 3) % len(words)] for j in range(30))
    c.append(text(40, 734, intro[:110])); c.append(text(40, 725, intro[110:] + f" ({p + 1})"))
    x0, xt, w = 40, 300 + 8 * (area % 6), 20
    cols = [x0, 70, xt] + [xt + w * (i + 1) for i in range(12)]
    top = 712
    c.append(text(45, top - 12, "No.", "/F2", 7)); c.append(text(75, top - 12, "ACTIVIDAD", "/F2", 7))
    for i, m in enumerate(months): c.append(text(xt + w * i + 7, top - 12, m, "/F2", 7))
    ys = [top, top - 18]
    rows = 6 + (p * 5) % 4
    for r in range(rows):
        y = ys[-1]
        lines = 3 + (p + r * 3) % 4
        rh = 9 * lines + 8
        for m in range(12):
            if (p * 7 + r * 5 + m * 3) % 11 < 4:
                shade = [".75 .75 .75", ".99 .89 .84", ".36 .61 .84"][(p + r) % 3]
                c.append(f"{shade} rg {xt + w * m:.2f} {y - rh:.2f} {w} {rh} re f\n")
        c.append("0 0 0 rg\n")
        c.append(text(45, y - 11, f"{area + 1}.{p % 20 * 10 + r + 1}"))
        k = (p * 31 + r * 17) % len(words)
        for line in range(lines):
            phrase = " ".join(words[(k + line * 7 + j * 5) % len(words)] for j in range(6))
            c.append(text(75, y - 11 - 9 * line, phrase[:52]))
        ys.append(y - rh)
    c.append("0.5 w 0 0 0 RG\n")
    for y in ys:
        c.append(f"{cols[0]} {y} m {cols[-1]} {y} l S\n")
    for x in cols: c.append(f"{x} {top} m {x} {ys[-1]} l S\n")
    contents.append("".join(c).encode("latin-1"))
kids_start = len(objs) + 1
for p in range(n):
    body = contents[p]
    cid = add(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
    page_ids.append(add(None))
pages = add(None)
for p, pid in enumerate(page_ids):
    objs[pid - 1] = (b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                     b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>" % (pages, pid - 1, font, bold))
objs[pages - 1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (n, b" ".join(b"%d 0 R" % i for i in page_ids))
catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages)
out_b = bytearray(b"%PDF-1.4\n")
offsets = []
for i, o in enumerate(objs):
    offsets.append(len(out_b)); out_b += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
xref = len(out_b)
out_b += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for off in offsets: out_b += b"%010d 00000 n \n" % off
out_b += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref)
open(out, "wb").write(out_b)

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
    c = [f"0 0 0 rg\n", text(40, 750, f"PROGRAMA ANUAL DE TRABAJO 2024 - AREA {p // 20 + 1}", "/F2", 11)]
    x0, xt, w = 40, 260 + 8 * (p // 20 % 6), 22
    cols = [x0, 70, xt] + [xt + w * (i + 1) for i in range(12)]
    top = 720; rh = 24; rows = 20 + p % 7
    c.append(text(45, top - 15, "No.", "/F2", 7)); c.append(text(75, top - 15, "ACTIVIDAD", "/F2", 7))
    for i, m in enumerate(months): c.append(text(xt + w * i + 8, top - 15, m, "/F2", 7))
    for r in range(rows):
        y = top - rh * (r + 1)
        for m in range(12):
            if (p * 7 + r * 5 + m * 3) % 11 < 4:
                shade = [".75 .75 .75", ".99 .89 .84", ".36 .61 .84"][(p + r) % 3]
                c.append(f"{shade} rg {xt + w * m:.2f} {y - rh:.2f} {w} {rh} re f\n")
        c.append("0 0 0 rg\n")
        c.append(text(45, y - 14, f"{p + 1}.{r + 1}"))
        k = (p * 31 + r * 17) % len(words)
        phrase = " ".join(words[(k + j * 5) % len(words)] for j in range(5 + (p + r) % 4))
        c.append(text(75, y - 10, phrase[:48])); c.append(text(75, y - 19, f"de la pagina {p + 1} renglon {r + 1}"))
    bottom = top - rh * (rows + 1)
    c.append("0.5 w 0 0 0 RG\n")
    for r in range(rows + 2):
        y = top - rh * r
        c.append(f"{cols[0]} {y} m {cols[-1]} {y} l S\n")
    for x in cols: c.append(f"{x} {top} m {x} {bottom} l S\n")
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

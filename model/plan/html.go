package plan

import (
	"bytes"
	"html"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/roundtable/roundtable/model"
)

// HTMLFileName is the name of the printable plan of a session.
func HTMLFileName(s *model.Session) string {
	return slug(s.ID) + "-plan.html"
}

// HTML writes the plan of s as one self-contained web page.
func HTML(s *model.Session) []byte {
	return Build(s).HTML()
}

// HTML writes the plan as one self-contained page to read in a browser and
// print to PDF: its style sheet is inside it, its pictures are inline SVG,
// and it has no script and asks for nothing over the network, which its
// content security policy forbids as well. Each step starts a new printed
// page, a table row is never split across two, and a table's header
// repeats on every page it runs over. Every piece of text, typed or the
// plan's own, is escaped, so it reads as text and never becomes markup.
func (d *Document) HTML() []byte {
	var w htmlWriter
	w.b.Grow(128 << 10)
	title := "Workshop plan"
	for _, b := range d.Blocks {
		if h, ok := b.(*Heading); ok && h.Level == 1 {
			title = plainText(h.Text)
			break
		}
	}
	w.s(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>`)
	w.esc(title)
	w.s("</title>\n<style>")
	w.s(styleSheet)
	w.s("</style>\n</head>\n<body>\n<main>\n")
	sections := 0
	open := false
	keepUntil := -1
	for i, b := range d.Blocks {
		if h, ok := b.(*Heading); ok && h.Level >= 3 {
			if end := pictureAfter(d.Blocks, i); end > i {
				// A picture does not split across pages: its heading and
				// the words that introduce it go with it.
				w.s(`<div class="keep">` + "\n")
				keepUntil = end
			}
		}
		switch b := b.(type) {
		case *Heading:
			if b.Level <= 2 {
				if open {
					w.s("</section>\n")
				}
				open = true
				class := "part"
				// The title, the participants and the summary share the
				// first pages; every later part starts a page of its own.
				if b.Level == 2 {
					sections++
					if sections > 2 {
						class = "part page"
					}
				}
				w.s(`<section class="` + class + `">` + "\n")
			}
			tag := "h" + strconv.Itoa(min(max(b.Level, 1), 4))
			w.s("<" + tag + ">")
			w.text(b.Text)
			w.s("</" + tag + ">\n")
		case *Paragraph:
			w.s("<p>")
			w.text(b.Text)
			w.s("</p>\n")
		case *List:
			w.list(b)
		case *Table:
			w.table(b)
		case *Poll:
			w.poll(b)
		case *RACIGrid:
			w.raci(b)
		case *HeatMap:
			w.heatMap(b)
		case *Timeline:
			w.timeline(b)
		}
		if i == keepUntil {
			w.s("</div>\n")
		}
	}
	if open {
		w.s("</section>\n")
	}
	w.s("</main>\n</body>\n</html>\n")
	return w.b.Bytes()
}

// pictureAfter is the index of the picture that the heading at i and at
// most two paragraphs introduce, or -1.
func pictureAfter(blocks []Block, i int) int {
	for j := i + 1; j < len(blocks) && j <= i+3; j++ {
		switch blocks[j].(type) {
		case *Paragraph:
			continue
		case *Poll, *RACIGrid, *HeatMap:
			return j
		}
		return -1
	}
	return -1
}

// styleSheet lays the plan out for the screen and for print: A4 and
// Letter alike, since the printer's paper decides the page size.
const styleSheet = `:root { color: #1b1f24; background: #fff; }
body { font: 10.5pt/1.45 "Helvetica Neue", Helvetica, Arial, sans-serif; margin: 0; }
main { max-width: 190mm; margin: 0 auto; padding: 12mm 10mm; }
h1 { font-size: 20pt; margin: 0 0 4mm; border-bottom: 2px solid #1b1f24; padding-bottom: 2mm; }
h2 { font-size: 14pt; margin: 7mm 0 2mm; border-bottom: 1px solid #8c959f; padding-bottom: 1mm; }
h3 { font-size: 11.5pt; margin: 5mm 0 1.5mm; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
p, li { overflow-wrap: break-word; }
p { margin: 1.5mm 0; }
ul, ol { margin: 1.5mm 0; padding-left: 6mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; font-size: 8.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.wide { font-size: 7.5pt; }
th, td { border: 1px solid #d0d7de; padding: 1mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #eaeef2; }
td.lead:first-child { font-weight: 600; }
td.short { white-space: nowrap; }
figure, .keep { margin: 3mm 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; max-height: 230mm; }
figure.heatmap svg { max-width: 130mm; }
figure.poll svg { max-width: 170mm; }
figcaption { font-size: 8.5pt; color: #57606a; margin-top: 1mm; }
svg text { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; fill: #1b1f24; }
.codes { font-size: 8.5pt; color: #57606a; }
@page { margin: 14mm 12mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  section.page { break-before: page; page-break-before: always; }
}
`

// htmlWriter lays out the page.
type htmlWriter struct {
	b bytes.Buffer
}

// s writes markup the renderer itself makes.
func (w *htmlWriter) s(markup string) { w.b.WriteString(markup) }

// esc writes text, any text, as text.
func (w *htmlWriter) esc(text string) { w.b.WriteString(html.EscapeString(text)) }

// num writes a number.
func (w *htmlWriter) num(n int) { w.b.WriteString(strconv.Itoa(n)) }

// text writes inline text: typed spans cleaned as every renderer shows
// them, every span escaped.
func (w *htmlWriter) text(t Text) {
	bold := false
	for _, sp := range t {
		if sp.Strong != bold {
			if sp.Strong {
				w.s("<strong>")
			} else {
				w.s("</strong>")
			}
			bold = sp.Strong
		}
		w.esc(sp.Plain())
	}
	if bold {
		w.s("</strong>")
	}
}

// plainText is a Text as a reader sees it, without markup.
func plainText(t Text) string {
	var b strings.Builder
	for _, sp := range t {
		b.WriteString(sp.Plain())
	}
	return b.String()
}

func (w *htmlWriter) list(l *List) {
	if len(l.Items) == 0 {
		return
	}
	tag := "ul"
	if l.Numbered {
		tag = "ol"
	}
	w.s("<" + tag + ">\n")
	for _, it := range l.Items {
		w.s("<li>")
		w.text(it)
		w.s("</li>\n")
	}
	w.s("</" + tag + ">\n")
}

// table writes every row with as many cells as the header.
func (w *htmlWriter) table(t *Table) {
	// A table of many columns is set smaller, so each keeps its words whole.
	if len(t.Head) > 8 {
		w.s(`<table class="wide">` + "\n<thead><tr>")
	} else {
		w.s("<table>\n<thead><tr>")
	}
	for _, h := range t.Head {
		w.s("<th>")
		w.text(h)
		w.s("</th>")
	}
	w.s("</tr></thead>\n<tbody>\n")
	for _, r := range t.Rows {
		w.s("<tr>")
		for i := range t.Head {
			var cell Text
			if i < len(r) {
				cell = r[i]
			}
			// A date, a score or a status is never broken over lines.
			short := len(cell) > 0 && utf8.RuneCountInString(plainText(cell)) <= 12
			switch {
			case i < t.Lead && short:
				w.s(`<td class="lead short">`)
			case i < t.Lead:
				w.s(`<td class="lead">`)
			case short:
				w.s(`<td class="short">`)
			default:
				w.s("<td>")
			}
			w.text(cell)
			w.s("</td>")
		}
		w.s("</tr>\n")
	}
	w.s("</tbody>\n</table>\n")
}

// The pictures' colours: each RACI letter and each band of the heat map
// its own, dark enough to print and to read a white figure on.
var (
	letterColour = map[model.Letter]string{
		model.Responsible: "#0969da", model.Accountable: "#cf222e", model.Consulted: "#9a6700", model.Informed: "#57606a",
	}
	bandColour = [...]string{model.BandNone: "#eaeef2", model.BandLow: "#a7e3b4", model.BandMedium: "#f8e08e",
		model.BandHigh: "#f5a95b", model.BandCritical: "#e5534b"}
	audienceColours = [...]string{"#8250df", "#0969da", "#bf3989", "#1a7f37", "#9a6700", "#57606a"}
)

// figure opens an SVG picture of the given size.
func (w *htmlWriter) figure(class string, width, height int, label string) {
	w.s(`<figure class="` + class + `">` + "\n")
	w.s(`<svg xmlns="http://www.w3.org/2000/svg" class="` + class + `" role="img" viewBox="0 0 `)
	w.num(width)
	w.s(" ")
	w.num(height)
	w.s(`" width="`)
	w.num(width)
	w.s(`" height="`)
	w.num(height)
	w.s(`" aria-label="`)
	w.esc(label)
	w.s(`">` + "\n")
}

// svgText writes a text element at x, y; attrs is the renderer's own.
func (w *htmlWriter) svgText(x, y int, attrs, text string) {
	w.s(`<text x="`)
	w.num(x)
	w.s(`" y="`)
	w.num(y)
	w.s(`"`)
	if attrs != "" {
		w.s(" " + attrs)
	}
	w.s(">")
	w.esc(text)
	w.s("</text>\n")
}

// rect writes a rectangle; attrs is the renderer's own.
func (w *htmlWriter) rect(x, y, width, height int, attrs string) {
	w.s(`<rect x="`)
	w.num(x)
	w.s(`" y="`)
	w.num(y)
	w.s(`" width="`)
	w.num(width)
	w.s(`" height="`)
	w.num(height)
	w.s(`" ` + attrs + "/>\n")
}

// clipText shortens s to n characters, for a label of a fixed width.
func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:max(n-1, 1)])) + "…"
}

// poll draws the show of hands as two bars a platform, measured against
// the room, with the counts written at their ends.
func (w *htmlWriter) poll(p *Poll) {
	const label, bars, rowH = 190, 440, 34
	most := max(p.Room, 1)
	for _, r := range p.Rows {
		most = max(most, r.Reads, r.Creates)
	}
	height := 30 + rowH*len(p.Rows) + 10
	w.figure("poll", label+bars+60, height, "Show-of-hands poll: hands up for reading and for contributing, per platform")
	w.rect(0, 6, 12, 12, `fill="#0969da"`)
	w.svgText(18, 16, `font-size="12"`, "Read or use it")
	w.rect(150, 6, 12, 12, `fill="#bf3989"`)
	w.svgText(168, 16, `font-size="12"`, "Contribute or create")
	if p.Room > 0 {
		w.svgText(330, 16, `font-size="12"`, "bars measured against the "+strconv.Itoa(p.Room)+" in the room")
	}
	for i, r := range p.Rows {
		y := 30 + i*rowH
		w.s("<g>")
		w.s("<title>")
		w.esc(plainText(r.Platform))
		w.s("</title>\n")
		w.svgText(0, y+18, `font-size="12"`, clipText(plainText(r.Platform), 28))
		for j, n := range [...]int{r.Reads, r.Creates} {
			colour, kind := "#0969da", "reads"
			if j == 1 {
				colour, kind = "#bf3989", "creates"
			}
			bw := 0
			if n > 0 {
				bw = max(n*bars/most, 2)
			}
			by := y + 4 + j*13
			w.rect(label, by, bw, 11, `class="bar `+kind+`" fill="`+colour+`"`)
			w.svgText(label+bw+4, by+10, `font-size="10"`, strconv.Itoa(n))
		}
		w.s("</g>\n")
	}
	w.s("</svg>\n</figure>\n")
}

// raci draws the matrix: activities down, the roles' codes across, each
// letter in its colour, the legend under it, and the codes spelt out.
func (w *htmlWriter) raci(g *RACIGrid) {
	const name, col, rowH, head = 300, 38, 22, 30
	width := name + col*len(g.Roles) + 4
	height := head + rowH*len(g.Activities) + 40
	w.figure("raci", max(width, 420), height, "RACI matrix: who is responsible, accountable, consulted and informed for each activity")
	for j, r := range g.Roles {
		x := name + j*col + col/2
		w.s("<g><title>")
		w.esc(plainText(r.Name))
		w.s("</title>")
		w.svgText(x, head-10, `font-size="10" font-weight="600" text-anchor="middle"`, clipText(plainText(r.Code), 6))
		w.s("</g>\n")
	}
	for i, a := range g.Activities {
		y := head + i*rowH
		if i%2 == 0 {
			w.rect(0, y, name+col*len(g.Roles), rowH, `fill="#f6f8fa"`)
		}
		label := plainText(a.Name)
		if a.Key {
			label = clipText(label, 44) + " (key)"
		} else {
			label = clipText(label, 50)
		}
		attrs := `font-size="11"`
		if a.Key {
			attrs += ` font-weight="600"`
		}
		w.s("<g><title>")
		w.esc(plainText(a.Name))
		w.s("</title>")
		w.svgText(4, y+15, attrs, label)
		w.s("</g>\n")
		for j, l := range a.Letters {
			if !l.Valid() {
				continue
			}
			x := name + j*col + col/2
			w.s(`<circle cx="`)
			w.num(x)
			w.s(`" cy="`)
			w.num(y + rowH/2)
			w.s(`" r="9" fill="` + letterColour[l] + `"/>` + "\n")
			w.svgText(x, y+15, `class="letter" font-size="11" font-weight="700" text-anchor="middle" style="fill:#fff"`, string(l))
		}
	}
	ly := head + rowH*len(g.Activities) + 22
	x := 4
	for _, l := range [...]struct {
		letter model.Letter
		words  string
	}{{model.Responsible, "responsible: does the work"}, {model.Accountable, "accountable: answers for it"},
		{model.Consulted, "consulted before"}, {model.Informed, "informed after"}} {
		w.s(`<circle cx="`)
		w.num(x + 8)
		w.s(`" cy="`)
		w.num(ly - 4)
		w.s(`" r="8" fill="` + letterColour[l.letter] + `"/>` + "\n")
		w.svgText(x+8, ly, `font-size="10" font-weight="700" text-anchor="middle" style="fill:#fff"`, string(l.letter))
		w.svgText(x+20, ly, `font-size="10"`, l.words)
		x += 30 + 6*len(l.words)
	}
	w.s("</svg>\n")
	w.s(`<figcaption class="codes"><strong>Roles:</strong> `)
	for i, r := range g.Roles {
		if i > 0 {
			w.s("; ")
		}
		w.text(r.Code)
		w.s(" = ")
		w.text(r.Name)
	}
	w.s("</figcaption>\n</figure>\n")
}

// heatMap draws the 5×5 map, impact up the side and likelihood across,
// each cell in its band's colour with the register numbers of its risks.
func (w *htmlWriter) heatMap(h *HeatMap) {
	const left, top, cell = 60, 10, 76
	const shown = 6
	w.figure("heatmap", left+5*cell+150, top+5*cell+50, "Heat map of the open risks by likelihood and impact")
	for imp := 5; imp >= 1; imp-- {
		y := top + (5-imp)*cell
		w.svgText(left-14, y+cell/2+4, `font-size="12" text-anchor="middle"`, strconv.Itoa(imp))
		for l := 1; l <= 5; l++ {
			x := left + (l-1)*cell
			c := h.Cells[l-1][imp-1]
			w.rect(x, y, cell-2, cell-2, `class="cell band-`+c.Band.String()+`" fill="`+bandColour[c.Band]+`"`)
			for k, n := range c.Risks {
				if k == shown-1 && len(c.Risks) > shown {
					w.svgText(x+cell/2, y+cell-10, `font-size="11" font-weight="700" text-anchor="middle"`,
						"+"+strconv.Itoa(len(c.Risks)-k)+" more")
					break
				}
				cx, cy := x+14+(k%3)*23, y+16+(k/3)*24
				w.s(`<g class="risk"><circle cx="`)
				w.num(cx)
				w.s(`" cy="`)
				w.num(cy)
				w.s(`" r="10" fill="#fff" stroke="#1b1f24" stroke-width="1.2"/>`)
				w.svgText(cx, cy+4, `font-size="10" font-weight="700" text-anchor="middle"`, strconv.Itoa(n))
				w.s("</g>\n")
			}
		}
	}
	for l := 1; l <= 5; l++ {
		w.svgText(left+(l-1)*cell+cell/2, top+5*cell+14, `font-size="12" text-anchor="middle"`, strconv.Itoa(l))
	}
	w.svgText(left+5*cell/2, top+5*cell+34, `font-size="12" text-anchor="middle"`, "Likelihood →")
	w.svgText(16, top+5*cell/2, `font-size="12" text-anchor="middle" transform="rotate(-90 16 `+strconv.Itoa(top+5*cell/2)+`)"`, "Impact →")
	lx := left + 5*cell + 16
	for i, b := range [...]model.Band{model.BandCritical, model.BandHigh, model.BandMedium, model.BandLow} {
		y := top + 8 + i*24
		w.rect(lx, y, 16, 16, `fill="`+bandColour[b]+`"`)
		w.svgText(lx+22, y+12, `font-size="11"`, b.String())
	}
	w.svgText(lx, top+8+4*24+12, `font-size="10"`, "numbers: the register's")
	w.svgText(lx, top+8+4*24+26, `font-size="10"`, "numbers of the risks")
	w.s("</svg>\n</figure>\n")
}

// timeline draws the drill on one clock axis: what reached the room above
// it, what the team logged on it, the messages drafted below, then lists
// every event as the Markdown does.
func (w *htmlWriter) timeline(t *Timeline) {
	const left, right, width = 64, 20, 720
	end := max(t.End, 60)
	for _, e := range t.Events {
		end = max(end, e.At)
	}
	for _, m := range t.Messages {
		end = max(end, m.At)
	}
	span := width - left - right
	xAt := func(at int) int { return left + max(at, 0)*span/end }
	step := 60
	for _, s := range [...]int{60, 120, 300, 600, 900, 1800, 3600, 7200} {
		step = s
		if end/s <= 12 {
			break
		}
	}
	var audiences []string
	colour := func(a string) string {
		for i, b := range audiences {
			if b == a {
				return audienceColours[i%len(audienceColours)]
			}
		}
		audiences = append(audiences, a)
		return audienceColours[(len(audiences)-1)%len(audienceColours)]
	}
	const injectY, logY, axisY, msgY = 40, 80, 112, 146
	w.figure("timeline", width, 210, "Drill timeline: injects, decisions and messages by drill clock")
	w.svgText(0, injectY+4, `font-size="10"`, "Injects")
	w.svgText(0, logY+4, `font-size="10"`, "Log")
	w.svgText(0, msgY+4, `font-size="10"`, "Messages")
	w.s(`<line x1="` + strconv.Itoa(left) + `" y1="` + strconv.Itoa(axisY) + `" x2="` + strconv.Itoa(width-right) +
		`" y2="` + strconv.Itoa(axisY) + `" stroke="#1b1f24" stroke-width="1.5"/>` + "\n")
	for at := 0; at <= end; at += step {
		x := xAt(at)
		w.s(`<line x1="` + strconv.Itoa(x) + `" y1="` + strconv.Itoa(axisY-4) + `" x2="` + strconv.Itoa(x) + `" y2="` +
			strconv.Itoa(axisY+4) + `" stroke="#1b1f24"/>` + "\n")
		w.svgText(x, axisY+18, `font-size="9" text-anchor="middle"`, model.ClockText(at))
	}
	injects := 0
	for _, e := range t.Events {
		x := xAt(e.At)
		w.s("<g")
		switch e.Kind {
		case InjectReleased, InjectSkipped:
			injects++
			fill := "#cf222e"
			if e.Kind == InjectSkipped {
				fill = "#fff"
			}
			w.s(` class="inject"><title>`)
			w.esc(model.ClockText(e.At) + " " + plainText(e.What) + ": " + plainText(e.Detail))
			w.s("</title>")
			w.s(`<path d="M` + strconv.Itoa(x) + " " + strconv.Itoa(injectY+8) + " l-8 -14 h16 z" + `" fill="` + fill +
				`" stroke="#cf222e" stroke-width="1.5"/>`)
			w.svgText(x, injectY-10, `font-size="9" text-anchor="middle"`, strconv.Itoa(injects))
		default:
			fill := "#0969da"
			if e.Kind == Note {
				fill = "#8c959f"
			}
			w.s(` class="log"><title>`)
			w.esc(model.ClockText(e.At) + " " + plainText(e.What) + ": " + plainText(e.Detail))
			w.s("</title>")
			w.s(`<circle cx="` + strconv.Itoa(x) + `" cy="` + strconv.Itoa(logY) + `" r="6" fill="` + fill + `"/>`)
		}
		w.s(`<line x1="` + strconv.Itoa(x) + `" y1="` + strconv.Itoa(axisY-14) + `" x2="` + strconv.Itoa(x) + `" y2="` +
			strconv.Itoa(axisY) + `" stroke="#d0d7de"/>`)
		w.s("</g>\n")
	}
	for _, m := range t.Messages {
		x := xAt(m.At)
		a := plainText(m.Audience)
		w.s(`<g class="message"><title>`)
		w.esc(model.ClockText(m.At) + " message to " + a)
		w.s("</title>")
		w.rect(x-6, msgY-6, 12, 12, `fill="`+colour(a)+`"`)
		w.s("</g>\n")
	}
	x := left
	for _, l := range [...]struct{ shape, words string }{{"inject", "inject reached the room (hollow: skipped)"},
		{"decision", "decision"}, {"note", "note"}} {
		switch l.shape {
		case "inject":
			w.s(`<path d="M` + strconv.Itoa(x+6) + " 200 l-6 -10 h12 z" + `" fill="#cf222e"/>` + "\n")
		case "decision":
			w.s(`<circle cx="` + strconv.Itoa(x+6) + `" cy="195" r="5" fill="#0969da"/>` + "\n")
		default:
			w.s(`<circle cx="` + strconv.Itoa(x+6) + `" cy="195" r="5" fill="#8c959f"/>` + "\n")
		}
		w.svgText(x+16, 199, `font-size="10"`, l.words)
		x += 26 + 5*len(l.words)
	}
	for _, a := range audiences {
		w.rect(x, 189, 10, 10, `fill="`+colour(a)+`"`)
		label := clipText(a, 14)
		if label == "" {
			label = "no audience"
		}
		w.svgText(x+14, 199, `font-size="10"`, label)
		x += 24 + 6*len([]rune(label))
	}
	w.s("</svg>\n</figure>\n")
	rows := make([][]Text, len(t.Events))
	for i, e := range t.Events {
		rows[i] = []Text{{words(model.ClockText(e.At))}, e.What, e.Detail}
	}
	w.table(&Table{Head: []Text{{words("Clock")}, {words("Event")}, {words("Detail")}}, Rows: rows, Lead: 1})
}

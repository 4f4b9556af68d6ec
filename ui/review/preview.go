package review

import (
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/list"
	"github.com/charmbracelet/lipgloss/table"
	"github.com/charmbracelet/x/ansi"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/plan"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/theme"
)

// Render draws the plan for the preview pane, width cells wide: the same
// words as the exported Markdown, laid out for a terminal. No line is
// wider than width; a table too wide for it is laid out row by row.
func Render(doc *plan.Document, st *theme.Styles, width int) string {
	pg := newPage(st, width)
	for i, b := range doc.Blocks {
		if i > 0 {
			pg.out.WriteByte('\n')
		}
		switch b := b.(type) {
		case *plan.Heading:
			pg.heading(b)
		case *plan.Paragraph:
			var f flow
			pg.fill(&f, b.Text, pg.ink.text)
			pg.write(&f, pg.width, pg.margin)
		case *plan.List:
			pg.list(b)
		case *plan.Table:
			pg.table(b.Head, b.Rows, b.Lead, nil)
		case *plan.Poll:
			pg.poll(b)
		case *plan.RACIGrid:
			pg.raci(b)
		case *plan.HeatMap:
			pg.heatMap(b)
		case *plan.Timeline:
			pg.timeline(b)
		}
	}
	return strings.TrimSuffix(pg.out.String(), "\n")
}

// page is a plan being laid out.
type page struct {
	st *theme.Styles
	// width is what is left of the pane's width after the margin.
	width  int
	margin string
	ink    previewInks
	out    sheet
}

// sheet is the page's text, kept in pieces so that a long plan is copied
// once at the end rather than every time the text doubles.
type sheet struct {
	pieces []string
	cur    strings.Builder
}

// piece is how long a piece grows before the next one starts.
const piece = 32 << 10

func (s *sheet) WriteString(x string) (int, error) { return s.cur.WriteString(x) }

// WriteByte ends a piece at the end of a line once it is long enough.
func (s *sheet) WriteByte(c byte) error {
	if s.cur.Cap() == 0 {
		s.cur.Grow(piece + piece/4)
	}
	s.cur.WriteByte(c)
	if c == '\n' && s.cur.Len() >= piece {
		s.pieces = append(s.pieces, s.cur.String())
		s.cur = strings.Builder{}
	}
	return nil
}

func (s *sheet) String() string { return strings.Join(append(s.pieces, s.cur.String()), "") }

// previewInks are the few styles the preview paints with.
type previewInks struct {
	title, heading, text, muted, strong, marker, good, warn theme.Ink
	band                                                    [5]theme.Ink
	letters                                                 theme.LetterInks
}

func newPage(st *theme.Styles, width int) *page {
	pg := &page{st: st, width: max(width, 1)}
	// A margin sets the plan off from the pane on any but a narrow screen.
	if width >= 40 {
		pg.margin, pg.width = "  ", width-3
	}
	// Body text keeps the terminal's own colour, as on the other screens,
	// which also spares a large plan an escape around every word.
	pg.ink = previewInks{
		title: theme.InkOf(st.Title), heading: theme.InkOf(st.Heading),
		muted: theme.InkOf(st.Muted), strong: theme.InkOf(st.Heading), marker: theme.InkOf(st.Marker),
		good: theme.InkOf(st.Good), warn: theme.InkOf(st.Warn), letters: st.LetterInks(),
	}
	for b := range pg.ink.band {
		pg.ink.band[b] = theme.InkOf(st.Band(model.Band(b)))
	}
	return pg
}

// lines writes lines, each after indent.
func (pg *page) lines(ls []string, indent string) {
	for _, l := range ls {
		if l != "" {
			pg.out.WriteString(indent)
			pg.out.WriteString(l)
		}
		pg.out.WriteByte('\n')
	}
}

// block writes a drawing of several lines, each after the margin.
func (pg *page) block(s string) {
	for l := range strings.SplitSeq(s, "\n") {
		pg.out.WriteString(pg.margin)
		pg.out.WriteString(strings.TrimRight(l, " "))
		pg.out.WriteByte('\n')
	}
}

func (pg *page) heading(h *plan.Heading) {
	switch h.Level {
	case 1:
		ls := pg.wrap(h.Text, pg.width, pg.ink.title)
		pg.lines(ls, pg.margin)
		pg.lines([]string{pg.ink.title.Paint(strings.Repeat("═", widest(ls)))}, pg.margin)
	case 2:
		pg.lines(pg.wrap(h.Text, pg.width, pg.ink.heading), pg.margin)
		pg.lines([]string{pg.ink.muted.Paint(strings.Repeat("─", pg.width))}, pg.margin)
	default:
		ls := pg.wrap(h.Text, max(pg.width-2, 1), pg.ink.heading)
		for i, l := range ls {
			mark := "  "
			if i == 0 {
				mark = pg.ink.marker.Paint("▸ ")
			}
			ls[i] = mark + l
		}
		pg.lines(ls, pg.margin)
	}
}

func widest(ls []string) int {
	w := 0
	for _, l := range ls {
		w = max(w, display.Width(l))
	}
	return w
}

// list draws a list with lipgloss's, its items wrapped under their first
// words.
func (pg *page) list(l *plan.List) {
	enum, mark := list.Bullet, 1
	if l.Numbered {
		enum = list.Arabic
		mark = len(strconv.Itoa(len(l.Items))) + 1
	}
	items := make([]any, len(l.Items))
	for i, it := range l.Items {
		items[i] = strings.Join(pg.wrap(it, max(pg.width-mark-1, 1), pg.ink.text), "\n")
	}
	out := list.New(items...).Enumerator(enum).
		EnumeratorStyle(pg.st.Muted.PaddingRight(1)).String()
	pg.block(out)
}

// wrap lays out inline text in lines of at most width cells, plain text in
// ink and strong text in bold. Typed text is shown as the plan's reader
// sees it, every character visible.
func (pg *page) wrap(t plan.Text, width int, ink theme.Ink) []string {
	var f flow
	pg.fill(&f, t, ink)
	return f.lines(width)
}

// fill adds inline text to a flow.
func (pg *page) fill(f *flow, t plan.Text, ink theme.Ink) {
	for _, s := range t {
		text := visible(s)
		paint := ink
		if s.Strong {
			paint = pg.ink.strong
		}
		f.add(text, paint)
	}
}

// write lays out a flow straight into the page, each line after indent.
func (pg *page) write(f *flow, width int, indent string) {
	for _, l := range f.layout(width) {
		pg.out.WriteString(indent)
		f.paintTo(&pg.out, l)
		pg.out.WriteByte('\n')
	}
}

// flow is inline text on its way into lines: the words in one string, and
// where each ink starts. A flow is reused once reset.
type flow struct {
	text  strings.Builder
	marks []mark
	ls    []line
}

type mark struct {
	at  int
	ink theme.Ink
}

// line is one line of a flow: its text from a to b, w cells wide.
type line struct{ a, b, w int }

func (f *flow) reset() {
	f.text.Reset()
	f.marks, f.ls = f.marks[:0], f.ls[:0]
}

func (f *flow) add(s string, ink theme.Ink) {
	if s == "" {
		return
	}
	if f.text.Cap() == 0 {
		// Most flows are a line or two: one allocation holds them.
		f.text.Grow(160)
	}
	if n := len(f.marks); n == 0 || f.marks[n-1].ink != ink {
		f.marks = append(f.marks, mark{at: f.text.Len(), ink: ink})
	}
	f.text.WriteString(s)
}

// lines breaks the flow into painted lines no wider than width.
func (f *flow) lines(width int) []string {
	ls := f.layout(width)
	out := make([]string, len(ls))
	var b strings.Builder
	for i, l := range ls {
		b.Reset()
		f.paintTo(&b, l)
		out[i] = b.String()
	}
	return out
}

// layout breaks the flow at spaces into lines no wider than width, a word
// longer than a line across as many as it needs. It is never empty.
func (f *flow) layout(width int) []line {
	s := f.text.String()
	f.ls = f.ls[:0]
	start, end, used := 0, 0, 0
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], ' ')
		if j < 0 {
			j = len(s)
		} else {
			j += i
		}
		w := cells(s[i:j])
		switch {
		case used > 0 && used+1+w <= width:
			end, used = j, used+1+w
		case used > 0:
			f.ls = append(f.ls, line{start, end, used})
			start, end, used = i, i, 0
			fallthrough
		default:
			// A word as wide as the line or wider is cut across lines.
			for w > width {
				cut := i + fitting(s[i:j], width)
				f.ls = append(f.ls, line{i, cut, cells(s[i:cut])})
				i, w = cut, cells(s[cut:j])
			}
			start, end, used = i, j, w
		}
		i = j + 1
	}
	if used > 0 || len(f.ls) == 0 {
		f.ls = append(f.ls, line{start, end, used})
	}
	return f.ls
}

// paintTo writes a line of the flow, each piece in its ink.
func (f *flow) paintTo(out io.StringWriter, l line) {
	s := f.text.String()
	for k, m := range f.marks {
		next := len(s)
		if k+1 < len(f.marks) {
			next = f.marks[k+1].at
		}
		if lo, hi := max(l.a, m.at), min(l.b, next); lo < hi {
			m.ink.Write(out, s[lo:hi])
		}
	}
}

// cells is how wide s is on screen; most text is ASCII.
func cells(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return display.Width(s)
		}
	}
	return len(s)
}

// fitting is how many bytes of the word s fit in width cells, whole
// characters as the screen draws them, and at least one.
func fitting(s string, width int) int {
	n, used := 0, 0
	for n < len(s) {
		c, _ := ansi.FirstGraphemeCluster(s[n:], ansi.GraphemeWidth)
		w := display.Width(c)
		if n > 0 && used+w > width {
			break
		}
		used, n = used+w, n+len(c)
	}
	return n
}

// table draws a table when its columns fit the width, wrapping long
// cells; otherwise it lays the rows out one under another, each headed by
// its lead cells. ink, when given, paints a row's cells. The grid is drawn
// here rather than by lipgloss's table, which measures and styles every
// cell again: a large plan has over ten thousand cells.
func (pg *page) table(head []plan.Text, rows [][]plan.Text, lead int, ink func(row int) theme.Ink) {
	if len(head) == 0 {
		return
	}
	widths, ok := pg.columns(head, rows)
	if !ok {
		if ink == nil {
			ink = func(int) theme.Ink { return pg.ink.text }
		}
		pg.records(head, rows, lead, ink)
		return
	}
	border := func(left, mid, right string) {
		var b strings.Builder
		b.WriteString(left)
		for j, w := range widths {
			if j > 0 {
				b.WriteString(mid)
			}
			b.WriteString(strings.Repeat("─", w+2))
		}
		b.WriteString(right)
		pg.lines([]string{pg.ink.muted.Paint(b.String())}, pg.margin)
	}
	bar := pg.ink.muted.Paint("│")
	flows := make([]flow, len(widths))
	cells := make([][]line, len(widths))
	row := func(r []plan.Text, in theme.Ink) {
		height := 1
		for j := range flows {
			flows[j].reset()
			if j < len(r) {
				pg.fill(&flows[j], r[j], in)
			}
			cells[j] = flows[j].layout(widths[j])
			height = max(height, len(cells[j]))
		}
		for k := range height {
			pg.out.WriteString(pg.margin)
			for j, c := range cells {
				pg.out.WriteString(bar)
				pg.out.WriteByte(' ')
				w := 0
				if k < len(c) {
					flows[j].paintTo(&pg.out, c[k])
					w = c[k].w
				}
				pad(&pg.out, widths[j]-w+1)
			}
			pg.out.WriteString(bar)
			pg.out.WriteByte('\n')
		}
	}
	border("╭", "┬", "╮")
	row(head, pg.ink.heading)
	border("├", "┼", "┤")
	for i, r := range rows {
		in := pg.ink.text
		if ink != nil {
			in = ink(i)
		}
		row(r, in)
	}
	border("╰", "┴", "╯")
}

// pad writes n spaces.
func pad(out io.StringWriter, n int) {
	const spaces = "                                                                "
	for ; n > len(spaces); n -= len(spaces) {
		out.WriteString(spaces)
	}
	out.WriteString(spaces[:max(n, 0)])
}

// columns gives each column of a table its width, or reports that the
// table cannot fit: every column needs its longest word, or up to
// narrowest cells of it, and the borders and padding their share.
func (pg *page) columns(head []plan.Text, rows [][]plan.Text) ([]int, bool) {
	const narrowest = 12
	n := len(head)
	natural, least := make([]int, n), make([]int, n)
	measure := func(j int, t plan.Text) {
		w, word := 0, 0
		for _, s := range t {
			text := visible(s)
			w += cells(text)
			for f := range strings.FieldsSeq(text) {
				word = max(word, cells(f))
			}
		}
		natural[j] = max(natural[j], w)
		least[j] = max(least[j], min(word, narrowest), min(w, narrowest))
	}
	for j, h := range head {
		measure(j, h)
	}
	for _, r := range rows {
		for j := range min(len(r), n) {
			measure(j, r[j])
		}
	}
	room := pg.width - 3*n - 1
	need := 0
	for j := range n {
		need += least[j]
	}
	if need > room {
		return nil, false
	}
	// A column no wider than its fair share of the room gets all it
	// wants; the others share what is left in proportion to how much
	// wider each would like to be, so their long text wraps alike.
	widths := least
	settled := make([]bool, n)
	for changed := true; changed; {
		changed = false
		left, open := room, 0
		for j := range n {
			if settled[j] {
				left -= widths[j]
			} else {
				open++
			}
		}
		for j := range n {
			if !settled[j] && natural[j]*open <= left {
				widths[j], settled[j], changed = natural[j], true, true
			}
		}
	}
	left, want := room, 0
	for j := range n {
		left -= widths[j]
		if !settled[j] {
			want += natural[j] - least[j]
		}
	}
	for j := range n {
		if !settled[j] && want > 0 {
			widths[j] += min(left*(natural[j]-least[j])/want, natural[j]-least[j])
		}
	}
	spare := room
	for j := range n {
		spare -= widths[j]
	}
	for j := 0; spare > 0 && want > 0; j = (j + 1) % n {
		if widths[j] < natural[j] {
			widths[j]++
			spare--
		}
	}
	return widths, true
}

// records lays a table out row by row: the lead cells as a heading, then
// each other cell after its column's name, short ones side by side.
func (pg *page) records(head []plan.Text, rows [][]plan.Text, lead int, ink func(row int) theme.Ink) {
	lead = max(lead, 1)
	names := make([]string, len(head))
	for j, h := range head {
		for _, s := range h {
			names[j] += s.Text
		}
		names[j] += ": "
	}
	indent := pg.margin + "  "
	inner := max(pg.width-2, 1)
	var f flow
	var title plan.Text
	for i, r := range rows {
		if i > 0 {
			pg.out.WriteByte('\n')
		}
		title = title[:0]
		for j := 0; j < min(lead, len(r)); j++ {
			if len(r[j]) == 0 {
				continue
			}
			if len(title) > 0 {
				title = append(title, plan.Span{Text: " · "})
			}
			title = append(title, r[j]...)
		}
		f.reset()
		pg.fill(&f, title, pg.ink.heading)
		pg.write(&f, pg.width, pg.margin)
		f.reset()
		short := 0
		flush := func() {
			if short > 0 {
				pg.write(&f, inner, indent)
			}
			f.reset()
			short = 0
		}
		for j := lead; j < min(len(r), len(head)); j++ {
			w := pg.textWidth(r[j])
			if w == 0 {
				continue
			}
			// A long value gets lines of its own, its name first.
			long := w > inner/2
			if long {
				flush()
			} else if short > 0 {
				f.add(" · ", pg.ink.muted)
			}
			f.add(names[j], pg.ink.muted)
			pg.fill(&f, r[j], ink(i))
			short++
			if long {
				flush()
			}
		}
		flush()
	}
}

// textWidth is how many cells inline text takes on one line.
func (pg *page) textWidth(t plan.Text) int {
	w := 0
	for _, s := range t {
		w += cells(visible(s))
	}
	return w
}

// visible is a span's text as the preview shows it.
func visible(s plan.Span) string {
	if s.Typed {
		return display.OneLine(s.Plain())
	}
	return s.Text
}

// wrapText is inline text on one line, unpainted.
func (pg *page) wrapText(t plan.Text) string {
	if len(t) == 1 {
		return visible(t[0])
	}
	var b strings.Builder
	for _, s := range t {
		b.WriteString(visible(s))
	}
	return b.String()
}

// poll draws the show of hands as bars, as on the listen step: each bar
// measured against the room, or the most hands counted where more went up.
func (pg *page) poll(p *plan.Poll) {
	most, nameW := p.Room, len("Platform")
	for _, r := range p.Rows {
		most = max(most, r.Reads, r.Creates)
		nameW = max(nameW, cells(pg.wrapText(r.Platform)))
	}
	nameW = min(nameW, max(pg.width/3, 8))
	numW := len(strconv.Itoa(most))
	barW := (pg.width - nameW - 2*(numW+1) - 4) / 2
	if barW < 4 || most == 0 {
		head := []plan.Text{{{Text: "Platform"}}, {{Text: "Read or use it"}}, {{Text: "Contribute or create"}}}
		rows := make([][]plan.Text, len(p.Rows))
		for i, r := range p.Rows {
			rows[i] = []plan.Text{r.Platform, {{Text: strconv.Itoa(r.Reads)}}, {{Text: strconv.Itoa(r.Creates)}}}
		}
		pg.table(head, rows, 1, nil)
		return
	}
	col := barW + 1 + numW
	head := display.Pad("Platform", nameW) + "  " + display.Pad("Read or use it", col) + "  " + "Contribute or create"
	out := []string{pg.ink.muted.Paint(display.Fit(head, pg.width))}
	bar := func(n int) string {
		if n <= 0 {
			return ""
		}
		return strings.Repeat("█", min(max(n*barW/most, 1), barW))
	}
	inkBar, inkAlt := theme.InkOf(pg.st.Bar), theme.InkOf(pg.st.BarAlt)
	for _, r := range p.Rows {
		name := display.Pad(pg.wrapText(r.Platform), nameW)
		reads := inkBar.Paint(display.Pad(bar(r.Reads), barW)) + " " + display.Pad(strconv.Itoa(r.Reads), numW)
		creates := inkAlt.Paint(display.Pad(bar(r.Creates), barW)) + " " + strconv.Itoa(r.Creates)
		out = append(out, name+"  "+reads+"  "+creates)
	}
	if p.Room > 0 {
		out = append(out, pg.ink.muted.Paint(display.Fit("Bars out of the "+display.Count(p.Room, "person", "people")+" in the room.", pg.width)))
	}
	pg.lines(out, pg.margin)
}

// raci draws the RACI grid with its letters in colour where its columns
// fit the width, and otherwise each activity with the roles of each letter
// named.
func (pg *page) raci(g *plan.RACIGrid) {
	const nameLeast, areaMost = 24, 14
	codes := make([]string, len(g.Roles))
	codesW := 0
	for i, r := range g.Roles {
		codes[i] = pg.wrapText(r.Code)
		codesW += max(cells(codes[i]), 1) + 1
	}
	nameW, areaW := len("Activity"), len("Area")
	for _, a := range g.Activities {
		w := cells(pg.wrapText(a.Name))
		if a.Key {
			w += len(" (key)")
		}
		nameW, areaW = max(nameW, w), max(areaW, cells(pg.wrapText(a.Area)))
	}
	areaW = min(areaW, areaMost)
	if room := pg.width - codesW - areaW - 1; room >= min(nameW, nameLeast) {
		pg.raciGrid(g, codes, min(nameW, room), areaW)
		return
	}
	var f flow
	for i, a := range g.Activities {
		if i > 0 {
			pg.out.WriteByte('\n')
		}
		f.reset()
		f.add(pg.wrapText(a.Name), pg.ink.heading)
		if a.Key {
			f.add(" (key)", pg.ink.heading)
		}
		if area := pg.wrapText(a.Area); area != "" {
			f.add(" · "+area, pg.ink.muted)
		}
		pg.write(&f, pg.width, pg.margin)
		f.reset()
		for _, l := range [...]model.Letter{model.Accountable, model.Responsible, model.Consulted, model.Informed} {
			first := true
			for j, got := range a.Letters {
				if got != l {
					continue
				}
				switch {
				case first && f.text.Len() > 0:
					f.add(" · ", pg.ink.muted)
					fallthrough
				case first:
					f.add(string(l)+" ", pg.ink.letters.Of(l))
				default:
					f.add(", ", pg.ink.text)
				}
				first = false
				f.add(pg.wrapText(g.Roles[j].Name), pg.ink.text)
			}
		}
		if f.text.Len() == 0 {
			f.add("no letters yet", pg.ink.muted)
		}
		pg.write(&f, max(pg.width-2, 1), pg.margin+"  ")
	}
}

// raciGrid draws the grid: the roles spelt out, then a row per activity,
// each letter under its role's code.
func (pg *page) raciGrid(g *plan.RACIGrid, codes []string, nameW, areaW int) {
	var f flow
	f.add("Roles: ", pg.ink.muted)
	for i, r := range g.Roles {
		if i > 0 {
			f.add(" · ", pg.ink.muted)
		}
		f.add(codes[i]+" "+pg.wrapText(r.Name), pg.ink.text)
	}
	pg.write(&f, pg.width, pg.margin)
	pg.out.WriteByte('\n')
	var b strings.Builder
	b.WriteString(display.Pad("Activity", nameW) + " " + display.Pad("Area", areaW))
	for _, c := range codes {
		b.WriteString(" " + display.Pad(c, max(cells(c), 1)))
	}
	pg.lines([]string{pg.ink.heading.Paint(strings.TrimRight(b.String(), " "))}, pg.margin)
	for _, a := range g.Activities {
		f.reset()
		f.add(pg.wrapText(a.Name), pg.ink.text)
		if a.Key {
			f.add(" (key)", pg.ink.text)
		}
		names := f.lines(nameW)
		b.Reset()
		b.WriteString(display.Pad(names[0], nameW) + " ")
		b.WriteString(pg.ink.muted.Paint(display.Pad(pg.wrapText(a.Area), areaW)))
		for j, l := range a.Letters {
			// The letter stands under the middle of its code.
			w := max(cells(codes[j]), 1)
			cell := "·"
			if l != "" {
				cell = string(l)
			}
			b.WriteString(strings.Repeat(" ", 1+(w-1)/2) + pg.ink.letters.Of(l).Paint(cell))
			if j < len(a.Letters)-1 {
				b.WriteString(strings.Repeat(" ", w-1-(w-1)/2))
			}
		}
		pg.lines(append([]string{b.String()}, names[1:]...), pg.margin)
	}
}

// heatMap draws the 5×5 map as on the risks screen: impact up the side,
// likelihood across, each cell's count in its band's colour and letter.
func (pg *page) heatMap(h *plan.HeatMap) {
	letters := [...]string{"·", "L", "M", "H", "C"}
	head := []string{"Impact", "1", "2", "3", "4", "5"}
	tb := table.New().Border(lipgloss.RoundedBorder()).BorderStyle(pg.st.Muted).Headers(head...).
		StyleFunc(func(row, col int) lipgloss.Style {
			s := lipgloss.NewStyle().Padding(0, 1).Align(lipgloss.Right)
			if row == table.HeaderRow || col == 0 {
				return s.Inherit(pg.st.Muted)
			}
			return s.Inherit(pg.st.Band(h.Cells[col-1][4-row].Band))
		})
	for imp := 5; imp >= 1; imp-- {
		row := []string{strconv.Itoa(imp)}
		for l := 1; l <= 5; l++ {
			c := h.Cells[l-1][imp-1]
			n := "·"
			if len(c.Risks) > 0 {
				n = strconv.Itoa(len(c.Risks))
			}
			row = append(row, n+" "+letters[c.Band])
		}
		tb.Row(row...)
	}
	drawing := tb.String()
	if display.Width(strings.SplitN(drawing, "\n", 2)[0]) > pg.width {
		// Too narrow for the grid: the cells as rows, each with its count.
		pg.heatRows(h)
		return
	}
	pg.block(drawing)
	pg.lines([]string{pg.ink.muted.Paint(display.Fit("Likelihood across, impact up; L low, M medium, H high, C critical.", pg.width))}, pg.margin)
}

// heatRows lists the cells of the heat map that hold risks, the highest
// band first, for a screen too narrow for the grid.
func (pg *page) heatRows(h *plan.HeatMap) {
	var out []string
	for imp := 5; imp >= 1; imp-- {
		for l := 5; l >= 1; l-- {
			c := h.Cells[l-1][imp-1]
			if len(c.Risks) == 0 {
				continue
			}
			line := "impact " + strconv.Itoa(imp) + ", likelihood " + strconv.Itoa(l) + ": " +
				display.Count(len(c.Risks), "risk", "risks") + " (" + c.Band.String() + ")"
			for _, w := range display.Wrap(line, pg.width) {
				out = append(out, pg.ink.band[c.Band].Paint(w))
			}
		}
	}
	if len(out) == 0 {
		out = append(out, pg.ink.muted.Paint(display.Fit("No open risk is scored.", pg.width)))
	}
	pg.lines(out, pg.margin)
}

// timeline draws the drill's events as a table, each event in the colour
// of its kind: injects as warnings, decisions as good news.
func (pg *page) timeline(t *plan.Timeline) {
	head := []plan.Text{{{Text: "Clock"}}, {{Text: "Event"}}, {{Text: "Detail"}}}
	rows := make([][]plan.Text, len(t.Events))
	for i, e := range t.Events {
		rows[i] = []plan.Text{{{Text: model.ClockText(e.At)}}, e.What, e.Detail}
	}
	pg.table(head, rows, 2, func(i int) theme.Ink {
		switch t.Events[i].Kind {
		case plan.InjectReleased:
			return pg.ink.warn
		case plan.InjectSkipped:
			return pg.ink.muted
		case plan.Decision:
			return pg.ink.good
		}
		return pg.ink.text
	})
}

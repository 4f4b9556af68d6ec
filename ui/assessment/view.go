package assessment

import (
	"strconv"
	"strings"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/frame"
)

// View draws the practices with both ratings, or the open form.
func (m *Model) View() string {
	if m.sess == nil || m.width <= 0 || m.height <= 0 {
		return ""
	}
	lines := []string{frame.AskLine(m.sess, model.StepAssessment, m.width, m.ink.muted)}
	body := max(m.height-len(lines), 0)
	if over, open := m.Lines(m.width); open {
		lines = append(lines, over...)
	} else {
		lines = append(lines, m.listView(body)...)
	}
	return display.FitBlock(strings.Join(lines, "\n"), m.width, m.height)
}

// Summary counts what is rated and the wide gaps.
func Summary(s *model.Session) string {
	practices := map[string]bool{}
	for _, p := range s.Workshop.Assessment.Practices {
		practices[p.ID] = true
	}
	n := len(practices)
	it, business, wide := 0, 0, 0
	for _, r := range s.Assessment {
		if !practices[r.Practice] {
			continue
		}
		practices[r.Practice] = false
		if r.IT >= 1 && r.IT <= 5 {
			it++
		}
		if r.Business >= 1 && r.Business <= 5 {
			business++
		}
		if r.Gap() >= WideGap {
			wide++
		}
	}
	gaps := display.Count(wide, "wide gap", "wide gaps")
	return display.Count(n, "practice", "practices") + " · rated by IT " + strconv.Itoa(it) + ", by the business " +
		strconv.Itoa(business) + " · " + gaps + " (! = " + strconv.Itoa(WideGap) + "+ apart)"
}

// scale draws a rating as five boxes, filled up to v; the number beside it
// carries the value without colour.
func scale(v int) string {
	v = min(max(v, 0), 5)
	return strings.Repeat("■", v) + strings.Repeat("□", 5-v)
}

// cell is one side's rating: the number (or "-" for not rated), bracketed
// when selected, and its scale.
func (m *Model) cell(v int, selected bool, paint func(string) string) string {
	num := "-"
	if v >= 1 && v <= 5 {
		num = strconv.Itoa(v)
	}
	if selected {
		num = m.ink.selected.Paint("[" + num + "]")
	} else {
		num = " " + num + " "
	}
	return num + " " + paint(scale(v))
}

// gapTag says how far apart the sides are; a wide gap has a marker as well
// as a colour.
func (m *Model) gapTag(r model.Rating) string {
	switch g := r.Gap(); {
	case r.IT == 0 || r.Business == 0:
		return m.ink.muted.Paint("gap ?  ")
	case g >= WideGap:
		return m.ink.bad.Paint("gap " + strconv.Itoa(g) + " !")
	default:
		return m.ink.muted.Paint("gap " + strconv.Itoa(g) + "  ")
	}
}

func (m *Model) listView(h int) []string {
	w := m.width
	order := "Practice (s sorts by gap)"
	if m.byGap {
		order = "Practice (widest gap first; s: workshop order)"
	}
	out := []string{m.ink.muted.Paint(display.Fit(Summary(m.sess), w))}
	if len(m.rows) == 0 {
		return append(out, m.ink.muted.Paint(display.Fit("This workshop lists no practices to rate.", w)))
	}
	// Columns: marker, title, IT, business, gap. Each rating cell is
	// "[n] ■■■■■" (9 cells), the gap "gap n !" (7).
	const cellW, gapW = 9, 7
	longest := display.Width(order)
	for _, r := range m.rows {
		longest = max(longest, display.Width(rowTitle(r)))
	}
	// On a wide screen the ratings stay next to the titles they rate.
	titleW := min(max(w-2-2*(cellW+3)-gapW-1, 8), longest+2)
	head := "  " + display.Pad(order, titleW) + " " + display.Pad(" IT", cellW+3) + display.Pad(" Business", cellW+3) + "gap"
	out = append(out, m.ink.muted.Paint(display.Fit(head, w)))

	pos := m.position()
	var detail []string
	if h >= 12 && pos >= 0 {
		detail = m.detail(m.rows[pos], max(h-len(m.rows)-3, 4))
	}
	rowsH := max(h-2-len(detail), 1)
	m.top = scroll(max(pos, 0), m.top, rowsH, len(m.rows))
	for i := m.top; i < min(len(m.rows), m.top+rowsH); i++ {
		r := m.rows[i]
		sel := i == pos
		marker := "  "
		title := display.Pad(rowTitle(r), titleW)
		if sel {
			marker = m.ink.marker.Paint("› ")
			title = m.ink.selected.Paint(title)
		}
		line := marker + title + " " +
			m.cell(r.rating.IT, sel && m.side == sideIT, m.ink.bar.Paint) + "   " +
			m.cell(r.rating.Business, sel && m.side == sideBusiness, m.ink.barAlt.Paint) + "   " +
			m.gapTag(r.rating)
		out = append(out, display.Fit(line, w))
	}
	return append(out, detail...)
}

// rowTitle is the practice's title, marked when the workshop lacks it.
func rowTitle(r row) string {
	if !r.known {
		return display.OneLine(r.title) + " (not in this workshop)"
	}
	return display.OneLine(r.title)
}

// detail is the selected practice's explanation and notes, at most h
// lines; on a short screen the heading goes first, the notes last.
func (m *Model) detail(r row, h int) []string {
	w := m.width
	var out []string
	if h >= 7 {
		out = append(out, "", m.ink.heading.Paint(display.Fit(display.OneLine(r.title), w)))
	}
	explain := display.Wrap(string(r.explanation), max(w-2, 1))
	if strings.TrimSpace(string(r.explanation)) == "" {
		explain = nil
	}
	var notes []string
	if strings.TrimSpace(string(r.rating.Notes)) == "" {
		notes = []string{m.ink.muted.Paint("Notes: ") + m.ink.muted.Paint("none yet — e writes the examples each side gave")}
	} else {
		for i, l := range display.Wrap(string(r.rating.Notes), max(w-7, 1)) {
			lead := "       "
			if i == 0 {
				lead = m.ink.muted.Paint("Notes: ")
			}
			notes = append(notes, lead+l)
		}
	}
	room := max(h-len(out)-min(len(notes), 2), 1)
	for _, l := range explain[:min(len(explain), room)] {
		out = append(out, "  "+l)
	}
	out = append(out, notes...)
	if len(out) > h {
		out = out[:h]
	}
	for i, l := range out {
		out[i] = display.Fit(l, w)
	}
	return out
}

// scroll returns the first visible row that keeps cur in a window of rows.
func scroll(cur, top, rows, n int) int {
	if rows <= 0 {
		return max(cur, 0)
	}
	if cur < top {
		top = cur
	}
	if cur >= top+rows {
		top = cur - rows + 1
	}
	return max(min(top, n-rows), 0)
}

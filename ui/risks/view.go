package risks

import (
	"strings"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/theme"
)

// The heat map: a line of title, five rows of impact, the likelihood axis
// and the legend. Each cell is "[ 12 H]": a count and the band's letter,
// so it reads without colour.
const (
	mapCellW = 7
	mapW     = 3 + 5*mapCellW
	mapH     = 8
	// sideW is the panel beside a wide list: the map and the risk in focus.
	sideW = mapW + 4
	// wideAt is the width from which the map goes beside the list.
	wideAt = 110
	// detailMin is the narrowest detail worth drawing beside the map.
	detailMin = 24
)

// layout is where things go at the current size.
type layout struct {
	listW, rows int
	// side is set when the map and detail are beside the list; otherwise
	// they take bottomH lines under it.
	side    bool
	bottomH int
}

func (m *Model) layout() layout {
	l := layout{listW: m.width}
	rest := max(m.height-2-m.promptH(), 0)
	switch {
	case m.width >= wideAt && m.height >= mapH:
		l.side = true
		l.listW = m.width - sideW - 2
	case rest >= mapH+1+4:
		l.bottomH = mapH + 1
	}
	l.rows = max(rest-l.bottomH, 0)
	return l
}

// columns are the widths of the list's columns at one width; 0 hides one.
type columns struct {
	title, owner, category, treatment, status, review int
}

// scoreW holds "4×5 20 CRIT" or "not scored".
const scoreW = 11

func columnsFor(w int) columns {
	var c columns
	rest := w - 4 - scoreW - 1
	switch {
	case w >= 140:
		// Wide: the owner's full name more often than not.
		c.owner = 26
	case w >= 70:
		c.owner = 18
	case w >= 50:
		c.owner = 12
	}
	if w >= 100 {
		c.category = 12
	}
	if w >= 112 {
		c.treatment = 9
	}
	if w >= 116 {
		c.status = 11
	}
	if w >= 128 {
		c.review = 10
	}
	for _, n := range []int{c.owner, c.category, c.treatment, c.status, c.review} {
		if n > 0 {
			rest -= n + 1
		}
	}
	c.title = max(rest, 1)
	return c
}

// View draws the list window, the heat map and the risk in focus.
func (m *Model) View() string {
	if m.sess == nil || m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.Dialog != nil {
		return display.FitBlock(m.Dialog.View(m.width), m.width, m.height)
	}
	if m.Form != nil {
		return display.FitBlock(m.formTitle()+"\n"+m.Form.View(), m.width, m.height)
	}
	m.keepSelection()
	l := m.layout()
	var lines []string
	if m.promptH() > 0 {
		lines = append(lines, m.ink.muted.Paint(common.Ask(m.prompts(), l.listW)))
	}
	lines = append(lines, m.topLine(l.listW), m.header(l.listW))
	lines = append(lines, m.rows(l)...)
	if l.side {
		side := append(m.heatMap(), "")
		side = append(side, m.detail(sideW, max(m.height-len(side), 0))...)
		for i := range lines {
			lines[i] = display.Pad(lines[i], l.listW+2)
			if i < len(side) {
				lines[i] += side[i]
			}
		}
		for i := len(lines); i < len(side); i++ {
			lines = append(lines, strings.Repeat(" ", l.listW+2)+side[i])
		}
	} else if l.bottomH > 0 {
		// The map stays put while the list under a filter shrinks.
		for len(lines) < m.height-l.bottomH {
			lines = append(lines, "")
		}
		hm := m.heatMap()
		var det []string
		if dw := m.width - mapW - 2; dw >= detailMin {
			det = m.detail(dw, mapH)
		}
		lines = append(lines, "")
		for i, s := range hm {
			if i < len(det) {
				s = display.Pad(s, mapW+2) + det[i]
			}
			lines = append(lines, s)
		}
	}
	if len(lines) > m.height {
		lines = lines[:m.height]
	}
	for i, s := range lines {
		lines[i] = display.Fit(s, m.width)
	}
	return strings.Join(lines, "\n")
}

// prompts are what the facilitator asks the room to open the step.
func (m *Model) prompts() []string {
	if step, ok := m.sess.CurrentStep(); ok && step.Kind == model.StepRisks {
		return step.Prompts
	}
	return nil
}

// promptH is the line the prompts take, given up when the terminal is short
// so the list keeps its rows.
func (m *Model) promptH() int {
	if m.height >= 16 && len(m.prompts()) > 0 {
		return 1
	}
	return 0
}

// topLine counts the register and says how the list is ordered and
// filtered; while the filter has the keys, it is the filter.
func (m *Model) topLine(w int) string {
	if m.filtering {
		m.filter.Width = max(w-4, 1)
		return m.filter.View()
	}
	sum := m.summary()
	c := m.list()
	n := len(m.risks())
	s := display.Count(n, "risk", "risks")
	if len(c.idx) != n {
		s = "showing " + itoa(len(c.idx)) + " of " + s
	}
	if sum.unscored > 0 {
		s += " (" + itoa(sum.unscored) + " not scored)"
	}
	if m.byScore {
		s += " · by score"
	} else {
		s += " · in register order"
	}
	if m.cellOn {
		s += " · cell L" + itoa(m.mapL) + "×I" + itoa(m.mapI) + " (x: all)"
	}
	if f := m.filter.Value(); f != "" {
		s += ` · filter "` + display.OneLine(f) + `"`
	}
	line := m.ink.muted.Paint(s)
	if sum.flagged > 0 {
		line += " · " + m.ink.warn.Paint("! "+itoa(sum.flagged)+" serious without owner or mitigation")
	}
	return line
}

// header names the columns shown at width w.
func (m *Model) header(w int) string {
	c := columnsFor(w)
	var b strings.Builder
	b.WriteString("    ")
	b.WriteString(display.Pad("L×I score", scoreW))
	b.WriteByte(' ')
	b.WriteString(display.Pad("Risk", c.title))
	cell(&b, "Owner role", c.owner)
	cell(&b, "Category", c.category)
	cell(&b, "Treatment", c.treatment)
	cell(&b, "Status", c.status)
	cell(&b, "Review", c.review)
	return m.ink.heading.Paint(b.String())
}

func cell(b *strings.Builder, s string, w int) {
	if w <= 0 {
		return
	}
	b.WriteByte(' ')
	b.WriteString(display.Pad(s, w))
}

// rows draws the visible window of the list and nothing else: a thousand
// risks cost no more than a screenful.
func (m *Model) rows(l layout) []string {
	c := m.list()
	if l.rows <= 0 {
		return nil
	}
	if len(c.idx) == 0 {
		msg := "The register is empty: a adds a risk."
		if len(m.risks()) > 0 {
			msg = "No risk matches. x shows every cell of the map; / then esc clears the filter."
		}
		return []string{m.ink.muted.Paint(display.Fit(msg, l.listW))}
	}
	cols := columnsFor(l.listW)
	out := make([]string, 0, l.rows)
	for p := m.top; p < min(m.top+l.rows, len(c.idx)); p++ {
		out = append(out, m.row(c.idx[p], cols))
	}
	return out
}

// row draws risk i: a marker on the selection, "!" on a flagged risk, the
// score with its band in words, and the columns that fit.
func (m *Model) row(i int, c columns) string {
	r := m.risks()[i]
	var b strings.Builder
	if i == m.sel && !m.onMap {
		b.WriteString(m.ink.marker.Paint("›"))
		b.WriteByte(' ')
	} else if i == m.sel {
		b.WriteString("· ")
	} else {
		b.WriteString("  ")
	}
	if len(r.Flags()) > 0 {
		b.WriteString(m.ink.warn.Paint("!"))
		b.WriteByte(' ')
	} else {
		b.WriteString("  ")
	}
	b.WriteString(m.bandInk(r.Band()).Paint(display.Pad(scoreCell(r), scoreW)))
	b.WriteByte(' ')
	title := display.Pad(display.OneLine(r.Title), c.title)
	if i == m.sel && !m.onMap {
		title = m.ink.selected.Paint(title)
	}
	b.WriteString(title)
	owner := display.OneLine(m.ownerName(r.Owner))
	if owner == "" {
		owner = "(nobody)"
	}
	cell(&b, owner, c.owner)
	cell(&b, display.OneLine(r.Category), c.category)
	cell(&b, string(r.Treatment), c.treatment)
	cell(&b, display.OneLine(string(r.Status)), c.status)
	cell(&b, display.OneLine(r.Review), c.review)
	return b.String()
}

// scoreCell is "4×5 20 CRIT", or "not scored".
func scoreCell(r model.Risk) string {
	if r.Score() == 0 {
		return "not scored"
	}
	return itoa(r.Likelihood) + "×" + itoa(r.Impact) + " " + pad2(r.Score()) + " " + bandWord(r.Band())
}

func pad2(n int) string {
	if n < 10 {
		return " " + itoa(n)
	}
	return itoa(n)
}

// bandWord is the band in four letters, the same on every terminal.
func bandWord(b model.Band) string {
	switch b {
	case model.BandLow:
		return "LOW"
	case model.BandMedium:
		return "MED"
	case model.BandHigh:
		return "HIGH"
	case model.BandCritical:
		return "CRIT"
	}
	return "—"
}

// bandLetter marks a heat map cell: L, M, H or C.
func bandLetter(b model.Band) string {
	return bandWord(b)[:1]
}

func (m *Model) bandInk(b model.Band) theme.Ink {
	if int(b) < len(m.ink.band) {
		return m.ink.band[b]
	}
	return m.ink.muted
}

// heatMap draws the 5×5 map: impact up, likelihood across, each cell the
// number of risks there and its band's letter. The cell under the map's
// cursor, or the one filtering the list, is bracketed.
func (m *Model) heatMap() []string {
	sum := m.summary()
	title := "Heat map: impact ↑ likelihood →"
	if !m.onMap {
		title += " (tab)"
	}
	out := []string{m.ink.heading.Paint(display.Fit(title, mapW))}
	for imp := 5; imp >= 1; imp-- {
		var b strings.Builder
		b.WriteString(" " + itoa(imp) + " ")
		for lik := 1; lik <= 5; lik++ {
			band := model.BandOf(lik * imp)
			n := sum.cells[lik][imp]
			count := "·"
			if n > 0 {
				count = itoa(n)
			}
			body := strings.Repeat(" ", max(3-display.Width(count), 0)) + count + " " + bandLetter(band)
			here := lik == m.mapL && imp == m.mapI && (m.onMap || m.cellOn)
			switch {
			case here && m.onMap:
				b.WriteString(m.ink.selected.Paint("[" + body + "]"))
			case here:
				b.WriteString("[" + m.bandInk(band).Paint(body) + "]")
			default:
				b.WriteString(" " + m.bandInk(band).Paint(body) + " ")
			}
		}
		out = append(out, b.String())
	}
	var axis strings.Builder
	axis.WriteString("   ")
	for lik := 1; lik <= 5; lik++ {
		axis.WriteString(display.Pad("   "+itoa(lik), mapCellW))
	}
	out = append(out, m.ink.muted.Paint(axis.String()))
	out = append(out, m.ink.muted.Paint(display.Fit("L low, M medium, H high, C critical", mapW)))
	return out
}

// detail is the risk in focus: its score and residual score, owner,
// treatment, status, review date, flags in words and its mitigation.
func (m *Model) detail(w, h int) []string {
	if h <= 0 || w <= 0 {
		return nil
	}
	c := m.list()
	if _, ok := c.pos[m.sel]; !ok || m.sel >= len(m.risks()) {
		return nil
	}
	r := m.risks()[m.sel]
	out := []string{m.ink.heading.Paint(display.Fit(display.OneLine(r.Title), w))}
	add := func(s string) {
		for _, l := range display.Wrap(s, w) {
			out = append(out, display.Fit(l, w))
		}
	}
	add("Score " + scoreText(r) + "; residual " + residualText(r))
	facts := "Owner " + orNone(display.OneLine(m.ownerName(r.Owner))) + " · treatment " + orNone(string(r.Treatment)) + " · " + orNone(string(r.Status))
	if r.Review != "" {
		facts += " · review " + display.OneLine(r.Review)
	}
	add(facts)
	if f := r.Flags(); len(f) > 0 {
		for _, l := range display.Wrap("! "+strings.Join(f, ", ")+": a serious risk needs an owner and a mitigation", w) {
			out = append(out, m.ink.warn.Paint(display.Fit(l, w)))
		}
	}
	if strings.TrimSpace(string(r.Mitigation)) != "" {
		add("Mitigation: " + string(r.Mitigation))
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// residualText is the score once treated, or "not scored".
func residualText(r model.Risk) string {
	if r.ResidualScore() == 0 {
		return "not scored"
	}
	return itoa(r.ResidualLikelihood) + "×" + itoa(r.ResidualImpact) + " = " + itoa(r.ResidualScore()) + " (" + r.ResidualBand().String() + ")"
}

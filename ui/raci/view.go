package raci

import (
	"strings"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/display"
)

// cellW is the width of one role column: a space and three cells for the
// letter, which the cursor shows as [A].
const cellW = 4

// From wideAt columns on, the grid has room for the roles' names: each
// column at least wideCellW wide (wideCellWant where the activities can
// spare it), the names over up to four lines above it, and activity names
// up to wideNameW.
const (
	wideAt       = 160
	wideCellW    = 9
	wideCellWant = 11
	wideNameW    = 60
	wideNameMin  = 36
)

// head is the three lines above the grid: the size of the grid with the
// step's prompts, the focused role and the column headers.
const head = 3

// sideMin is the narrowest findings panel drawn beside the grid.
const sideMin = 40

// layout is where things go at the current size.
type layout struct {
	nameW int
	// cellW is the width of a role's column; names is set when the
	// header spells the roles out over nameLines lines instead of codes.
	cellW     int
	names     bool
	nameLines int
	cols      int
	rows      int
	legend    int
	explain   int
	// findH is the findings block under the grid (heading included), or
	// sideW the width of the panel beside it.
	findH int
	sideW int
	gridW int
}

func (m *Model) layout() layout {
	mx := m.matrix()
	var l layout
	longest := 0
	// Only the widest names in view matter, and a screen of rows is cheap.
	for i := m.top; i < min(len(mx.Activities), m.top+max(m.height, 1)); i++ {
		longest = max(longest, display.Width(display.OneLine(mx.Activities[i].Name)))
	}
	l.nameW = min(max(longest+4, 14), 40, max(m.width/3, 14))
	l.cellW, l.nameLines = cellW, 1
	if n := len(mx.Roles); m.width >= wideAt && n > 0 {
		// The activities keep at least wideNameMin cells, the roles take
		// the rest, up to what their names need.
		nameW := min(max(longest+4, 14), wideNameW, max(m.width-n*wideCellWant, wideNameMin))
		if cw := (m.width - nameW) / n; cw >= wideCellW {
			l.nameW, l.cellW, l.names = nameW, min(cw, 18), true
			// A tall screen gives a long name a fourth line.
			most := 3
			if m.height >= 30 {
				most = 4
			}
			l.nameLines = 2
			for j := m.left; j < min(m.left+(m.width-nameW)/l.cellW, n); j++ {
				l.nameLines = max(l.nameLines, len(m.wrapName(display.OneLine(roleLabel(mx.Roles[j])), l.cellW-1, most)))
			}
		}
	}
	l.nameW = min(l.nameW, m.width)
	// Beside a narrow grid, the grid side still gets half the width, so
	// the role line and the explanation have room to be read.
	natural := max(l.nameW+l.cellW*len(mx.Roles), min(m.width/2, 80))
	l.gridW = m.width
	if m.width >= 120 && natural+2+sideMin <= m.width {
		l.sideW = m.width - natural - 2
		l.gridW = natural
	}
	l.cols = min(max((l.gridW-l.nameW)/l.cellW, 0), len(mx.Roles))
	rest := max(m.height-head-(l.nameLines-1), 0)
	if rest >= 4 {
		l.explain = 2
	}
	// Spelt out in the header, the names need no legend.
	if rest >= 5 && l.cols > 0 && !l.names {
		l.legend = 1
	}
	if l.sideW == 0 && rest >= 6 {
		l.findH = min(max(len(m.check().findings), 1)+1, max((rest-l.explain-l.legend)/3, 2))
	}
	l.rows = min(max(rest-l.explain-l.legend-l.findH, 0), len(mx.Activities))
	if l.sideW == 0 && rest >= 6 {
		l.findH = min(max(len(m.check().findings), 1)+1, rest-l.explain-l.legend-l.rows)
	}
	return l
}

// View draws the grid window, the finding under the cursor and the list of
// findings; only the rows and columns in view are drawn.
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
	m.clamp()
	l := m.layout()
	mx := m.matrix()
	promptW := m.width
	if l.sideW > 0 {
		promptW = l.gridW
	}
	lines := []string{m.promptLine(promptW), m.roleLine()}
	if len(mx.Activities) == 0 || len(mx.Roles) == 0 {
		lines = append(lines, m.ctx.Styles.Muted.Render("The grid is empty: + adds an activity or a role."))
	} else {
		lines = append(lines, m.header(l)...)
		for i := m.top; i < m.top+l.rows; i++ {
			lines = append(lines, m.gridRow(l, i))
		}
		if l.legend > 0 {
			lines = append(lines, m.legendLine(l))
		}
	}
	explainW := m.width
	if l.sideW > 0 {
		explainW = l.gridW
	}
	if l.explain > 0 {
		lines = append(lines, m.explanation(explainW, l.explain)...)
	}
	if l.findH > 0 {
		lines = append(lines, m.findingsList(m.width, l.findH, false)...)
	}
	if l.sideW > 0 {
		side := m.findingsList(l.sideW, m.height, true)
		for i := range lines {
			lines[i] = display.Pad(lines[i], l.gridW+2)
			if i < len(side) {
				lines[i] += side[i]
			}
		}
		for i := len(lines); i < len(side); i++ {
			lines = append(lines, strings.Repeat(" ", l.gridW+2)+side[i])
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

// promptLine gives the size of the grid and what the facilitator asks the
// room to open the step, in width cells: the grid's side when the findings
// are beside it, so their title is never run into.
func (m *Model) promptLine(width int) string {
	mx := m.matrix()
	s := display.Count(len(mx.Activities), "activity", "activities") + " × " + display.Count(len(mx.Roles), "role", "roles")
	if step, ok := m.sess.CurrentStep(); ok && step.Kind == model.StepRACI && len(step.Prompts) > 0 {
		s += " · " + common.Ask(step.Prompts, width-display.Width(s)-3)
	}
	return m.ctx.Styles.Muted.Render(display.Fit(s, width))
}

// roleLine names the focused column: role, person and backup. A role with
// no backup is flagged, for one named person alone is a single point of
// failure.
func (m *Model) roleLine() string {
	st := m.ctx.Styles
	r, ok := m.role()
	if !ok {
		return st.Muted.Render("No roles yet: + adds one.")
	}
	n := len(m.matrix().Roles)
	s := st.Heading.Render("Role "+itoa(m.col+1)+"/"+itoa(n)+": "+display.OneLine(roleLabel(r))) + " — "
	if strings.TrimSpace(r.Person) == "" {
		s += st.Warn.Render("! nobody named")
	} else {
		s += display.OneLine(r.Person)
	}
	if strings.TrimSpace(r.Backup) == "" {
		s += ", " + st.Warn.Render("! no backup")
	} else {
		s += ", backup " + display.OneLine(r.Backup)
	}
	return s
}

// header is the row of role codes, or on a wide screen the roles' names
// over two lines; a column with a finding shows "!".
func (m *Model) header(l layout) []string {
	c := m.check()
	mx := m.matrix()
	out := make([]string, l.nameLines)
	for y := range out {
		var b strings.Builder
		label := ""
		if y == l.nameLines-1 {
			label = "Activity " + itoa(m.row+1) + "/" + itoa(len(mx.Activities))
		}
		b.WriteString(m.ctx.Styles.Muted.Render(display.Pad(label, l.nameW)))
		for j := m.left; j < m.left+l.cols; j++ {
			text := c.codes[j]
			flagged := c.flagged[mx.Roles[j].ID] && y == l.nameLines-1
			switch {
			case l.names:
				name := display.OneLine(roleLabel(mx.Roles[j]))
				w := l.cellW - 1
				if c.flagged[mx.Roles[j].ID] && display.Width(m.nameLine(name, w, l.nameLines, l.nameLines-1)) >= w {
					// The name gives a cell up to the finding's "!".
					w--
				}
				text = m.nameLine(name, w, l.nameLines, y)
				if flagged {
					text += "!"
				}
			case flagged:
				text = model.FirstCells(text, 2) + "!"
			}
			text = display.Pad(text, l.cellW-1)
			b.WriteByte(' ')
			if j == m.col {
				b.WriteString(m.ctx.Styles.Selected.Render(text))
			} else {
				b.WriteString(text)
			}
		}
		out[y] = b.String()
	}
	return out
}

// wrapKey names a role's name wrapped to width in at most lines lines.
type wrapKey struct {
	name         string
	width, lines int
}

// wrapName wraps a role's name for the header, once per name and size.
func (m *Model) wrapName(name string, width, lines int) []string {
	k := wrapKey{name, width, lines}
	if w, ok := m.names[k]; ok {
		return w
	}
	// Names renamed or sizes left behind are forgotten now and then.
	if m.names == nil || len(m.names) > 4*len(m.matrix().Roles)+16 {
		m.names = map[wrapKey][]string{}
	}
	w := display.WrapWords(name, width, lines)
	m.names[k] = w
	return w
}

// nameLine is line y of a role's name wrapped to width in lines lines,
// the name standing on the last line as a table's heads do.
func (m *Model) nameLine(name string, width, lines, y int) string {
	wrapped := m.wrapName(name, width, lines)
	at := y - (lines - len(wrapped))
	if at < 0 {
		return ""
	}
	return wrapped[at]
}

// legendLine spells out the codes of the columns in view. When they do not
// all fit, it shows the focused column's and as many of its neighbours as
// fit, so the legend follows the cursor across a wide grid.
func (m *Model) legendLine(l layout) string {
	c := m.check()
	mx := m.matrix()
	entries := make([]string, 0, l.cols)
	for j := m.left; j < m.left+l.cols; j++ {
		entries = append(entries, c.codes[j]+" "+display.OneLine(roleLabel(mx.Roles[j])))
	}
	w := m.width
	if l.sideW > 0 {
		w = l.gridW
	}
	const lead, sep, cut = "Roles: ", " · ", "…"
	width := func(a, b int) int {
		n := display.Width(lead) + display.Width(sep)*(b-a)
		for _, e := range entries[a : b+1] {
			n += display.Width(e)
		}
		if a > 0 {
			n += display.Width(cut + " ")
		}
		if b < len(entries)-1 {
			n += display.Width(" " + cut)
		}
		return n
	}
	f := min(max(m.col-m.left, 0), len(entries)-1)
	a, b := f, f
	for grew := true; grew; {
		grew = false
		if b+1 < len(entries) && width(a, b+1) <= w {
			b, grew = b+1, true
		}
		if a > 0 && width(a-1, b) <= w {
			a, grew = a-1, true
		}
	}
	line := lead
	if a > 0 {
		line += cut + " "
	}
	line += strings.Join(entries[a:b+1], sep)
	if b < len(entries)-1 {
		line += " " + cut
	}
	return m.ctx.Styles.Muted.Render(display.Fit(line, w))
}

// gridRow draws activity i: a marker on the cursor row, the name with "!"
// when a rule is broken on it, and the letters of the roles in view.
func (m *Model) gridRow(l layout, i int) string {
	st := m.ctx.Styles
	c := m.check()
	mx := m.matrix()
	a := mx.Activities[i]
	var b strings.Builder
	marker := "  "
	if i == m.row {
		marker = st.Marker.Render("›") + " "
	}
	b.WriteString(marker)
	nameW := max(l.nameW-2, 0)
	name := display.OneLine(a.Name)
	if c.byRow[i] >= 0 {
		b.WriteString(display.Fit(name, max(nameW-2, 0)))
		b.WriteString(st.Warn.Render("!"))
		b.WriteString(strings.Repeat(" ", max(nameW-min(display.Width(name), max(nameW-2, 0))-1, 0)))
	} else {
		b.WriteString(display.Pad(name, nameW))
	}
	for j := m.left; j < m.left+l.cols; j++ {
		letter := a.Cells[mx.Roles[j].ID]
		// A wide column sets the letter under the middle of its name.
		pad := (l.cellW - 1 - 3) / 2
		b.WriteByte(' ')
		b.WriteString(strings.Repeat(" ", pad))
		if i == m.row && j == m.col {
			mark := "·"
			if letter.Valid() {
				mark = string(letter)
			}
			b.WriteString(st.Selected.Render("[" + mark + "]"))
		} else {
			b.WriteString(cellText(letter))
		}
		b.WriteString(strings.Repeat(" ", l.cellW-1-3-pad))
	}
	return b.String()
}

// cellText is a cell off the cursor: its letter between spaces, or a dot.
func cellText(l model.Letter) string {
	switch l {
	case model.Responsible:
		return " R "
	case model.Accountable:
		return " A "
	case model.Consulted:
		return " C "
	case model.Informed:
		return " I "
	}
	return " · "
}

// explanation is the finding under the cursor in a sentence, or a word
// that nothing is broken here.
func (m *Model) explanation(width, height int) []string {
	st := m.ctx.Styles
	i := m.here()
	if i < 0 {
		return []string{"", st.Good.Render(display.Fit("✓ No rule broken on this row or column.", width))}
	}
	f := m.check().findings[i]
	lines := display.Wrap("! "+f.Message, max(width, 1))
	if len(lines) > height {
		lines = lines[:height]
		lines[height-1] = display.Fit(lines[height-1]+" …", width)
	}
	for len(lines) < height {
		lines = append([]string{""}, lines...)
	}
	for k := range lines {
		lines[k] = st.Warn.Render(lines[k])
	}
	return lines
}

// findingsList is the heading and the findings that fit in height lines,
// scrolled so the finding under the cursor is among them. Under the grid
// each finding takes one line; beside it (wrap) each is wrapped in full,
// since the panel is narrow and tall.
func (m *Model) findingsList(width, height int, wrap bool) []string {
	st := m.ctx.Styles
	c := m.check()
	if height <= 0 {
		return nil
	}
	n := len(c.findings)
	out := []string{st.Heading.Render(display.Fit("Findings ("+itoa(n)+")", width))}
	if n == 0 {
		if height > 1 && len(m.matrix().Activities) > 0 {
			out = append(out, st.Good.Render(display.Fit("✓ One A and at least one R on every row.", width)))
		}
		return out
	}
	room := height - 1
	here := m.here()
	start := 0
	if here >= room || (wrap && here > 0) {
		start = here - room/2
		if wrap {
			start = here - 1
		}
	}
	start = max(min(start, n-room), 0)
	for i := start; i < n && len(out) < height; i++ {
		mark := "  "
		if i == here {
			mark = "› "
		}
		line := mark + "! " + where(c.findings[i]) + display.OneLine(c.findings[i].Message)
		if !wrap {
			out = append(out, display.Fit(line, width))
			continue
		}
		for k, part := range display.Wrap(line, max(width-4, 1)) {
			if len(out) >= height {
				break
			}
			if k > 0 {
				part = "    " + part
			}
			out = append(out, display.Fit(part, width))
		}
	}
	return out
}

// where prefixes a finding with its row number, so the room can find it
// in a long grid.
func where(f model.Finding) string {
	if f.Activity >= 0 {
		return "row " + itoa(f.Activity+1) + ": "
	}
	return ""
}

package present

import (
	"strings"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/display"
)

// shapes mark each letter so it reads without colour, from the back of a
// room: a filled dot does the work, a square answers for it, a diamond is
// asked first, a ring is told after.
var shapes = map[model.Letter]string{
	model.Responsible: "●",
	model.Accountable: "■",
	model.Consulted:   "◆",
	model.Informed:    "○",
}

// raci draws the grid with the roles' full names over their columns
// (wrapped, or as codes with a legend where the columns are too narrow),
// full activity names, each letter in colour and with its shape, and the
// open findings in plain words.
func (r room) raci() []string {
	m := r.s.RACI
	if len(m.Activities) == 0 || len(m.Roles) == 0 {
		return []string{r.ink.muted.Paint(display.Fit("The grid has no activities or no roles yet.", r.w))}
	}
	findings := m.Findings()
	findH := 0
	if len(findings) > 0 {
		findH = min(len(findings)+2, max(r.h/3, 3))
	}
	legend := r.letterLegend()

	nameW := 0
	for _, a := range m.Activities {
		nameW = max(nameW, display.Width(display.OneLine(a.Name)))
	}
	// The names take what the columns leave them, up to all they need.
	minCol := 4
	nameW = min(nameW, max(r.w-len(m.Roles)*minCol-1, r.w/4, 8))
	// Columns wide enough for the longest word of a role's name read
	// better than full activity names on one line: those can wrap.
	longest := 0
	for _, role := range m.Roles {
		for _, w := range strings.Fields(r.s.RoleName(role.ID)) {
			longest = max(longest, display.Width(w))
		}
	}
	if want := min(longest+1, 12); (r.w-nameW-1)/len(m.Roles) < want {
		// Where even then the names need codes, the activities keep
		// their room.
		if narrower := min(nameW, max(r.w-len(m.Roles)*want-1, r.w/5, 20)); (r.w-narrower-1)/len(m.Roles) >= 8 {
			nameW = narrower
		}
	}
	colW := min((r.w-nameW-1)/max(len(m.Roles), 1), 22)
	roles := m.Roles
	if colW < minCol {
		colW = minCol
		roles = roles[:max((r.w-nameW-1)/colW, 0)]
	}
	codes := model.RoleCodes(m.Roles)
	useCodes := colW < 8
	var header []string
	if useCodes {
		var b strings.Builder
		b.WriteString(strings.Repeat(" ", nameW+1))
		for i := range roles {
			b.WriteString(center(codes[i], colW))
		}
		header = []string{r.ink.heading.Paint(b.String())}
	} else {
		// As many lines as the longest name needs, at most three (four on
		// a tall screen).
		most := 3
		if r.h >= 30 {
			most = 4
		}
		names := make([][]string, len(roles))
		lines := 1
		for i, role := range roles {
			names[i] = display.WrapWords(display.OneLine(r.s.RoleName(role.ID)), colW-1, most)
			lines = max(lines, len(names[i]))
		}
		for y := range lines {
			var b strings.Builder
			b.WriteString(strings.Repeat(" ", nameW+1))
			for i := range roles {
				// Names sit on the line above the grid, like a table's heads.
				at := y - (lines - len(names[i]))
				cell := ""
				if at >= 0 {
					cell = names[i][at]
				}
				b.WriteString(center(cell, colW))
			}
			header = append(header, r.ink.heading.Paint(display.Fit(b.String(), r.w)))
		}
	}
	var codeLegend []string
	if useCodes || len(roles) < len(m.Roles) {
		codeLegend = r.codeLegend(m.Roles, codes, len(roles))
	}

	rowsH := max(r.h-len(header)-1-len(codeLegend)-findH, 1)
	// A long name takes a second line only where every row still fits.
	wrapNames := len(m.Activities) <= rowsH
	if wrapNames {
		lines := 0
		for _, a := range m.Activities {
			lines += min(len(display.Wrap(display.OneLine(a.Name), nameW)), 2)
		}
		wrapNames = lines <= rowsH
	}
	var grid []string
	for ai, a := range m.Activities {
		name := display.OneLine(a.Name)
		lines := []string{display.Fit(name, nameW)}
		if wrapNames && display.Width(name) > nameW {
			lines = wrapped(name, nameW, 2)
		}
		if left := len(m.Activities) - ai; len(grid)+len(lines) > rowsH || len(grid)+len(lines) == rowsH && left > 1 {
			grid = append(grid, r.more(left, "activity", "activities"))
			break
		}
		var cells strings.Builder
		for _, role := range roles {
			l := m.Cell(ai, role.ID)
			cell := ""
			if shape, ok := shapes[l]; ok {
				cell = shape + " " + string(l)
				if colW < 5 {
					cell = shape + string(l)
				}
			}
			c := center(cell, colW)
			if cell != "" {
				c = r.ink.letters.Of(l).Paint(c)
			} else {
				c = r.ink.muted.Paint(center("·", colW))
			}
			cells.WriteString(c)
		}
		for i, l := range lines {
			row := display.Pad(l, nameW) + " "
			if i == 0 {
				row += cells.String()
			}
			grid = append(grid, display.Fit(row, r.w))
		}
	}
	out := append(header, grid...)
	out = append(out, display.Fit(legend, r.w))
	out = append(out, codeLegend...)
	if findH > 0 {
		out = append(out, "", r.ink.warn.Paint(display.Fit("Open findings ("+display.Count(len(findings), "finding", "findings")+")", r.w)))
		room := findH - 2
		for i, f := range findings {
			if i == room-1 && len(findings) > room {
				out = append(out, r.more(len(findings)-i, "finding", "findings"))
				break
			}
			if i >= room {
				break
			}
			out = append(out, display.Fit("  "+display.OneLine(f.Message), r.w))
		}
	}
	return out
}

// letterLegend says what each letter and shape means.
func (r room) letterLegend() string {
	var b strings.Builder
	for i, l := range []struct {
		letter model.Letter
		word   string
	}{{model.Responsible, "responsible"}, {model.Accountable, "accountable"}, {model.Consulted, "consulted"}, {model.Informed, "informed"}} {
		if i > 0 {
			b.WriteString("   ")
		}
		b.WriteString(r.ink.letters.Of(l.letter).Paint(shapes[l.letter] + " " + string(l.letter)))
		b.WriteString(r.ink.muted.Paint(" " + l.word))
	}
	return b.String()
}

// codeLegend names the role behind each code, as many to a line as fit,
// and the roles with no column in view.
func (r room) codeLegend(roles []model.Role, codes []string, shown int) []string {
	var out []string
	var line strings.Builder
	for i := range shown {
		item := codes[i] + " " + display.OneLine(r.s.RoleName(roles[i].ID))
		if line.Len() > 0 && display.Width(line.String())+3+display.Width(item) > r.w {
			out = append(out, r.ink.muted.Paint(display.Fit(line.String(), r.w)))
			line.Reset()
		}
		if line.Len() > 0 {
			line.WriteString("   ")
		}
		line.WriteString(item)
	}
	if line.Len() > 0 {
		out = append(out, r.ink.muted.Paint(display.Fit(line.String(), r.w)))
	}
	if shown < len(roles) {
		out = append(out, r.ink.muted.Paint(display.Fit("… "+display.Count(len(roles)-shown, "more role", "more roles")+" not in view: a wider screen shows them", r.w)))
	}
	// A legend longer than a third of the space keeps to its first lines.
	if most := max(r.h/3, 1); len(out) > most {
		out = append(out[:most-1], r.ink.muted.Paint(display.Fit("…", r.w)))
	}
	return out
}

// center puts s in the middle of width cells.
func center(s string, width int) string {
	s = display.Fit(s, width)
	gap := width - display.Width(s)
	return strings.Repeat(" ", gap/2) + s + strings.Repeat(" ", gap-gap/2)
}

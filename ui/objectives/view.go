package objectives

import (
	"strconv"
	"strings"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/frame"
)

// formHead is the lines above an open form: the pane tabs, the step's
// prompts and the form's title.
const formHead = 3

// View draws the pane tabs and the pane, form, catalogue or dialog in focus.
func (m *Model) View() string {
	if m.sess == nil || m.width <= 0 || m.height <= 0 {
		return ""
	}
	lines := []string{m.tabs(), frame.AskLine(m.sess, model.StepObjectives, m.width, m.ink.muted)}
	body := max(m.height-len(lines), 0)
	over, open := m.Lines(m.width)
	switch {
	case open:
		lines = append(lines, over...)
	case m.picking:
		lines = append(lines, m.catalogueView(body)...)
	case m.pane == paneModel:
		lines = append(lines, m.modelView(body)...)
	default:
		lines = append(lines, m.listView(body)...)
	}
	return display.FitBlock(strings.Join(lines, "\n"), m.width, m.height)
}

// chosenModel names the organisational model chosen, or "" for none.
func (m *Model) chosenModel() string {
	id := m.sess.Objectives.Model
	if strings.TrimSpace(id) == "" {
		return ""
	}
	for _, c := range m.models() {
		if c.ID == id {
			return c.Name
		}
	}
	return id
}

// tabs names the two panes; the one in focus is bracketed as well as
// highlighted, so it shows without colour.
func (m *Model) tabs() string {
	chosen := m.chosenModel()
	if chosen == "" {
		chosen = "not chosen !"
	}
	names := []string{
		"Objectives (" + strconv.Itoa(len(m.sess.Objectives.Items)) + ")",
		"Organisational model: " + display.OneLine(chosen),
	}
	var b strings.Builder
	for i, n := range names {
		if pane(i) == m.pane && !m.picking {
			b.WriteString(m.ink.selected.Paint("[ " + n + " ]"))
		} else {
			b.WriteString("  " + n + "  ")
		}
		b.WriteString(" ")
	}
	return display.Fit(b.String(), m.width)
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

// Dots says how many votes the room has and how many it placed.
func Dots(s *model.Session) (line string, over bool) {
	per, room := s.Objectives.VotesPerParticipant, len(s.Participants)
	placed := 0
	for _, o := range s.Objectives.Items {
		placed += o.Votes
	}
	text := "Dots: " + strconv.Itoa(per) + " per participant"
	if room == 0 {
		return text + "; " + strconv.Itoa(placed) + " placed (list the participants to count the room's dots).", false
	}
	avail := per * room
	text += " × " + strconv.Itoa(room) + " in the room = " + strconv.Itoa(avail) + "; " + strconv.Itoa(placed) + " placed"
	switch {
	case placed > avail:
		return text + " — ! " + strconv.Itoa(placed-avail) + " more than the room has: recount.", true
	case placed == avail:
		return text + ", all used.", false
	}
	return text + ", " + strconv.Itoa(avail-placed) + " left.", false
}

// Flag is the row's text marker for what an objective lacks, "" for none.
func Flag(o model.Objective) string {
	missing := o.Missing()
	if len(missing) == 0 {
		return ""
	}
	return "[missing: " + strings.Join(missing, ", ") + "]"
}

// bar draws n out of most as a bar of up to width cells.
func bar(n, most, width int) string {
	if most <= 0 || n <= 0 || width <= 0 {
		return ""
	}
	return strings.Repeat("█", min(max(n*width/most, 1), width))
}

func (m *Model) listView(h int) []string {
	w := m.width
	items := m.sess.Objectives.Items
	dots, over := Dots(m.sess)
	dotsInk := m.ink.muted
	if over {
		dotsInk = m.ink.warn
	}
	out := []string{dotsInk.Paint(display.Fit(dots, w))}
	if len(items) == 0 {
		return append(out, m.ink.muted.Paint(display.Fit("No objectives yet: a picks one from the workshop's catalogue or writes a new one.", w)))
	}
	most := 0
	for _, o := range items {
		most = max(most, o.Votes)
	}
	barW := min(10, max(w/12, 0))
	numW := max(len(strconv.Itoa(len(items)))+1, 3)
	var detail []string
	if h >= 12 && m.sel < len(items) {
		detail = m.detail(items[m.sel], max(h-len(items)-3, 5))
	}
	rowsH := max(h-1-len(detail), 1)
	pos := m.position()
	m.top = scroll(pos, m.top, rowsH, len(items))
	end := min(len(items), m.top+rowsH)
	for p := m.top; p < end; p++ {
		i := m.ranked[p]
		o := items[i]
		sel := i == m.sel
		marker := "  "
		if sel {
			marker = m.ink.marker.Paint("› ")
		}
		rank := display.Pad(strconv.Itoa(p+1)+".", numW)
		votes := strconv.Itoa(o.Votes)
		votes = strings.Repeat(" ", max(4-len(votes), 0)) + votes + " "
		lead := marker + rank + votes + m.ink.bar.Paint(display.Pad(bar(o.Votes, most, barW), barW)) + " "
		text := display.OneLine(o.Title)
		if w >= wideAt {
			text = m.wideColumns(o, w)
		} else if sp := strings.TrimSpace(o.Sponsor); sp != "" {
			text += " — " + display.OneLine(sp)
		}
		tag := Flag(o)
		if tag != "" {
			tag = "  " + tag
		}
		room := max(w-display.Width(lead)-display.Width(tag), 1)
		text = display.Fit(text, room)
		if sel {
			text = m.ink.selected.Paint(text)
		}
		out = append(out, display.Fit(lead+text+m.ink.warn.Paint(tag), w))
	}
	return append(out, detail...)
}

// From wideAt columns on, the list gives the sponsor, the metric, its
// target and the date each a column of its own.
const wideAt = 160

// wideColumns is an objective's title, sponsor, metric, target and date,
// in columns.
func (m *Model) wideColumns(o model.Objective, w int) string {
	titleW := min(max(w/3, 30), 56)
	return display.Row([]string{display.OneLine(o.Title), display.OneLine(o.Sponsor), display.OneLine(o.Metric), display.OneLine(o.Target), display.OneLine(o.Due)},
		[]int{titleW, 22, max(w-titleW-22-18-12-40, 20), 18})
}

// detail is the selected objective in full, at most h lines; what is
// missing says so in words.
func (m *Model) detail(o model.Objective, h int) []string {
	w := m.width
	field := func(label, v string) string {
		head := display.Pad(label, 11)
		if strings.TrimSpace(v) == "" {
			return m.ink.muted.Paint(head) + m.ink.warn.Paint("— missing")
		}
		return m.ink.muted.Paint(head) + display.OneLine(v)
	}
	blankOK := func(label, v string) string {
		head := display.Pad(label, 11)
		if strings.TrimSpace(v) == "" {
			return m.ink.muted.Paint(head + "—")
		}
		return m.ink.muted.Paint(head) + display.OneLine(v)
	}
	out := []string{""}
	if c := m.catalogueEntry(o.Catalogue); c != nil {
		out = append(out, m.ink.muted.Paint(display.Fit("From the catalogue: "+display.OneLine(c.Title)+" ("+display.OneLine(c.Source)+") — "+display.OneLine(string(c.Description)), w)))
	}
	out = append(out, blankOK("Audience", o.Audience))
	strategy := display.Wrap(string(o.Strategy), max(w-11, 1))
	if strings.TrimSpace(string(o.Strategy)) == "" {
		out = append(out, blankOK("Strategy", ""))
	} else {
		for j, l := range strategy[:min(len(strategy), 3)] {
			head := "Strategy"
			if j > 0 {
				head = ""
			}
			out = append(out, m.ink.muted.Paint(display.Pad(head, 11))+l)
		}
	}
	out = append(out,
		blankOK("Technology", o.Technology),
		field("Sponsor", o.Sponsor),
		field("Metric", o.Metric),
		field("Target", o.Target),
		blankOK("Due", o.Due),
	)
	if len(out) > h {
		out = out[:h]
	}
	for i, l := range out {
		out[i] = display.Fit(l, w)
	}
	return out
}

func (m *Model) catalogueEntry(id string) *model.CatalogueObjective {
	if id == "" {
		return nil
	}
	cat := m.sess.Workshop.Objectives.Objectives
	for i := range cat {
		if cat[i].ID == id {
			return &cat[i]
		}
	}
	return nil
}

func (m *Model) catalogueView(h int) []string {
	w := m.width
	cat := m.sess.Workshop.Objectives.Objectives
	inList := map[string]bool{}
	for _, o := range m.sess.Objectives.Items {
		inList[o.Catalogue] = true
	}
	out := []string{m.ink.heading.Paint(display.Fit("Pick an objective from the workshop's catalogue, or write a new one:", w))}
	var about []string
	if m.pickCur < len(cat) && h >= 10 {
		about = append(about, "")
		for _, l := range display.Wrap(string(cat[m.pickCur].Description), max(w-4, 1)) {
			about = append(about, "    "+l)
		}
		about = about[:min(len(about), max(h/3, 2))]
	}
	rowsH := max(h-1-len(about), 1)
	n := len(cat) + 1
	m.pkTop = scroll(m.pickCur, m.pkTop, rowsH, n)
	for i := m.pkTop; i < min(n, m.pkTop+rowsH); i++ {
		marker := "  "
		if i == m.pickCur {
			marker = m.ink.marker.Paint("› ")
		}
		text, tag := "✎ Write a new objective", ""
		if i < len(cat) {
			text = display.OneLine(cat[i].Title)
			if src := strings.TrimSpace(cat[i].Source); src != "" {
				text += " (" + display.OneLine(src) + ")"
			}
			if inList[cat[i].ID] {
				tag = "  ✓ already in the list"
			}
		}
		text = display.Fit(text, max(w-2-display.Width(tag), 1))
		if i == m.pickCur {
			text = m.ink.selected.Paint(text)
		}
		out = append(out, display.Fit(marker+text+m.ink.muted.Paint(tag), w))
	}
	return append(out, about...)
}

func (m *Model) modelView(h int) []string {
	w := m.width
	models := m.models()
	out := []string{m.ink.heading.Paint(display.Fit("How will the company organise its social media work? enter chooses.", w))}
	if len(models) == 0 {
		out = append(out, m.ink.muted.Paint(display.Fit("The workshop lists no organisational models.", w)))
		if c := m.chosenModel(); c != "" {
			out = append(out, display.Fit("Chosen: "+display.OneLine(c), w))
		}
		return out
	}
	known := false
	for _, c := range models {
		known = known || c.ID == m.sess.Objectives.Model
	}
	if !known && m.sess.Objectives.Model != "" {
		out = append(out, m.ink.warn.Paint(display.Fit("Chosen: "+display.OneLine(m.sess.Objectives.Model)+" — not one of this workshop's models.", w)))
	}
	var about []string
	if m.modelCur < len(models) && h >= 10 {
		about = append(about, "", m.ink.muted.Paint(display.Fit(display.OneLine(models[m.modelCur].Name)+":", w)))
		for _, l := range display.Wrap(string(models[m.modelCur].Description), max(w-4, 1)) {
			about = append(about, "    "+l)
		}
		about = about[:min(len(about), max(h/2, 3))]
	}
	rowsH := max(h-len(out)-len(about), 1)
	m.mTop = scroll(m.modelCur, m.mTop, rowsH, len(models))
	for i := m.mTop; i < min(len(models), m.mTop+rowsH); i++ {
		c := models[i]
		marker := "  "
		if i == m.modelCur {
			marker = m.ink.marker.Paint("› ")
		}
		mark := "( ) "
		if c.ID == m.sess.Objectives.Model {
			mark = "(•) "
		}
		text := display.OneLine(c.Name) + " — " + display.Lines(string(c.Description))[0]
		if c.ID == m.sess.Objectives.Model {
			text = display.OneLine(c.Name) + " — chosen"
		}
		text = display.Fit(text, max(w-6, 1))
		if i == m.modelCur {
			text = m.ink.selected.Paint(text)
		}
		out = append(out, display.Fit(marker+mark+text, w))
	}
	return append(out, about...)
}

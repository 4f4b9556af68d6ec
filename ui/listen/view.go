package listen

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

// View draws the pane tabs and the pane, form or dialog in focus.
func (m *Model) View() string {
	if m.sess == nil || m.width <= 0 || m.height <= 0 {
		return ""
	}
	lines := []string{m.tabs(), frame.AskLine(m.sess, model.StepListen, m.width, m.ink.muted)}
	body := max(m.height-len(lines), 0)
	over, open := m.Lines(m.width)
	switch {
	case open:
		lines = append(lines, over...)
	case m.pane == panePoll:
		lines = append(lines, m.pollView(body)...)
	case m.pane == paneInventory:
		lines = append(lines, m.inventoryView(body)...)
	default:
		lines = append(lines, m.expertsView(body)...)
	}
	return display.FitBlock(strings.Join(lines, "\n"), m.width, m.height)
}

// tabs names the three panes; the one in focus is bracketed as well as
// highlighted, so it shows without colour.
func (m *Model) tabs() string {
	l := m.sess.Listen
	surprises := 0
	for _, c := range l.Inventory {
		if c.Surprise {
			surprises++
		}
	}
	inv := "Inventory (" + strconv.Itoa(len(l.Inventory))
	if surprises > 0 {
		inv += ", " + strconv.Itoa(surprises) + " !"
	}
	names := []string{"Poll (" + display.Count(len(l.Poll), "platform", "platforms") + ")", inv + ")", "Experts (" + strconv.Itoa(len(l.Experts)) + ")"}
	var b strings.Builder
	for i, n := range names {
		if pane(i) == m.pane {
			b.WriteString(m.ink.selected.Paint("[ " + n + " ]"))
		} else {
			b.WriteString("  " + n + "  ")
		}
		b.WriteString(" ")
	}
	return display.Fit(b.String(), m.width)
}

// bar draws n out of most as a bar of up to width cells.
func bar(n, most, width int) string {
	if most <= 0 || n <= 0 || width <= 0 {
		return ""
	}
	return strings.Repeat("█", min(max(n*width/most, 1), width))
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

// numCell is a count right-aligned in six cells; the selected one is
// bracketed so it shows without colour, and one of more hands than the
// room holds is marked "!".
func numCell(n int, selected, over bool) string {
	s := strconv.Itoa(n) + " "
	if selected {
		s = "[" + strconv.Itoa(n) + "]"
	}
	if over {
		s += "!"
	}
	return strings.Repeat(" ", max(6-len(s), 0)) + s
}

func (m *Model) pollView(h int) []string {
	rows := m.sess.Listen.Poll
	w := m.width
	ladder := display.Wrap(Ladder(m.sess), max(w, 1))
	for i, l := range ladder {
		ladder[i] = m.ink.text.Paint(l)
	}
	for _, l := range display.Wrap(ladderNote, max(w, 1)) {
		ladder = append(ladder, m.ink.muted.Paint(l))
	}
	// The reading comes first; the note gives way on a short screen.
	ladder = ladder[:min(len(ladder), max(h/4, 2))]
	if len(rows) == 0 {
		return []string{m.ink.muted.Paint(display.Fit("No platforms in the poll: the workshop lists none to ask about.", w))}
	}
	room := len(m.sess.Participants)
	most, nameW, flagW, crowded := room, 8, 0, false
	for _, r := range rows {
		most = max(most, r.Reads, r.Creates)
		nameW = max(nameW, display.Width(display.OneLine(r.Platform)))
		if r.Creates > r.Reads {
			flagW = display.Width(createsFlag) + 2
		}
		crowded = crowded || overRoom(r.Reads, room) || overRoom(r.Creates, room)
	}
	nameW = min(nameW, max(w/4, 8))
	barW := max((w-nameW-21-flagW)/2, 0)

	head := "  " + display.Pad("Platform", nameW) + "  " + display.Pad("reads / uses", barW+7) + "   " + "creates / contributes"
	out := []string{m.ink.muted.Paint(display.Fit(head, w))}
	var note []string
	if crowded {
		note = []string{m.ink.warn.Paint(display.Fit("! marks more hands than the "+strconv.Itoa(room)+" in the room: count that platform again.", w))}
	}
	rowsH := max(h-1-1-len(note)-len(ladder), 1)
	m.pollTop = scroll(m.poll, m.pollTop, rowsH, len(rows))
	end := min(len(rows), m.pollTop+rowsH)
	for i := m.pollTop; i < end; i++ {
		r := rows[i]
		sel := i == m.poll
		marker := "  "
		name := display.Pad(display.OneLine(r.Platform), nameW)
		if sel {
			marker = m.ink.marker.Paint("› ")
			name = m.ink.selected.Paint(name)
		}
		reads := numCell(r.Reads, sel && m.col == colReads, overRoom(r.Reads, room))
		creates := numCell(r.Creates, sel && m.col == colCreates, overRoom(r.Creates, room))
		if sel && m.col == colReads {
			reads = m.ink.selected.Paint(reads)
		} else if sel {
			creates = m.ink.selected.Paint(creates)
		}
		line := marker + name + "  " +
			m.ink.bar.Paint(display.Pad(bar(r.Reads, most, barW), barW)) + " " + reads + "   " +
			m.ink.barAlt.Paint(display.Pad(bar(r.Creates, most, barW), barW)) + " " + creates
		if r.Creates > r.Reads {
			line += "  " + m.ink.warn.Paint(createsFlag)
		}
		out = append(out, display.Fit(line, w))
	}
	out = append(out, "")
	out = append(out, note...)
	return append(out, ladder...)
}

// createsFlag marks a platform with more hands creating than reading:
// whoever posts also uses the platform, so one of the counts is wrong.
const createsFlag = "! creates > reads"

// overRoom reports whether n is more hands than the room holds; a room of
// 0 is one whose size is not known.
func overRoom(n, room int) bool { return room > 0 && n > room }

// missing is the row flag for the blank fields among names, or "".
func missing(names, values []string) string {
	var out []string
	for i, v := range values {
		if strings.TrimSpace(v) == "" {
			out = append(out, names[i])
		}
	}
	if len(out) == 0 {
		return ""
	}
	return "[missing: " + strings.Join(out, ", ") + "]"
}

// Ladder reads the poll as a rough ladder of participation: the busiest
// platform's creates are at least how many in the room create somewhere,
// its reads at least how many take part at all. The room is the list of
// participants when there is one.
func Ladder(s *model.Session) string {
	maxR, maxC := 0, 0
	for _, r := range s.Listen.Poll {
		maxR, maxC = max(maxR, r.Reads), max(maxC, r.Creates)
	}
	if maxR == 0 && maxC == 0 {
		return "Ladder: no hands counted yet. Ask per platform: who reads or uses it? Who posts, comments or writes?"
	}
	readers := max(maxR, maxC)
	creators, room := maxC, len(s.Participants)
	if room > 0 {
		creators, readers = min(creators, room), min(readers, room)
	} else {
		room = readers
	}
	text := "Ladder: " + strconv.Itoa(creators) + " of " + strconv.Itoa(room) +
		" in the room create on at least one platform; " + strconv.Itoa(readers-creators) + " only read"
	if none := room - readers; none > 0 {
		text += "; " + strconv.Itoa(none) + " neither"
	}
	return text + " — an estimate from the show of hands."
}

// ladderNote says where the ladder comes from.
const ladderNote = "Read on Forrester's Social Technographics ladder: creators, critics, collectors, joiners, spectators, inactives."

// listView draws a list of n rows with the selected entry's text below.
func (m *Model) listView(h int, summary string, n, cur int, top *int, row func(i int, sel bool) string, detailHead, detail string) []string {
	w := m.width
	out := []string{m.ink.muted.Paint(display.Fit(summary, w))}
	if n == 0 {
		return out
	}
	var more []string
	if h >= 10 && strings.TrimSpace(detail) != "" {
		wrapped := display.Wrap(detail, max(w-4, 1))
		keep := min(len(wrapped), max(h/3-2, 1))
		more = append(more, "", m.ink.muted.Paint(display.Fit(detailHead, w)))
		for _, l := range wrapped[:keep] {
			more = append(more, "    "+l)
		}
	}
	rowsH := max(h-1-len(more), 1)
	*top = scroll(cur, *top, rowsH, n)
	end := min(n, *top+rowsH)
	for i := *top; i < end; i++ {
		out = append(out, display.Fit(row(i, i == cur), w))
	}
	return append(out, more...)
}

// rowText draws one list row: the marker, a mark, the text and a tag, the
// text cut so that the tag always shows.
func (m *Model) rowText(sel bool, mark, text, tag string) string {
	marker := "  "
	if sel {
		marker = m.ink.marker.Paint("› ")
	}
	room := max(m.width-2-display.Width(mark)-display.Width(tag), 1)
	text = display.Fit(text, room)
	if sel {
		text = m.ink.selected.Paint(text)
	}
	if tag != "" {
		tag = m.ink.warn.Paint(tag)
	}
	return marker + mark + text + tag
}

// From wideAt columns on, the inventory gives who talks, the tone and the
// volume a column each.
const wideAt = 160

func (m *Model) inventoryView(h int) []string {
	inv := m.sess.Listen.Inventory
	surprises := 0
	for _, c := range inv {
		if c.Surprise {
			surprises++
		}
	}
	summary := "Nothing listed yet: a adds a place where customers, employees, press or critics talk about the company."
	if len(inv) > 0 {
		summary = display.Count(len(inv), "place", "places") + " where people talk about the company; " +
			strconv.Itoa(surprises) + " came as a surprise (marked !)."
	}
	head, detail := "", ""
	if m.inv < len(inv) {
		head, detail = "Notes on "+display.OneLine(inv[m.inv].Place)+":", string(inv[m.inv].Notes)
	}
	return m.listView(h, summary, len(inv), m.inv, &m.invTop, func(i int, sel bool) string {
		c := inv[i]
		text := display.OneLine(c.Place)
		var facts []string
		for _, f := range []string{c.Who, c.Tone, c.Volume} {
			if strings.TrimSpace(f) != "" {
				facts = append(facts, display.OneLine(f))
			}
		}
		switch {
		case m.width >= wideAt:
			// Wide, each fact has a column of its own.
			text = display.Row([]string{text, display.OneLine(c.Who), display.OneLine(c.Tone), display.OneLine(c.Volume)},
				[]int{min(max(m.width/3, 30), 60), 28, 12})
		case len(facts) > 0:
			text += " — " + strings.Join(facts, ", ")
		}
		tag := ""
		if f := missing([]string{"place", "who", "tone", "volume"}, []string{c.Place, c.Who, c.Tone, c.Volume}); f != "" {
			tag = "  " + f
		}
		if c.Surprise {
			return m.rowText(sel, m.ink.warn.Paint("! "), text, "  [surprise]"+tag)
		}
		return m.rowText(sel, "• ", text, tag)
	}, head, detail)
}

func (m *Model) expertsView(h int) []string {
	ex := m.sess.Listen.Experts
	summary := "Nobody named yet: a adds someone inside who already knows this ground."
	if len(ex) > 0 {
		summary = strconv.Itoa(len(ex)) + " people inside who already know the ground."
		if len(ex) == 1 {
			summary = "1 person inside who already knows the ground."
		}
	}
	head, detail := "", ""
	if m.exp < len(ex) {
		head, detail = "What "+display.OneLine(ex[m.exp].Name)+" knows:", string(ex[m.exp].Knows)
	}
	return m.listView(h, summary, len(ex), m.exp, &m.expTop, func(i int, sel bool) string {
		e := ex[i]
		text := display.OneLine(e.Name)
		if e.Department != "" {
			text += " (" + display.OneLine(e.Department) + ")"
		}
		if k := display.Lines(string(e.Knows))[0]; strings.TrimSpace(k) != "" {
			text += " — " + k
		}
		tag := ""
		if f := missing([]string{"name", "what they know"}, []string{e.Name, string(e.Knows)}); f != "" {
			tag = "  " + f
		}
		return m.rowText(sel, "• ", text, tag)
	}, head, detail)
}

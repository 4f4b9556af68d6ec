package present

import (
	"fmt"
	"strings"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/display"
	liveroom "github.com/roundtable/roundtable/ui/room"
	"github.com/roundtable/roundtable/ui/theme"
)

// View draws the step's title and the question for the room, the step's
// content below, and at the foot what the room should know of the view
// itself: that it is the last one, the facilitator having left.
func (m *Model) View() string {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		return ""
	}
	st := m.ctx.Styles
	if m.shown == nil {
		msg := "Reading the session…"
		switch {
		case m.gone:
			msg = "There is no session file at " + display.OneLine(m.path) + "."
		case m.readErr != nil:
			msg = "The session cannot be shown: " + display.OneLine(m.readErr.Error())
		}
		return display.FitBlock(strings.Join(display.Wrap(msg, w), "\n"), w, h)
	}
	head := m.head(w, h)
	foot := m.foot(w)
	if len(head)+len(foot) > h {
		foot = nil
	}
	bodyH := max(h-len(head)-len(foot), 0)
	r := room{st: st, ink: newInks(st), s: m.shown, w: w, h: bodyH, colour: m.colour}
	body := m.body(r)
	if len(body) > bodyH {
		body = body[:bodyH]
	}
	lines := append(head, body...)
	for len(lines) < h-len(foot) {
		lines = append(lines, "")
	}
	lines = append(lines, foot...)
	return display.FitBlock(strings.Join(lines, "\n"), w, h)
}

// head is the step's title, where it is in the workshop, and the question
// the facilitator is asking the room, given more room on a taller screen.
func (m *Model) head(w, h int) []string {
	st := m.ctx.Styles
	step, ok := m.currentStep()
	if !ok {
		return []string{display.Fit(st.Title.Render("This workshop has no steps."), w)}
	}
	title := display.OneLine(step.Title)
	if strings.TrimSpace(title) == "" {
		title = step.Kind.Label()
	}
	where := fmt.Sprintf("Step %d of %d", min(max(m.step, 0), len(m.shown.Workshop.Steps)-1)+1, len(m.shown.Workshop.Steps))
	if org := display.OneLine(m.shown.Meta.Organisation); org != "" {
		where = org + " · " + where
	}
	out := []string{spread(st.Title.Render(title), st.Muted.Render(where), w)}
	if len(step.Prompts) > 0 && h >= 8 {
		most := 1
		if h >= 20 {
			most = 2
		}
		if h >= 45 {
			most = 3
		}
		q := display.Wrap(display.OneLine(step.Prompts[0]), w)
		if len(q) > most {
			q = q[:most]
			q[most-1] = display.Fit(q[most-1]+" …", w)
		}
		for _, l := range q {
			out = append(out, st.Heading.Render(l))
		}
	}
	if h >= 16 {
		out = append(out, "")
	}
	return out
}

// foot says what the room should know about the view itself. It has room
// for more lines, such as how to join from a phone.
func (m *Model) foot(w int) []string {
	st := m.ctx.Styles
	var note string
	switch {
	case m.gone:
		note = "The session file is gone: this is the last view."
	case m.readErr != nil:
		note = "The session file cannot be read just now: this is the last view. " + display.OneLine(m.readErr.Error())
	case m.known && !m.facilitated && m.seen:
		note = "The facilitator's Roundtable has closed this session: this is the last view."
	case m.known && !m.facilitated:
		note = "Waiting for the facilitator to open this session: roundtable open " + store.Ref(m.path)
	}
	var out []string
	if note == "" {
		out = m.join(w)
	} else {
		out = []string{st.Muted.Render(display.Fit(note, w))}
	}
	return out
}

// join tells the room how to answer from their phones while the
// facilitator has the live room open: the address and the room code on a
// line, or on a tall screen the code in large digits beside the QR code of
// the address.
func (m *Model) join(w int) []string {
	if m.read == nil || m.known && !m.facilitated {
		return nil
	}
	st := m.ctx.Styles
	j := m.read.Projector.Join
	switch {
	case j.URL == "":
		return nil
	case j.Locked:
		return []string{st.Muted.Render(display.Fit("The live room takes nobody new just now.", w))}
	}
	url, code := display.OneLine(j.URL), display.OneLine(j.Code)
	line := []string{st.Heading.Render(display.Fit("Join from your phone at "+url+" · room code "+code, w))}
	if m.height < tallJoin || w < 100 {
		return line
	}
	if m.qrFor != j.URL {
		m.qr, m.qrFor = liveroom.QR(j.URL, m.dark), j.URL
	}
	qr := m.qr
	left := []string{st.Heading.Render("Join from your phone"), st.Text.Render(url), "", st.Muted.Render("room code")}
	for _, l := range bigText(code, 1) {
		left = append(left, st.Heading.Render(l))
	}
	if len(qr) == 0 || display.Width(qr[0])+bigWidth(code, 1)+4 > w {
		return line
	}
	out := make([]string, max(len(left), len(qr)))
	for i := range out {
		var l, q string
		if i < len(left) {
			l = left[i]
		}
		if i < len(qr) {
			q = qr[i]
		}
		out[i] = spread(l, q, w)
	}
	return out
}

// body is the step's content, or the item the facilitator put in focus.
func (m *Model) body(r room) []string {
	if r.h <= 0 {
		return nil
	}
	kind := m.stepKind()
	if f := r.s.Projector.Focus; f.Kind != model.FocusNone && f.Kind.Step() == kind {
		if i, ok := f.Find(r.s); ok {
			return r.focus(f.Kind, i)
		}
	}
	switch kind {
	case model.StepListen:
		return r.listen()
	case model.StepObjectives:
		return r.objectives()
	case model.StepRACI:
		return r.raci()
	case model.StepRisks:
		return r.risks(-1)
	case model.StepDrill:
		return r.drill(m)
	case model.StepAssessment:
		return r.assessment()
	case model.StepReview:
		return r.review()
	}
	return nil
}

// room is what a step's view is drawn with: the session and the space.
type room struct {
	st     *theme.Styles
	ink    inks
	s      *model.Session
	w, h   int
	colour bool
}

// inks paint the many small pieces of a view cheaply.
type inks struct {
	title, heading, text, muted, good, warn, bad, bar, barAlt theme.Ink
	letters                                                   theme.LetterInks
}

func newInks(st *theme.Styles) inks {
	return inks{
		title: theme.InkOf(st.Title), heading: theme.InkOf(st.Heading), text: theme.InkOf(st.Text),
		muted: theme.InkOf(st.Muted), good: theme.InkOf(st.Good), warn: theme.InkOf(st.Warn),
		bad: theme.InkOf(st.Bad), bar: theme.InkOf(st.Bar), barAlt: theme.InkOf(st.BarAlt),
		letters: st.LetterInks(),
	}
}

// spread puts left and right on one line of width, cutting left first.
func spread(left, right string, width int) string {
	rw := display.Width(right)
	if rw+2 > width {
		return display.Fit(left, width)
	}
	left = display.Fit(left, width-rw-2)
	return left + strings.Repeat(" ", max(width-display.Width(left)-rw, 2)) + right
}

// bar is n of most drawn in at most width cells of ch; any n above zero
// shows at least one cell.
func bar(n, most, width int, ch string) string {
	if n <= 0 || most <= 0 || width <= 0 {
		return ""
	}
	cells := min(n*width/most, width)
	return strings.Repeat(ch, max(cells, 1))
}

// wrapped wraps text to width, at most most lines, the last cut with "…".
func wrapped(text string, width, most int) []string {
	if most <= 0 {
		return nil
	}
	lines := display.Wrap(text, max(width, 1))
	if len(lines) > most {
		lines = lines[:most]
		lines[most-1] = display.Fit(lines[most-1]+" …", width)
	}
	return lines
}

// columns puts two blocks side by side, the left one gap cells wider than
// leftW.
func columns(left, right []string, leftW, gap int) []string {
	n := max(len(left), len(right))
	out := make([]string, n)
	for i := range n {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = display.Pad(l, leftW) + strings.Repeat(" ", gap) + r
	}
	return out
}

// more is the line saying how many of a list are not in view.
func (r room) more(n int, one, many string) string {
	return r.ink.muted.Paint(display.Fit("… "+display.Count(n, "more "+one, "more "+many), r.w))
}

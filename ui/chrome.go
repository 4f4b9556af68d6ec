package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/dialog"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/keys"
)

// header is the top of the screen: the program and session on the left,
// and on a step screen the step bar below.
func (a *App) header() string {
	st := a.ctx.Styles
	if a.active != stepScreen || a.open == nil {
		left := st.Title.Render("Roundtable")
		switch {
		case a.active == newSessionScreen:
			left += st.Muted.Render(" › new session")
		case a.active == openingScreen && a.opening != nil:
			left += st.Muted.Render(" › ") + st.Heading.Render(display.OneLine(a.opening.name()))
		}
		right := ""
		if a.opts.Version != "" {
			right = st.Muted.Render(display.OneLine(a.opts.Version))
		}
		return spread(left, right, a.width)
	}
	sess := a.open.sess
	n := len(sess.Workshop.Steps)
	cur := min(max(sess.Step, 0), max(n-1, 0))
	right := st.Heading.Render("No steps in this workshop")
	if n > 0 {
		where := st.Heading.Render(fmt.Sprintf("Step %d of %d", cur+1, n))
		// The step timer sits beside where the group is; on a narrow
		// terminal it says the same in fewer words.
		right = where + a.timer.View(false)
		if display.Width(right) > a.width/2 {
			right = where + a.timer.View(true)
		}
	}
	left := st.Title.Render("Roundtable") + st.Muted.Render(" › ") + st.Heading.Render(display.OneLine(sess.Meta.Title))
	return spread(left, right, a.width) + "\n" + a.stepBar(cur)
}

// stepBar lists every step with the current one marked. When the names do
// not fit they are shortened, and at last only the numbers around the
// current step are shown.
func (a *App) stepBar(cur int) string {
	steps := a.open.sess.Workshop.Steps
	if len(steps) == 0 {
		return ""
	}
	// The bar names each step by its kind; the step's own title heads the
	// page below, where there is room for it.
	names := make([]string, len(steps))
	for i, s := range steps {
		names[i] = display.OneLine(s.Kind.Label())
	}
	// Full names first, then shorter and shorter ones.
	for _, limit := range []int{0, 14, 10, 6, 3} {
		parts := make([]string, len(steps))
		width := 0
		for i, name := range names {
			if limit > 0 {
				name = display.Fit(name, limit)
			}
			parts[i] = strconv.Itoa(i+1) + " " + name
			width += display.Width(parts[i]) + 3
		}
		if width <= a.width {
			return a.renderBar(parts, cur, 0, len(parts))
		}
	}
	// Numbers only, scrolled so the current step stays in sight.
	parts := make([]string, len(steps))
	for i := range steps {
		parts[i] = strconv.Itoa(i + 1)
	}
	parts[cur] += " " + display.Fit(names[cur], max(a.width/3, 3))
	from, to := 0, len(parts)
	width := func() int {
		w := 4
		for _, p := range parts[from:to] {
			w += display.Width(p) + 3
		}
		return w
	}
	for width() > a.width && to-from > 1 {
		if cur-from > to-1-cur {
			from++
		} else {
			to--
		}
	}
	return a.renderBar(parts, cur, from, to)
}

func (a *App) renderBar(parts []string, cur, from, to int) string {
	st := a.ctx.Styles
	var b strings.Builder
	if from > 0 {
		b.WriteString(st.Muted.Render("‹ "))
	}
	for i := from; i < to; i++ {
		if i > from {
			b.WriteString(" ")
		}
		switch {
		case i == cur:
			// Brackets mark the step even without colour; a tick says it
			// is complete, as on the others.
			done := ""
			if a.stepComplete(i) {
				done = "✓"
			}
			b.WriteString(st.StepNow.Render("[" + parts[i] + done + "]"))
		case a.stepComplete(i):
			b.WriteString(st.StepDone.Render(" " + parts[i] + "✓"))
		default:
			b.WriteString(st.StepLater.Render(" " + parts[i] + " "))
		}
	}
	if to < len(parts) {
		b.WriteString(st.Muted.Render(" ›"))
	}
	return display.Fit(b.String(), a.width)
}

// statusLine says whether the work is safe: saved, saving, unsaved or
// read-only, and the last error until the next success.
func (a *App) statusLine() string {
	st := a.ctx.Styles
	state := ""
	if s := a.open; s != nil {
		switch {
		case s.readOnly:
			state = st.StatusBusy.Render("read-only")
		case s.saving:
			state = st.StatusBusy.Render("saving…")
		case s.unsaved():
			state = st.StatusBusy.Render("unsaved")
		default:
			state = st.StatusOK.Render("saved")
		}
		if p := a.projectorState(); p != "" {
			state = st.Muted.Render(p+" · ") + state
		}
	}
	room := a.width
	if state != "" {
		room = max(a.width-display.Width(state)-2, 0)
	}
	text := ""
	switch {
	case a.statusErr != nil:
		text = st.StatusErr.Render(errorLine(a.statusErr, room, a.typing()))
	case a.status != "":
		text = st.Text.Render(display.OneLine(a.status))
	}
	if state == "" {
		return display.Fit(text, a.width)
	}
	return spread(display.Fit(text, room), state, a.width)
}

// spread puts left and right on one line of width, cutting left first.
func spread(left, right string, width int) string {
	rw := display.Width(right)
	if rw >= width {
		return display.Fit(right, width)
	}
	left = display.Fit(left, width-rw-1)
	gap := width - display.Width(left) - rw
	return left + strings.Repeat(" ", max(gap, 1)) + right
}

// stepKeys is [ and ] on one line of the full help; timerHelp,
// projectorHelp (with A, which acts on a finding) and undoHelp pair keys
// the same way, so every key fits at 80×24.
var (
	stepKeys      = key.NewBinding(key.WithKeys("[", "]"), key.WithHelp("[ ]", "previous step, next step"))
	timerHelp     = key.NewBinding(key.WithKeys("t", "T"), key.WithHelp("t T", "start/pause timer, +5 min"))
	projectorHelp = key.NewBinding(key.WithKeys("F", "Z", "A"), key.WithHelp("F Z A", "projector; act on finding"))
	undoHelp      = key.NewBinding(key.WithKeys("u", "ctrl+r"), key.WithHelp("u", "undo, ctrl+r redo"))
)

// helpKeys joins the active screen's keys with the global ones.
type helpKeys struct {
	screen interface {
		ShortHelp() []key.Binding
		FullHelp() [][]key.Binding
	}
	app *App
}

func (h helpKeys) global() []key.Binding {
	k := keys.Keys
	if h.app.dialog != nil {
		return []key.Binding{k.ForceQ}
	}
	if t, ok := h.screen.(common.Typer); ok && t.Typing() {
		return []key.Binding{k.ForceQ}
	}
	bs := []key.Binding{}
	if h.app.roomShown() {
		// The panel has the keys: of the step's, only these still work.
		return []key.Binding{k.Undo, k.Redo, k.Export, k.Help, k.Quit}
	}
	if h.app.active == stepScreen && h.app.open != nil {
		// [ and ] share a line, so every key still fits at 80×24.
		bs = append(bs, stepKeys, k.Jump, k.Ask)
		if !h.readOnly() {
			bs = append(bs, k.Details, undoHelp)
		}
		bs = append(bs, k.Back, timerHelp, k.Export)
		if !h.readOnly() {
			bs = append(bs, roomKeys.Room, projectorHelp)
		}
	}
	if h.app.statusErr != nil {
		bs = append(bs, detailsKey)
	}
	return append(bs, k.Help, k.Quit)
}

// readOnly reports whether the keys are those of a session open read-only.
func (h helpKeys) readOnly() bool {
	return h.app.open != nil && h.app.open.readOnly && h.app.active == stepScreen && h.app.dialog == nil
}

// looking are the keys that only move, scroll, switch panes or filter:
// the ones a read-only session answers to on every screen.
var looking = map[string]bool{
	"up": true, "down": true, "left": true, "right": true, "h": true, "j": true, "k": true, "l": true,
	"tab": true, "shift+tab": true, "home": true, "end": true, "g": true, "G": true, "0": true, "$": true,
	"pgup": true, "pgdown": true, "b": true, "/": true, "esc": true,
}

// lookOnly keeps the bindings whose every key only looks around; a key
// that changes the session, or opens a form to, would only be refused.
func lookOnly(bs []key.Binding) []key.Binding {
	var out []key.Binding
	for _, b := range bs {
		keep := len(b.Keys()) > 0
		for _, k := range b.Keys() {
			keep = keep && looking[k]
		}
		if keep {
			out = append(out, b)
		}
	}
	return out
}

// screenShort is the active screen's short help, leaving out in a
// read-only session the keys that would change it.
func (h helpKeys) screenShort() []key.Binding {
	if h.readOnly() {
		return lookOnly(h.screen.ShortHelp())
	}
	return h.screen.ShortHelp()
}

func (h helpKeys) ShortHelp() []key.Binding {
	g := h.global()
	short := h.screenShort()
	if t, ok := h.screen.(common.Typer); ok && t.Typing() {
		// While a field or the screen's own box has the keys, the step
		// keys do nothing, so the help shows only what does.
		return append(short, g...)
	}
	if h.app.active == stepScreen && h.app.dialog == nil && !h.app.roomShown() {
		// The step keys lead: they are what a facilitator needs first.
		return append(append([]key.Binding{keys.Keys.PrevStep, keys.Keys.NextStep, keys.Keys.Back}, short...), keys.Keys.Help, keys.Keys.Quit)
	}
	return append(short, g...)
}

func (h helpKeys) FullHelp() [][]key.Binding {
	groups := h.screen.FullHelp()
	if h.readOnly() {
		kept := make([][]key.Binding, 0, len(groups))
		for _, g := range groups {
			if g = lookOnly(g); len(g) > 0 {
				kept = append(kept, g)
			}
		}
		groups = kept
	}
	return append(groups, h.global())
}

// stepComplete reports whether step i lacks nothing, as the rules found at
// the session's latest revision.
func (a *App) stepComplete(i int) bool {
	s := a.open
	return a.ctx.Latest.Checks(s.sess, s.rev).Complete(s.sess.Workshop.Steps[i].Kind)
}

// fullHelpView lays the key groups out as columns, side by side while the
// width allows and in further rows after that, so every key can be read at
// 80 columns. It takes at most maxLines lines; if the keys need more, the
// last line says how many are not shown.
func (a *App) fullHelpView(groups [][]key.Binding, maxLines int) string {
	st := a.ctx.Styles
	const gap = "   "
	type column struct {
		lines []string
		width int
	}
	var cols []column
	for _, g := range groups {
		var ks, ds []string
		for _, b := range g {
			if b.Enabled() {
				ks = append(ks, b.Help().Key)
				ds = append(ds, b.Help().Desc)
			}
		}
		if len(ks) == 0 {
			continue
		}
		kw := 0
		for _, k := range ks {
			kw = max(kw, display.Width(k))
		}
		kw = min(kw, a.width/2)
		c := column{}
		for i := range ks {
			line := st.Key.Render(display.Pad(display.Fit(ks[i], kw), kw)) + " " + st.Muted.Render(display.Fit(ds[i], max(a.width-kw-1, 0)))
			c.lines = append(c.lines, line)
			c.width = max(c.width, display.Width(line))
		}
		cols = append(cols, c)
	}

	var lines []string
	for len(cols) > 0 {
		// As many columns as fit beside each other, at least one.
		n, w := 1, cols[0].width
		for n < len(cols) && w+len(gap)+cols[n].width <= a.width {
			w += len(gap) + cols[n].width
			n++
		}
		height := 0
		for _, c := range cols[:n] {
			height = max(height, len(c.lines))
		}
		for i := range height {
			var b strings.Builder
			for j, c := range cols[:n] {
				if j > 0 {
					b.WriteString(gap)
				}
				cell := ""
				if i < len(c.lines) {
					cell = c.lines[i]
				}
				if j < n-1 {
					cell = display.Pad(cell, c.width)
				}
				b.WriteString(cell)
			}
			lines = append(lines, b.String())
		}
		cols = cols[n:]
	}
	if maxLines > 0 && len(lines) > maxLines {
		hidden := len(lines) - maxLines + 1
		lines = append(lines[:maxLines-1], st.Muted.Render(display.Fit(
			"… "+display.Count(hidden, "more line", "more lines")+": make the terminal taller to see every key", a.width)))
	}
	return strings.Join(lines, "\n")
}

// askTheRoom shows every question the workshop gives the facilitator for
// the current step; each screen's first line shows only the first.
func (a *App) askTheRoom() {
	step, ok := a.open.sess.CurrentStep()
	if !ok || len(step.Prompts) == 0 {
		a.setStatus("This step has no questions for the room in its workshop template.")
		return
	}
	var b strings.Builder
	for i, p := range step.Prompts {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%d. %s", i+1, display.OneLine(p))
	}
	a.dialog = dialog.New(a.ctx.Styles, "Ask the room — "+display.OneLine(step.Title), b.String(),
		dialog.Choice{Key: "p", Label: "Close"})
}

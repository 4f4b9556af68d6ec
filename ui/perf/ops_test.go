package perf

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
	"github.com/roundtable/roundtable/model/plan"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/home"
	"github.com/roundtable/roundtable/ui/newsession"
	"github.com/roundtable/roundtable/ui/review"
	"github.com/roundtable/roundtable/ui/steps"
	"github.com/roundtable/roundtable/ui/theme"
	"github.com/roundtable/roundtable/workshops"
)

func TestMain(m *testing.M) {
	// Colours as in a 256-colour terminal, whatever runs the tests: the
	// escapes are part of every frame's cost.
	lipgloss.SetColorProfile(termenv.ANSI256)
	code := m.Run()
	removeBinary()
	os.Exit(code)
}

// Screens are measured at a projector's size.
const width, height = 160, 45

// now is a fixed clock, so relative times draw the same every run.
var now = time.Date(2026, 3, 12, 11, 30, 0, 0, time.UTC)

func context() common.Context {
	return common.Context{Styles: theme.New(theme.Dark), Now: func() time.Time { return now }}
}

// op is one measured operation, set up once and then run again and again.
type op func(tb testing.TB) func()

// ops are the operations behind every budget but Startup, by budget name.
var ops = map[string]op{
	"Load":           loadOp,
	"Save":           saveOp,
	"Encode":         encodeOp,
	"RefuseHostile":  refuseHostileOp,
	"ExportMarkdown": func(testing.TB) func() { s := modeltest.Large(); return func() { plan.Markdown(s) } },
	"ExportCSV":      func(testing.TB) func() { s := modeltest.Large(); return func() { plan.CSVFiles(s) } },
	"RACIFindings":   func(testing.TB) func() { s := modeltest.Large(); return func() { s.RACI.Findings() } },
	"Progress":       func(testing.TB) func() { s := modeltest.Large(); return func() { s.Progress() } },

	"List":       listOp,
	"HomeView":   func(tb testing.TB) func() { m := homeScreen(tb); return func() { m.View() } },
	"HomeUpdate": homeUpdate,
	"HomeFilter": homeFilter,
	"NewSession": newSessionType,

	"ListenView":       stepView(model.StepListen, nil),
	"ListenUpdate":     stepMove(model.StepListen, nil, "j", "k", "tab"),
	"ObjectivesView":   stepView(model.StepObjectives, nil),
	"ObjectivesUpdate": stepMove(model.StepObjectives, nil, "j", "k"),
	"RACIView":         stepView(model.StepRACI, nil),
	"RACIUpdate":       stepMove(model.StepRACI, nil, "j", "k"),
	"RACIEdit":         raciEdit,
	"RisksView":        stepView(model.StepRisks, nil),
	"RisksUpdate":      stepMove(model.StepRisks, nil, "j", "k"),
	"RisksEdit":        risksEdit,
	"RisksMap":         stepMove(model.StepRisks, nil, "h", "l", "tab"),
	"RisksFilter":      stepType(model.StepRisks, "/"),
	"DrillSetUpView":   stepView(model.StepDrill, func(s *model.Session) { s.Drill.Runs = nil }, "Set up drill run 1"),
	"DrillView":        stepView(model.StepDrill, liveDrill, "PAUSED"),
	"DrillUpdate":      stepMove(model.StepDrill, liveDrill, "l", "h", "tab"),
	"DrillResultsView": stepView(model.StepDrill, nil, "Results of run 1", "First public acknowledgement"),
	"AssessmentView":   stepView(model.StepAssessment, nil),
	"AssessmentUpdate": stepMove(model.StepAssessment, nil, "j", "k"),
	"ReviewView":       stepView(model.StepReview, nil),
	"ReviewUpdate":     stepMove(model.StepReview, nil, "j", "k", "tab"),
	"ReviewPreview":    reviewPreview,
}

// reviewPreview is the review step's preview of the large plan, laid out,
// drawn and split into the pane's lines as its command does.
func reviewPreview(testing.TB) func() {
	s, st := modeltest.Large(), theme.New(theme.Dark)
	return func() {
		v := viewport.New(width, height)
		v.SetContent(review.Render(plan.Build(s), st, width))
	}
}

// liveDrill puts the large session's drill back on the clock, paused, so
// the drill step shows the live screen rather than the results.
func liveDrill(s *model.Session) { s.Drill.Runs[0].Ended = false }

func loadOp(tb testing.TB) func() {
	st := store.New(tb.TempDir())
	path, err := st.Create(modeltest.Large())
	if err != nil {
		tb.Fatal(err)
	}
	return func() {
		if _, _, err := store.Load(path); err != nil {
			tb.Fatal(err)
		}
	}
}

// refuseHostileOp decodes files that would take the TOML library seconds
// and gigabytes; each must be refused before it gets there.
func refuseHostileOp(tb testing.TB) func() {
	docs := [][]byte{
		[]byte("x = " + strings.Repeat("[", 100_000)),
		[]byte("x = " + strings.Repeat("{a=", 100_000)),
		[]byte(strings.Repeat("a.", 100_000) + "a = 1"),
		[]byte("[" + strings.Repeat("a.", 100_000) + "a]"),
	}
	return func() {
		for _, doc := range docs {
			if _, _, err := store.Decode(doc); err == nil {
				tb.Fatal("a hostile file was read")
			}
		}
	}
}

func saveOp(tb testing.TB) func() {
	st := store.New(tb.TempDir())
	sess := modeltest.Large()
	if _, err := st.Create(sess); err != nil {
		tb.Fatal(err)
	}
	h, err := st.Open(sess.ID, false)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { h.Close() })
	return func() {
		if err := h.Save(sess); err != nil {
			tb.Fatal(err)
		}
	}
}

func encodeOp(tb testing.TB) func() {
	s := modeltest.Large()
	return func() {
		if _, err := store.Encode(s); err != nil {
			tb.Fatal(err)
		}
	}
}

// fillStore writes the large session and 99 sample sessions of the default
// workshop, as a facilitator's laptop holds after a year of workshops.
func fillStore(tb testing.TB, st *store.Store) *model.Session {
	large := modeltest.Large()
	if _, err := st.Create(large); err != nil {
		tb.Fatal(err)
	}
	w, err := workshops.Load(tb.TempDir()).Get("default")
	if err != nil {
		tb.Fatal(err)
	}
	for i := range 99 {
		title := fmt.Sprintf("Quarterly review %d", i)
		when := now.Add(-time.Duration(i) * time.Hour)
		s := model.New(store.NewID(title, when), model.Meta{}, w)
		if err := workshops.Sample(s); err != nil {
			tb.Fatal(err)
		}
		s.Meta.Title, s.Meta.Created, s.Meta.Updated = title, when, when
		if _, err := st.Create(s); err != nil {
			tb.Fatal(err)
		}
	}
	return large
}

// homeScreen lists the sessions of fillStore, as the program does on start.
func homeScreen(tb testing.TB) *home.Model {
	st := store.New(tb.TempDir())
	fillStore(tb, st)
	m := home.New(context(), st, nil)
	m.SetSize(width, height)
	m.Update(m.Init()())
	if v := m.View(); !containsAll(v, "Quarterly review 0", "Acme social media roles") {
		tb.Fatalf("the home screen does not list the sessions:\n%s", v)
	}
	return m
}

// listOp lists the sessions of fillStore as a start does once the list has
// been read before: unchanged files come from the list's cache.
func listOp(tb testing.TB) func() {
	st := store.New(tb.TempDir())
	fillStore(tb, st)
	list := func() {
		entries, err := st.List()
		if err != nil || len(entries) != 100 {
			tb.Fatalf("listed %d sessions: %v", len(entries), err)
		}
	}
	list()
	return list
}

// homeFilter types a letter into the home screen's filter and takes it
// back, drawing the frame after each key.
func homeFilter(tb testing.TB) func() {
	m := homeScreen(tb)
	m.Update(key("/"))
	return typing(func(k tea.KeyMsg) string { m.Update(k); return m.View() })
}

// newSessionType types into the new-session form's title.
func newSessionType(tb testing.TB) func() {
	m := newsession.New(context(), workshops.Load(tb.TempDir()))
	m.SetSize(width, height)
	return typing(func(k tea.KeyMsg) string { m.Update(k); return m.View() })
}

// stepType types into a text field a step opens with keys, such as the risk
// register's filter.
func stepType(kind model.StepKind, keys ...string) op {
	return func(tb testing.TB) func() {
		r := newStepRig(tb, kind, nil, keys...)
		return typing(func(k tea.KeyMsg) string { r.m.Update(k); return r.m.View() })
	}
}

// typing presses a letter and backspace in turn, drawing after each.
func typing(press func(tea.KeyMsg) string) func() {
	letter, erase := key("o"), tea.KeyMsg{Type: tea.KeyBackspace}
	i := 0
	return func() {
		if i++; i%2 == 1 {
			press(letter)
		} else {
			press(erase)
		}
	}
}

func homeUpdate(tb testing.TB) func() {
	m := homeScreen(tb)
	down, up := tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyUp}
	i := 0
	return func() {
		if i++; i%2 == 1 {
			m.Update(down)
		} else {
			m.Update(up)
		}
		m.View()
	}
}

// stepRig is an open session on one step, driven as the root model drives
// it: keys to the step screen, edits applied with a copy kept for undo, and
// the new revision shown.
type stepRig struct {
	tb   testing.TB
	s    *model.Session
	m    *steps.Model
	rev  int
	undo *model.Session
}

func newStepRig(tb testing.TB, kind model.StepKind, prepare func(*model.Session), keys ...string) *stepRig {
	s := modeltest.Large()
	s.Step = -1
	for i, st := range s.Workshop.Steps {
		if st.Kind == kind {
			s.Step = i
		}
	}
	if s.Step < 0 {
		tb.Fatalf("the large session has no %s step", kind)
	}
	if prepare != nil {
		prepare(s)
	}
	r := &stepRig{tb: tb, s: s, rev: 1}
	r.m = steps.New(context(), s, r.rev)
	r.m.SetSize(width, height)
	for _, k := range keys {
		r.m.Update(key(k))
	}
	if r.m.View() == "" {
		tb.Fatalf("the %s step draws nothing", kind)
	}
	return r
}

// changed shows the session at a new revision.
func (r *stepRig) changed() {
	r.rev++
	r.m.SetSession(r.s, r.rev)
}

// edit presses a key that must change the session, and applies the change.
func (r *stepRig) edit(k tea.KeyMsg) {
	_, cmd := r.m.Update(k)
	if cmd == nil {
		r.tb.Fatalf("%v changed nothing", k)
	}
	e, ok := cmd().(common.EditMsg)
	if !ok {
		r.tb.Fatalf("%v did not change the session", k)
	}
	r.undo = r.s.Clone()
	e.Apply(r.s)
	r.changed()
}

// stepView draws the step after a change, so nothing cached is reused; the
// first frame must show want.
func stepView(kind model.StepKind, prepare func(*model.Session), want ...string) op {
	return func(tb testing.TB) func() {
		r := newStepRig(tb, kind, prepare)
		if v := r.m.View(); !containsAll(v, want...) {
			tb.Fatalf("the %s step does not show %q:\n%s", kind, want, v)
		}
		return func() {
			r.changed()
			r.m.View()
		}
	}
}

// stepMove moves the cursor on and back in turn, after keys that bring
// the screen to a list, and draws the frame after each move.
func stepMove(kind model.StepKind, prepare func(*model.Session), on, back string, keys ...string) op {
	return func(tb testing.TB) func() {
		r := newStepRig(tb, kind, prepare, keys...)
		down, up := key(on), key(back)
		before := r.m.View()
		r.m.Update(down)
		if r.m.View() == before {
			tb.Fatalf("%s does not move on the %s step", on, kind)
		}
		i := 0
		return func() {
			if i++; i%2 == 1 {
				r.m.Update(up)
			} else {
				r.m.Update(down)
			}
			r.m.View()
		}
	}
}

func raciEdit(tb testing.TB) func() {
	r := newStepRig(tb, model.StepRACI, nil)
	// The cursor's cell starts empty so every letter in turn is a change.
	r.s.RACI.Set(0, r.s.RACI.Roles[0].ID, "")
	r.changed()
	letters := []tea.KeyMsg{key("a"), key("r"), key("c"), key("x")}
	i := 0
	return func() {
		r.edit(letters[i%len(letters)])
		i++
		r.m.View()
	}
}

func risksEdit(tb testing.TB) func() {
	r := newStepRig(tb, model.StepRisks, nil)
	open, next, change := key("e"), key("tab"), key("right")
	save := tea.KeyMsg{Type: tea.KeyCtrlS}
	return func() {
		r.m.Update(open)
		r.m.Update(next)
		r.m.Update(change)
		r.edit(save)
		r.m.View()
	}
}

var namedKeys = map[string]tea.KeyType{"tab": tea.KeyTab, "down": tea.KeyDown, "up": tea.KeyUp, "right": tea.KeyRight}

func key(k string) tea.KeyMsg {
	if t, ok := namedKeys[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

func containsAll(s string, want ...string) bool {
	for _, w := range want {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

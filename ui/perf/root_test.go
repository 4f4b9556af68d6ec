package perf

import (
	"fmt"
	"maps"
	"runtime"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/workshops"
)

func init() {
	ops["RootRACIEdit"] = rootRACIEdit(200)
	ops["RootRACIEdit1000"] = rootRACIEdit(1000)
	for _, k := range model.StepKinds {
		ops["Root"+stepName(k)+"View"] = rootView(k)
	}
}

func BenchmarkRootRACIEdit(b *testing.B)       { bench(b, "RootRACIEdit") }
func BenchmarkRootRACIEdit1000(b *testing.B)   { bench(b, "RootRACIEdit1000") }
func BenchmarkRootListenView(b *testing.B)     { bench(b, "RootListenView") }
func BenchmarkRootObjectivesView(b *testing.B) { bench(b, "RootObjectivesView") }
func BenchmarkRootRACIView(b *testing.B)       { bench(b, "RootRACIView") }
func BenchmarkRootRisksView(b *testing.B)      { bench(b, "RootRisksView") }
func BenchmarkRootDrillView(b *testing.B)      { bench(b, "RootDrillView") }
func BenchmarkRootAssessmentView(b *testing.B) { bench(b, "RootAssessmentView") }
func BenchmarkRootReviewView(b *testing.B)     { bench(b, "RootReviewView") }

// stepName is a step's kind as a budget names it: "RACI", "Listen".
func stepName(k model.StepKind) string {
	if k == model.StepRACI {
		return "RACI"
	}
	return strings.ToUpper(string(k[:1])) + string(k[1:])
}

// rootRig is the program's root model with a session open, driven as the
// program drives it: a key goes in, the edit its command asks for comes
// back in, and the frame is drawn. The autosave ticks and saves it asks
// for are not run: they come after the keystroke.
type rootRig struct {
	tb  testing.TB
	app *ui.App
}

func newRootRig(tb testing.TB, s *model.Session) *rootRig {
	st := store.New(tb.TempDir())
	if _, err := st.Create(s); err != nil {
		tb.Fatal(err)
	}
	h, err := st.Open(s.ID, false)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { h.Close() })
	r := &rootRig{tb: tb, app: ui.New(ui.Options{Store: st, Workshops: workshops.Load(tb.TempDir()), Open: h}, context())}
	r.app.Update(r.app.Init()())
	r.app.Update(tea.WindowSizeMsg{Width: width, Height: height})
	if v := r.app.View(); !strings.Contains(v, s.Meta.Title) {
		tb.Fatalf("the session is not on screen:\n%s", v)
	}
	return r
}

// onStep opens the large session on its step of kind.
func onStep(tb testing.TB, s *model.Session, kind model.StepKind) *rootRig {
	s.Step = -1
	for i, st := range s.Workshop.Steps {
		if st.Kind == kind {
			s.Step = i
		}
	}
	if s.Step < 0 {
		tb.Fatalf("the session has no %s step", kind)
	}
	return newRootRig(tb, s)
}

// press sends a key and carries out the edit it asks for.
func (r *rootRig) press(k tea.KeyMsg) {
	_, cmd := r.app.Update(k)
	if cmd == nil {
		r.tb.Fatalf("%v did nothing", k)
	}
	e, ok := cmd().(common.EditMsg)
	if !ok {
		r.tb.Fatalf("%v changed nothing", k)
	}
	r.app.Update(e)
}

// rootRACIEdit sets letters in a cell of a grid of activities rows, each a
// change with its undo copy and rules checked, and draws the frame.
func rootRACIEdit(activities int) op {
	return func(tb testing.TB) func() {
		s := modeltest.Large()
		widen(s, activities)
		// The cursor's cell starts empty so every letter in turn is a change.
		s.RACI.Set(0, s.RACI.Roles[0].ID, "")
		r := onStep(tb, s, model.StepRACI)
		letters := []tea.KeyMsg{key("a"), key("r"), key("c"), key("x")}
		i := 0
		return func() {
			r.press(letters[i%len(letters)])
			i++
			r.app.View()
		}
	}
}

// widen makes the grid activities rows long, repeating the large
// session's rows.
func widen(s *model.Session, activities int) {
	rows := s.RACI.Activities
	for i := len(rows); i < activities; i++ {
		a := rows[i%len(rows)]
		a.Name = fmt.Sprintf("%s (%d)", a.Name, i/len(rows)+1)
		a.Cells = maps.Clone(a.Cells)
		s.RACI.Activities = append(s.RACI.Activities, a)
	}
}

// rootView draws the whole frame of the step of kind after a change, so
// nothing the screens and the step bar keep from the revision before is
// of use.
func rootView(kind model.StepKind) op {
	return func(tb testing.TB) func() {
		r := onStep(tb, modeltest.Large(), kind)
		i := 0
		return func() {
			i++
			r.app.Update(common.EditMsg{NoUndo: true, Apply: func(s *model.Session) { s.Meta.Facilitator = fmt.Sprint("Dana ", i%2) }})
			r.app.View()
		}
	}
}

// TestMemoryAfter250Edits makes 250 changes on the benchmark-sized session
// through the root model (letters in the RACI grid, risks retitled, votes
// counted), as a long workshop does, and holds the heap to 60 MiB at its
// fullest: undo keeps what each change touched, not a copy of everything.
func TestMemoryAfter250Edits(t *testing.T) {
	if testing.Short() {
		t.Skip("makes 250 edits on the large session")
	}
	r := onStep(t, modeltest.Large(), model.StepRACI)
	var peak uint64
	measure := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		peak = max(peak, m.HeapInuse)
	}
	letters := []model.Letter{model.Accountable, model.Responsible, model.Consulted, model.Informed}
	for i := range 250 {
		var e common.EditMsg
		switch i % 3 {
		case 0:
			e = common.EditMsg{Label: "letter", Apply: func(s *model.Session) { s.RACI.Set(i%50, s.RACI.Roles[i%30].ID, letters[i%4]) }}
		case 1:
			e = common.EditMsg{Label: "retitled", Apply: func(s *model.Session) { s.Risks[i].Title += "!" }}
		default:
			e = common.EditMsg{Label: "voted", Apply: func(s *model.Session) { s.Objectives.Items[0].Votes++ }}
		}
		r.app.Update(e)
		r.app.View()
		measure()
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	runtime.KeepAlive(r)
	t.Logf("heap in use at its fullest %.1f MiB, after a collection %.1f MiB; from the system %.1f MiB",
		float64(peak)/(1<<20), float64(m.HeapInuse)/(1<<20), float64(m.Sys)/(1<<20))
	if peak > 60<<20 {
		t.Errorf("250 edits took the heap to %.1f MiB, over 60 MiB", float64(peak)/(1<<20))
	}
}

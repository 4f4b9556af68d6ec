package perf

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/present"
)

func init() {
	ops["PresentRACIView"] = presentView(model.StepRACI, nil)
	ops["PresentRisksView"] = presentView(model.StepRisks, nil)
	ops["PresentDrillTick"] = presentView(model.StepDrill, func(s *model.Session) {
		run := &s.Drill.Runs[0]
		run.Ended = false
		run.Speed = 12
		run.StartClock(now.Add(-time.Minute), 600)
	})
}

func BenchmarkPresentRACIView(b *testing.B)  { bench(b, "PresentRACIView") }
func BenchmarkPresentRisksView(b *testing.B) { bench(b, "PresentRisksView") }
func BenchmarkPresentDrillTick(b *testing.B) { bench(b, "PresentDrillTick") }

// presentView is the room's view of the large session's step of kind,
// read from its file as `roundtable present` reads it, and one frame.
func presentView(kind model.StepKind, prepare func(*model.Session)) op {
	return func(tb testing.TB) func() {
		s := modeltest.Large()
		for i, st := range s.Workshop.Steps {
			if st.Kind == kind {
				s.Step = i
			}
		}
		if prepare != nil {
			prepare(s)
		}
		path, err := store.New(tb.TempDir()).Create(s)
		if err != nil {
			tb.Fatal(err)
		}
		m := present.New(context(), path)
		tb.Cleanup(m.Close)
		m.Update(tea.WindowSizeMsg{Width: width, Height: height})
		// The first read, the watch and the look at the lock, as the
		// program gets them; the watch's wait for a change is not run.
		for _, cmd := range m.Init()().(tea.BatchMsg) {
			m.Update(cmd())
		}
		if m.View() == "" {
			tb.Fatal("the room's view draws nothing")
		}
		return func() { m.View() }
	}
}

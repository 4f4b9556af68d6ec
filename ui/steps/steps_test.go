package steps

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/theme"
)

func init() { lipgloss.SetColorProfile(termenv.Ascii) }

func testContext() common.Context {
	return common.Context{Styles: theme.New(theme.Dark), Now: func() time.Time { return time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC) }}
}

// allKinds is a session whose workshop has one step of every kind.
func allKinds(s *model.Session) *model.Session {
	s.Workshop.Steps = nil
	for _, k := range model.StepKinds {
		s.Workshop.Steps = append(s.Workshop.Steps, model.Step{Kind: k, Title: string(k), Prompts: []string{"What do we know about " + string(k) + "?"}})
	}
	return s
}

func TestEveryStepShowsItsDataAndWhatIsMissing(t *testing.T) {
	s := allKinds(modeltest.Large())
	s.Risks[0] = model.Risk{Title: "Customer data leak", Likelihood: 5, Impact: 5, Status: model.RiskOpen}
	s.Listen.Inventory = append(s.Listen.Inventory, model.Conversation{Place: "Reddit thread", Surprise: true})
	m := New(testContext(), s, 1)
	m.SetSize(120, 40)
	want := map[model.StepKind][]string{
		model.StepListen:     {"Show of hands", "Reddit thread", "[surprise: we did not know]"},
		model.StepObjectives: {"Objectives, by votes"},
		model.StepRACI:       {fmt.Sprintf("%d activities × %d roles", len(s.RACI.Activities), len(s.RACI.Roles))},
		model.StepRisks:      {"Risk register", "likelihood", "25 critical Customer data leak", "[no owner, no mitigation]"},
		model.StepDrill:      {"Crisis drill runs"},
		model.StepAssessment: {"Self-assessment"},
		model.StepReview:     {"Where we stand", "Action items"},
	}
	for i, k := range model.StepKinds {
		s.Step = i
		m.SetSession(s, i+2)
		view := ansi.Strip(m.View())
		if !strings.Contains(view, "What do we know about "+string(k)) {
			t.Errorf("%s: the prompt is not shown:\n%s", k, view)
		}
		if miss := s.Missing(k); len(miss) > 0 && !strings.Contains(view, "Still missing: "+miss[0]) {
			t.Errorf("%s: %q is missing but not shown:\n%s", k, miss[0], view)
		}
		for _, w := range want[k] {
			if !strings.Contains(view, w) && !strings.Contains(strings.Join(m.pageLines(), "\n"), w) {
				t.Errorf("%s: %q is not on the page", k, w)
			}
		}
	}
}

func TestScrollingMovesThePage(t *testing.T) {
	s := allKinds(modeltest.Large())
	s.Step = 3
	m := New(testContext(), s, 1)
	m.SetSize(80, 20)
	before := ansi.Strip(m.View())
	m.Update(tea.KeyMsg{Type: tea.KeyPgDown})
	if after := ansi.Strip(m.View()); after == before {
		t.Fatal("page down did not move the risk register")
	}
}

func (m *Model) pageLines() []string {
	m.refresh()
	var out []string
	for i := 0; i < m.view.TotalLineCount(); i += max(m.view.Height, 1) {
		m.view.SetYOffset(i)
		out = append(out, ansi.Strip(m.view.View()))
	}
	m.view.SetYOffset(0)
	return out
}

func TestRandomSessionsNeverBreakTheLayout(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 30; n++ {
		s := allKinds(modeltest.Random(r))
		m := New(testContext(), s, 1)
		for _, size := range [][2]int{{20, 3}, {40, 12}, {80, 24}, {200, 60}} {
			m.SetSize(size[0], size[1])
			for i := range s.Workshop.Steps {
				s.Step = i
				m.SetSession(s, n*100+i+size[0])
				for li, l := range strings.Split(m.View(), "\n") {
					if w := ansi.StringWidth(l); w > size[0] {
						t.Fatalf("session %d step %d at %v: line %d is %d wide", n, i, size, li, w)
					}
				}
			}
		}
	}
}

// BenchmarkStepView measures a frame of each step of the large session
// after a key press: the page is cached, so only the window is drawn.
func BenchmarkStepView(b *testing.B) {
	s := allKinds(modeltest.Large())
	for i, k := range model.StepKinds {
		b.Run(string(k), func(b *testing.B) {
			s.Step = i
			m := New(testContext(), s, 1)
			m.SetSize(160, 45)
			m.View()
			down := tea.KeyMsg{Type: tea.KeyDown}
			b.ResetTimer()
			for n := 0; n < b.N; n++ {
				m.Update(down)
				_ = m.View()
			}
		})
	}
}

// BenchmarkStepChange measures a frame after a change to the session: the
// page of the step is built again.
func BenchmarkStepChange(b *testing.B) {
	s := allKinds(modeltest.Large())
	for i, k := range model.StepKinds {
		b.Run(string(k), func(b *testing.B) {
			s.Step = i
			m := New(testContext(), s, 1)
			m.SetSize(160, 45)
			for n := 0; n < b.N; n++ {
				m.SetSession(s, n+2)
				_ = m.View()
			}
		})
	}
}

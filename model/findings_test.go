package model

import (
	"strings"
	"testing"
	"time"
)

// findingSession is a small workshop with every step, a grid in which
// "cio" is accountable for two activities and "pr" for one, and nothing
// else filled in.
func findingSession() *Session {
	s := &Session{Workshop: Workshop{Steps: []Step{{Kind: StepObjectives}, {Kind: StepRACI}, {Kind: StepRisks}, {Kind: StepDrill}, {Kind: StepReview}},
		Drill: DrillCatalogue{
			Duties:    []Duty{{ID: "spokesperson", Name: "Spokesperson"}, {ID: "web", Name: "Web operations"}},
			Scenarios: []Scenario{{ID: "leak", Title: "Data leak", Injects: []Inject{{Text: "A first angry post"}, {Text: "The press calls\nabout it"}}}},
		}}}
	s.RACI = grid("cio pr hr", row{"Choose tools", "tools", "AR."}, row{"Run the blog", "content", ".AR"}, row{"Pay licences", "tools", "AR."})
	return s
}

// TestEachFindingProposesAnOwnedDatedAction checks, per kind of finding,
// what the room is offered: the words, the owner role, the step and the
// due date counted from today.
func TestEachFindingProposesAnOwnedDatedAction(t *testing.T) {
	today := time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		setup   func(*Session)
		step    StepKind
		key     string
		message string
		action  string
		owner   string
		due     string
	}{
		{"an activity nobody answers for goes to the lead role", func(s *Session) {
			s.RACI.Set(1, "pr", "")
		}, StepRACI, `raci:no accountable:Run the blog:`, `Nobody is accountable for "Run the blog"`,
			`Agree which one role answers for "Run the blog", and give it the A.`, "cio", "2026-12-08"},
		{"two accountable roles are settled by the lead role", func(s *Session) {
			s.RACI.Set(1, "hr", Accountable)
			s.RACI.Set(1, "cio", Responsible)
		}, StepRACI, `raci:many accountable:Run the blog:`, `"Run the blog" has 2 accountable roles`,
			`Settle which one of PR and HR answers for "Run the blog", and keep one A.`, "cio", "2026-12-08"},
		{"an activity nobody does goes to its accountable role", func(s *Session) {
			s.RACI.Set(1, "hr", "")
		}, StepRACI, `raci:no responsible:Run the blog:`, `Nobody is responsible for doing "Run the blog"`,
			`Name the role that does "Run the blog", and give it an R.`, "pr", "2026-12-08"},
		{"a role accountable without a say acts itself", func(s *Session) {
			s.RACI.Set(2, "cio", Responsible)
			s.RACI.Set(2, "hr", Accountable)
			s.RACI.Set(0, "hr", "")
		}, StepRACI, `raci:accountability without ownership:Pay licences:hr`, `HR is accountable for "Pay licences"`,
			`Give HR a say in the other tools activities, or move the A on "Pay licences".`, "hr", "2026-12-08"},
		{"a serious risk without an owner goes to the lead role", func(s *Session) {
			s.Risks = []Risk{{Title: "Data leak", Likelihood: 4, Impact: 5, Mitigation: "Encrypt", Review: "2027-01-01", Status: RiskOpen}}
		}, StepRisks, "risk:no owner:Data leak", `The critical risk "Data leak" has no owner.`,
			`Name the role that owns the risk "Data leak".`, "cio", "2026-12-08"},
		{"a serious risk without a mitigation goes to its owner", func(s *Session) {
			s.Risks = []Risk{{Title: "Outage", Likelihood: 3, Impact: 4, Owner: "hr", Review: "2027-01-01"}}
		}, StepRisks, "risk:no mitigation:Outage", `The high risk "Outage" has no mitigation.`,
			`Write and agree a mitigation for the risk "Outage".`, "hr", "2026-12-08"},
		{"an open risk without a review date is reviewed within a week", func(s *Session) {
			s.Risks = []Risk{{Title: "Rumour", Likelihood: 1, Impact: 2, Owner: "pr"}}
		}, StepRisks, "risk:no review date:Rumour", `The risk "Rumour" has no review date.`,
			`Set a date to review the risk "Rumour".`, "pr", "2026-12-01"},
		{"an objective without a sponsor goes to the lead role", func(s *Session) {
			s.Objectives.Items = []Objective{{Title: "Listen", Metric: "mentions", Target: "100"}}
		}, StepObjectives, "objective:no sponsor:Listen", `The objective "Listen" has no sponsor.`,
			`Find a business sponsor with a budget for "Listen".`, "cio", "2026-12-08"},
		{"an objective without a metric too", func(s *Session) {
			s.Objectives.Items = []Objective{{Title: "Listen", Sponsor: "Ann", Target: "100"}}
		}, StepObjectives, "objective:no metric:Listen", `The objective "Listen" has no metric.`,
			`Agree the metric that shows whether "Listen" works.`, "cio", "2026-12-08"},
		{"a drill duty without a backup goes to the role that holds it", func(s *Session) {
			s.Drill.Runs = []DrillRun{{Scenario: "leak", Assignments: []DutyAssignment{{Duty: "spokesperson", Role: "pr", Backup: "hr"}, {Duty: "web", Role: "cio"}}}}
		}, StepDrill, "drill:no backup:web", `The drill duty Web operations has no backup: CIO stands alone.`,
			`Name a backup for the drill duty Web operations, who stands in when CIO cannot.`, "cio", "2026-12-08"},
		{"an inject left unanswered goes to the spokesperson", func(s *Session) {
			s.Drill.Runs = []DrillRun{{Scenario: "leak", Ended: true, Assignments: []DutyAssignment{{Duty: "spokesperson", Role: "pr", Backup: "hr"}},
				Injects:  []InjectState{{Index: 0, Status: InjectReleased, At: 60}, {Index: 1, Status: InjectReleased, At: 120}},
				Messages: []Message{{At: 90, Audience: "customers", Text: "We hear you", Inject: 0}}}}
		}, StepDrill, "drill:unanswered:leak:2", `Nobody answered inject 2 of the drill "Data leak" (The press calls about it).`,
			`Prepare the company's answer to inject 2 of the drill "Data leak" (The press calls about it), which the drill left unanswered.`, "pr", "2026-12-24"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := findingSession()
			tt.setup(s)
			found := s.FindingsOf(tt.step)
			var f OpenFinding
			for _, g := range found {
				if g.Key == tt.key {
					f = g
				}
			}
			if f.Key == "" {
				t.Fatalf("no finding %q among %+v", tt.key, found)
			}
			if !strings.HasPrefix(f.Message, tt.message) {
				t.Errorf("message %q, want it to start %q", f.Message, tt.message)
			}
			a := f.Propose(today)
			want := ActionItem{Text: Text(tt.action), Owner: tt.owner, Due: tt.due, Source: tt.step, Status: ActionOpen, Finding: tt.key}
			if a.Text != want.Text || a.Owner != want.Owner || a.Due != want.Due || a.Source != want.Source || a.Status != want.Status || a.Finding != want.Finding {
				t.Errorf("proposed\n %+v\nwant\n %+v", a, want)
			}
		})
	}
}

// A finding is followed up once any action, even a dropped one, answers it:
// it leaves the review's list, and the others stay in the workshop's order.
func TestAnActionKeptForAFindingTakesItOffTheList(t *testing.T) {
	s := findingSession()
	s.Objectives.Items = []Objective{{Title: "Listen"}}
	s.Risks = []Risk{{Title: "Rumour", Likelihood: 1, Impact: 2, Owner: "pr"}}
	all := s.Findings()
	if len(all) != 3 || all[0].Step != StepObjectives || all[2].Step != StepRisks {
		t.Fatalf("findings %+v", all)
	}
	if got := len(s.Unfollowed()); got != 3 {
		t.Fatalf("%d unfollowed, want 3", got)
	}
	kept := all[2].Propose(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	kept.Status = ActionDropped
	s.Actions = append(s.Actions, kept)
	left := s.Unfollowed()
	if len(left) != 2 || left[0].Key != all[0].Key || left[1].Key != all[1].Key {
		t.Fatalf("left %+v", left)
	}
	if i, ok := s.ActionFor(all[2].Key); !ok || i != 0 {
		t.Errorf("ActionFor = %d, %v", i, ok)
	}
	if _, ok := s.ActionFor(""); ok {
		t.Error("an action written by hand answers no finding")
	}
}

func TestTheLeadRoleAnswersForMostOfTheGrid(t *testing.T) {
	m := grid("a b c", row{"1", "", "RA."}, row{"2", "", "RA."}, row{"3", "", "A.."})
	if got := m.LeadRole(); got != "b" {
		t.Errorf("lead role %q, want b (two A, before a's one)", got)
	}
	m = grid("a b", row{"1", "", "AA"}, row{"2", "", "AA"})
	if got := m.LeadRole(); got != "a" {
		t.Errorf("on a tie the grid's first role leads, got %q", got)
	}
	if got := grid("a", row{"1", "", "R"}).LeadRole(); got != "" {
		t.Errorf("nobody accountable, lead %q", got)
	}
}

func TestPickPrefersAFindingWithoutAction(t *testing.T) {
	s := findingSession()
	s.Objectives.Items = []Objective{{Title: "Listen"}}
	fs := s.FindingsOf(StepObjectives)
	if f, ok := s.Pick(fs); !ok || f.Key != fs[0].Key {
		t.Fatalf("picked %+v", f)
	}
	s.AddAction(fs[0].Propose(time.Now()))
	if f, ok := s.Pick(fs); !ok || f.Key != fs[1].Key {
		t.Errorf("picked %q, want the finding without an action", f.Key)
	}
	s.AddAction(fs[1].Propose(time.Now()))
	if f, ok := s.Pick(fs); !ok || f.Key != fs[0].Key {
		t.Errorf("with every finding answered, picked %q", f.Key)
	}
	if _, ok := s.Pick(nil); ok {
		t.Error("picked from nothing")
	}
}

package model

import (
	"slices"
	"testing"
)

// finished returns a session in which every step of a full workshop is
// complete; each test case breaks one thing.
func finished() *Session {
	w := Workshop{Name: "full"}
	for _, k := range StepKinds {
		w.Steps = append(w.Steps, Step{Kind: k, Title: map[StepKind]string{
			StepListen: "Listen", StepObjectives: "Objectives", StepRACI: "Who owns what",
			StepRisks: "Risks", StepDrill: "Crisis drill", StepAssessment: "Self-assessment", StepReview: "Review",
		}[k]})
	}
	w.Assessment.Practices = []Practice{{ID: "p1", Title: "Know the business's needs"}, {ID: "p2", Title: "Prepare for the long haul"}}
	s := New("s1", Meta{Title: "Acme"}, w)
	s.Listen = Listen{
		Poll:      []PollRow{{Platform: "LinkedIn", Reads: 12, Creates: 3}, {Platform: "Forums"}},
		Inventory: []Conversation{{Place: "Product forum", Who: "customers"}},
		Experts:   []Expert{{Name: "Priya Shah", Department: "Support"}},
	}
	s.Objectives = Objectives{
		Items: []Objective{{Title: "Support customers", Sponsor: "Head of support", Metric: "forum answers within a day", Target: "80%"}},
		Model: "hub-and-spoke",
	}
	s.RACI = grid("it mkt", row{"Run the forum", "plumbing", "AR"}, row{"Write posts", "content", "RA"})
	for i := range s.RACI.Roles {
		s.RACI.Roles[i].Person = "Person " + s.RACI.Roles[i].ID
		s.RACI.Roles[i].Backup = "Backup " + s.RACI.Roles[i].ID
	}
	s.Risks = []Risk{
		{Title: "Site falls over during a promotion", Likelihood: 4, Impact: 5, Owner: "it", Mitigation: "Load test first"},
		{Title: "Off-message post", Likelihood: 2, Impact: 2},
	}
	s.Drill.Runs = []DrillRun{{Scenario: "outage", Ended: true, Review: AfterAction{WentWell: "Fast first post", Failed: "Call centre not told"}}}
	s.Assessment = []Rating{{Practice: "p1", IT: 3, Business: 4}, {Practice: "p2", IT: 5, Business: 1}}
	s.Actions = []ActionItem{{Text: "Write the fire-drill page", Owner: "mkt", Due: "2026-05-01", Source: StepDrill}}
	return s
}

func TestMissing(t *testing.T) {
	tests := []struct {
		name    string
		kind    StepKind
		breakIt func(s *Session)
		want    []string
	}{
		{"listen complete", StepListen, func(*Session) {}, nil},
		{"listen empty", StepListen, func(s *Session) { s.Listen = Listen{} },
			[]string{"no conversations in the inventory yet", "no internal experts named"}},
		{"poll unanswered", StepListen, func(s *Session) { s.Listen.Poll[0].Reads, s.Listen.Poll[0].Creates = 0, 0 },
			[]string{"the poll has no answers yet"}},
		{"a poll row with only creators is answered", StepListen, func(s *Session) { s.Listen.Poll[0].Reads = 0 }, nil},
		{"blank entries do not count", StepListen, func(s *Session) {
			s.Listen.Inventory[0].Place = "  "
			s.Listen.Experts[0].Name = ""
		}, []string{"no conversations in the inventory yet", "no internal experts named"}},

		{"objectives complete", StepObjectives, func(*Session) {}, nil},
		{"no objectives", StepObjectives, func(s *Session) { s.Objectives = Objectives{} },
			[]string{"no objectives yet", "the organisational model is not chosen"}},
		{"objectives lacking parts", StepObjectives, func(s *Session) {
			s.Objectives.Items = append(s.Objectives.Items, Objective{Title: "Listen"}, Objective{Title: "Talk", Sponsor: "CEO", Target: "10"})
		}, []string{"1 objective without a sponsor", "2 objectives without a metric", "1 objective without a target"}},

		{"RACI complete", StepRACI, func(*Session) {}, nil},
		{"empty grid", StepRACI, func(s *Session) { s.RACI = RACIMatrix{} },
			[]string{"no activities in the grid yet", "no roles in the grid yet"}},
		{"roles but no activities", StepRACI, func(s *Session) { s.RACI.Activities = nil },
			[]string{"no activities in the grid yet"}},
		{"every finding kind counted", StepRACI, func(s *Session) {
			s.RACI = grid("it mkt pr legal hr cs ops",
				row{"Keep the site up", "campaign", "AR....."},
				row{"Plan the promotion", "campaign", ".A.R..."},
				row{"Answer critics", "", "AACCCC."},
				row{"Approve posts", "", ".A.R..."},
				row{"Moderate", "", ".AR...."},
				row{"Report", "", "..I...."},
				row{"Budget", "", "...R..."},
			)
			s.RACI.Roles[0].Person = "Sam"
		}, []string{
			"2 activities without an accountable role",
			"1 activity with more than one accountable role",
			"2 activities without a responsible role",
			"1 activity consulting more than 3 roles",
			"1 case of accountability without ownership",
			"1 role with no letter anywhere",
			"1 role accountable for too many activities",
			"6 roles without a person",
			"7 roles without a backup",
		}},
		{"a missing backup", StepRACI, func(s *Session) { s.RACI.Roles[1].Backup = " " },
			[]string{"1 role without a backup"}},

		{"risks complete", StepRisks, func(*Session) {}, nil},
		{"no risks", StepRisks, func(s *Session) { s.Risks = nil }, []string{"no risks in the register yet"}},
		{"risks unscored and unowned", StepRisks, func(s *Session) {
			s.Risks = append(s.Risks,
				Risk{Title: "a"}, Risk{Title: "b", Likelihood: 3},
				Risk{Title: "c", Likelihood: 5, Impact: 5, Owner: "it"},
				Risk{Title: "d", Likelihood: 4, Impact: 3},
				Risk{Title: "e", Likelihood: 1, Impact: 2, Owner: "gone"},
				Risk{Title: "closed", Status: RiskClosed, Likelihood: 5, Impact: 5, Owner: "gone"},
			)
		}, []string{
			"2 risks not scored",
			"1 high risk without an owner",
			"2 high risks without a mitigation",
			"1 risk owned by a role no longer in the RACI grid",
		}},

		{"drill complete", StepDrill, func(*Session) {}, nil},
		{"no drill", StepDrill, func(s *Session) { s.Drill = Drill{} }, []string{"no drill run yet"}},
		// The plan reports the finished run, so a rerun just started,
		// even by mistake, does not undo the step.
		{"a rerun just started", StepDrill, func(s *Session) { s.Drill.Runs = append(s.Drill.Runs, DrillRun{Scenario: "leak"}) }, nil},
		{"a rerun finished without a hot wash", StepDrill, func(s *Session) {
			s.Drill.Runs = append(s.Drill.Runs, DrillRun{Scenario: "leak", Ended: true, Messages: []Message{{Text: "We are aware."}}})
		}, []string{"no after-action review"}},
		{"a rerun the room chose, still going", StepDrill, func(s *Session) {
			s.Drill.Runs = append(s.Drill.Runs, DrillRun{Scenario: "leak", Log: []LogEntry{{Kind: LogDecision, Text: "Call legal"}}})
			s.Drill.Report = 2
		}, []string{"the drill has not ended", "no after-action review"}},
		{"only an empty run", StepDrill, func(s *Session) { s.Drill.Runs = []DrillRun{{Scenario: "leak"}} },
			[]string{"the drill has not ended", "no after-action review"}},
		{"half a review", StepDrill, func(s *Session) { s.Drill.Runs[0].Review.Failed = "" },
			[]string{"the after-action review does not say what failed"}},
		{"the other half", StepDrill, func(s *Session) { s.Drill.Runs[0].Review.WentWell = "\n" },
			[]string{"the after-action review does not say what went well"}},

		{"assessment complete", StepAssessment, func(*Session) {}, nil},
		{"assessment unrated", StepAssessment, func(s *Session) {
			s.Assessment = append(s.Assessment, Rating{Practice: "p3"}, Rating{Practice: "p4", IT: 2}, Rating{Practice: "p5", IT: 9, Business: 3})
		}, []string{"2 practices not rated by IT", "2 practices not rated by the business"}},

		{"a workshop with no practices has nothing to rate", StepAssessment, func(s *Session) { s.Assessment = nil }, nil},

		{"review complete", StepReview, func(*Session) {}, nil},
		{"review gathers every step", StepReview, func(s *Session) {
			s.Listen.Experts = nil
			s.RACI.Roles[0].Backup = ""
			s.Drill.Runs[0].Ended = false
		}, []string{
			"Listen: no internal experts named",
			"Who owns what: 1 role without a backup",
			"Crisis drill: the drill has not ended",
		}},
		{"review checks open actions", StepReview, func(s *Session) {
			s.Actions = append(s.Actions,
				ActionItem{Text: "a"}, ActionItem{Text: "b", Owner: " ", Due: "2026-06-01"},
				ActionItem{Text: "c", Owner: "gone", Due: "2026-06-01"},
				ActionItem{Text: "done", Status: ActionDone}, ActionItem{Text: "dropped", Status: ActionDropped},
			)
		}, []string{
			"2 action items without an owner",
			"1 action item owned by a role no longer in the RACI grid",
			"1 action item without a due date",
		}},
		{"an unknown step lacks nothing", StepKind("poetry"), func(*Session) {}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := finished()
			tt.breakIt(s)
			got := s.Missing(tt.kind)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Missing(%s) =\n%q\nwant\n%q", tt.kind, got, tt.want)
			}
			if s.Complete(tt.kind) != (len(tt.want) == 0) {
				t.Errorf("Complete(%s) = %v with %d lines missing", tt.kind, s.Complete(tt.kind), len(tt.want))
			}
		})
	}
}

func TestProgress(t *testing.T) {
	s := finished()
	if done, total := s.Progress(); done != 7 || total != 7 {
		t.Errorf("finished session progress %d/%d, want 7/7", done, total)
	}
	s.Risks[0].Owner = ""
	if done, total := s.Progress(); done != 5 || total != 7 {
		t.Errorf("with an unowned high risk progress %d/%d, want 5/7 (risks and review open)", done, total)
	}
	s.Workshop.Steps = s.Workshop.Steps[:2]
	if done, total := s.Progress(); done != 2 || total != 2 {
		t.Errorf("two-step workshop progress %d/%d, want 2/2", done, total)
	}
	fresh := New("s2", Meta{}, finished().Workshop)
	if done, total := fresh.Progress(); done != 0 || total != 7 {
		t.Errorf("new session progress %d/%d, want 0/7", done, total)
	}
}

func TestRoleName(t *testing.T) {
	s := finished()
	s.RACI.Roles = append(s.RACI.Roles, Role{ID: "nameless"})
	for id, want := range map[string]string{"": "", "it": "IT", "gone": "gone", "nameless": "nameless"} {
		if got := s.RoleName(id); got != want {
			t.Errorf("RoleName(%q) = %q, want %q", id, got, want)
		}
	}
}

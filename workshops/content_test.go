package workshops

import (
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/roundtable/roundtable/assets"
	"github.com/roundtable/roundtable/model"
)

// builtIn returns a built-in template as the catalog serves it, failing the
// test when it is missing or broken.
func builtIn(t *testing.T, name string) model.Workshop {
	t.Helper()
	w, err := Load(t.TempDir()).Get(name)
	if err != nil {
		t.Fatalf("the built-in workshop %q cannot be used: %v", name, err)
	}
	return w
}

func TestBuiltInWorkshopsHaveNoProblems(t *testing.T) {
	for _, name := range []string{Default, SelfAssessment} {
		data, err := assets.Workshops.ReadFile("workshops/" + name + ".toml")
		if err != nil {
			t.Fatal(err)
		}
		if problems := Validate(name+".toml", data); len(problems) > 0 {
			t.Errorf("the built-in %q has problems:\n%v", name, problems)
		}
		if w := builtIn(t, name); w.Name != name {
			t.Errorf("the file %s.toml is named %q inside", name, w.Name)
		}
	}
}

func kinds(w model.Workshop) []model.StepKind {
	out := make([]model.StepKind, len(w.Steps))
	for i, st := range w.Steps {
		out[i] = st.Kind
	}
	return out
}

// The facilitator reads each step's prompts aloud and keeps to the timebox.
func TestDefaultStepsFitTwoHours(t *testing.T) {
	w := builtIn(t, Default)
	want := []model.StepKind{model.StepListen, model.StepObjectives, model.StepRACI, model.StepRisks, model.StepDrill, model.StepReview}
	if got := kinds(w); !slices.Equal(got, want) {
		t.Fatalf("steps %v, want %v", got, want)
	}
	total := 0
	for _, st := range w.Steps {
		total += st.Timebox
		if st.Timebox <= 0 {
			t.Errorf("the step %q has no timebox", st.Title)
		}
		if n := len(st.Prompts); n < 3 || n > 6 {
			t.Errorf("the step %q has %d prompts, want 3 to 6", st.Title, n)
		}
	}
	if total < 110 || total > 130 {
		t.Errorf("the timeboxes add up to %d minutes, want about 120", total)
	}
}

func TestDefaultCatalogues(t *testing.T) {
	w := builtIn(t, Default)
	var objectives []string
	for _, o := range w.Objectives.Objectives {
		objectives = append(objectives, o.Source+":"+o.ID)
	}
	for _, want := range []string{
		"Groundswell:listen", "Groundswell:talk", "Groundswell:energise", "Groundswell:support", "Groundswell:embrace",
		"Executive briefing:engage-employees", "Executive briefing:engage-customers",
		"Executive briefing:follow-industry-change", "Executive briefing:capture-innovation",
	} {
		if !slices.Contains(objectives, want) {
			t.Errorf("the objective %s is missing; have %v", want, objectives)
		}
	}
	var models []string
	for _, m := range w.Objectives.Models {
		models = append(models, m.ID)
	}
	if want := []string{"organic", "centralised", "hub-and-spoke", "multiple-hub-and-spoke", "holistic"}; !slices.Equal(models, want) {
		t.Errorf("organisational models %v, want %v", models, want)
	}
	if w.Objectives.VotesPerParticipant != 3 {
		t.Errorf("votes per participant %d, want 3", w.Objectives.VotesPerParticipant)
	}
	for _, v := range []string{"customers", "employees", "press", "critics", "partners"} {
		if !slices.Contains(w.Listen.Voices, v) {
			t.Errorf("the voice %q is missing", v)
		}
	}
	if len(w.Listen.Platforms) < 8 || len(w.Listen.Places) < 5 {
		t.Errorf("%d platforms and %d places; the poll and inventory need more", len(w.Listen.Platforms), len(w.Listen.Places))
	}
	if len(w.Risks.Catalogue) < 20 {
		t.Errorf("%d risks in the catalogue; the seeds give at least 20", len(w.Risks.Catalogue))
	}
	cells := map[[2]int]int{}
	for _, r := range w.Risks.Catalogue {
		if r.Likelihood < 1 || r.Impact < 1 || r.Owner == "" || strings.TrimSpace(string(r.Mitigation)) == "" {
			t.Errorf("the risk %q lacks a score, an owner or a mitigation", r.Title)
		}
		cells[[2]int{r.Likelihood, r.Impact}]++
	}
	if len(cells) < 10 {
		t.Errorf("the risks fall on only %d squares of the heat map; spread them", len(cells))
	}
}

// The suggested letters are the one-key starting point: applied to an
// empty grid they must break no RACI rule.
func TestSuggestedRACIBreaksNoRule(t *testing.T) {
	for _, name := range []string{Default, SelfAssessment} {
		w := builtIn(t, name)
		s := model.New("x", model.Meta{Title: "x"}, w)
		if n := s.RACI.ApplySuggested(w.RACI.Activities); n == 0 {
			t.Fatalf("%s: the suggestion filled no cell", name)
		}
		for _, f := range s.RACI.Findings() {
			t.Errorf("%s: the suggested grid breaks a rule: %s", name, f.Message)
		}
		keys := 0
		for _, a := range w.RACI.Activities {
			if a.Key {
				keys++
			}
		}
		if keys < 5 {
			t.Errorf("%s: only %d key activities for the executive summary", name, keys)
		}
	}
}

func TestDefaultKeyActivitiesCoverTheSummary(t *testing.T) {
	w := builtIn(t, Default)
	areas := map[string]bool{}
	for _, a := range w.RACI.Activities {
		if a.Key {
			areas[a.Area] = true
		}
	}
	for _, area := range []string{"strategy", "content", "plumbing", "support", "cost", "crisis", "policy"} {
		if !areas[area] {
			t.Errorf("no key activity in the area %q", area)
		}
	}
}

func TestDefaultDrillScenarios(t *testing.T) {
	w := builtIn(t, Default)
	var ids []string
	for _, sc := range w.Drill.Scenarios {
		ids = append(ids, sc.ID)
		if sc.Minutes < 30 || sc.Minutes > 60 {
			t.Errorf("the scenario %q lasts %d minutes, want 30 to 60", sc.ID, sc.Minutes)
		}
		if len(sc.Injects) < 6 {
			t.Errorf("the scenario %q has %d injects, want at least 6", sc.ID, len(sc.Injects))
			continue
		}
		first, last := sc.Injects[0].Minute, sc.Injects[len(sc.Injects)-1].Minute
		if first != 0 || last-first < 30 {
			t.Errorf("the injects of %q run from minute %d to %d; start at 0 and span at least 30 minutes", sc.ID, first, last)
		}
		for i, in := range sc.Injects {
			if in.Channel == "" || in.Speaker == "" || in.Text == "" || in.Good == "" {
				t.Errorf("inject %d of %q lacks a channel, speaker, text or good response", i+1, sc.ID)
			}
		}
	}
	for _, want := range []string{"data-leak", "product-failure", "outage", "viral-complaint", "launch-surge", "employee-leak"} {
		if !slices.Contains(ids, want) {
			t.Errorf("the scenario %q is missing; have %v", want, ids)
		}
	}
}

func checklistIDs(w model.Workshop) []string {
	var ids []string
	for _, c := range w.Drill.Checklist {
		ids = append(ids, c.ID)
	}
	return ids
}

// The grader pre-ticks these items by ID, so the order and spelling matter.
func TestDrillChecklistFollowsTheFireDrill(t *testing.T) {
	want := []string{
		model.CheckAcknowledge, model.CheckSpokesperson, model.CheckSources, model.CheckCompassion,
		model.CheckPlan, model.CheckResponsePage, model.CheckCoordinate,
	}
	for _, name := range []string{Default, SelfAssessment} {
		w := builtIn(t, name)
		if got := checklistIDs(w); !slices.Equal(got, want) {
			t.Errorf("%s: checklist %v, want %v", name, got, want)
		}
		if len(w.Drill.Duties) == 0 || w.Drill.Duties[0].ID != model.SpokespersonDuty {
			t.Errorf("%s: the spokesperson is not the first duty", name)
		}
		if !slices.Equal(w.Drill.Audiences, []string{"employees", "customers", "press", "partners"}) {
			t.Errorf("%s: audiences %v", name, w.Drill.Audiences)
		}
	}
	var duties []string
	for _, d := range builtIn(t, Default).Drill.Duties {
		duties = append(duties, d.ID)
	}
	if want := []string{"spokesperson", "incident-lead", "web-ops", "call-centre", "legal", "hr"}; !slices.Equal(duties, want) {
		t.Errorf("duties %v, want %v", duties, want)
	}
}

func TestSelfAssessmentIsShort(t *testing.T) {
	w := builtIn(t, SelfAssessment)
	want := []model.StepKind{model.StepAssessment, model.StepRACI, model.StepDrill, model.StepReview}
	if got := kinds(w); !slices.Equal(got, want) {
		t.Errorf("steps %v, want %v", got, want)
	}
	if n := len(w.Assessment.Practices); n != 11 {
		t.Errorf("%d practices, want the seed's eleven", n)
	}
	for _, p := range w.Assessment.Practices {
		if p.Title == "" || strings.TrimSpace(string(p.Explanation)) == "" {
			t.Errorf("the practice %q lacks a title or an explanation", p.ID)
		}
	}
	if n := len(w.Drill.Scenarios); n < 1 || n > 2 {
		t.Errorf("%d scenarios, want one or two", n)
	}
	for _, sc := range w.Drill.Scenarios {
		if sc.Minutes != 15 {
			t.Errorf("the scenario %q lasts %d minutes, want 15", sc.ID, sc.Minutes)
		}
	}
	if len(w.RACI.Roles) > 6 || len(w.RACI.Activities) > 8 {
		t.Errorf("%d roles and %d activities: too many for a quick check", len(w.RACI.Roles), len(w.RACI.Activities))
	}
}

// Each phrase stands for a point of the source articles; if an edit drops
// one, the workshop has lost part of what it teaches.
func TestDefaultKeepsTheSeedsPoints(t *testing.T) {
	// Re-encoded from the decoded template, so that a phrase found only in
	// a comment does not count: the room never sees comments.
	var b strings.Builder
	if err := toml.NewEncoder(&b).Encode(builtIn(t, Default)); err != nil {
		t.Fatal(err)
	}
	text := strings.ToLower(b.String())
	points := map[string]string{
		"alignment: scalability":                "cannot scale",
		"alignment: overlapping vendors":        "same service",
		"alignment: downstream data":            "joined up later",
		"alignment: hidden total cost":          "total cost",
		"alignment: third party without an SLA": "service level agreement",
		"challenge: chicken and egg":            "chicken and egg",
		"challenge: ownership policy":           "owns content",
		"challenge: fluid information flow":     "fluid information flow",
		"challenge: employee responsibility":    "disclosure policy",
		"challenge: crisis management":          "crisis game plan",
		"challenge: influence vs control":       "instead of influencing",
		"fire drill: respected person":          "respected person",
		"fire drill: compassion":                "compassion",
		"fire drill: internal response page":    "response page",
		"fire drill: clam up and get flamed":    "flamed",
		"fire drill: press release":             "press release",
		"fire drill: own turf":                  "own turf",
		"fire drill: no hold on blogs":          "not an option",
		"fire drill: same message everywhere":   "say the same thing",
		"practice 1: IT anticipates needs":      "before it is asked",
		"practice 2: who runs and who pays":     "who pays",
		"practice 3: trusted communicators":     "communication job",
		"practice 4: a place before a crisis":   "before any crisis",
		"practice 5: coordinate all channels":   "corporate library",
		"practice 6: IT backs process and tech": "fits the task",
		"practice 7: rehearse crisis plans":     "rehearse it twice a year",
		"practice 7: roles not names":           "roles, not names",
		"practice 8: active, measured content":  "web analytics",
		"practice 9: concepts not page counts":  "not only page counts",
		"practice 10: ready for negativity":     "thicker skin",
		"practice 11: the long haul":            "takes months",
		"fire drill: cite the sources":          "cite the sources",
		"leaders: HR as a stakeholder":          "human resources",
		"practitioners: privacy":                "privacy",
		"practitioners: SaaS around IT":         "around it",
		"practitioners: integration pulls IT":   "integration pulls it in late",
		"practitioners: dotted-line team":       "dotted line",
		"practitioners: chief social media":     "chief social media officer",
		"practitioners: legacy budgets":         "legacy",
		"CIO: accountability without ownership": "has no say in",
		"CIO: surge capacity":                   "days before a launch",
		"CIO: propensity models":                "propensity",
		"CIO: turf wars":                        "turf wars",
		"CIO: partnership":                      "partnership",
		"leaders: relationship ownership":       "owns each relationship",
		"leaders: business sponsor budget":      "holds the budget",
		"leaders: risk aversion":                "risk aversion",
		"leaders: social engineering":           "social engineering",
		"leaders: ROI":                          "return on investment",
		"briefing: show of hands":               "show of hands",
		"briefing: United Breaks Guitars":       "united breaks guitars",
		"briefing: listen first":                "we listen",
		"briefing: internal experts":            "internal experts",
		"briefing: surprises":                   "surprised you",
		"briefing: POST, technology last":       "technology comes last",
		"RACI: who gets fired":                  "who gets fired",
		"RACI: plumbing and content":            "it owns the plumbing",
		"RACI: who pays":                        "who pays",
	}
	for point, phrase := range points {
		if !strings.Contains(text, phrase) {
			t.Errorf("the default workshop lost the point %q (looked for %q)", point, phrase)
		}
	}
}

// A newcomer opens the sample and finds every step finished, except the
// one RACI finding the default sample keeps on purpose to show the rule.
func TestSampleFinishesEveryStep(t *testing.T) {
	for _, tt := range []struct {
		workshop string
		findings []model.FindingKind
	}{
		{Default, []model.FindingKind{model.AccountabilityWithoutOwnership}},
		{SelfAssessment, nil},
	} {
		t.Run(tt.workshop, func(t *testing.T) {
			w := builtIn(t, tt.workshop)
			s := model.New("sample", model.Meta{Title: "Sample"}, w)
			if err := Sample(s); err != nil {
				t.Fatal(err)
			}
			var got []model.FindingKind
			for _, f := range s.RACI.Findings() {
				got = append(got, f.Kind)
			}
			if !slices.Equal(got, tt.findings) {
				t.Errorf("RACI findings %v, want %v", s.RACI.Findings(), tt.findings)
			}
			raci := s.Missing(model.StepRACI)
			if len(tt.findings) != len(raci) {
				t.Errorf("the RACI step reports %q", raci)
			}
			for _, st := range w.Steps {
				missing := s.Missing(st.Kind)
				switch st.Kind {
				case model.StepRACI:
					continue
				case model.StepReview:
					var want []string
					for _, m := range raci {
						want = append(want, w.Steps[slices.Index(kinds(w), model.StepRACI)].Title+": "+m)
					}
					if !slices.Equal(missing, want) {
						t.Errorf("the review step reports %q, want %q", missing, want)
					}
				default:
					if len(missing) > 0 {
						t.Errorf("the step %q still lacks %q", st.Title, missing)
					}
				}
			}
			checkSampleMatchesTemplate(t, s, w)
		})
	}
}

// checkSampleMatchesTemplate catches a sample that drifted from its
// template: a renamed platform or activity would leave rows the room never
// sees in the template.
func checkSampleMatchesTemplate(t *testing.T, s *model.Session, w model.Workshop) {
	t.Helper()
	var polled []string
	for _, p := range s.Listen.Poll {
		polled = append(polled, p.Platform)
		if p.Creates > p.Reads || p.Reads > len(s.Participants) {
			t.Errorf("the poll row %q has %d readers and %d creators for %d people", p.Platform, p.Reads, p.Creates, len(s.Participants))
		}
	}
	if !slices.Equal(polled, w.Listen.Platforms) {
		t.Errorf("the sample polls %v, the template lists %v", polled, w.Listen.Platforms)
	}
	var names, want []string
	for _, a := range s.RACI.Activities {
		names = append(names, a.Name)
	}
	for _, a := range w.RACI.Activities {
		want = append(want, a.Name)
	}
	if !slices.Equal(names, want) {
		t.Errorf("the sample's activities %v differ from the template's %v", names, want)
	}
	var roles, wantRoles []string
	for _, r := range s.RACI.Roles {
		roles = append(roles, r.ID)
	}
	for _, r := range w.RACI.Roles {
		wantRoles = append(wantRoles, r.ID)
	}
	if !slices.Equal(roles, wantRoles) {
		t.Errorf("the sample's roles %v differ from the template's %v", roles, wantRoles)
	}
	people := map[string]bool{}
	for _, p := range s.Participants {
		people[p.Name] = true
	}
	votes := 0
	for _, o := range s.Objectives.Items {
		votes += o.Votes
		if !people[o.Sponsor] {
			t.Errorf("the sponsor %q of %q is not in the room", o.Sponsor, o.Title)
		}
	}
	if limit := len(s.Participants) * s.Objectives.VotesPerParticipant; votes > limit {
		t.Errorf("%d votes cast, but the room has only %d", votes, limit)
	}
	for _, run := range s.Drill.Runs {
		sc, ok := w.Drill.ScenarioByID(run.Scenario)
		if !ok {
			t.Errorf("the drill run rehearses %q, which the template lacks", run.Scenario)
			continue
		}
		f := run.Figures(sc, w.Drill)
		if !f.Acked || f.Arrived != len(sc.Injects) {
			t.Errorf("the finished run acknowledged=%v with %d of %d injects", f.Acked, f.Arrived, len(sc.Injects))
		}
		for _, a := range run.Assignments {
			if _, ok := s.RACI.RoleByID(a.Role); !ok {
				t.Errorf("the duty %q goes to the unknown role %q", a.Duty, a.Role)
			}
		}
		for _, id := range checklistIDs(w) {
			if _, ok := run.Checklist[id]; !ok {
				t.Errorf("the run's checklist has no verdict on %q", id)
			}
		}
	}
	if n := len(s.Actions); n < 3 {
		t.Errorf("the sample has only %d actions", n)
	}
}

// A user template may replace the built-in default; the sample still
// comes with the template its answers were written for.
func TestSampleKeepsItsOwnTemplateWhenOverridden(t *testing.T) {
	dir := t.TempDir()
	writeTemplate(t, dir, "default.toml", strings.Replace(readFixture(t), `name = "mini"`, `name = "default"`, 1))
	w, err := Load(dir).Get(Default)
	if err != nil {
		t.Fatal(err)
	}
	if w.Title != "Mini workshop" {
		t.Fatalf("the user's default was not used: %q", w.Title)
	}
	s := model.New("sample", model.Meta{Title: "Sample"}, w)
	if err := Sample(s); err != nil {
		t.Fatal(err)
	}
	if s.Workshop.Title == "Mini workshop" || len(s.Workshop.Drill.Scenarios) < 6 {
		t.Errorf("the sample session uses %q, not the built-in template its answers fit", s.Workshop.Title)
	}
	checkSampleMatchesTemplate(t, s, s.Workshop)
}

// The default sample is what a newcomer explores first: each step shows
// the rule it teaches at work, and the names hold together across steps.
func TestDefaultSampleIsCoherent(t *testing.T) {
	w := builtIn(t, Default)
	s := model.New("sample", model.Meta{Title: "Sample"}, w)
	if err := Sample(s); err != nil {
		t.Fatal(err)
	}
	surprises := 0
	for _, c := range s.Listen.Inventory {
		if c.Surprise {
			surprises++
		}
	}
	if surprises == 0 || len(s.Listen.Experts) < 2 {
		t.Errorf("%d surprises and %d experts; the listening step shows neither", surprises, len(s.Listen.Experts))
	}
	if n := len(s.Objectives.Items); n != 4 {
		t.Errorf("%d objectives, want 4", n)
	}
	for _, o := range s.Objectives.Items {
		if m := o.Missing(); len(m) > 0 || o.Due == "" {
			t.Errorf("the objective %q lacks %v or a date", o.Title, m)
		}
	}
	if !slices.ContainsFunc(w.Objectives.Models, func(m model.OrgModel) bool { return m.ID == s.Objectives.Model }) {
		t.Errorf("the organisational model %q is not in the catalogue", s.Objectives.Model)
	}
	roles := map[string]bool{}
	for _, r := range s.RACI.Roles {
		roles[r.ID] = true
		if r.Person == "" || r.Backup == "" || r.Person == r.Backup {
			t.Errorf("the role %q has person %q and backup %q", r.ID, r.Person, r.Backup)
		}
	}
	bands := map[model.Band]int{}
	for _, r := range s.Risks {
		bands[r.Band()]++
		if !roles[r.Owner] {
			t.Errorf("the risk %q is owned by %q, which is not a RACI role", r.Title, r.Owner)
		}
		if len(r.Flags()) > 0 || r.Treatment == "" || r.Review == "" || r.ResidualScore() == 0 {
			t.Errorf("the risk %q is not fully worked: flags %v, treatment %q, review %q, residual %d", r.Title, r.Flags(), r.Treatment, r.Review, r.ResidualScore())
		}
	}
	if len(s.Risks) < 12 {
		t.Errorf("%d risks, want a dozen", len(s.Risks))
	}
	for _, b := range []model.Band{model.BandLow, model.BandMedium, model.BandHigh, model.BandCritical} {
		if bands[b] == 0 {
			t.Errorf("no risk in the %s band; the heat map should show every band", b)
		}
	}
	if len(s.Drill.Runs) == 0 {
		t.Fatal("no drill run")
	}
	run := s.Drill.Runs[len(s.Drill.Runs)-1]
	if !run.Ended || len(run.Log) < 3 || len(run.Messages) < 3 || run.Review.WentWell == "" || run.Review.Failed == "" {
		t.Errorf("the drill is not finished with a log, messages and a review: %+v", run)
	}
	for _, m := range run.Messages {
		if !roles[m.Sender] || !slices.Contains(w.Drill.Audiences, m.Audience) || !slices.Contains(w.Drill.Phases, m.Phase) {
			t.Errorf("the message at %ds has sender %q, audience %q, phase %q outside the template", m.At, m.Sender, m.Audience, m.Phase)
		}
	}
	for _, a := range s.Actions {
		if !roles[a.Owner] || a.Due == "" || !a.Source.Valid() {
			t.Errorf("the action %q has owner %q, due %q, source %q", a.Text, a.Owner, a.Due, a.Source)
		}
	}
}

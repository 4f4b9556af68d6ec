package modeltest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/roundtable/roundtable/model"
)

// Large returns the same big, realistic session every time: 25 participants,
// 1,000 risks, 200 RACI activities across 30 roles, a 60-minute drill with a
// log entry about every 20 seconds and 40 checked messages, and a workshop
// copy with several scenarios. Every performance budget is measured on it.
func Large() *model.Session {
	r := rand.New(rand.NewPCG(2026, 11))
	l := large{r}
	created := time.Date(2026, 3, 12, 8, 30, 0, 0, time.UTC)
	w := l.workshop()
	s := model.New("acme-social-media-roles-7f3k", model.Meta{
		Title:        "Acme social media roles",
		Organisation: "Acme Industrial Supplies",
		Facilitator:  "Dana Whitfield",
		Date:         "2026-03-12",
		Created:      created,
		Updated:      created.Add(3 * time.Hour),
	}, w)
	s.Step = 4

	departments := []string{"IT", "Marketing", "Customer support", "Legal", "HR", "Communications", "Sales", "Finance"}
	for i := range 25 {
		s.Participants = append(s.Participants, model.Participant{
			Name:       fmt.Sprintf("%s %s", firstNames[i%len(firstNames)], lastNames[(i*7)%len(lastNames)]),
			Department: departments[i%len(departments)],
			RoleTitle:  fmt.Sprintf("Head of %s", strings.ToLower(departments[(i+3)%len(departments)])),
		})
	}

	for i := range s.Listen.Poll {
		s.Listen.Poll[i].Reads = r.IntN(26)
		s.Listen.Poll[i].Creates = r.IntN(s.Listen.Poll[i].Reads + 1)
	}
	for i := range 30 {
		s.Listen.Inventory = append(s.Listen.Inventory, model.Conversation{
			Place:    fmt.Sprintf("%s: %s", w.Listen.Places[i%len(w.Listen.Places)], l.phrase(3)),
			Who:      w.Listen.Voices[i%len(w.Listen.Voices)],
			Tone:     []string{"positive", "mixed", "negative"}[r.IntN(3)],
			Volume:   []string{"low", "medium", "high"}[r.IntN(3)],
			Surprise: r.IntN(4) == 0,
			Notes:    l.paragraph(2),
		})
	}
	for i := range 8 {
		s.Listen.Experts = append(s.Listen.Experts, model.Expert{
			Name:       s.Participants[i*3].Name,
			Department: s.Participants[i*3].Department,
			Knows:      l.paragraph(1),
		})
	}

	for i, c := range w.Objectives.Objectives {
		s.Objectives.Items = append(s.Objectives.Items, model.Objective{
			Title:      c.Title,
			Catalogue:  c.ID,
			Audience:   l.phrase(4),
			Strategy:   l.paragraph(3),
			Technology: "company blog and community forum",
			Sponsor:    s.Participants[i].Name,
			Metric:     "share of questions answered within a day",
			Target:     fmt.Sprintf("%d%%", 60+5*i),
			Due:        "2026-09-30",
			Votes:      r.IntN(30),
			Notes:      l.paragraph(1),
		})
	}
	s.Objectives.Model = "hub-and-spoke"

	for i := range s.RACI.Roles {
		s.RACI.Roles[i].Person = s.Participants[i%len(s.Participants)].Name
		s.RACI.Roles[i].Backup = s.Participants[(i+5)%len(s.Participants)].Name
	}
	// A realistic row has one A, one or two R, a few C and I, and most
	// roles blank.
	for i := range s.RACI.Activities {
		cells := map[string]model.Letter{}
		roles := r.Perm(len(s.RACI.Roles))
		cells[s.RACI.Roles[roles[0]].ID] = model.Accountable
		for _, k := range roles[1 : 2+r.IntN(2)] {
			cells[s.RACI.Roles[k].ID] = model.Responsible
		}
		for _, k := range roles[3 : 5+r.IntN(3)] {
			cells[s.RACI.Roles[k].ID] = model.Consulted
		}
		for _, k := range roles[8 : 10+r.IntN(5)] {
			cells[s.RACI.Roles[k].ID] = model.Informed
		}
		s.RACI.Activities[i].Cells = cells
	}

	treatments := []model.Treatment{model.Mitigate, model.Accept, model.Transfer, model.Avoid}
	statuses := []model.RiskStatus{model.RiskOpen, model.RiskInProgress, model.RiskClosed}
	for i := range s.Risks {
		rk := &s.Risks[i]
		rk.Owner = s.RACI.Roles[r.IntN(len(s.RACI.Roles))].ID
		rk.Treatment = treatments[r.IntN(len(treatments))]
		rk.ResidualLikelihood = 1 + r.IntN(rk.Likelihood)
		rk.ResidualImpact = 1 + r.IntN(rk.Impact)
		rk.Status = statuses[r.IntN(len(statuses))]
		rk.Review = fmt.Sprintf("2026-%02d-%02d", 4+r.IntN(9), 1+r.IntN(28))
		rk.Notes = l.paragraph(1)
	}

	sc := w.Drill.Scenarios[0]
	run := model.DrillRun{Scenario: sc.ID, Speed: 1, Clock: 3600, Ended: true, Checklist: map[string]model.Check{}}
	for i, d := range w.Drill.Duties {
		run.Assignments = append(run.Assignments, model.DutyAssignment{
			Duty: d.ID, Role: s.RACI.Roles[i].ID, Backup: s.RACI.Roles[i+10].ID,
		})
	}
	for i, inj := range sc.Injects {
		run.Injects = append(run.Injects, model.InjectState{Index: i, Status: model.InjectReleased, At: inj.Minute * 60})
	}
	for at := 15; at < 3600; at += 15 + r.IntN(10) {
		kind := model.LogNote
		if r.IntN(3) == 0 {
			kind = model.LogDecision
		}
		run.Log = append(run.Log, model.LogEntry{At: at, Kind: kind, Text: l.paragraph(1), Inject: at / 60 / 5 % len(sc.Injects)})
	}
	for i := range 40 {
		checks := map[string]model.Check{}
		for _, c := range w.Drill.Checklist {
			checks[c.ID] = model.Check{Met: r.IntN(3) > 0, Confirmed: r.IntN(2) == 0, Why: l.phrase(6)}
		}
		run.Messages = append(run.Messages, model.Message{
			At:       90 * (i + 1),
			Audience: w.Drill.Audiences[i%len(w.Drill.Audiences)],
			Phase:    w.Drill.Phases[i*len(w.Drill.Phases)/40],
			Sender:   s.RACI.Roles[i%3].ID,
			Text:     l.paragraph(3),
			Inject:   i % len(sc.Injects),
			Checks:   checks,
		})
	}
	for _, c := range w.Drill.Checklist {
		run.Checklist[c.ID] = model.Check{Met: r.IntN(2) == 0, Confirmed: true, Why: l.phrase(5)}
	}
	run.Review = model.AfterAction{WentWell: l.paragraph(4), Failed: l.paragraph(4)}
	s.Drill.Runs = []model.DrillRun{run}

	for i := range s.Assessment {
		s.Assessment[i].IT = 1 + r.IntN(5)
		s.Assessment[i].Business = 1 + r.IntN(5)
		s.Assessment[i].Notes = l.paragraph(1)
	}
	for i := range 60 {
		s.Actions = append(s.Actions, model.ActionItem{
			ID:     i + 1,
			Text:   l.paragraph(1),
			Owner:  s.RACI.Roles[i%len(s.RACI.Roles)].ID,
			Due:    fmt.Sprintf("2026-%02d-15", 4+i%9),
			Source: model.StepKinds[i%len(model.StepKinds)],
			Status: model.ActionStatuses[i%len(model.ActionStatuses)],
		})
	}
	return s
}

type large struct{ r *rand.Rand }

var (
	firstNames = []string{"Amira", "Ben", "Chloé", "Dmitri", "Esther", "Farid", "Grace", "Hiroshi", "Ines", "Jonas",
		"Kalani", "Lena", "Mateo", "Nadia", "Olu", "Priya", "Quentin", "Rosa", "Sven", "Tomasz"}
	lastNames = []string{"Adeyemi", "Bauer", "Castillo", "Dubois", "Eriksen", "Fischer", "García", "Haddad",
		"Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "O'Brien"}
	vocabulary = strings.Fields(`customers employees press partners critics forum blog review post reply
		complaint launch outage recall policy archive account password moderation escalation legal approval
		spokesperson backup owner budget metric target weekly monthly community wiki video channel tone
		volume response apology plan update status page call centre website marketing support security`)
)

func (l large) phrase(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = vocabulary[l.r.IntN(len(vocabulary))]
	}
	return strings.Join(ws, " ")
}

// paragraph is n sentences over two or three lines, as people type them.
func (l large) paragraph(n int) model.Text {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			if i%2 == 0 {
				b.WriteString("\n")
			} else {
				b.WriteString(" ")
			}
		}
		s := l.phrase(6 + l.r.IntN(10))
		b.WriteString(strings.ToUpper(s[:1]) + s[1:] + ".")
	}
	return model.Text(b.String())
}

func (l large) workshop() model.Workshop {
	w := model.Workshop{
		Name:        "executive-briefing",
		Title:       "Executive briefing: who owns social media",
		Description: "A two-hour briefing for IT and business leaders.\nIt ends with a plan the room agreed on.",
		Duration:    120,
	}
	for i, k := range model.StepKinds {
		w.Steps = append(w.Steps, model.Step{
			Kind: k, Title: strings.ToUpper(string(k[:1])) + string(k[1:]), Timebox: 10 + 5*i,
			Prompts: []string{l.phrase(8), l.phrase(10)},
		})
	}
	w.Listen = model.ListenCatalogue{
		Platforms: []string{"LinkedIn", "Blogs", "Wikis", "Microblogs", "Video", "Forums", "Review sites"},
		Places:    []string{"Forum", "Review site", "Microblog", "Video channel", "Internal wiki"},
		Voices:    []string{"customers", "employees", "press", "critics", "partners"},
	}
	for i, t := range []string{"Listen", "Talk", "Energise", "Support", "Embrace", "Engage employees",
		"Engage customers", "Follow industry change", "Capture innovation"} {
		w.Objectives.Objectives = append(w.Objectives.Objectives, model.CatalogueObjective{
			ID: fmt.Sprintf("objective-%d", i), Title: t, Description: l.paragraph(2), Source: "Groundswell",
		})
	}
	for _, m := range []string{"organic", "centralised", "hub-and-spoke", "multiple-hub-and-spoke", "holistic"} {
		w.Objectives.Models = append(w.Objectives.Models, model.OrgModel{ID: m, Name: m, Description: l.paragraph(2)})
	}
	w.Objectives.VotesPerParticipant = 3
	for i := range 30 {
		w.RACI.Roles = append(w.RACI.Roles, model.RoleTemplate{
			ID: fmt.Sprintf("role-%02d", i), Name: "Head of " + l.phrase(2), Description: l.paragraph(1),
		})
	}
	areas := []string{"content", "plumbing", "strategy", "support", "cost"}
	for i := range 200 {
		w.RACI.Activities = append(w.RACI.Activities, model.ActivityTemplate{
			Name: fmt.Sprintf("Activity %d: %s", i+1, l.phrase(4)), Area: areas[i%len(areas)], Key: i%20 == 0,
			Description: l.paragraph(1),
			Suggested:   map[string]model.Letter{"role-00": model.Accountable, "role-01": model.Responsible},
		})
	}
	w.Risks.Categories = []string{"reputation", "security", "legal", "people", "cost"}
	for i := range 1000 {
		w.Risks.Catalogue = append(w.Risks.Catalogue, model.RiskTemplate{
			Title:      fmt.Sprintf("Risk %d: %s", i+1, l.phrase(5)),
			Category:   w.Risks.Categories[i%len(w.Risks.Categories)],
			Likelihood: 1 + l.r.IntN(5), Impact: 1 + l.r.IntN(5),
			Mitigation: l.paragraph(2), Owner: fmt.Sprintf("role-%02d", i%30),
		})
	}
	for i, d := range []string{"Spokesperson", "Social media lead", "Legal reviewer", "Support lead", "Web lead"} {
		w.Drill.Duties = append(w.Drill.Duties, model.Duty{
			ID: fmt.Sprintf("duty-%d", i), Name: d, Description: l.paragraph(1), Role: fmt.Sprintf("role-%02d", i),
		})
	}
	for i, t := range []string{"Customer data leak", "Product failure in the news", "Outage",
		"A viral customer complaint", "A launch that swamps the website", "An employee's post leaks a plan"} {
		sc := model.Scenario{ID: fmt.Sprintf("scenario-%d", i), Title: t, Summary: l.paragraph(3), Minutes: 60}
		for m := 0; m < 60; m += 5 {
			sc.Injects = append(sc.Injects, model.Inject{
				Minute: m, Channel: vocabulary[l.r.IntN(len(vocabulary))], Speaker: l.phrase(2),
				Text: l.paragraph(2), Good: l.paragraph(1),
			})
		}
		w.Drill.Scenarios = append(w.Drill.Scenarios, sc)
	}
	for i, c := range []string{"Acknowledge publicly", "Cite the sources", "Show compassion", "Show the plan",
		"Point to a response page", "Coordinate call centre, web, PR and marketing"} {
		w.Drill.Checklist = append(w.Drill.Checklist, model.ChecklistItem{
			ID: fmt.Sprintf("check-%d", i), Title: c, Description: l.paragraph(1),
		})
	}
	w.Drill.Audiences = []string{"employees", "customers", "press", "partners"}
	w.Drill.Phases = []string{"first hour", "first day", "first week"}
	for i := range 11 {
		w.Assessment.Practices = append(w.Assessment.Practices, model.Practice{
			ID: fmt.Sprintf("practice-%d", i+1), Title: l.phrase(4), Explanation: l.paragraph(2),
		})
	}
	return w
}

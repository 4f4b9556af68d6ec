package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// OpenFinding is something a step found still wrong, with the action that
// would put it right: the room keeps that action, edited or not, so that
// no finding is left without an owner and a date.
type OpenFinding struct {
	// Key names the finding by what it is about rather than where it
	// sits, so the action kept for it goes on pointing at it while rows
	// move: "risk:no owner:Data leak".
	Key  string
	Step StepKind
	// Index is the row the finding is about: the activity, risk or
	// objective; -1 when it is about a role, a duty or an inject.
	Index int
	// Role is the role ID the finding is about, or "".
	Role string
	// Message says what is wrong, for the room.
	Message string
	// Action is the follow-up proposed, Owner the role ID proposed to own
	// it ("" when no role can be proposed), Days how long it may take.
	Action string
	Owner  string
	Days   int
}

// Propose is the action the finding asks for, due Days after today.
func (f OpenFinding) Propose(today time.Time) ActionItem {
	return ActionItem{Text: Text(f.Action), Owner: f.Owner, Due: today.AddDate(0, 0, f.Days).Format(time.DateOnly),
		Source: f.Step, Status: ActionOpen, Finding: f.Key}
}

// How long a proposed action may take: a serious risk left unowned or
// unmitigated and a risk nobody will look at again are the most urgent;
// an inject the drill left unanswered needs the longest, a prepared reply.
const (
	riskDays    = 14
	reviewDays  = 7
	raciDays    = 14
	sponsorDays = 14
	backupDays  = 14
	injectDays  = 30
)

// Findings lists every open finding of the steps the workshop has, in its
// order, each step's in the order of its screen.
func (s *Session) Findings() []OpenFinding {
	var out []OpenFinding
	seen := map[StepKind]bool{}
	for _, st := range s.Workshop.Steps {
		if seen[st.Kind] {
			continue
		}
		seen[st.Kind] = true
		out = append(out, s.FindingsOf(st.Kind)...)
	}
	return out
}

// FindingsOf lists the open findings of the step of kind k.
func (s *Session) FindingsOf(k StepKind) []OpenFinding {
	var out []OpenFinding
	// The lead role is found once: it reads the whole grid.
	lead := s.RACI.LeadRole()
	switch k {
	case StepObjectives:
		for i := range s.Objectives.Items {
			out = append(out, s.objectiveFindings(i, lead)...)
		}
	case StepRACI:
		for _, f := range s.RACI.Findings() {
			out = append(out, s.raciFinding(f, lead))
		}
	case StepRisks:
		for i := range s.Risks {
			out = append(out, s.riskFindings(i, lead)...)
		}
	case StepDrill:
		out = append(s.dutyFindings(), s.injectFindings(lead)...)
	}
	return out
}

// Unfollowed lists the open findings that no action answers yet, whatever
// that action's status: a dropped action was the room's decision too.
func (s *Session) Unfollowed() []OpenFinding {
	kept := map[string]bool{}
	for _, a := range s.Actions {
		if a.Finding != "" {
			kept[a.Finding] = true
		}
	}
	var out []OpenFinding
	for _, f := range s.Findings() {
		if !kept[f.Key] {
			out = append(out, f)
		}
	}
	return out
}

// ActionFor returns the index of the action that answers the finding of
// key, if one does.
func (s *Session) ActionFor(key string) (int, bool) {
	for i, a := range s.Actions {
		if a.Finding == key && key != "" {
			return i, true
		}
	}
	return 0, false
}

// raciFinding proposes what puts a broken RACI rule right. The activity's
// one accountable role settles its row; where there is none, or several,
// the lead role does, and a finding about a role is that role's to act on.
func (s *Session) raciFinding(f Finding, lead string) OpenFinding {
	m := s.RACI
	out := OpenFinding{Step: StepRACI, Index: f.Activity, Role: f.Role, Message: f.Message, Days: raciDays, Owner: lead}
	var act string
	if f.Activity >= 0 && f.Activity < len(m.Activities) {
		act = m.activityName(f.Activity)
		if a := m.Accountable(f.Activity); len(a) == 1 {
			out.Owner = a[0]
		}
	}
	out.Key = "raci:" + string(f.Kind) + ":" + strings.TrimSpace(nameAt(m, f.Activity)) + ":" + f.Role
	role := m.roleName(f.Role)
	switch f.Kind {
	case NoAccountable:
		out.Action = "Agree which one role answers for " + act + ", and give it the A."
	case ManyAccountable:
		out.Action = "Settle which one of " + m.nameList(m.Accountable(f.Activity)) + " answers for " + act + ", and keep one A."
	case NoResponsible:
		out.Action = "Name the role that does " + act + ", and give it an R."
	case ConsultInflation:
		out.Action = fmt.Sprintf("Cut the roles consulted on %s to %d at most.", act, ConsultLimit)
	case AccountabilityWithoutOwnership:
		out.Owner = f.Role
		out.Action = "Give " + role + " a say in the other " + strings.TrimSpace(m.Activities[f.Activity].Area) +
			" activities, or move the A on " + act + "."
	case UnassignedRole:
		out.Action = "Give " + role + " a part in the RACI grid, or remove the role."
	case AccountableOverload:
		out.Owner = f.Role
		out.Action = "Hand some of " + role + "'s accountable activities to other roles."
	default:
		out.Action = "Put right: " + f.Message
	}
	return out
}

// nameAt is the name of activity i, or "" when i is no activity.
func nameAt(m RACIMatrix, i int) string {
	if i < 0 || i >= len(m.Activities) {
		return ""
	}
	return m.Activities[i].Name
}

// riskFindings proposes an owner and a mitigation for a serious risk that
// lacks them, to the lead role and the risk's owner, and a review date for
// any open risk without one.
func (s *Session) riskFindings(i int, lead string) []OpenFinding {
	r := s.Risks[i]
	title := riskName(r, i)
	owner := strings.TrimSpace(r.Owner)
	if owner == "" {
		owner = lead
	}
	var out []OpenFinding
	add := func(what, message, action, who string, days int) {
		out = append(out, OpenFinding{Key: "risk:" + what + ":" + strings.TrimSpace(r.Title), Step: StepRisks, Index: i,
			Message: message, Action: action, Owner: who, Days: days})
	}
	for _, flag := range r.Flags() {
		switch flag {
		case "no owner":
			add(flag, "The "+r.Band().String()+" risk "+title+" has no owner.", "Name the role that owns the risk "+title+".",
				lead, riskDays)
		case "no mitigation":
			add(flag, "The "+r.Band().String()+" risk "+title+" has no mitigation.", "Write and agree a mitigation for the risk "+title+".",
				owner, riskDays)
		}
	}
	if r.Status != RiskClosed && r.Score() > 0 && strings.TrimSpace(r.Review) == "" {
		add("no review date", "The risk "+title+" has no review date.", "Set a date to review the risk "+title+".", owner, reviewDays)
	}
	return out
}

// riskName names risk i for a sentence.
func riskName(r Risk, i int) string {
	if t := strings.TrimSpace(r.Title); t != "" {
		return `"` + t + `"`
	}
	return "number " + strconv.Itoa(i+1)
}

// objectiveFindings proposes a sponsor and a metric for an objective that
// lacks them, to the lead role, who answers for most of the grid.
func (s *Session) objectiveFindings(i int, lead string) []OpenFinding {
	o := s.Objectives.Items[i]
	title := `"` + strings.TrimSpace(o.Title) + `"`
	if strings.TrimSpace(o.Title) == "" {
		title = "objective " + strconv.Itoa(i+1)
	}
	var out []OpenFinding
	for _, miss := range o.Missing() {
		f := OpenFinding{Key: "objective:no " + miss + ":" + strings.TrimSpace(o.Title), Step: StepObjectives, Index: i,
			Message: "The objective " + title + " has no " + miss + ".", Owner: lead, Days: sponsorDays}
		switch miss {
		case "sponsor":
			f.Action = "Find a business sponsor with a budget for " + title + "."
		case "metric":
			f.Action = "Agree the metric that shows whether " + title + " works."
		default:
			continue
		}
		out = append(out, f)
	}
	return out
}

// drillRun is the run whose roles are the drill's findings: the one the
// plan reports, or else the latest.
func (s *Session) drillRun() (DrillRun, bool) {
	if i, _, ok := s.Drill.Reported(); ok {
		return s.Drill.Runs[i], true
	}
	if n := len(s.Drill.Runs); n > 0 {
		return s.Drill.Runs[n-1], true
	}
	return DrillRun{}, false
}

// dutyFindings proposes a backup for each filled drill duty that has
// none, to the role that holds the duty alone.
func (s *Session) dutyFindings() []OpenFinding {
	run, ok := s.drillRun()
	if !ok {
		return nil
	}
	var out []OpenFinding
	for _, a := range run.Assignments {
		if strings.TrimSpace(a.Role) == "" || strings.TrimSpace(a.Backup) != "" {
			continue
		}
		duty := s.dutyName(a.Duty)
		out = append(out, OpenFinding{Key: "drill:no backup:" + a.Duty, Step: StepDrill, Index: -1, Role: a.Role,
			Message: "The drill duty " + duty + " has no backup: " + s.RACI.roleName(a.Role) + " stands alone.",
			Action:  "Name a backup for the drill duty " + duty + ", who stands in when " + s.RACI.roleName(a.Role) + " cannot.",
			Owner:   a.Role, Days: backupDays})
	}
	return out
}

// dutyName names a drill duty for a sentence.
func (s *Session) dutyName(id string) string {
	for _, d := range s.Workshop.Drill.Duties {
		if d.ID == id && strings.TrimSpace(d.Name) != "" {
			return strings.TrimSpace(d.Name)
		}
	}
	return id
}

// injectFindings proposes a prepared answer to each inject that reached
// the room in the reported run and got none, to the spokesperson's role.
func (s *Session) injectFindings(lead string) []OpenFinding {
	i, _, ok := s.Drill.Reported()
	if !ok {
		return nil
	}
	run := s.Drill.Runs[i]
	sc, _ := s.Workshop.Drill.ScenarioByID(run.Scenario)
	owner := lead
	if d, ok := s.Workshop.Drill.Spokesperson(); ok {
		for _, a := range run.Assignments {
			if a.Duty == d.ID && strings.TrimSpace(a.Role) != "" {
				owner = a.Role
			}
		}
	}
	scenario := strings.TrimSpace(sc.Title)
	if scenario == "" {
		scenario = run.Scenario
	}
	var out []OpenFinding
	for _, n := range run.Figures(sc, s.Workshop.Drill).UnansweredInjects {
		what := "inject " + strconv.Itoa(n) + " of the drill " + `"` + scenario + `"`
		if t := strings.Join(strings.Fields(string(sc.Injects[n-1].Text)), " "); t != "" {
			what += " (" + clip(t, 60) + ")"
		}
		out = append(out, OpenFinding{Key: "drill:unanswered:" + run.Scenario + ":" + strconv.Itoa(n), Step: StepDrill, Index: -1,
			Message: "Nobody answered " + what + ".",
			Action:  "Prepare the company's answer to " + what + ", which the drill left unanswered.",
			Owner:   owner, Days: injectDays})
	}
	return out
}

// clip shortens s to n characters at most, marking the cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// LeadRole is the role accountable for the most activities, the grid's
// order breaking ties: the role proposed to settle what no other role
// owns. It is "" while nobody is accountable for anything.
func (m RACIMatrix) LeadRole() string {
	lead, most := "", 0
	for _, r := range m.roles() {
		n := 0
		for i := range m.Activities {
			if m.Activities[i].Cells[r.ID] == Accountable {
				n++
			}
		}
		if n > most {
			lead, most = r.ID, n
		}
	}
	return lead
}

// Pick is the first of the findings that no action answers yet, or else
// the first: the one a key on a row with several findings proposes.
func (s *Session) Pick(fs []OpenFinding) (OpenFinding, bool) {
	for _, f := range fs {
		if _, kept := s.ActionFor(f.Key); !kept {
			return f, true
		}
	}
	if len(fs) > 0 {
		return fs[0], true
	}
	return OpenFinding{}, false
}

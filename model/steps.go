package model

import (
	"fmt"
	"strings"
)

// Missing lists what the step of kind k still lacks, one short line each in
// the words the facilitator reads from the screen. An empty list means the
// step is complete. The review step lists what every other step of the
// workshop lacks, each line led by that step's title, and the open action
// items without an owner or a date.
func (s *Session) Missing(k StepKind) []string { return s.Check().Missing(k) }

// missing works out Missing(k), reading the RACI findings and the other
// steps' answers from c, where they are worked out once.
func (s *Session) missing(k StepKind, c *Checks) []string {
	switch k {
	case StepListen:
		return s.missingListen()
	case StepObjectives:
		return s.missingObjectives()
	case StepRACI:
		return s.missingRACI(c)
	case StepRisks:
		return s.missingRisks()
	case StepDrill:
		return s.missingDrill()
	case StepAssessment:
		return s.missingAssessment()
	case StepReview:
		return s.missingReview(c)
	}
	return nil
}

// Complete reports whether the step of kind k lacks nothing.
func (s *Session) Complete(k StepKind) bool { return s.Check().Complete(k) }

// Progress counts the workshop's steps that are complete. The review step
// is complete once every other step is and every open action has an owner
// and a date.
func (s *Session) Progress() (done, total int) { return s.Check().Progress() }

// RoleName is the name of the RACI role with the given ID, the ID itself
// when the role is gone or has no name, and "" for no role.
func (s *Session) RoleName(id string) string {
	if id == "" {
		return ""
	}
	return s.RACI.roleName(id)
}

// missingListen follows the design: the step is done when the room has
// answered the poll, listed where people talk, and named its experts.
func (s *Session) missingListen() []string {
	var out []string
	answered := false
	for _, p := range s.Listen.Poll {
		if p.Reads != 0 || p.Creates != 0 {
			answered = true
			break
		}
	}
	if len(s.Listen.Poll) > 0 && !answered {
		out = append(out, "the poll has no answers yet")
	}
	places := 0
	for _, c := range s.Listen.Inventory {
		if !blank(c.Place) {
			places++
		}
	}
	if places == 0 {
		out = append(out, "no conversations in the inventory yet")
	}
	experts := 0
	for _, e := range s.Listen.Experts {
		if !blank(e.Name) {
			experts++
		}
	}
	if experts == 0 {
		out = append(out, "no internal experts named")
	}
	return out
}

func (s *Session) missingObjectives() []string {
	var out []string
	if len(s.Objectives.Items) == 0 {
		out = append(out, "no objectives yet")
	}
	lacking := map[string]int{}
	for _, o := range s.Objectives.Items {
		for _, m := range o.Missing() {
			lacking[m]++
		}
	}
	for _, m := range []string{"sponsor", "metric", "target"} {
		if n := lacking[m]; n > 0 {
			out = append(out, fmt.Sprintf("%s without a %s", count(n, "objective", "objectives"), m))
		}
	}
	if blank(s.Objectives.Model) {
		out = append(out, "the organisational model is not chosen")
	}
	return out
}

// findingLines words each kind of RACI finding as a count, keyed by kind.
var findingLines = map[FindingKind][2]string{
	NoAccountable:                  {"activity without an accountable role", "activities without an accountable role"},
	ManyAccountable:                {"activity with more than one accountable role", "activities with more than one accountable role"},
	NoResponsible:                  {"activity without a responsible role", "activities without a responsible role"},
	ConsultInflation:               {fmt.Sprintf("activity consulting more than %d roles", ConsultLimit), fmt.Sprintf("activities consulting more than %d roles", ConsultLimit)},
	AccountabilityWithoutOwnership: {"case of accountability without ownership", "cases of accountability without ownership"},
	UnassignedRole:                 {"role with no letter anywhere", "roles with no letter anywhere"},
	AccountableOverload:            {"role accountable for too many activities", "roles accountable for too many activities"},
}

// missingRACI asks for a grid that breaks no rule and roles that name a
// person and a backup. A missing backup counts as missing: the seed warns
// that people move jobs, and a crisis role without a backup fails the day
// its one person is away.
func (s *Session) missingRACI(c *Checks) []string {
	var out []string
	m := s.RACI
	if len(m.Activities) == 0 {
		out = append(out, "no activities in the grid yet")
	}
	if len(m.Roles) == 0 {
		out = append(out, "no roles in the grid yet")
	}
	// Without both rows and columns every rule would fire at once and
	// repeat the two lines above.
	if len(m.Activities) > 0 && len(m.Roles) > 0 {
		byKind := map[FindingKind]int{}
		for _, f := range c.RACI() {
			byKind[f.Kind]++
		}
		for _, k := range FindingKinds {
			if n := byKind[k]; n > 0 {
				w := findingLines[k]
				out = append(out, count(n, w[0], w[1]))
			}
		}
	}
	noPerson, noBackup := 0, 0
	for _, r := range m.roles() {
		if blank(r.Person) {
			noPerson++
		}
		if blank(r.Backup) {
			noBackup++
		}
	}
	if noPerson > 0 {
		out = append(out, count(noPerson, "role", "roles")+" without a person")
	}
	if noBackup > 0 {
		out = append(out, count(noBackup, "role", "roles")+" without a backup")
	}
	return out
}

// missingRisks skips closed risks: the room has dealt with them.
func (s *Session) missingRisks() []string {
	if len(s.Risks) == 0 {
		return []string{"no risks in the register yet"}
	}
	unscored, noOwner, noMitigation, lostOwner := 0, 0, 0, 0
	for _, r := range s.Risks {
		if r.Status == RiskClosed {
			continue
		}
		if r.Score() == 0 {
			unscored++
		}
		for _, f := range r.Flags() {
			switch f {
			case "no owner":
				noOwner++
			case "no mitigation":
				noMitigation++
			}
		}
		if !blank(r.Owner) && !s.roleExists(r.Owner) {
			lostOwner++
		}
	}
	var out []string
	if unscored > 0 {
		out = append(out, count(unscored, "risk", "risks")+" not scored")
	}
	if noOwner > 0 {
		out = append(out, count(noOwner, "high risk", "high risks")+" without an owner")
	}
	if noMitigation > 0 {
		out = append(out, count(noMitigation, "high risk", "high risks")+" without a mitigation")
	}
	if lostOwner > 0 {
		out = append(out, count(lostOwner, "risk", "risks")+" owned by a role no longer in the RACI grid")
	}
	return out
}

// missingDrill looks at the run the plan reports, so a rerun started after
// a finished one leaves the step complete; with nothing to report, at the
// latest run.
func (s *Session) missingDrill() []string {
	if len(s.Drill.Runs) == 0 {
		return []string{"no drill run yet"}
	}
	i, _, ok := s.Drill.Reported()
	if !ok {
		i = len(s.Drill.Runs) - 1
	}
	run := s.Drill.Runs[i]
	var out []string
	if !run.Ended {
		out = append(out, "the drill has not ended")
	}
	well, failed := blank(string(run.Review.WentWell)), blank(string(run.Review.Failed))
	switch {
	case well && failed:
		out = append(out, "no after-action review")
	case well:
		out = append(out, "the after-action review does not say what went well")
	case failed:
		out = append(out, "the after-action review does not say what failed")
	}
	return out
}

// missingAssessment counts a rating outside 1–5 as not rated.
func (s *Session) missingAssessment() []string {
	noIT, noBusiness := 0, 0
	for _, r := range s.Assessment {
		if r.IT < 1 || r.IT > 5 {
			noIT++
		}
		if r.Business < 1 || r.Business > 5 {
			noBusiness++
		}
	}
	var out []string
	if noIT > 0 {
		out = append(out, count(noIT, "practice", "practices")+" not rated by IT")
	}
	if noBusiness > 0 {
		out = append(out, count(noBusiness, "practice", "practices")+" not rated by the business")
	}
	return out
}

func (s *Session) missingReview(c *Checks) []string {
	var out []string
	seen := map[StepKind]bool{StepReview: true}
	for _, st := range s.Workshop.Steps {
		if seen[st.Kind] {
			continue
		}
		seen[st.Kind] = true
		title := strings.TrimSpace(st.Title)
		if title == "" {
			title = string(st.Kind)
		}
		for _, m := range c.Missing(st.Kind) {
			out = append(out, title+": "+m)
		}
	}
	noOwner, lostOwner, noDue := 0, 0, 0
	for _, a := range s.Actions {
		if a.Closed() {
			continue
		}
		switch {
		case blank(a.Owner):
			noOwner++
		case !s.roleExists(a.Owner):
			lostOwner++
		}
		if blank(a.Due) {
			noDue++
		}
	}
	if noOwner > 0 {
		out = append(out, count(noOwner, "action item", "action items")+" without an owner")
	}
	if lostOwner > 0 {
		out = append(out, count(lostOwner, "action item", "action items")+" owned by a role no longer in the RACI grid")
	}
	if noDue > 0 {
		out = append(out, count(noDue, "action item", "action items")+" without a due date")
	}
	return out
}

func (s *Session) roleExists(id string) bool {
	_, ok := s.RACI.RoleByID(id)
	return ok
}

// count writes n with the singular or plural noun.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func blank(s string) bool {
	return strings.TrimSpace(s) == ""
}

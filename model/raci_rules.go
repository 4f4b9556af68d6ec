package model

import (
	"fmt"
	"strings"
)

// Valid reports whether l is one of R, A, C or I. A hand-edited file may hold
// anything else; the rules treat such a cell as empty.
func (l Letter) Valid() bool {
	switch l {
	case Responsible, Accountable, Consulted, Informed:
		return true
	}
	return false
}

// FindingKind names a RACI rule a grid breaks.
type FindingKind string

// The RACI rules, in the order the facilitator meets them on a row.
const (
	// NoAccountable: nobody answers for the activity.
	NoAccountable FindingKind = "no accountable"
	// ManyAccountable: two or more roles answer for it, so none does.
	ManyAccountable FindingKind = "many accountable"
	// NoResponsible: nobody does the work.
	NoResponsible FindingKind = "no responsible"
	// ConsultInflation: so many roles are consulted that decisions stall.
	ConsultInflation FindingKind = "consult inflation"
	// AccountabilityWithoutOwnership: a role answers for an activity while
	// it has no part in the other decisions of the same area.
	AccountabilityWithoutOwnership FindingKind = "accountability without ownership"
	// UnassignedRole: a role has no letter anywhere.
	UnassignedRole FindingKind = "unassigned role"
	// AccountableOverload: one role is accountable for too many activities.
	AccountableOverload FindingKind = "accountable overload"
)

// FindingKinds lists every kind in the order screens and the plan list them.
var FindingKinds = []FindingKind{
	NoAccountable, ManyAccountable, NoResponsible, ConsultInflation,
	AccountabilityWithoutOwnership, UnassignedRole, AccountableOverload,
}

// ConsultLimit is how many roles one activity may consult: every consulted
// role is one more meeting before a decision, so past three the row slows
// the work it is meant to inform.
const ConsultLimit = 3

// AccountableLimit is how many activities one role may be accountable for in
// a grid of n activities before it becomes a bottleneck: a third of the grid,
// but never fewer than three, so a small grid may still have one lead role
// that answers for a handful of rows.
func AccountableLimit(n int) int {
	return max(3, n/3)
}

// Finding is one broken RACI rule, worded for the room.
type Finding struct {
	Kind FindingKind
	// Activity is an index into Activities, or -1 when the finding is about
	// a role only.
	Activity int
	// Role is a role ID, or "" when the finding is about an activity only.
	Role string
	// Message is one plain sentence the facilitator can read aloud.
	Message string
}

// RoleByID returns the role with the given ID.
func (m RACIMatrix) RoleByID(id string) (Role, bool) {
	for _, r := range m.Roles {
		if r.ID == id {
			return r, true
		}
	}
	return Role{}, false
}

// Cell returns the letter of a role for an activity, or "" when there is
// none or the activity does not exist.
func (m RACIMatrix) Cell(activity int, roleID string) Letter {
	if activity < 0 || activity >= len(m.Activities) {
		return ""
	}
	return m.Activities[activity].Cells[roleID]
}

// Set gives a role a letter for an activity; the empty letter clears the
// cell. An activity that does not exist, or a letter other than R, A, C or
// I, leaves the grid alone rather than store a cell no rule would see.
func (m *RACIMatrix) Set(activity int, roleID string, l Letter) {
	if activity < 0 || activity >= len(m.Activities) || (l != "" && !l.Valid()) {
		return
	}
	a := &m.Activities[activity]
	if l == "" {
		delete(a.Cells, roleID)
		return
	}
	if a.Cells == nil {
		a.Cells = make(map[string]Letter)
	}
	a.Cells[roleID] = l
}

// Accountable returns the IDs of the roles with an A on the activity, in
// role order. Letters of deleted roles are not counted.
func (m RACIMatrix) Accountable(activity int) []string {
	if activity < 0 || activity >= len(m.Activities) {
		return nil
	}
	return withLetter(m.roles(), m.Activities[activity].Cells, Accountable)
}

// withLetter returns the IDs of the roles with letter l in cells.
func withLetter(roles []Role, cells map[string]Letter, l Letter) []string {
	var ids []string
	for _, r := range roles {
		if cells[r.ID] == l {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// roles returns the roles once each: a hand-edited file may repeat an ID,
// and a repeated role must not be reported twice.
func (m RACIMatrix) roles() []Role {
	seen := make(map[string]bool, len(m.Roles))
	out := make([]Role, 0, len(m.Roles))
	for _, r := range m.Roles {
		if seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		out = append(out, r)
	}
	return out
}

// Findings checks the grid against RACI's rules. Findings come row by row in
// activity order, then those about a role alone in role order, so the list
// does not jump around while the room edits the grid. Each cell is read
// once: the checks run on every change of a 200 × 30 grid.
func (m RACIMatrix) Findings() []Finding {
	roles := m.roles()
	areas := m.areaKeys()
	nr := len(roles)
	// grid[i*nr+k] is activity i's letter for roles[k].
	grid := make([]Letter, len(m.Activities)*nr)
	// say[area][k] counts the area's activities where roles[k] has an R, A
	// or C; size[area] counts the area's activities.
	say := map[string][]int{}
	size := map[string]int{}
	for i, a := range m.Activities {
		row := grid[i*nr : (i+1)*nr]
		for k, r := range roles {
			row[k] = a.Cells[r.ID]
		}
		if areas[i] == "" {
			continue
		}
		size[areas[i]]++
		counts := say[areas[i]]
		if counts == nil {
			counts = make([]int, nr)
			say[areas[i]] = counts
		}
		for k, l := range row {
			if hasSay(l) {
				counts[k]++
			}
		}
	}

	var out []Finding
	var accountable, consulted []string
	for i, a := range m.Activities {
		row := grid[i*nr : (i+1)*nr]
		act := m.activityName(i)
		accountable, consulted = accountable[:0], consulted[:0]
		responsible := 0
		for k, l := range row {
			switch l {
			case Accountable:
				accountable = append(accountable, roles[k].ID)
			case Responsible:
				responsible++
			case Consulted:
				consulted = append(consulted, roles[k].ID)
			}
		}
		if len(accountable) == 0 {
			out = append(out, Finding{Kind: NoAccountable, Activity: i, Message: fmt.Sprintf(
				"Nobody is accountable for %s; give exactly one role the A.", act)})
		} else if len(accountable) > 1 {
			out = append(out, Finding{Kind: ManyAccountable, Activity: i, Message: fmt.Sprintf(
				"%s has %d accountable roles (%s); keep one A, because when several answer for it nobody does.",
				capital(act), len(accountable), m.nameList(accountable))})
		}
		if responsible == 0 {
			out = append(out, Finding{Kind: NoResponsible, Activity: i, Message: fmt.Sprintf(
				"Nobody is responsible for doing %s; give at least one role an R.", act)})
		}
		if len(consulted) > ConsultLimit {
			out = append(out, Finding{Kind: ConsultInflation, Activity: i, Message: fmt.Sprintf(
				"%s consults %d roles (%s); each consulted role adds a meeting and a delay, so keep at most %d.",
				capital(act), len(consulted), m.nameList(consulted), ConsultLimit)})
		}
		for k, l := range row {
			if l != Accountable || ownsOtherDecisions(areas[i], size[areas[i]], say[areas[i]], k) {
				continue
			}
			out = append(out, Finding{Kind: AccountabilityWithoutOwnership, Activity: i, Role: roles[k].ID, Message: fmt.Sprintf(
				"%s is accountable for %s but has no say in the other %s activities; make it responsible or consulted there, or move the A.",
				m.roleName(roles[k].ID), act, strings.TrimSpace(a.Area))})
		}
	}
	limit := AccountableLimit(len(m.Activities))
	for k, r := range roles {
		lettered, accountable := 0, 0
		for i := range m.Activities {
			l := grid[i*nr+k]
			if l.Valid() {
				lettered++
			}
			if l == Accountable {
				accountable++
			}
		}
		if lettered == 0 {
			out = append(out, Finding{Kind: UnassignedRole, Activity: -1, Role: r.ID, Message: fmt.Sprintf(
				"%s has no letter on any activity; assign it somewhere or remove the role.", m.roleName(r.ID))})
		}
		if accountable > limit {
			out = append(out, Finding{Kind: AccountableOverload, Activity: -1, Role: r.ID, Message: fmt.Sprintf(
				"%s is accountable for %d of %d activities, more than %d; spread the A so one role does not hold up every decision.",
				m.roleName(r.ID), accountable, len(m.Activities), limit)})
		}
	}
	return out
}

// hasSay reports whether a letter gives its role a say in the decision.
func hasSay(l Letter) bool { return l == Responsible || l == Accountable || l == Consulted }

// ownsOtherDecisions reports whether role k, accountable for an activity of
// area, has an R, A or C on some other activity of that area; say counts
// the area's activities where each role has one, size the area's
// activities. An activity with no area, or the only one of its area, has
// nothing to compare with and passes: the rule is about being answerable
// for one part of a group of decisions while shut out of the rest, as when
// IT answers for the site staying up during a promotion it was never
// consulted on.
func ownsOtherDecisions(area string, size int, say []int, k int) bool {
	if area == "" || size <= 1 {
		return true
	}
	// The activity itself, where the role holds the A, is one of say[k].
	return say[k] > 1
}

// areaKeys gives each activity's area in one form, so "Campaign " and
// "campaign" group together.
func (m RACIMatrix) areaKeys() []string {
	keys := make([]string, len(m.Activities))
	for i, a := range m.Activities {
		keys[i] = strings.ToLower(strings.TrimSpace(a.Area))
	}
	return keys
}

// ApplySuggested fills the empty cells of activities that share a name with
// a template activity from the template's suggested letters. It never
// overwrites a letter the room set, never adds a second A to a row, and
// ignores roles the grid does not have.
// It returns how many cells it filled.
func (m *RACIMatrix) ApplySuggested(w []ActivityTemplate) (changed int) {
	roles := m.roles()
	for i := range m.Activities {
		t, ok := templateFor(w, m.Activities[i].Name)
		if !ok {
			continue
		}
		// A row the room already gave an A keeps it as its only one:
		// the suggestion must not break the rule it is there to teach.
		hasA := len(withLetter(roles, m.Activities[i].Cells, Accountable)) > 0
		for _, r := range roles {
			l := t.Suggested[r.ID]
			if !l.Valid() || m.Activities[i].Cells[r.ID] != "" || (l == Accountable && hasA) {
				continue
			}
			m.Set(i, r.ID, l)
			changed++
		}
	}
	return changed
}

// templateFor finds the template activity of the given name, ignoring case
// and surrounding spaces so a retyped name still matches.
func templateFor(w []ActivityTemplate, name string) (ActivityTemplate, bool) {
	name = strings.TrimSpace(name)
	for _, t := range w {
		if strings.EqualFold(strings.TrimSpace(t.Name), name) {
			return t, true
		}
	}
	return ActivityTemplate{}, false
}

// activityName names activity i for a sentence: its name in quotes, or its
// row number when it has no name yet.
func (m RACIMatrix) activityName(i int) string {
	if n := strings.TrimSpace(m.Activities[i].Name); n != "" {
		return `"` + n + `"`
	}
	return fmt.Sprintf("activity %d", i+1)
}

// roleName names a role for a sentence: its name, or its ID without one.
func (m RACIMatrix) roleName(id string) string {
	if r, ok := m.RoleByID(id); ok && strings.TrimSpace(r.Name) != "" {
		return strings.TrimSpace(r.Name)
	}
	return id
}

// nameList joins role names as "A, B and C".
func (m RACIMatrix) nameList(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = m.roleName(id)
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// capital upper-cases the first letter of a sentence that starts with a
// generated word such as "activity 3".
func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

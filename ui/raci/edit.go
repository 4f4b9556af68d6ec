package raci

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/dialog"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
	"github.com/roundtable/roundtable/ui/pick"
)

// formHead is the title line above an open form.
const formHead = 1

// formKind says what the room is doing to a row or a column.
type formKind int

const (
	formNone formKind = iota
	formAdd
	formEdit
	formDelete
)

// target is a row (activity) or a column (role).
type target int

const (
	targetActivity target = iota
	targetRole
)

// chooseMsg is the answer to "an activity or a role?".
type chooseMsg struct {
	action formKind
	target target
}

// ask opens the dialog that asks whether a row or a column is meant.
func (m *Model) ask(action formKind, title, body string) {
	m.Ask(title, body,
		dialog.Choice{Key: "a", Label: "Activity", Msg: chooseMsg{action, targetActivity}},
		dialog.Choice{Key: "r", Label: "Role", Msg: chooseMsg{action, targetRole}},
	)
}

// askTarget asks which of the focused activity and role to edit or delete,
// or goes straight on when the grid has only one of them.
func (m *Model) askTarget(action formKind, verb string) tea.Cmd {
	act, okA := m.activity()
	role, okR := m.role()
	switch {
	case okA && okR:
		m.Ask(verb+" which?", "",
			dialog.Choice{Key: "a", Label: "Activity: " + display.OneLine(act.Name), Msg: chooseMsg{action, targetActivity}},
			dialog.Choice{Key: "r", Label: "Role: " + display.OneLine(roleLabel(role)), Msg: chooseMsg{action, targetRole}},
		)
	case okA:
		return m.chosen(chooseMsg{action, targetActivity})
	case okR:
		return m.chosen(chooseMsg{action, targetRole})
	default:
		return common.Status("The grid is empty: + adds an activity or a role")
	}
	return nil
}

// chosen opens the form or confirmation for a row or a column.
func (m *Model) chosen(c chooseMsg) tea.Cmd {
	act, _ := m.activity()
	role, _ := m.role()
	m.formFor, m.formAt, m.formRole = c.action, m.row, role.ID
	var fields []form.Field
	switch {
	case c.action == formDelete:
		m.formFor = formNone
		return m.confirmDelete(c.target)
	case c.target == targetActivity && c.action == formAdd:
		fields = []form.Field{
			{Key: "name", Label: "Activity", Required: true, Placeholder: "e.g. Answer complaints on the company page"},
			{Key: "area", Label: "Area", Value: act.Area, Placeholder: "content, plumbing, strategy …"},
		}
		m.formAt = -1
	case c.target == targetActivity:
		fields = []form.Field{
			{Key: "name", Label: "Activity", Required: true, Value: act.Name},
			{Key: "area", Label: "Area", Value: act.Area},
		}
	default:
		if c.action == formAdd {
			role = model.Role{}
			m.formRole = ""
		}
		m.person = pick.People("person", "Person", m.sess, "who fills the role now; they join the participants")
		m.backup = pick.People("backup", "Backup", m.sess, "who steps in when they are away")
		fields = []form.Field{{Key: "name", Label: "Role", Required: true, Value: role.Name, Placeholder: "a job, not a person: e.g. Community manager"}}
		fields = append(fields, m.person.Fields(role.Person)...)
		fields = append(fields, m.backup.Fields(role.Backup)...)
	}
	m.OpenForm("", fields...)
	return nil
}

func (m *Model) formTitle() string {
	what := "activity"
	if m.Form != nil && m.Form.Index("person") >= 0 {
		what = "role"
	}
	verb := "Add"
	if m.formFor == formEdit {
		verb = "Edit"
	}
	return m.ctx.Styles.Title.Render(verb + " " + what)
}

func (m *Model) formKey(msg tea.KeyMsg) tea.Cmd {
	ev, cmd := pick.Update(m.Form, msg, m.person, m.backup)
	switch ev.Kind {
	case form.Cancel:
		m.CloseForm()
		m.formFor = formNone
		return nil
	case form.Submit:
		if !m.Form.Valid() {
			return cmd
		}
		done := m.submit()
		m.CloseForm()
		m.formFor = formNone
		return done
	}
	return cmd
}

// submit turns the form into one edit of the session.
func (m *Model) submit() tea.Cmd {
	f := m.Form
	name := model.Clean(strings.TrimSpace(f.Value("name")))
	isRole := f.Index("person") >= 0
	switch {
	case !isRole && m.formFor == formAdd:
		area := model.Clean(strings.TrimSpace(f.Value("area")))
		m.goRow, m.goRev = len(m.matrix().Activities), m.rev
		return edit("RACI: added activity "+display.OneLine(name), func(s *model.Session) {
			s.RACI.Activities = append(s.RACI.Activities, model.Activity{Name: name, Area: area})
		})
	case !isRole:
		at, area := m.formAt, model.Clean(strings.TrimSpace(f.Value("area")))
		return edit("RACI: renamed activity "+display.OneLine(name), func(s *model.Session) {
			if at >= 0 && at < len(s.RACI.Activities) {
				s.RACI.Activities[at].Name, s.RACI.Activities[at].Area = name, area
			}
		})
	}
	person := model.Clean(strings.TrimSpace(m.person.Value(f)))
	backup := model.Clean(strings.TrimSpace(m.backup.Value(f)))
	joining := display.OneLine(pick.Joining(m.sess, person, backup))
	if m.formFor == formAdd {
		m.goCol, m.goRev = len(m.matrix().Roles), m.rev
		return edit("RACI: added role "+display.OneLine(name)+joining, func(s *model.Session) {
			s.RACI.Roles = append(s.RACI.Roles, model.Role{ID: slug(name, s.RACI.Roles), Name: name, Person: person, Backup: backup})
			s.JoinParticipant(person, "")
			s.JoinParticipant(backup, "")
		})
	}
	id := m.formRole
	return edit("RACI: edited role "+display.OneLine(name)+joining, func(s *model.Session) {
		s.JoinParticipant(person, "")
		s.JoinParticipant(backup, "")
		for i := range s.RACI.Roles {
			if s.RACI.Roles[i].ID == id {
				s.RACI.Roles[i].Name, s.RACI.Roles[i].Person, s.RACI.Roles[i].Backup = name, person, backup
				return
			}
		}
	})
}

// confirmDelete asks before deleting the focused row or column and says
// what goes with it.
func (m *Model) confirmDelete(t target) tea.Cmd {
	if t == targetActivity {
		act, ok := m.activity()
		if !ok {
			return nil
		}
		at, name := m.row, act.Name
		n := 0
		for _, l := range act.Cells {
			if l.Valid() {
				n++
			}
		}
		body := "This clears its " + display.Count(n, "letter", "letters") + ". u undoes it."
		m.Ask("Delete activity "+display.OneLine(name)+"?", body,
			dialog.Choice{Key: "y", Label: "Delete", Msg: common.EditMsg{Label: "RACI: deleted activity " + display.OneLine(name), Apply: func(s *model.Session) {
				if at < len(s.RACI.Activities) && s.RACI.Activities[at].Name == name {
					s.RACI.Activities = append(s.RACI.Activities[:at:at], s.RACI.Activities[at+1:]...)
				}
			}}},
			dialog.Choice{Key: "n", Label: "Keep it"},
		)
		return nil
	}
	role, ok := m.role()
	if !ok {
		return nil
	}
	id := role.ID
	cells, risks, duties, actions := roleUses(m.sess, id)
	body := "This clears " + display.Count(cells, "letter", "letters") +
		", the owner of " + display.Count(risks, "risk", "risks") +
		", " + display.Count(duties, "drill duty", "drill duties") +
		" and the owner of " + display.Count(actions, "action", "actions") + ". u undoes it."
	m.Ask("Delete role "+display.OneLine(roleLabel(role))+"?", body,
		dialog.Choice{Key: "y", Label: "Delete", Msg: common.EditMsg{Label: "RACI: deleted role " + display.OneLine(roleLabel(role)), Apply: func(s *model.Session) {
			deleteRole(s, id)
		}}},
		dialog.Choice{Key: "n", Label: "Keep it"},
	)
	return nil
}

// roleUses counts what points at role id: letters, risks it owns, drill
// duties it fills (as role or backup) and actions it owns.
func roleUses(s *model.Session, id string) (cells, risks, duties, actions int) {
	for _, a := range s.RACI.Activities {
		if a.Cells[id].Valid() {
			cells++
		}
	}
	for _, r := range s.Risks {
		if r.Owner == id {
			risks++
		}
	}
	for _, run := range s.Drill.Runs {
		for _, d := range run.Assignments {
			if d.Role == id || d.Backup == id {
				duties++
			}
		}
	}
	for _, a := range s.Actions {
		if a.Owner == id {
			actions++
		}
	}
	return cells, risks, duties, actions
}

// deleteRole removes role id and every pointer to it, so nothing is left
// owned by a role that no longer exists.
func deleteRole(s *model.Session, id string) {
	roles := s.RACI.Roles[:0:0]
	for _, r := range s.RACI.Roles {
		if r.ID != id {
			roles = append(roles, r)
		}
	}
	s.RACI.Roles = roles
	for i := range s.RACI.Activities {
		delete(s.RACI.Activities[i].Cells, id)
	}
	for i := range s.Risks {
		if s.Risks[i].Owner == id {
			s.Risks[i].Owner = ""
		}
	}
	for i := range s.Drill.Runs {
		for j := range s.Drill.Runs[i].Assignments {
			d := &s.Drill.Runs[i].Assignments[j]
			if d.Role == id {
				d.Role = ""
			}
			if d.Backup == id {
				d.Backup = ""
			}
		}
	}
	for i := range s.Actions {
		if s.Actions[i].Owner == id {
			s.Actions[i].Owner = ""
		}
	}
}

// slug makes a role ID from its name: lower-case letters and digits joined
// by dashes, numbered when the grid already has it.
func slug(name string, roles []model.Role) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	base := b.String()
	if len(base) > 32 {
		base = strings.TrimRight(base[:32], "-")
	}
	if base == "" {
		base = "role"
	}
	taken := map[string]bool{}
	for _, r := range roles {
		taken[r.ID] = true
	}
	id := base
	for n := 2; taken[id]; n++ {
		id = base + "-" + itoa(n)
	}
	return id
}

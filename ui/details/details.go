// Package details is the form of a session's details and the people in the
// room: title, organisation, facilitator, date, and each participant's name,
// department and role title. The new-session form starts from it, and the
// same form changes a session later, from the home screen or from inside
// the open session: participants added, renamed, moved to another
// department or removed, every place that names a renamed one following in
// the same edit.
package details

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/dialog"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
	"github.com/roundtable/roundtable/ui/theme"
)

// Keys are the form's keys beyond those of every form.
var Keys = struct{ Remove key.Binding }{
	Remove: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "remove participant")),
}

const addPerson = "add-participant"

// row is one participant of the form; was is the name they had when the
// form opened, blank for someone added in it.
type row struct {
	id  int
	was string
}

func (r row) key(field string) string { return "p" + strconv.Itoa(r.id) + "." + field }

// Form is the details and participants form.
type Form struct {
	styles *theme.Styles
	form   *form.Form
	rows   []row
	nextID int
	// sess is the session being changed, to say what names a participant
	// before they are removed; nil for a new session.
	sess *model.Session
	// opened are the participants' names when the form opened.
	opened []string
	// removed is set once a participant row is added or removed, which
	// the fields themselves do not count as typing.
	removed bool
	dialog  *dialog.Dialog
	width   int
	height  int
}

// removeRow is the answer of the dialog that asks before a removal.
type removeRow struct{ id int }

// New makes the form for meta and people; extra fields (the workshop of a
// new session) come after the date. sess, when set, is the session whose
// details these are.
func New(styles *theme.Styles, meta model.Meta, people []model.Participant, sess *model.Session, extra ...form.Field) *Form {
	fields := []form.Field{
		{Key: "title", Label: "Title", Required: true, Value: meta.Title, Placeholder: "e.g. Who owns our social media?"},
		{Key: "organisation", Label: "Organisation", Value: meta.Organisation},
		{Key: "facilitator", Label: "Facilitator", Value: meta.Facilitator},
		{Key: "date", Label: "Date", Value: meta.Date, Validate: form.Date, Placeholder: "YYYY-MM-DD"},
	}
	fields = append(fields, extra...)
	fields = append(fields, form.Field{Key: addPerson, Label: "+ Add participant", Kind: form.Button})
	f := &Form{styles: styles, form: form.New(styles, fields...), sess: sess, width: 60, height: 20}
	for _, p := range people {
		f.insert(p, model.Clean(p.Name))
		f.opened = append(f.opened, model.Clean(p.Name))
	}
	f.form.FocusIndex(0)
	return f
}

// insert adds a participant row before the add button.
func (f *Form) insert(p model.Participant, was string) row {
	r := row{id: f.nextID, was: was}
	f.nextID++
	f.rows = append(f.rows, r)
	f.form.Insert(f.form.Index(addPerson),
		form.Field{Key: r.key("name"), Label: fmt.Sprintf("Participant %d", len(f.rows)), Value: model.Clean(p.Name), Placeholder: "name", Wide: true},
		form.Field{Key: r.key("department"), Label: "Dept", Inline: true, Value: model.Clean(p.Department), Placeholder: "department"},
		form.Field{Key: r.key("role"), Label: "Role", Inline: true, Value: model.Clean(p.RoleTitle), Placeholder: "role title"},
	)
	return r
}

// Focus moves the focus to the field with key.
func (f *Form) Focus(key string) tea.Cmd { return f.form.Focus(key) }

// Value is the trimmed value of the field with key.
func (f *Form) Value(key string) string { return f.form.Value(key) }

// SetError shows msg under the field with key; "" clears it.
func (f *Form) SetError(key, msg string) { f.form.SetError(key, msg) }

// SetProblem shows a message for the whole form.
func (f *Form) SetProblem(msg string) { f.form.SetProblem(msg) }

// FocusedKey is the key of the field with focus.
func (f *Form) FocusedKey() string { return f.form.FocusedKey() }

// Edited reports whether the room changed anything a cancel would drop.
func (f *Form) Edited() bool { return f.form.Edited() || f.removed }

// SetSize gives the form its space.
func (f *Form) SetSize(width, height int) {
	f.width, f.height = max(width, 1), max(height, 1)
	f.form.SetSize(f.width, f.height)
}

// Update handles a key: ctrl+d removes the focused participant (asking
// first when the session names them), enter on the button adds one, and
// Submit comes only once every participant has a name of their own.
func (f *Form) Update(msg tea.Msg) (form.Event, tea.Cmd) {
	km, isKey := msg.(tea.KeyMsg)
	if f.dialog != nil {
		if !isKey {
			return form.Event{}, nil
		}
		done, cmd := f.dialog.Update(km)
		if done {
			f.dialog = nil
			// The dialog's answer is a plain value: take it at once
			// rather than through the program loop.
			if cmd != nil {
				if r, ok := cmd().(removeRow); ok {
					f.remove(r.id)
				}
			}
		}
		return form.Event{}, nil
	}
	if isKey && key.Matches(km, Keys.Remove) {
		f.askRemove()
		return form.Event{}, nil
	}
	ev, cmd := f.form.Update(msg)
	switch ev.Kind {
	case form.Press:
		if ev.Key == addPerson {
			r := f.insert(model.Participant{}, "")
			f.removed = true
			return form.Event{}, f.form.Focus(r.key("name"))
		}
	case form.Submit:
		if !f.check() {
			return form.Event{}, nil
		}
	}
	return ev, cmd
}

// focusedRow is the participant whose field has focus.
func (f *Form) focusedRow() (row, bool) {
	focused := f.form.FocusedKey()
	for _, r := range f.rows {
		if strings.HasPrefix(focused, r.key("")) {
			return r, true
		}
	}
	return row{}, false
}

// askRemove removes the focused participant, first saying where the
// session names them when it does.
func (f *Form) askRemove() {
	r, ok := f.focusedRow()
	if !ok {
		return
	}
	var uses []string
	if f.sess != nil && r.was != "" {
		uses = f.sess.PersonUses(r.was)
	}
	if len(uses) == 0 {
		f.remove(r.id)
		return
	}
	body := display.OneLine(r.was) + " is named as " + strings.Join(uses, "; ") +
		". Removed from the participants, they stay named there."
	f.dialog = dialog.New(f.styles, "Remove "+display.OneLine(r.was)+"?", body,
		dialog.Choice{Key: "y", Label: "Remove", Msg: removeRow{r.id}},
		dialog.Choice{Key: "n", Label: "Keep"})
}

func (f *Form) remove(id int) {
	for i, r := range f.rows {
		if r.id != id {
			continue
		}
		f.rows = append(f.rows[:i:i], f.rows[i+1:]...)
		f.form.Remove(r.key("name"), r.key("department"), r.key("role"))
		f.removed = true
		// The numbers stay 1, 2, 3 after a removal.
		for n, r := range f.rows {
			f.form.SetLabel(r.key("name"), fmt.Sprintf("Participant %d", n+1))
		}
		return
	}
}

// check shows a problem under each participant without a name of their
// own, and reports whether there was none.
func (f *Form) check() bool {
	seen := map[string]int{}
	first := ""
	for n, r := range f.rows {
		name := f.form.Value(r.key("name"))
		problem := ""
		switch {
		case name == "" && (r.was != "" || f.form.Value(r.key("department")) != "" || f.form.Value(r.key("role")) != ""):
			problem = "a participant needs a name; ctrl+d removes the row"
		case name == "":
		default:
			folded := strings.ToLower(name)
			if at, dup := seen[folded]; dup {
				problem = fmt.Sprintf("participant %d is already called %s; give each their own name", at+1, display.OneLine(name))
			} else {
				seen[folded] = n
			}
		}
		if problem != "" {
			f.form.SetError(r.key("name"), problem)
			if first == "" {
				first = r.key("name")
			}
		}
	}
	if first != "" {
		f.form.Focus(first)
	}
	return first == ""
}

// Meta is base with the details from the form.
func (f *Form) Meta(base model.Meta) model.Meta {
	base.Title = model.Clean(f.form.Value("title"))
	base.Organisation = model.Clean(f.form.Value("organisation"))
	base.Facilitator = model.Clean(f.form.Value("facilitator"))
	base.Date = f.form.Value("date")
	return base
}

// Participants are the rows with a name, each with the name it had before.
func (f *Form) Participants() []model.ParticipantChange {
	out := make([]model.ParticipantChange, 0, len(f.rows))
	for _, r := range f.rows {
		p := model.Participant{
			Name:       model.Clean(f.form.Value(r.key("name"))),
			Department: model.Clean(f.form.Value(r.key("department"))),
			RoleTitle:  model.Clean(f.form.Value(r.key("role"))),
		}
		if p.Name != "" {
			out = append(out, model.ParticipantChange{Was: r.was, Participant: p})
		}
	}
	return out
}

// Edit is the form as one change of the session, for undo; its label says
// who was renamed, added or removed, since that reaches every step.
func (f *Form) Edit() common.EditMsg {
	people := f.Participants()
	var renamed, added []string
	kept := map[string]bool{}
	for _, c := range people {
		switch {
		case c.Was == "":
			added = append(added, display.OneLine(c.Name))
		case c.Was != c.Name:
			renamed = append(renamed, display.OneLine(c.Was)+" to "+display.OneLine(c.Name))
		}
		kept[c.Was] = true
	}
	var removed []string
	for _, was := range f.opened {
		if was != "" && !kept[was] {
			removed = append(removed, display.OneLine(was))
		}
	}
	var parts []string
	if len(renamed) > 0 {
		parts = append(parts, "renamed "+strings.Join(renamed, ", ")+" everywhere")
	}
	if len(added) > 0 {
		parts = append(parts, "added "+names(added))
	}
	if len(removed) > 0 {
		parts = append(parts, "removed "+names(removed))
	}
	label := "Saved the details and participants"
	if len(parts) > 0 {
		label = strings.Join(parts, "; ")
		label = strings.ToUpper(label[:1]) + label[1:]
	}
	meta := f.Meta(model.Meta{})
	return common.EditMsg{Label: label, Apply: func(s *model.Session) {
		s.Meta.Title, s.Meta.Organisation, s.Meta.Facilitator, s.Meta.Date = meta.Title, meta.Organisation, meta.Facilitator, meta.Date
		s.SetParticipants(people)
	}}
}

// names lists a few people by name, and more by how many.
func names(list []string) string {
	switch {
	case len(list) > 3:
		return strconv.Itoa(len(list)) + " participants"
	case len(list) > 1:
		return strings.Join(list[:len(list)-1], ", ") + " and " + list[len(list)-1]
	}
	return list[0]
}

// View draws the form, and over it the question before a removal.
func (f *Form) View() string {
	v := f.form.View()
	if f.dialog != nil {
		v = lipgloss.Place(f.width, f.height, lipgloss.Center, lipgloss.Center, f.dialog.View(f.width))
	}
	return display.FitBlock(v, f.width, f.height)
}

// ShortHelp lists the keys for the help line.
func (f *Form) ShortHelp() []key.Binding {
	if f.dialog != nil {
		return f.dialog.ShortHelp()
	}
	bs := form.Keys.ShortHelp()
	if _, ok := f.focusedRow(); ok {
		bs = append(bs, Keys.Remove)
	}
	return bs
}

// FullHelp lists every key of the form.
func (f *Form) FullHelp() [][]key.Binding {
	if f.dialog != nil {
		return f.dialog.FullHelp()
	}
	return append(form.Keys.FullHelp(), []key.Binding{Keys.Remove})
}

// Package pick is a form field that offers the values the room already has
// (the participants, the workshop's voices …) and still lets the
// facilitator type one that is not in the list: a choice whose last option
// opens a line to type in.
package pick

import (
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/form"
)

// other is the option value that stands for "type another"; no catalogue
// value can hold a NUL byte after model.Clean and a trim, so it never
// clashes with a real option.
const other = "\x00other"

// Pick describes a pick-or-type field of a form.
type Pick struct {
	Key   string
	Label string
	// Options are the values offered; blanks and repeats are dropped.
	Options []string
	// None labels the empty choice, e.g. "(nobody yet)".
	None string
	// Placeholder is shown in the line where another value is typed.
	Placeholder string
	// Other labels the choice that opens that line; "type another…" when
	// empty.
	Other string
	// Required refuses the empty choice, and an empty line typed instead.
	Required bool
	// IgnoreCase takes a value that differs from an option only in letter
	// case for that option, as names are.
	IgnoreCase bool
}

// People picks a person from the session's participants; a name typed
// instead is someone new, whom the screen adds to the participants in the
// same edit (model.Session.JoinParticipant).
func People(key, label string, s *model.Session, placeholder string) Pick {
	names := make([]string, 0, len(s.Participants))
	for _, p := range s.Participants {
		names = append(names, model.Clean(p.Name))
	}
	return Pick{Key: key, Label: label, Options: names, None: "(nobody yet)", Placeholder: placeholder,
		Other: "someone new…", IgnoreCase: true}
}

func (p Pick) typedKey() string { return p.Key + ".typed" }

func (p Pick) options() []string {
	var out []string
	for _, o := range p.Options {
		o = strings.TrimSpace(o)
		if o != "" && !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	return out
}

// Fields returns the form fields for the current value: a choice with value
// selected, or with "type another" selected and the typed line holding
// value when it is not one of the options. Without options it is a plain
// line.
func (p Pick) Fields(value string) []form.Field {
	value = strings.TrimSpace(value)
	opts := p.options()
	if len(opts) == 0 {
		return []form.Field{{Key: p.Key, Label: p.Label, Kind: form.Line, Value: value, Placeholder: p.Placeholder, Required: p.Required}}
	}
	values := append(append([]string{""}, opts...), other)
	otherLabel := p.Other
	if otherLabel == "" {
		otherLabel = "type another…"
	}
	labels := append(append([]string{p.None}, opts...), otherLabel)
	if p.IgnoreCase {
		if i := slices.IndexFunc(opts, func(o string) bool { return strings.EqualFold(o, value) }); i >= 0 {
			value = opts[i]
		}
	}
	choice := form.Field{Key: p.Key, Label: p.Label, Kind: form.Choice, Value: value, Options: values, Labels: labels, Required: p.Required}
	if value == "" || slices.Contains(opts, value) {
		return []form.Field{choice}
	}
	choice.Value = other
	return []form.Field{choice, p.typed(value)}
}

func (p Pick) typed(value string) form.Field {
	return form.Field{Key: p.typedKey(), Label: "typed", Kind: form.Line, Value: value, Placeholder: p.Placeholder, Inline: true, Required: p.Required}
}

// Joining is the end of an edit's label that says who of names, picked
// with People, is someone new joining the participants: "; Zara Quinn
// joins the participants", or "" when nobody is.
func Joining(s *model.Session, names ...string) string {
	var joining []string
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n != "" && s.ParticipantNamed(n) < 0 && !slices.Contains(joining, n) {
			joining = append(joining, n)
		}
	}
	switch len(joining) {
	case 0:
		return ""
	case 1:
		return "; " + joining[0] + " joins the participants"
	}
	return "; " + strings.Join(joining, " and ") + " join the participants"
}

// Sync shows the typed line while "type another" is chosen and hides it
// otherwise. Update calls it after every key the form takes.
func (p Pick) Sync(f *form.Form) {
	at := f.Index(p.Key)
	if at < 0 {
		return
	}
	shown := f.Index(p.typedKey()) >= 0
	switch want := f.Value(p.Key) == other; {
	case want && !shown:
		f.Insert(at+1, p.typed(""))
	case !want && shown:
		f.Remove(p.typedKey())
	}
}

// Value is the option chosen or the text typed, trimmed; a name typed that
// is an option but for its letter case is that option.
func (p Pick) Value(f *form.Form) string {
	v := f.Value(p.Key)
	if v != other {
		return v
	}
	typed := f.Value(p.typedKey())
	if p.IgnoreCase {
		if i := slices.IndexFunc(p.options(), func(o string) bool { return strings.EqualFold(o, typed) }); i >= 0 {
			return p.options()[i]
		}
	}
	return typed
}

// typeInto lets the room type on the choice itself: a letter, other than
// the h and l that choose, picks "type another" and goes into the line
// that opens. It reports whether it took the key.
func (p Pick) typeInto(f *form.Form, msg tea.Msg) (tea.Cmd, bool) {
	km, ok := msg.(tea.KeyMsg)
	if !ok || km.Type != tea.KeyRunes || p.Key == "" || f.FocusedKey() != p.Key || f.Typing() {
		return nil, false
	}
	if !km.Paste && (km.String() == "h" || km.String() == "l") {
		return nil, false
	}
	f.SetValue(p.Key, other)
	p.Sync(f)
	f.Focus(p.typedKey())
	_, cmd := f.Update(msg)
	return cmd, true
}

// Update hands msg to a form that holds picks, as the room means it: a
// letter typed on a pick's choice starts its typed line, and each pick's
// line shows while "type another" is chosen. Screens call it instead of
// the form's own Update.
func Update(f *form.Form, msg tea.Msg, picks ...Pick) (form.Event, tea.Cmd) {
	for _, p := range picks {
		if cmd, ok := p.typeInto(f, msg); ok {
			return form.Event{}, cmd
		}
	}
	ev, cmd := f.Update(msg)
	for _, p := range picks {
		p.Sync(f)
	}
	return ev, cmd
}

// Package pick is a form field that offers the values the room already has
// (the participants, the workshop's voices …) and still lets the
// facilitator type one that is not in the list: a choice whose last option
// opens a line to type in.
package pick

import (
	"slices"
	"strings"

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
		return []form.Field{{Key: p.Key, Label: p.Label, Kind: form.Line, Value: value, Placeholder: p.Placeholder}}
	}
	values := append(append([]string{""}, opts...), other)
	labels := append(append([]string{p.None}, opts...), "type another…")
	choice := form.Field{Key: p.Key, Label: p.Label, Kind: form.Choice, Value: value, Options: values, Labels: labels}
	if value == "" || slices.Contains(opts, value) {
		return []form.Field{choice}
	}
	choice.Value = other
	return []form.Field{choice, p.typed(value)}
}

func (p Pick) typed(value string) form.Field {
	return form.Field{Key: p.typedKey(), Label: "typed", Kind: form.Line, Value: value, Placeholder: p.Placeholder, Inline: true}
}

// Sync shows the typed line while "type another" is chosen and hides it
// otherwise. Call it after every key the form takes.
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

// Value is the option chosen or the text typed, trimmed.
func (p Pick) Value(f *form.Form) string {
	v := f.Value(p.Key)
	if v == other {
		return f.Value(p.typedKey())
	}
	return v
}

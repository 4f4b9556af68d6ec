package plan

import (
	"reflect"
	"strings"
	"testing"

	"github.com/roundtable/roundtable/model"
)

// everywhere returns a copy of s with text in every free-text field.
func everywhere(s *model.Session, text string) *model.Session {
	c := s.Clone()
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			if v.Type() == reflect.TypeFor[string]() || v.Type() == reflect.TypeFor[model.Text]() {
				v.SetString(text)
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(c).Elem())
	// Role IDs are text too: the grid's cells follow them.
	for i := range c.RACI.Activities {
		cells := map[string]model.Letter{}
		for _, l := range c.RACI.Activities[i].Cells {
			cells[text] = l
		}
		c.RACI.Activities[i].Cells = cells
	}
	return c
}

// FuzzMarkdown puts any text into every field of the sample session and
// expects a plan whose structure is the plan's own.
func FuzzMarkdown(f *testing.F) {
	base := sample(f)
	for _, s := range nasty {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s := everywhere(base, text)
		doc := Markdown(s)
		if probs := checkPlan(doc, s.Workshop); len(probs) > 0 {
			t.Fatalf("%q:\n%s", text, strings.Join(probs, "\n"))
		}
		if got, want := skeleton(doc), skeleton(Markdown(tokenised(s))); got != want {
			t.Fatalf("%q changes the plan's structure: %s", text, firstDiff(got, want))
		}
	})
}

package modeltest

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/roundtable/roundtable/model"
)

// walk calls leaf for every field, slice element and map entry of v, with a
// path that leaves out indexes and map keys.
func walk(path string, v reflect.Value, leaf func(path string, v reflect.Value)) {
	switch v.Kind() {
	case reflect.Pointer:
		walk(path, v.Elem(), leaf)
	case reflect.Struct:
		if v.Type().PkgPath() == "time" {
			leaf(path, v)
			return
		}
		for i := range v.NumField() {
			walk(path+"."+v.Type().Field(i).Name, v.Field(i), leaf)
		}
	case reflect.Slice:
		leaf(path, v)
		for i := range v.Len() {
			walk(path+"[]", v.Index(i), leaf)
		}
	case reflect.Map:
		leaf(path, v)
		for it := v.MapRange(); it.Next(); {
			leaf(path+"{key}", it.Key())
			walk(path+"{}", it.Value(), leaf)
		}
	default:
		leaf(path, v)
	}
}

func TestRandomFillsEveryFieldWithHostileText(t *testing.T) {
	filled := map[string]bool{}
	var all []string
	for seed := range uint64(60) {
		s := Random(rand.New(rand.NewPCG(seed, 0)))
		walk("Session", reflect.ValueOf(s), func(path string, v reflect.Value) {
			if _, seen := filled[path]; !seen {
				filled[path] = false
			}
			switch v.Kind() {
			case reflect.Slice, reflect.Map:
				if v.Len() == 0 && !v.IsNil() {
					t.Errorf("%s is empty but not nil; the file gives back nil", path)
				}
			case reflect.String:
				if !utf8.ValidString(v.String()) {
					t.Errorf("%s is not valid UTF-8", path)
				}
				all = append(all, v.String())
			case reflect.Struct:
				if tm := v.Interface().(interface{ Nanosecond() int }); tm.Nanosecond() != 0 {
					t.Errorf("%s has a fraction of a second", path)
				}
			}
			if !v.IsZero() {
				filled[path] = true
			}
		})
	}
	for path, ok := range filled {
		if !ok {
			t.Errorf("%s is never filled", path)
		}
	}
	text := strings.Join(all, "\x00")
	for _, want := range []string{"\n", "\r", "\t", "\x1b", `"""`, `\`, "😀", "\u202e", "שלום"} {
		if !strings.Contains(text, want) {
			t.Errorf("no random text contains %q", want)
		}
	}
	long, quoteAtEnd := false, false
	for _, s := range all {
		long = long || utf8.RuneCountInString(s) >= 10000
		quoteAtEnd = quoteAtEnd || strings.HasSuffix(s, `"`)
	}
	if !long || !quoteAtEnd {
		t.Errorf("10,000-character strings: %v, strings ending in a quote: %v; want both", long, quoteAtEnd)
	}
	a := Random(rand.New(rand.NewPCG(5, 5)))
	b := Random(rand.New(rand.NewPCG(5, 5)))
	if !reflect.DeepEqual(a, b) {
		t.Error("the same seed gives different sessions")
	}
}

func TestLargeIsTheBenchmarkSession(t *testing.T) {
	s := Large()
	run := s.Drill.Runs[0]
	checks := 0
	for _, m := range run.Messages {
		checks += len(m.Checks)
	}
	cells := 0
	for _, a := range s.RACI.Activities {
		cells += len(a.Cells)
		accountable := 0
		for _, l := range a.Cells {
			if l == model.Accountable {
				accountable++
			}
		}
		if accountable != 1 {
			t.Errorf("activity %q has %d A, want exactly one", a.Name, accountable)
		}
	}
	got := map[string]int{
		"risks":        len(s.Risks),
		"activities":   len(s.RACI.Activities),
		"roles":        len(s.RACI.Roles),
		"participants": len(s.Participants),
		"messages":     len(run.Messages),
		"scenarios":    len(s.Workshop.Drill.Scenarios),
	}
	want := map[string]int{"risks": 1000, "activities": 200, "roles": 30, "participants": 25, "messages": 40, "scenarios": 6}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Large has %v, want %v", got, want)
	}
	if n := len(run.Log); n < 150 || n > 240 || run.Log[len(run.Log)-1].At > 3600 {
		t.Errorf("drill log has %d entries ending at %ds, want one about every 20 s over 60 minutes", n, run.Log[len(run.Log)-1].At)
	}
	if checks < 40 || cells < 200*6 || cells > 200*15 {
		t.Errorf("%d message checks and %d RACI cells: want every message checked and rows partly filled", checks, cells)
	}
	if !reflect.DeepEqual(Large(), s) {
		t.Error("Large is not the same every time")
	}
}

package model

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

// sharedWith lists the slices and maps a and b have in common.
func sharedWith(a, b *Session) (found []string, checked int) {
	shared(reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem(), "Session", &found, &checked)
	return found, checked
}

func TestFreezeSharesNothingWithTheSession(t *testing.T) {
	s := filled(t, 11)
	first, _ := s.Freeze(nil)
	prev, _ := filled(t, 12).Freeze(nil)
	for name, f := range map[string]*Session{"alone": first, "after another": mustFreeze(s, prev)} {
		if !reflect.DeepEqual(f, s) {
			t.Errorf("%s: the frozen copy differs from the session", name)
		}
		if found, _ := sharedWith(s, f); len(found) > 0 {
			t.Errorf("%s: the frozen copy shares %v with the session, which changes on", name, found)
		}
	}
}

func mustFreeze(s, prev *Session) *Session {
	f, _ := s.Freeze(prev)
	return f
}

// An unchanged session frozen again shares every part with the last copy
// and costs next to nothing.
func TestFreezeSharesWhatIsUnchanged(t *testing.T) {
	s := filled(t, 13)
	prev, whole := s.Freeze(nil)
	again, own := s.Freeze(prev)
	found, checked := sharedWith(prev, again)
	if len(found) == 0 || checked < 40 {
		t.Fatalf("%d of %d slices and maps shared", len(found), checked)
	}
	for _, top := range []string{"Session.Participants", "Session.Listen.Poll", "Session.RACI.Activities", "Session.Risks", "Session.Drill.Runs", "Session.Room", "Session.Workshop.Steps", "Session.Workshop.Drill.Scenarios"} {
		if !contains(found, top) {
			t.Errorf("%s is copied again although it did not change", top)
		}
	}
	if own >= whole/4 {
		t.Errorf("a frozen copy of an unchanged session holds %d bytes of its own, the first %d", own, whole)
	}
}

func contains(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}

// Whatever field changes, however deep, the next frozen copy has the
// change: no part is shared that is not the same. A field added to the
// session later is covered without touching this test.
func TestFreezeSeesEveryChange(t *testing.T) {
	base := filled(t, 17)
	leaves := countLeaves(reflect.ValueOf(base).Elem())
	if leaves < 100 {
		t.Fatalf("only %d fields found", leaves)
	}
	for i := range leaves {
		s := base.Clone()
		prev, _ := s.Freeze(nil)
		k := i
		path := changeLeaf(reflect.ValueOf(s).Elem(), "Session", &k)
		if got, _ := s.Freeze(prev); !reflect.DeepEqual(got, s) {
			t.Errorf("a change of %s is not in the next frozen copy", path)
		}
	}
}

func countLeaves(v reflect.Value) int {
	n := -1
	changeLeaf(v, "", &n)
	return -n - 1
}

// changeLeaf changes the leaf numbered *n (counting down from it), and
// returns its path; a negative *n counts every leaf without changing any.
func changeLeaf(v reflect.Value, path string, n *int) string {
	if v.Type() == timeType || v.Kind() == reflect.String || v.Kind() == reflect.Int || v.Kind() == reflect.Bool {
		if *n == 0 {
			switch {
			case v.Type() == timeType:
				v.Set(reflect.ValueOf(v.Interface().(time.Time).Add(time.Hour)))
			case v.Kind() == reflect.String:
				v.SetString(v.String() + " changed")
			case v.Kind() == reflect.Int:
				v.SetInt(v.Int() + 1)
			default:
				v.SetBool(!v.Bool())
			}
			*n = -1 << 30
			return path
		}
		*n--
		return ""
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if p := changeLeaf(v.Field(i), path+"."+v.Type().Field(i).Name, n); p != "" {
				return p
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			if p := changeLeaf(v.Index(i), fmt.Sprintf("%s[%d]", path, i), n); p != "" {
				return p
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			if p := changeLeaf(e, path+"["+k.String()+"]", n); p != "" {
				v.SetMapIndex(k, e)
				return p
			}
		}
	}
	return ""
}

package model

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

var timeType = reflect.TypeFor[time.Time]()

// filled returns a session in which every slice and map, however deep, has
// two entries and every other field a value, so a field added to any type
// later is covered without touching this test. The same seed gives the same
// session.
func filled(t *testing.T, seed uint64) *Session {
	t.Helper()
	s := &Session{}
	fill(t, reflect.ValueOf(s).Elem(), rand.New(rand.NewPCG(seed, 1)), "Session")
	return s
}

func fill(t *testing.T, v reflect.Value, r *rand.Rand, path string) {
	t.Helper()
	if v.Type() == timeType {
		v.Set(reflect.ValueOf(time.Date(2026, 3, 12, r.IntN(24), 0, 0, 0, time.UTC)))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("text %d", r.IntN(1000)))
	case reflect.Int:
		v.SetInt(int64(1 + r.IntN(5)))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(t, v.Field(i), r, path+"."+v.Type().Field(i).Name)
			}
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(t, v.Index(i), r, fmt.Sprintf("%s[%d]", path, i))
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		for i := range 2 {
			k := reflect.New(v.Type().Key()).Elem()
			k.SetString(fmt.Sprintf("key%d", i))
			e := reflect.New(v.Type().Elem()).Elem()
			fill(t, e, r, path+"["+k.String()+"]")
			v.SetMapIndex(k, e)
		}
	default:
		t.Fatalf("%s: the clone test cannot fill a %s; teach fill and Clone about it", path, v.Kind())
	}
}

// shared reports every slice or map the two values have in common.
func shared(a, b reflect.Value, path string, found *[]string, checked *int) {
	if a.Type() == timeType {
		return
	}
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			shared(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name, found, checked)
		}
	case reflect.Slice:
		*checked++
		if a.Len() > 0 && a.Pointer() == b.Pointer() {
			*found = append(*found, path)
		}
		for i := range min(a.Len(), b.Len()) {
			shared(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i), found, checked)
		}
	case reflect.Map:
		*checked++
		if !a.IsNil() && a.Pointer() == b.Pointer() {
			*found = append(*found, path)
		}
		for _, k := range a.MapKeys() {
			if bv := b.MapIndex(k); bv.IsValid() {
				shared(a.MapIndex(k), bv, path+"["+k.String()+"]", found, checked)
			}
		}
	}
}

// mutate changes every value reachable from v, in place.
func mutate(v reflect.Value) {
	if v.Type() == timeType {
		v.Set(reflect.ValueOf(time.Unix(0, 0)))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("changed")
	case reflect.Int:
		v.SetInt(v.Int() + 100)
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				mutate(v.Field(i))
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			mutate(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			mutate(e)
			v.SetMapIndex(k, e)
		}
		k := reflect.New(v.Type().Key()).Elem()
		k.SetString("added")
		v.SetMapIndex(k, reflect.New(v.Type().Elem()).Elem())
	}
}

func TestCloneSharesNothing(t *testing.T) {
	orig := filled(t, 7)
	c := orig.Clone()
	if !reflect.DeepEqual(orig, c) {
		t.Fatal("the clone differs from the session: a field was dropped")
	}
	var found []string
	checked := 0
	shared(reflect.ValueOf(orig).Elem(), reflect.ValueOf(c).Elem(), "Session", &found, &checked)
	for _, p := range found {
		t.Errorf("%s is shared between the session and its clone", p)
	}
	if checked < 40 {
		t.Errorf("only %d slices and maps checked; the filler missed some", checked)
	}
	mutate(reflect.ValueOf(c).Elem())
	if twin := filled(t, 7); !reflect.DeepEqual(orig, twin) {
		t.Error("editing the clone changed the session")
	}
	if reflect.DeepEqual(orig, c) {
		t.Error("mutate changed nothing, so the test above proves nothing")
	}
}

func TestCloneKeepsNilAndEmpty(t *testing.T) {
	for name, s := range map[string]*Session{
		"zero":     {},
		"finished": finished(),
		"empty but not nil": {Risks: []Risk{}, RACI: RACIMatrix{Activities: []Activity{{Cells: map[string]Letter{}}}},
			Drill: Drill{Runs: []DrillRun{{Checklist: map[string]Check{}, Messages: []Message{{}}}}}},
	} {
		if c := s.Clone(); !reflect.DeepEqual(s, c) {
			t.Errorf("%s: clone = %+v, want %+v", name, c, s)
		}
	}
	var none *Session
	if none.Clone() != nil {
		t.Error("cloning no session gave one")
	}
}

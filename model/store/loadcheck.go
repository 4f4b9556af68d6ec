package store

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/roundtable/roundtable/model"
)

// foldedKeys returns the keys of a file that name a field of the session in
// other letter case ("Title" for "title"), each cut after its folded part.
func foldedKeys(keys []toml.Key) []toml.Key {
	var out []toml.Key
	seen := map[string]bool{}
	for _, k := range keys {
		n := foldedAt(reflect.TypeFor[model.Session](), k)
		if n == 0 {
			continue
		}
		k = k[:n]
		if s := k.String(); !seen[s] {
			seen[s] = true
			out = append(out, k)
		}
	}
	return out
}

// foldedAt follows key through the fields of t and returns how many of its
// parts lead to the first one that matches a field only in other letter
// case, or 0 when there is none.
func foldedAt(t reflect.Type, key toml.Key) int {
	for i, part := range key {
		for t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() == reflect.Map {
			// This part is one of the map's own keys, spelt as anyone likes.
			t = t.Elem()
			continue
		}
		if t.Kind() != reflect.Struct || t == timeType {
			return 0
		}
		p, err := planFor(t)
		if err != nil {
			return 0
		}
		fi, ok := p.byName[part]
		if !ok {
			if slices.ContainsFunc(p.fields, func(f fieldPlan) bool { return strings.EqualFold(f.name, part) }) {
				return i + 1
			}
			return 0
		}
		t = t.Field(p.fields[fi].index).Type
	}
	return 0
}

// removeKey deletes key from a decoded table, in every table of an array
// it passes through.
func removeKey(table map[string]any, key toml.Key) {
	v, ok := table[key[0]]
	if !ok {
		return
	}
	if len(key) == 1 {
		delete(table, key[0])
		return
	}
	switch v := v.(type) {
	case map[string]any:
		removeKey(v, key[1:])
	case []map[string]any:
		for _, t := range v {
			removeKey(t, key[1:])
		}
	case []any:
		for _, x := range v {
			if t, ok := x.(map[string]any); ok {
				removeKey(t, key[1:])
			}
		}
	}
}

func keyNames(keys []toml.Key) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.String()
	}
	return out
}

// checkTimes refuses a time that falls outside the years 0000 to 9999 once
// in UTC, where Roundtable keeps its times, since no session file could
// hold it: "0000-01-01T00:00:00+01:00" is in the year -1.
func checkTimes(sess *model.Session, doc string) error {
	p, err := planFor(reflect.TypeFor[model.Session]())
	if err != nil {
		return nil
	}
	key, t, found := outOfRange(p, reflect.ValueOf(sess).Elem(), "")
	if !found {
		return nil
	}
	name := key[strings.LastIndexByte(key, '.')+1:]
	line := timeLine(doc, name)
	return &ParseError{Line: line, Col: firstColumn(doc, line),
		Msg: fmt.Sprintf("%s is %s in UTC, outside the years 0000 to 9999 that Roundtable keeps times in: correct the date", key, t.Format(time.RFC3339))}
}

func outOfRange(p *structPlan, v reflect.Value, path string) (string, time.Time, bool) {
	for i := range p.fields {
		f := &p.fields[i]
		fv := v.Field(f.index)
		at := f.name
		if path != "" {
			at = path + "." + f.name
		}
		switch f.shape {
		case shapeTime:
			if t := fv.Interface().(time.Time).UTC(); t.Year() < 0 || t.Year() > 9999 {
				return at, t, true
			}
		case shapeStruct:
			if k, t, ok := outOfRange(f.elem, fv, at); ok {
				return k, t, ok
			}
		case shapeStructs:
			for j := range fv.Len() {
				if k, t, ok := outOfRange(f.elem, fv.Index(j), at); ok {
					return k, t, ok
				}
			}
		case shapeStructMap:
			for it := fv.MapRange(); it.Next(); {
				if k, t, ok := outOfRange(f.elem, it.Value(), at); ok {
					return k, t, ok
				}
			}
		}
	}
	return "", time.Time{}, false
}

// timeLine is the first line that sets key to a time outside the years
// Roundtable keeps, or 0.
func timeLine(doc, key string) int {
	for i, l := range strings.Split(doc, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(l), "=")
		if !ok || strings.Trim(strings.TrimSpace(k), `"'`) != key {
			continue
		}
		var value struct{ V time.Time }
		if _, err := toml.Decode("V = "+v, &value); err == nil {
			if y := value.V.UTC().Year(); y < 0 || y > 9999 {
				return i + 1
			}
		}
	}
	return 0
}

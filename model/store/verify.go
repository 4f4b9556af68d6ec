package store

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/roundtable/roundtable/model"
)

// ErrNotReadBack is wrapped by a save that was refused because the file it
// would write does not read back as the session being saved.
var ErrNotReadBack = errors.New("the file would not read back as the session")

// encode is Encode; tests swap in a faulty one to see a save refuse what it
// cannot read back.
var encode = Encode

// encodeChecked encodes sess for the file at path and reads the bytes back
// as the loader would, so that Roundtable never writes a file it cannot read
// or one that says something else than the session in memory.
func encodeChecked(sess *model.Session, path string) ([]byte, error) {
	data, err := encode(sess)
	if err == nil {
		err = readsBack(sess, data)
	}
	if err != nil {
		return nil, fmt.Errorf("saving %s: %w; the file on disk is unchanged", path, err)
	}
	return data, nil
}

// readsBack decodes data and compares it with sess. The fast decoder reads
// every file the encoder writes, without the checks a hand-edited file
// needs, which keeps the check well inside the save's budget; anything it
// does not read goes through the whole loader.
func readsBack(sess *model.Session, data []byte) error {
	got := &model.Session{}
	if _, err := decodeFast(data, reflect.ValueOf(got).Elem()); err == nil {
		normalise(got)
	} else {
		var rep Report
		got, rep, err = Decode(data)
		if err != nil {
			return fmt.Errorf("%w: reading it gives %v", ErrNotReadBack, err)
		}
		if len(rep.Unknown) > 0 || rep.Migrated {
			return fmt.Errorf("%w: it reads as another format", ErrNotReadBack)
		}
	}
	want := *sess
	want.SchemaVersion = model.SchemaVersion
	p, err := planFor(reflect.TypeFor[model.Session]())
	if err != nil {
		if !reflect.DeepEqual(&want, got) {
			return ErrNotReadBack
		}
		return nil
	}
	if where, changed := firstChange(p, reflect.ValueOf(want), reflect.ValueOf(*got)); changed {
		return fmt.Errorf("%w: %s would change", ErrNotReadBack, where)
	}
	return nil
}

// firstChange names the first field of want that got does not hold as the
// file means it: bytes that are not UTF-8 are written as U+FFFD, and a time
// is the same instant in UTC. The name is only put together for a field
// that changed: the check runs on every save.
func firstChange(p *structPlan, want, got reflect.Value) (string, bool) {
	for i := range p.fields {
		f := &p.fields[i]
		w, g := want.Field(f.index), got.Field(f.index)
		if where, changed := fieldChange(f, w, g); changed {
			return f.name + where, true
		}
	}
	return "", false
}

// fieldChange compares one field and returns what follows its name in the
// name of the change: "", ".title", "[3].title" or `["r1"]`.
func fieldChange(f *fieldPlan, w, g reflect.Value) (string, bool) {
	switch f.shape {
	case shapeString, shapeText:
		return "", asWritten(w.String()) != g.String()
	case shapeInt:
		return "", w.Int() != g.Int()
	case shapeBool:
		return "", w.Bool() != g.Bool()
	case shapeTime:
		return "", !w.Interface().(time.Time).Equal(g.Interface().(time.Time))
	case shapeStrings:
		if w.IsNil() != g.IsNil() || w.Len() != g.Len() {
			return "", true
		}
		for j := range w.Len() {
			if asWritten(w.Index(j).String()) != g.Index(j).String() {
				return "[" + strconv.Itoa(j) + "]", true
			}
		}
	case shapeStruct:
		if where, changed := firstChange(f.elem, w, g); changed {
			return "." + where, true
		}
	case shapeStructs:
		if w.IsNil() != g.IsNil() || w.Len() != g.Len() {
			return "", true
		}
		for j := range w.Len() {
			if where, changed := firstChange(f.elem, w.Index(j), g.Index(j)); changed {
				return "[" + strconv.Itoa(j) + "]." + where, true
			}
		}
	case shapeStringMap, shapeStructMap:
		if w.IsNil() != g.IsNil() || w.Len() != g.Len() {
			return "", true
		}
		// Keys and values are read into one value each, not copied out
		// per entry.
		key := reflect.New(w.Type().Key()).Elem()
		value := reflect.New(w.Type().Elem()).Elem()
		for it := w.MapRange(); it.Next(); {
			key.SetIterKey(it)
			value.SetIterValue(it)
			k := key.String()
			if written := asWritten(k); written != k {
				key.SetString(written)
			}
			gv := g.MapIndex(key)
			switch {
			case !gv.IsValid():
				return mapEntry(k), true
			case f.shape == shapeStringMap:
				if asWritten(value.String()) != gv.String() {
					return mapEntry(k), true
				}
			default:
				if where, changed := firstChange(f.elem, value, gv); changed {
					return mapEntry(k) + "." + where, true
				}
			}
		}
	}
	return "", false
}

func mapEntry(k string) string { return "[" + strconv.Quote(k) + "]" }

// asWritten is s as the session file holds it: each byte that is not part
// of UTF-8 text becomes U+FFFD, as quoteTo and model.Text write it.
func asWritten(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

package store

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/roundtable/roundtable/model"
)

// encodeFast writes v, a struct, as TOML the way the general library would
// lay it out: in each table the plain keys first, in field order, then the
// sub-tables and arrays of tables, in field order; map keys sorted.
func encodeFast(buf *bytes.Buffer, v reflect.Value) error {
	p, err := planFor(v.Type())
	if err != nil {
		return err
	}
	return encodeTable(buf, nil, v, p)
}

func encodeTable(buf *bytes.Buffer, path []byte, v reflect.Value, p *structPlan) error {
	for i := range p.fields {
		f := &p.fields[i]
		fv := v.Field(f.index)
		switch f.shape {
		case shapeStruct, shapeStringMap, shapeStructMap:
			continue
		case shapeStructs:
			// An empty, non-nil list is a plain key: "risks = []".
			if fv.IsNil() || fv.Len() > 0 {
				continue
			}
		case shapeStrings:
			if fv.IsNil() {
				continue
			}
		}
		buf.WriteString(f.key)
		buf.WriteString(" = ")
		if err := encodeValue(buf, f, fv); err != nil {
			return fmt.Errorf("%s: %w", appendKey(path, f.key), err)
		}
		buf.WriteByte('\n')
	}
	for i := range p.fields {
		f := &p.fields[i]
		switch f.shape {
		case shapeStruct, shapeStructs, shapeStringMap, shapeStructMap:
		default:
			continue
		}
		fv := v.Field(f.index)
		sub := appendKey(path, f.key)
		switch f.shape {
		case shapeStruct:
			header(buf, sub, false)
			if err := encodeTable(buf, sub, fv, f.elem); err != nil {
				return err
			}
		case shapeStructs:
			for j := range fv.Len() {
				header(buf, sub, true)
				if err := encodeTable(buf, sub, fv.Index(j), f.elem); err != nil {
					return err
				}
			}
		case shapeStringMap:
			if fv.IsNil() {
				continue
			}
			keys, err := distinctKeys(fv, sub)
			if err != nil {
				return err
			}
			header(buf, sub, false)
			for _, k := range keys {
				buf.WriteString(tomlKey(k.String()))
				buf.WriteString(" = ")
				quoteTo(buf, fv.MapIndex(k).String())
				buf.WriteByte('\n')
			}
		case shapeStructMap:
			if fv.IsNil() {
				continue
			}
			// The entries' headers make the table; only an empty one
			// needs its own, to come back empty rather than absent.
			if fv.Len() == 0 {
				header(buf, sub, false)
			}
			keys, err := distinctKeys(fv, sub)
			if err != nil {
				return err
			}
			for _, k := range keys {
				entry := appendKey(sub, tomlKey(k.String()))
				header(buf, entry, false)
				// Map values cannot be addressed; a copy is read the same.
				if err := encodeTable(buf, entry, fv.MapIndex(k), f.elem); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func encodeValue(buf *bytes.Buffer, f *fieldPlan, v reflect.Value) error {
	switch f.shape {
	case shapeString:
		quoteTo(buf, v.String())
	case shapeText:
		if v.Type() == textType {
			buf.Write(model.Text(v.String()).AppendTOML(buf.AvailableBuffer()))
			return nil
		}
		out, err := v.Interface().(toml.Marshaler).MarshalTOML()
		if err != nil {
			return err
		}
		buf.Write(out)
	case shapeInt:
		buf.WriteString(strconv.FormatInt(v.Int(), 10))
	case shapeBool:
		buf.WriteString(strconv.FormatBool(v.Bool()))
	case shapeTime:
		// UTC, as Roundtable reads times: an offset with seconds, which
		// TOML cannot write, comes back as the same instant.
		t := v.Interface().(time.Time).UTC()
		if y := t.Year(); y < 0 || y > 9999 {
			return fmt.Errorf("%s is outside the years 0000 to 9999 that a session file can hold", t.Format(time.RFC3339))
		}
		buf.WriteString(t.Format(time.RFC3339Nano))
	case shapeStrings:
		buf.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				buf.WriteString(", ")
			}
			quoteTo(buf, v.Index(i).String())
		}
		buf.WriteByte(']')
	case shapeStructs:
		buf.WriteString("[]")
	}
	return nil
}

func appendKey(path []byte, key string) []byte {
	out := make([]byte, 0, len(path)+1+len(key))
	out = append(out, path...)
	if len(path) > 0 {
		out = append(out, '.')
	}
	return append(out, key...)
}

func header(buf *bytes.Buffer, path []byte, array bool) {
	buf.WriteByte('\n')
	if array {
		buf.WriteString("[[")
		buf.Write(path)
		buf.WriteString("]]\n")
		return
	}
	buf.WriteByte('[')
	buf.Write(path)
	buf.WriteString("]\n")
}

// distinctKeys returns the keys of map m, sorted, unless two of them would be
// written as one: keys that differ only in bytes that are not UTF-8 text,
// each written as U+FFFD.
func distinctKeys(m reflect.Value, path []byte) ([]reflect.Value, error) {
	keys := sortedKeys(m)
	if !slices.ContainsFunc(keys, func(k reflect.Value) bool { return !utf8.ValidString(k.String()) }) {
		return keys, nil
	}
	seen := make(map[string]string, len(keys))
	for _, k := range keys {
		s := k.String()
		w := asWritten(s)
		if other, dup := seen[w]; dup {
			return nil, fmt.Errorf("%s has the keys %q and %q, which differ only in bytes that are not text and would both be written as %q", path, other, s, w)
		}
		seen[w] = s
	}
	return keys, nil
}

func sortedKeys(m reflect.Value) []reflect.Value {
	keys := m.MapKeys()
	slices.SortFunc(keys, func(a, b reflect.Value) int {
		switch x, y := a.String(), b.String(); {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	})
	return keys
}

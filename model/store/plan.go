package store

import (
	"bytes"
	"encoding"
	"errors"
	"reflect"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/roundtable/roundtable/model"
)

// The session file is read and written by a codec that knows the shapes of
// the model's types, because the general TOML library takes two to three
// times the 20 ms budget on a large session. Any type or file outside those
// shapes goes to the library instead, so the fast codec only ever decides
// how quickly a file is handled, never what it means.

// errUnsupported sends a type or a file to the general TOML library.
var errUnsupported = errors.New("outside the session file's usual shape")

// shape is what a struct field holds, as far as the fast codec is concerned.
type shape int

const (
	shapeString    shape = iota // a string kind
	shapeText                   // a string kind that writes itself (model.Text)
	shapeInt                    // int or int64
	shapeBool                   //
	shapeTime                   // time.Time
	shapeStrings                // a slice of a string kind
	shapeStruct                 // a nested table
	shapeStructs                // an array of tables
	shapeStringMap              // map[string]<string kind>, a table of strings
	shapeStructMap              // map[string]<struct>, a table of tables
)

type fieldPlan struct {
	key   string // as written in the file: bare or quoted
	name  string // as read from the file
	index int
	shape shape
	elem  *structPlan // for the struct shapes
}

type structPlan struct {
	fields []fieldPlan
	byName map[string]int
}

var modelPath = reflect.TypeFor[model.Session]().PkgPath()

var plans sync.Map // reflect.Type → *structPlan or error

var (
	timeType        = reflect.TypeFor[time.Time]()
	textType        = reflect.TypeFor[model.Text]()
	marshalerType   = reflect.TypeFor[toml.Marshaler]()
	unmarshalerType = reflect.TypeFor[toml.Unmarshaler]()
	textMarshaler   = reflect.TypeFor[encoding.TextMarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// planFor returns how the fast codec handles struct type t, or
// errUnsupported when only the general library can.
func planFor(t reflect.Type) (*structPlan, error) {
	if p, ok := plans.Load(t); ok {
		if err, isErr := p.(error); isErr {
			return nil, err
		}
		return p.(*structPlan), nil
	}
	p, err := buildPlan(t, map[reflect.Type]bool{})
	if err != nil {
		plans.Store(t, err)
		return nil, err
	}
	plans.Store(t, p)
	return p, nil
}

func buildPlan(t reflect.Type, building map[reflect.Type]bool) (*structPlan, error) {
	if building[t] {
		return nil, errUnsupported
	}
	building[t] = true
	defer delete(building, t)
	if customised(t) {
		return nil, errUnsupported
	}
	p := &structPlan{byName: map[string]int{}}
	for i := range t.NumField() {
		f := t.Field(i)
		// The library flattens embedded structs, exported or not.
		if f.Anonymous {
			return nil, errUnsupported
		}
		if !f.IsExported() {
			continue
		}
		name := f.Name
		if tag, ok := f.Tag.Lookup("toml"); ok {
			if tag == "-" {
				continue
			}
			var opts string
			name, opts, _ = strings.Cut(tag, ",")
			if opts != "" {
				return nil, errUnsupported
			}
			if name == "" {
				name = f.Name
			}
		}
		fp := fieldPlan{key: tomlKey(name), name: name, index: i}
		ft := f.Type
		switch {
		case ft == timeType:
			fp.shape = shapeTime
		case customisedExcept(ft, marshalerType) || ft.Kind() != reflect.Struct && !ownType(ft):
			// Types of other packages, such as time.Duration, may have
			// a meaning of their own in the library.
			return nil, errUnsupported
		case ft.Kind() == reflect.String:
			fp.shape = shapeString
			if ft.Implements(marshalerType) {
				fp.shape = shapeText
			}
		case customised(ft):
			return nil, errUnsupported
		case ft.Kind() == reflect.Int || ft.Kind() == reflect.Int64:
			fp.shape = shapeInt
		case ft.Kind() == reflect.Bool:
			fp.shape = shapeBool
		case ft.Kind() == reflect.Struct:
			fp.shape = shapeStruct
		case ft.Kind() == reflect.Slice && plainString(ft.Elem()):
			fp.shape = shapeStrings
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct && ft.Elem() != timeType:
			fp.shape = shapeStructs
		case ft.Kind() == reflect.Map && ft.Key().Kind() == reflect.String && !customised(ft.Key()) && plainString(ft.Elem()):
			fp.shape = shapeStringMap
		case ft.Kind() == reflect.Map && ft.Key().Kind() == reflect.String && !customised(ft.Key()) &&
			ft.Elem().Kind() == reflect.Struct && ft.Elem() != timeType:
			fp.shape = shapeStructMap
		default:
			return nil, errUnsupported
		}
		switch fp.shape {
		case shapeStruct:
			elem, err := buildPlan(ft, building)
			if err != nil {
				return nil, err
			}
			fp.elem = elem
		case shapeStructs, shapeStructMap:
			elem, err := buildPlan(ft.Elem(), building)
			if err != nil {
				return nil, err
			}
			fp.elem = elem
		}
		if _, dup := p.byName[name]; dup {
			return nil, errUnsupported
		}
		p.byName[name] = len(p.fields)
		p.fields = append(p.fields, fp)
	}
	return p, nil
}

// customised reports whether t reads or writes itself in some way.
func customised(t reflect.Type) bool {
	return customisedExcept(t, nil)
}

func customisedExcept(t reflect.Type, allowed reflect.Type) bool {
	pt := reflect.PointerTo(t)
	for _, iface := range []reflect.Type{marshalerType, unmarshalerType, textMarshaler, textUnmarshaler} {
		if iface == allowed {
			continue
		}
		if t.Implements(iface) || pt.Implements(iface) {
			return true
		}
	}
	return false
}

// plainString is a string kind that neither reads nor writes itself.
func plainString(t reflect.Type) bool {
	return t.Kind() == reflect.String && !customised(t) && ownType(t)
}

// ownType is a predeclared type or one of the model's.
func ownType(t reflect.Type) bool {
	return t.PkgPath() == "" || t.PkgPath() == modelPath
}

// tomlKey writes a key bare when TOML allows it, else as a quoted string.
func tomlKey(k string) string {
	if k == "" {
		return `""`
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			var b bytes.Buffer
			quoteTo(&b, k)
			return b.String()
		}
	}
	return k
}

// quoteTo writes s as a one-line TOML basic string. Bytes that are not UTF-8
// become U+FFFD, as model.Clean would make them.
func quoteTo(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < 0x7f {
			i++
			continue
		}
		if c >= 0x80 {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || size != 1 {
				i += size
				continue
			}
		}
		b.WriteString(s[start:i])
		switch c {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if c >= 0x80 {
				b.WriteString("\uFFFD")
			} else {
				b.WriteString(`\u00`)
				b.WriteByte(hexDigits[c>>4])
				b.WriteByte(hexDigits[c&0xf])
			}
		}
		i++
		start = i
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

const hexDigits = "0123456789ABCDEF"

package store

import (
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// decodeFast reads a file of the shape Roundtable writes into v, an
// addressable struct, and returns the keys set at the top level. Anything it
// does not expect, whether valid TOML or not, is errUnsupported: an unknown
// key, a type mismatch, a repeated key or table, a literal string, a dotted
// key, a multi-line array, a CR. The caller then decodes with the library,
// which also gives the error's line and column. It reports whether the file
// sets schema_version.
func decodeFast(data []byte, v reflect.Value) (bool, error) {
	p, err := planFor(v.Type())
	if err != nil {
		return false, err
	}
	if !utf8.Valid(data) {
		return false, errUnsupported
	}
	d := &fastDecoder{
		data:     data,
		root:     v,
		rootPlan: p,
		tables:   map[string]bool{},
		static:   map[string]bool{},
		names:    map[string]string{},
	}
	d.enter("", v, p, nil)
	d.curIsRoot = true
	if !d.run() {
		return false, errUnsupported
	}
	return d.sawVersion, nil
}

type fastDecoder struct {
	data []byte
	pos  int

	root       reflect.Value
	rootPlan   *structPlan
	sawVersion bool
	// tables holds every table defined by a header, by its decoded path
	// with array indexes, so a repeated header is noticed; static holds the
	// empty lists of tables written as "key = []", which no header may
	// extend.
	tables map[string]bool
	static map[string]bool
	// segs and path are reused from header to header.
	segs []string
	path []byte
	// names holds every key read so far, so a key that recurs in every
	// table (title, cells' role ids) is one string, not one per table.
	names map[string]string

	// The table that keys go to: a struct (plan set) or a map of strings
	// (plan nil); entries of a map of tables are read into a new value
	// that finish stores.
	cur       reflect.Value
	curPath   string
	curPlan   *structPlan
	curIsMap  bool
	curIsRoot bool
	// seen marks the fields of a struct table already set; a table of
	// tables' own header takes no keys at all.
	seen   []bool
	noKeys bool
	// mapKey and mapValue carry each entry of a map of strings into it.
	mapKey, mapValue reflect.Value
	finish           func()
}

func (d *fastDecoder) enter(path string, v reflect.Value, p *structPlan, finish func()) {
	d.cur, d.curPath, d.curPlan, d.curIsMap, d.curIsRoot = v, path, p, p == nil, false
	d.noKeys = false
	if p != nil {
		d.seen = append(d.seen[:0], make([]bool, len(p.fields))...)
	} else {
		d.mapKey = reflect.New(v.Type().Key()).Elem()
		d.mapValue = reflect.New(v.Type().Elem()).Elem()
	}
	d.finish = finish
}

func (d *fastDecoder) run() bool {
	for {
		d.skipSpace()
		if d.pos >= len(d.data) {
			break
		}
		var ok bool
		switch d.data[d.pos] {
		case '\n':
			d.pos++
			continue
		case '#':
			ok = d.comment()
		case '[':
			ok = d.header()
		default:
			ok = d.keyValue()
		}
		if !ok {
			return false
		}
	}
	if d.finish != nil {
		d.finish()
	}
	return true
}

func (d *fastDecoder) skipSpace() {
	for d.pos < len(d.data) && (d.data[d.pos] == ' ' || d.data[d.pos] == '\t') {
		d.pos++
	}
}

// comment reads a comment up to and including its line end.
func (d *fastDecoder) comment() bool {
	for d.pos++; d.pos < len(d.data); d.pos++ {
		c := d.data[d.pos]
		if c == '\n' {
			d.pos++
			return true
		}
		if c < 0x20 && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}

// endOfLine reads what may follow a header or value: blanks, a comment, the
// line end.
func (d *fastDecoder) endOfLine() bool {
	d.skipSpace()
	if d.pos >= len(d.data) {
		return true
	}
	switch d.data[d.pos] {
	case '\n':
		d.pos++
		return true
	case '#':
		return d.comment()
	}
	return false
}

func (d *fastDecoder) header() bool {
	array := strings.HasPrefix(string(d.data[d.pos:min(d.pos+2, len(d.data))]), "[[")
	if array {
		d.pos += 2
	} else {
		d.pos++
	}
	segs := d.segs[:0]
	for {
		d.skipSpace()
		seg, ok := d.key()
		if !ok {
			return false
		}
		segs = append(segs, seg)
		d.skipSpace()
		if d.pos < len(d.data) && d.data[d.pos] == '.' {
			d.pos++
			continue
		}
		break
	}
	closing := "]"
	if array {
		closing = "]]"
	}
	if !strings.HasPrefix(string(d.data[d.pos:min(d.pos+len(closing), len(d.data))]), closing) {
		return false
	}
	d.pos += len(closing)
	if !d.endOfLine() {
		return false
	}
	if d.finish != nil {
		d.finish()
		d.finish = nil
	}
	d.segs = segs
	return d.open(segs, array)
}

// open walks a header's path from the top and makes its table current.
func (d *fastDecoder) open(segs []string, array bool) bool {
	v, p := d.root, d.rootPlan
	path := d.path[:0]
	defer func() { d.path = path }()
	for i := 0; i < len(segs); i++ {
		last := i == len(segs)-1
		fi, ok := p.byName[segs[i]]
		if !ok {
			return false
		}
		f := &p.fields[fi]
		fv := v.Field(f.index)
		path = append(append(path, 0), segs[i]...)
		if d.static[string(path)] {
			return false
		}
		switch f.shape {
		case shapeStruct:
			if last && array {
				return false
			}
			v, p = fv, f.elem
		case shapeStructs:
			if last && array {
				fv.Set(reflect.Append(fv, reflect.New(fv.Type().Elem()).Elem()))
			} else if last || fv.Len() == 0 {
				return false
			}
			path = strconv.AppendInt(append(path, 1), int64(fv.Len()-1), 10)
			v, p = fv.Index(fv.Len()-1), f.elem
		case shapeStringMap:
			if !last || array {
				return false
			}
			if fv.IsNil() {
				fv.Set(reflect.MakeMap(fv.Type()))
			}
			return d.define(path, func(p string) { d.enter(p, fv, nil, nil) })
		case shapeStructMap:
			if array {
				return false
			}
			if fv.IsNil() {
				fv.Set(reflect.MakeMap(fv.Type()))
			}
			if last {
				// Entries come as tables of their own; the map's own
				// table holds no keys.
				return d.define(path, func(p string) { d.enter(p, fv, nil, nil); d.noKeys = true })
			}
			if i+2 != len(segs) {
				return false
			}
			key := reflect.ValueOf(segs[i+1]).Convert(fv.Type().Key())
			path = append(append(path, 0), segs[i+1]...)
			entry := reflect.New(fv.Type().Elem()).Elem()
			elem := f.elem
			return d.define(path, func(p string) {
				d.enter(p, entry, elem, func() { fv.SetMapIndex(key, entry) })
			})
		default:
			return false
		}
	}
	return d.define(path, func(path string) { d.enter(path, v, p, nil) })
}

// define records a table defined by a header and enters it, unless it was
// defined before.
func (d *fastDecoder) define(path []byte, enter func(path string)) bool {
	if d.tables[string(path)] {
		return false
	}
	p := string(path)
	d.tables[p] = true
	enter(p)
	return true
}

// intern returns b as a string, the same one each time it recurs.
func (d *fastDecoder) intern(b []byte) string {
	if s, ok := d.names[string(b)]; ok {
		return s
	}
	s := string(b)
	d.names[s] = s
	return s
}

// key reads a bare or quoted key.
func (d *fastDecoder) key() (string, bool) {
	start := d.pos
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			break
		}
		d.pos++
	}
	if d.pos > start {
		return d.intern(d.data[start:d.pos]), true
	}
	if d.pos < len(d.data) && d.data[d.pos] == '"' && !d.at(`"""`) {
		return d.basicString()
	}
	return "", false
}

func (d *fastDecoder) at(s string) bool {
	return strings.HasPrefix(string(d.data[d.pos:min(d.pos+len(s), len(d.data))]), s)
}

func (d *fastDecoder) keyValue() bool {
	k, ok := d.key()
	if !ok {
		return false
	}
	d.skipSpace()
	if d.pos >= len(d.data) || d.data[d.pos] != '=' {
		return false
	}
	d.pos++
	d.skipSpace()
	if d.noKeys {
		return false
	}
	if d.curIsMap {
		d.mapKey.SetString(k)
		if d.cur.MapIndex(d.mapKey).IsValid() {
			return false
		}
		s, ok := d.stringValue()
		if !ok {
			return false
		}
		d.mapValue.SetString(s)
		d.cur.SetMapIndex(d.mapKey, d.mapValue)
		return d.endOfLine()
	}
	fi, ok := d.curPlan.byName[k]
	if !ok || d.seen[fi] {
		return false
	}
	d.seen[fi] = true
	if d.curIsRoot && k == "schema_version" {
		d.sawVersion = true
	}
	f := &d.curPlan.fields[fi]
	fv := d.cur.Field(f.index)
	switch f.shape {
	case shapeString, shapeText:
		s, ok := d.stringValue()
		if !ok {
			return false
		}
		fv.SetString(s)
	case shapeInt:
		n, ok := d.intValue()
		if !ok {
			return false
		}
		fv.SetInt(n)
	case shapeBool:
		switch {
		case d.at("true"):
			fv.SetBool(true)
			d.pos += 4
		case d.at("false"):
			fv.SetBool(false)
			d.pos += 5
		default:
			return false
		}
	case shapeTime:
		t, ok := d.timeValue()
		if !ok {
			return false
		}
		fv.Set(reflect.ValueOf(t))
	case shapeStrings:
		if !d.stringsValue(fv) {
			return false
		}
	case shapeStructs:
		// Only the empty list Roundtable writes for a list with nothing in it.
		if !d.at("[") {
			return false
		}
		d.pos++
		d.skipSpace()
		if !d.at("]") {
			return false
		}
		d.pos++
		fv.Set(reflect.MakeSlice(fv.Type(), 0, 0))
		d.static[d.curPath+"\x00"+k] = true
	default:
		return false
	}
	return d.endOfLine()
}

func (d *fastDecoder) stringValue() (string, bool) {
	if d.at(`"""`) {
		return d.multiLineString()
	}
	if d.pos < len(d.data) && d.data[d.pos] == '"' {
		return d.basicString()
	}
	return "", false
}

// basicString reads a one-line basic string, its opening quote at d.pos.
func (d *fastDecoder) basicString() (string, bool) {
	d.pos++
	var b strings.Builder
	start := d.pos
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		switch {
		case c == '"':
			s := string(d.data[start:d.pos])
			if b.Len() > 0 {
				b.WriteString(s)
				s = b.String()
			}
			d.pos++
			return s, true
		case c == '\\':
			b.Write(d.data[start:d.pos])
			if !d.escape(&b) {
				return "", false
			}
			start = d.pos
		case c < 0x20 && c != '\t' || c == 0x7f:
			return "", false
		default:
			d.pos++
		}
	}
	return "", false
}

// multiLineString reads a multi-line basic string, its opening delimiter
// at d.pos.
func (d *fastDecoder) multiLineString() (string, bool) {
	d.pos += 3
	if d.pos < len(d.data) && d.data[d.pos] == '\n' {
		d.pos++
	}
	var b strings.Builder
	start := d.pos
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		switch {
		case c == '"':
			n := 0
			for d.pos+n < len(d.data) && d.data[d.pos+n] == '"' {
				n++
			}
			if n < 3 {
				d.pos += n
				continue
			}
			if n > 5 {
				return "", false
			}
			// Up to two quotes before the delimiter belong to the text.
			b.Write(d.data[start : d.pos+n-3])
			d.pos += n
			return b.String(), true
		case c == '\\':
			b.Write(d.data[start:d.pos])
			if !d.escape(&b) {
				return "", false
			}
			start = d.pos
		case c < 0x20 && c != '\t' && c != '\n' || c == 0x7f:
			return "", false
		default:
			d.pos++
		}
	}
	return "", false
}

// escape reads one escape sequence of TOML 1.0, its backslash at d.pos.
// A line-ending backslash and newer escapes go to the library.
func (d *fastDecoder) escape(b *strings.Builder) bool {
	if d.pos+1 >= len(d.data) {
		return false
	}
	c := d.data[d.pos+1]
	d.pos += 2
	switch c {
	case 'b':
		b.WriteByte('\b')
	case 't':
		b.WriteByte('\t')
	case 'n':
		b.WriteByte('\n')
	case 'f':
		b.WriteByte('\f')
	case 'r':
		b.WriteByte('\r')
	case '"':
		b.WriteByte('"')
	case '\\':
		b.WriteByte('\\')
	case 'u', 'U':
		n := 4
		if c == 'U' {
			n = 8
		}
		if d.pos+n > len(d.data) {
			return false
		}
		hex := string(d.data[d.pos : d.pos+n])
		for i := 0; i < len(hex); i++ {
			if !strings.ContainsRune("0123456789abcdefABCDEF", rune(hex[i])) {
				return false
			}
		}
		r, err := strconv.ParseUint(hex, 16, 32)
		if err != nil || !utf8.ValidRune(rune(r)) {
			return false
		}
		b.WriteRune(rune(r))
		d.pos += n
	default:
		return false
	}
	return true
}

// intValue reads a decimal integer without sign, underscores or leading
// zeros, or with a minus.
func (d *fastDecoder) intValue() (int64, bool) {
	start := d.pos
	if d.pos < len(d.data) && d.data[d.pos] == '-' {
		d.pos++
	}
	digits := d.pos
	for d.pos < len(d.data) && d.data[d.pos] >= '0' && d.data[d.pos] <= '9' {
		d.pos++
	}
	if d.pos == digits || d.data[digits] == '0' && d.pos-digits > 1 {
		return 0, false
	}
	n, err := strconv.ParseInt(string(d.data[start:d.pos]), 10, 64)
	return n, err == nil
}

// timeValue reads a UTC date-time written as Roundtable writes them:
// 2006-01-02T15:04:05Z, with or without a fraction of a second.
func (d *fastDecoder) timeValue() (time.Time, bool) {
	const layout = "dddd-dd-ddTdd:dd:dd"
	if d.pos+len(layout) > len(d.data) {
		return time.Time{}, false
	}
	for i := 0; i < len(layout); i++ {
		c := d.data[d.pos+i]
		if layout[i] == 'd' && (c < '0' || c > '9') || layout[i] != 'd' && c != layout[i] {
			return time.Time{}, false
		}
	}
	end := d.pos + len(layout)
	if end < len(d.data) && d.data[end] == '.' {
		end++
		frac := end
		for end < len(d.data) && d.data[end] >= '0' && d.data[end] <= '9' {
			end++
		}
		if end == frac || end-frac > 9 {
			return time.Time{}, false
		}
	}
	if end >= len(d.data) || d.data[end] != 'Z' {
		return time.Time{}, false
	}
	end++
	t, err := time.Parse(time.RFC3339Nano, string(d.data[d.pos:end]))
	if err != nil {
		return time.Time{}, false
	}
	d.pos = end
	return t, true
}

// stringsValue reads a one-line array of basic strings into fv.
func (d *fastDecoder) stringsValue(fv reflect.Value) bool {
	if d.pos >= len(d.data) || d.data[d.pos] != '[' {
		return false
	}
	d.pos++
	var items []string
	for {
		d.skipSpace()
		if d.pos < len(d.data) && d.data[d.pos] == ']' {
			d.pos++
			break
		}
		if d.pos >= len(d.data) || d.data[d.pos] != '"' || d.at(`"""`) {
			return false
		}
		s, ok := d.basicString()
		if !ok {
			return false
		}
		items = append(items, s)
		d.skipSpace()
		if d.pos < len(d.data) && d.data[d.pos] == ',' {
			d.pos++
			continue
		}
		if d.pos < len(d.data) && d.data[d.pos] == ']' {
			d.pos++
			break
		}
		return false
	}
	out := reflect.MakeSlice(fv.Type(), len(items), len(items))
	for i, s := range items {
		out.Index(i).SetString(s)
	}
	fv.Set(out)
	return true
}

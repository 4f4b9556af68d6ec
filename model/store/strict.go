package store

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The TOML library lets through a few files that TOML forbids, all of them
// about which table a key belongs to: a table defined both by dotted keys
// and by a header, a table or an array of tables added to by dotted keys, an
// inline table added to from outside its braces, and an offset minute of 60.
// checkStrict refuses them, with the line, after the library has read the
// file, so it only follows the structure and never has to judge syntax. It
// runs on files the fast decoder hands over, never on Roundtable's own.

// tableKind is how a name in the file came to exist.
type tableKind int

const (
	madeByPath  tableKind = iota // a table named on the way to a header: [a.b] makes a
	madeByHead                   // a table defined by its header, [a]
	madeByDots                   // a table made by dotted keys: a.b = 1 makes a
	madeByArray                  // an array of tables, [[a]]
	madeByValue                  // a value: inline tables and arrays are complete
)

type tomlName struct {
	kind     tableKind
	line     int
	children map[string]*tomlName
	// last is the table the latest [[header]] of an array of tables added.
	last *tomlName
}

func (n *tomlName) child(key string) *tomlName {
	if n.children == nil {
		return nil
	}
	return n.children[key]
}

func (n *tomlName) add(key string, kind tableKind, line int) *tomlName {
	if n.children == nil {
		n.children = map[string]*tomlName{}
	}
	c := &tomlName{kind: kind, line: line}
	n.children[key] = c
	return c
}

type strictChecker struct {
	data []byte
	pos  int
	root *tomlName
}

func checkStrict(data []byte) error {
	c := &strictChecker{data: data, root: &tomlName{kind: madeByHead}}
	cur := c.root
	for {
		c.skipBlank(true)
		if c.pos >= len(c.data) {
			return nil
		}
		start := c.pos
		var err error
		var ok bool
		if c.data[c.pos] == '[' {
			cur, ok, err = c.header(start)
		} else {
			ok, err = c.keyValue(cur, true)
		}
		if err != nil {
			return err
		}
		if !ok {
			// Something this reader does not follow: the library has read
			// the file, and nothing more is checked.
			return nil
		}
	}
}

func (c *strictChecker) line(pos int) int {
	return 1 + strings.Count(string(c.data[:min(pos, len(c.data))]), "\n")
}

func (c *strictChecker) fail(pos int, format string, args ...any) error {
	line, col := 0, 0
	if pos >= 0 {
		line = c.line(pos)
		col = pos - strings.LastIndexByte(string(c.data[:pos]), '\n')
	}
	return &ParseError{Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// skipBlank skips spaces and tabs, and with lines also line ends and
// comments.
func (c *strictChecker) skipBlank(lines bool) {
	for c.pos < len(c.data) {
		switch c.data[c.pos] {
		case ' ', '\t', '\r':
			c.pos++
		case '\n':
			if !lines {
				return
			}
			c.pos++
		case '#':
			if !lines {
				return
			}
			for c.pos < len(c.data) && c.data[c.pos] != '\n' {
				c.pos++
			}
		default:
			return
		}
	}
}

// dottedKey reads a key of one or more parts and returns them decoded.
func (c *strictChecker) dottedKey() ([]string, bool) {
	var parts []string
	for {
		c.skipBlank(false)
		part, ok := c.keyPart()
		if !ok {
			return nil, false
		}
		parts = append(parts, part)
		c.skipBlank(false)
		if c.pos < len(c.data) && c.data[c.pos] == '.' {
			c.pos++
			continue
		}
		return parts, true
	}
}

func (c *strictChecker) keyPart() (string, bool) {
	if c.pos >= len(c.data) {
		return "", false
	}
	switch q := c.data[c.pos]; q {
	case '"', '\'':
		end := skipString(c.data, c.pos)
		if end <= c.pos || c.data[end] != q {
			return "", false
		}
		raw := string(c.data[c.pos+1 : end])
		c.pos = end + 1
		if q == '\'' {
			return raw, true
		}
		return unescapeKey(raw)
	}
	start := c.pos
	for c.pos < len(c.data) && !strings.ContainsRune(" \t\r\n.=[]\"'#,{}", rune(c.data[c.pos])) {
		c.pos++
	}
	return string(c.data[start:c.pos]), c.pos > start
}

// unescapeKey decodes the escapes of a basic string, TOML 1.1's included.
func unescapeKey(s string) (string, bool) {
	if !strings.Contains(s, `\`) {
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 >= len(s) {
			return "", false
		}
		i++
		switch e := s[i]; e {
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
		case 'e':
			b.WriteByte(0x1b)
		case '"', '\\':
			b.WriteByte(e)
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			if i+n > len(s)-1 {
				return "", false
			}
			r, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
			if err != nil || !utf8.ValidRune(rune(r)) {
				return "", false
			}
			b.WriteRune(rune(r))
			i += n
		default:
			return "", false
		}
	}
	return b.String(), true
}

// header reads [a.b] or [[a.b]] and returns the table its keys go to.
func (c *strictChecker) header(start int) (*tomlName, bool, error) {
	array := c.pos+1 < len(c.data) && c.data[c.pos+1] == '['
	c.pos++
	if array {
		c.pos++
	}
	parts, ok := c.dottedKey()
	if !ok || c.pos >= len(c.data) || c.data[c.pos] != ']' {
		return nil, false, nil
	}
	c.pos++
	if array {
		if c.pos >= len(c.data) || c.data[c.pos] != ']' {
			return nil, false, nil
		}
		c.pos++
	}
	line := c.line(start)
	name := "[" + strings.Join(parts, ".") + "]"
	if array {
		name = "[" + name + "]"
	}
	t := c.root
	for i, p := range parts {
		n := t.child(p)
		last := i == len(parts)-1
		if n == nil {
			switch {
			case !last:
				t = t.add(p, madeByPath, line)
			case array:
				n = t.add(p, madeByArray, line)
				n.last = &tomlName{kind: madeByHead, line: line}
				t = n.last
			default:
				t = t.add(p, madeByHead, line)
			}
			continue
		}
		switch {
		case n.kind == madeByValue:
			return nil, false, c.fail(start, "%s adds to %s, which line %d sets to a value; a value, an inline table included, cannot be added to",
				name, strings.Join(parts[:i+1], "."), n.line)
		case n.kind == madeByArray && last && array:
			n.last = &tomlName{kind: madeByHead, line: line}
			t = n.last
		case n.kind == madeByArray && !last:
			t = n.last
		case n.kind == madeByArray:
			return nil, false, c.fail(start, "%s names the array of tables of line %d as a table; TOML allows only [[%s]] there",
				name, n.line, strings.Join(parts, "."))
		case !last:
			t = n
		case array:
			return nil, false, c.fail(start, "%s names the table of line %d as an array of tables", name, n.line)
		case n.kind == madeByDots:
			return nil, false, c.fail(start, "%s defines a table that dotted keys on line %d already defined; TOML defines a table only once: move its keys under one of them",
				name, n.line)
		case n.kind == madeByHead:
			return nil, false, c.fail(start, "%s is defined twice: on line %d and here", name, n.line)
		default:
			n.kind, n.line = madeByHead, line
			t = n
		}
	}
	return t, c.endOfLine(), nil
}

func (c *strictChecker) endOfLine() bool {
	c.skipBlank(false)
	if c.pos < len(c.data) && c.data[c.pos] == '#' {
		c.skipBlank(true)
		return true
	}
	return c.pos >= len(c.data) || c.data[c.pos] == '\n'
}

// keyValue reads key = value into table t; topLevel is a line of the file
// rather than an entry of an inline table.
func (c *strictChecker) keyValue(t *tomlName, topLevel bool) (bool, error) {
	start := c.pos
	parts, ok := c.dottedKey()
	if !ok || c.pos >= len(c.data) || c.data[c.pos] != '=' {
		return false, nil
	}
	c.pos++
	line := c.line(start)
	key := strings.Join(parts, ".")
	for i, p := range parts {
		n := t.child(p)
		if i == len(parts)-1 {
			if n != nil {
				return false, c.fail(start, "%s is set twice: on line %d and here", key, n.line)
			}
			t = t.add(p, madeByValue, line)
			break
		}
		if n == nil {
			t = t.add(p, madeByDots, line)
			continue
		}
		at := strings.Join(parts[:i+1], ".")
		switch n.kind {
		case madeByPath:
			// Named on the way to a header but not defined: dotted keys
			// define it now, and no header may later.
			n.kind, n.line = madeByDots, line
			t = n
			continue
		case madeByDots:
			t = n
			continue
		case madeByValue:
			return false, c.fail(start, "%s adds to %s, which line %d sets to a value; a value, an inline table included, cannot be added to", key, at, n.line)
		case madeByArray:
			return false, c.fail(start, "%s adds to the array of tables %s of line %d; TOML adds to one only with [[%s]]", key, at, n.line, at)
		}
		return false, c.fail(start, "%s adds to the table %s that the header on line %d made; TOML lets dotted keys make tables, not add to those: write the key under that header",
			key, at, n.line)
	}
	c.skipBlank(false)
	if ok, err := c.value(t); !ok || err != nil {
		return false, err
	}
	if topLevel {
		return c.endOfLine(), nil
	}
	return true, nil
}

// value reads one value; an inline table's keys go to t, which is complete
// once read.
func (c *strictChecker) value(t *tomlName) (bool, error) {
	if c.pos >= len(c.data) {
		return false, nil
	}
	switch c.data[c.pos] {
	case '"', '\'':
		end := skipString(c.data, c.pos)
		if end <= c.pos {
			return false, nil
		}
		c.pos = end + 1
		return true, nil
	case '{':
		c.pos++
		for {
			c.skipBlank(true)
			if c.pos >= len(c.data) {
				return false, nil
			}
			if c.data[c.pos] == '}' {
				c.pos++
				return true, nil
			}
			if ok, err := c.keyValue(t, false); !ok || err != nil {
				return false, err
			}
			c.skipBlank(true)
			if c.pos < len(c.data) && c.data[c.pos] == ',' {
				c.pos++
			}
		}
	case '[':
		c.pos++
		for {
			c.skipBlank(true)
			if c.pos >= len(c.data) {
				return false, nil
			}
			if c.data[c.pos] == ']' {
				c.pos++
				return true, nil
			}
			// Each inline table in an array is a table of its own.
			if ok, err := c.value(&tomlName{kind: madeByValue}); !ok || err != nil {
				return false, err
			}
			c.skipBlank(true)
			if c.pos < len(c.data) && c.data[c.pos] == ',' {
				c.pos++
			}
		}
	}
	start := c.pos
	c.bareValue()
	// A date and a time may be separated by a space.
	if dateOnly.Match(c.data[start:c.pos]) && c.pos+1 < len(c.data) && c.data[c.pos] == ' ' &&
		c.data[c.pos+1] >= '0' && c.data[c.pos+1] <= '9' {
		c.pos++
		c.bareValue()
	}
	if c.pos == start {
		return false, nil
	}
	if m := zoneOffset.FindSubmatch(c.data[start:c.pos]); m != nil {
		hours, _ := strconv.Atoi(string(m[2]))
		minutes, _ := strconv.Atoi(string(m[3]))
		if hours > 23 || minutes > 59 {
			return false, c.fail(start, "the time %s has the offset %s, which is no time zone: hours go up to 23 and minutes to 59",
				c.data[start:c.pos], m[1])
		}
	}
	return true, nil
}

func (c *strictChecker) bareValue() {
	for c.pos < len(c.data) && !strings.ContainsRune(" \t\r\n,]}#", rune(c.data[c.pos])) {
		c.pos++
	}
}

var (
	dateOnly   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	zoneOffset = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?([+-](\d{2}):(\d{2}))$`)
)

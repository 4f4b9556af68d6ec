package model

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Text is free text that may span several lines: notes, mitigations,
// messages. In the session file it is written as a multi-line string so that
// a person can read and edit it; a plain string field would put the whole
// paragraph on one line with \n escapes.
type Text string

// MarshalTOML writes t as a TOML multi-line basic string when it has a line
// break, and as an ordinary quoted string otherwise. Everything TOML does not
// allow raw in a multi-line string is escaped, so any valid UTF-8 comes back
// from the file byte for byte.
func (t Text) MarshalTOML() ([]byte, error) {
	return t.AppendTOML(make([]byte, 0, len(t)+8)), nil
}

// AppendTOML appends what MarshalTOML writes to b, so that a session file is
// written without a copy of every text on the way.
func (t Text) AppendTOML(b []byte) []byte {
	s := string(t)
	if !strings.Contains(s, "\n") {
		return appendQuoted(b, s)
	}
	b = append(b, "\"\"\"\n"...)
	for i, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b = utf8.AppendRune(b, r)
		case r == '\\':
			b = append(b, `\\`...)
		case r == '"':
			// A run of three quotes would close the string; a quote just
			// before the closing delimiter would merge with it.
			if i+1 == len(s) || s[i+1] == '"' {
				b = append(b, `\"`...)
			} else {
				b = append(b, '"')
			}
		case r < 0x20 || r == 0x7f:
			b = append(b, `\u`...)
			b = append(b, hex4(r)...)
		case r == utf8.RuneError:
			// An invalid byte cannot be stored in TOML; write the
			// replacement character it already stands for on screen.
			b = utf8.AppendRune(b, utf8.RuneError)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, `"""`...)
}

// appendQuoted appends s as a TOML basic string on one line.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"':
			b = append(b, `\"`...)
		case r == '\\':
			b = append(b, `\\`...)
		case r == '\t':
			b = append(b, `\t`...)
		case r == '\n':
			b = append(b, `\n`...)
		case r == '\r':
			b = append(b, `\r`...)
		case r < 0x20 || r == 0x7f:
			b = append(b, `\u`...)
			b = append(b, hex4(r)...)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '"')
}

func hex4(r rune) string {
	h := strconv.FormatInt(int64(r), 16)
	return strings.Repeat("0", 4-len(h)) + strings.ToUpper(h)
}

// Clean makes s safe to keep: invalid UTF-8 becomes the replacement
// character, so what is stored is exactly what was shown. Everything else,
// control characters included, is kept; renderers escape it for display.
func Clean(s string) string {
	return strings.ToValidUTF8(s, "\uFFFD")
}

// Position turns a byte offset into data into a 1-based line and column,
// counting columns in characters. Parse errors of TOML files are reported
// this way: the decoder's own line is the one after a line that ends too
// early.
func Position(data []byte, offset int) (line, col int) {
	offset = min(max(offset, 0), len(data))
	before := data[:offset]
	line = 1 + strings.Count(string(before), "\n")
	start := strings.LastIndexByte(string(before), '\n') + 1
	return line, 1 + utf8.RuneCount(before[start:])
}

package plan

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// esc turns any user text into one line of inert Markdown, for a table cell,
// a heading, a list item or a paragraph alike:
//
//   - line breaks of every kind (LF, CR, NEL, U+2028, U+2029, VT, FF) become
//     " / ", since a newline would end a table row or start a new block;
//     tabs and runs of spaces become one space; the ends are trimmed, so no
//     indentation makes a code block and no trailing spaces a line break;
//   - control characters and invisible format characters (direction marks
//     and overrides, byte-order marks, zero-width spaces, word joiners, soft
//     hyphens, tags) are dropped: they would reach the file invisibly,
//     reorder what a reader sees or make two names look the same; a joiner
//     stays only where it joins, between emoji or in a script that uses it;
//   - \ ` * _ [ ] < > | ~ & @ # $ are always backslash-escaped: emphasis,
//     code, links, tables, strikethrough, entities, HTML, mentions, headings
//     and GitHub's maths cannot start;
//   - a leading - + = or digits followed by . or ) are escaped, so no list,
//     thematic break or heading underline starts where the text does;
//   - the ":" after a scheme-like word ("http:", "javascript:") and the "."
//     of a leading "www." are escaped, so no bare link is recognised.
func esc(s string) string {
	if plain(s) {
		return s
	}
	return clean(s, true)
}

// clean does what esc does, escaping for Markdown only when markdown is
// set: without, it is what a reader of the plan sees of s.
func clean(s string, markdown bool) string {
	if !markdown && tidy(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8 + 4)
	// gap is what separates the next character from the last one written:
	// nothing, a space, or a line break.
	const (
		gapNone = iota
		gapSpace
		gapBreak
	)
	gap := gapNone
	leadDigits := true
	for i, r := range s {
		switch {
		case lineBreak(r):
			if b.Len() > 0 {
				gap = gapBreak
			}
			continue
		case r == '\t' || unicode.IsSpace(r):
			if b.Len() > 0 && gap == gapNone {
				gap = gapSpace
			}
			continue
		case hidden(s, i, r):
			continue
		}
		switch gap {
		case gapSpace:
			b.WriteByte(' ')
			leadDigits = false
		case gapBreak:
			b.WriteString(" / ")
			leadDigits = false
		}
		gap = gapNone
		start := b.Len() == 0
		if r >= utf8.RuneSelf {
			b.WriteRune(r)
			leadDigits = false
			continue
		}
		c := byte(r)
		if markdown && needsEscape(c, start, leadDigits, b.String(), s[i+1:]) {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
		leadDigits = leadDigits && c >= '0' && c <= '9'
	}
	return b.String()
}

// needsEscape decides for one ASCII character c, given what was written
// before it and what follows it in the source.
func needsEscape(c byte, start, leadDigits bool, before, after string) bool {
	switch c {
	case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '@', '#', '$':
		return true
	case '-', '+', '=':
		return start
	case '.', ')':
		if leadDigits && !start {
			return true
		}
		return c == '.' && wwwBefore(before)
	case ':':
		return asciiLetter(lastByte(before)) && after != "" && !startsWithSpace(after)
	}
	return false
}

// wwwBefore reports whether the text written so far ends in a word "www".
func wwwBefore(before string) bool {
	n := len(before)
	if n < 3 || !strings.EqualFold(before[n-3:], "www") {
		return false
	}
	return n == 3 || !(asciiLetter(before[n-4]) || before[n-4] >= '0' && before[n-4] <= '9')
}

func lastByte(s string) byte {
	if s == "" {
		return 0
	}
	return s[len(s)-1]
}

func asciiLetter(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// lineBreak reports whether r ends a line in some system or renderer.
func lineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// hidden reports whether the character r at s[i] is left out of the plan;
// its place is given for characters kept only where they do their work.
// visible and headingWords ask it too, so that they never disagree with
// esc about what is left of a text.
func hidden(s string, i int, r rune) bool {
	return dropped(r) || isJoiner(r) && !joins(s, i, r)
}

// dropped reports whether r is left out of the plan wherever it is: control
// characters and the invisible format characters, but for the joiners.
func dropped(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) && !isJoiner(r)
}

// isJoiner reports whether r is the zero-width joiner or non-joiner, which
// join emoji into one ("👩‍👧") and letters of scripts such as Arabic and
// Devanagari into the right shapes.
func isJoiner(r rune) bool { return r == '\u200D' || r == '\u200C' }

// joins reports whether the joiner r at s[i] sits where it does that work;
// anywhere else, as in "A\u200dda", it only makes two names look the same.
func joins(s string, i int, r rune) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
	if r == '\u200D' && emojiPart(before) && emojiPart(after) {
		return true
	}
	return joiningScript(before) && joiningScript(after)
}

// emojiPart is a pictograph, or the presentation selector or skin tone that
// may end one before a joiner.
func emojiPart(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r >= 0x2B00 && r <= 0x2BFF || r == 0xFE0F
}

func joiningScript(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Syriac, unicode.Nko, unicode.Mongolian, unicode.Devanagari,
		unicode.Bengali, unicode.Gurmukhi, unicode.Gujarati, unicode.Oriya, unicode.Tamil, unicode.Telugu,
		unicode.Kannada, unicode.Malayalam, unicode.Sinhala, unicode.Myanmar, unicode.Khmer)
}

// plain reports whether s can go into the plan as it is: printable ASCII
// with nothing Markdown reads as structure, single spaces, and no space at
// either end. Most of a session's text is, and is copied without work.
func plain(s string) bool {
	if s == "" {
		return true
	}
	switch s[0] {
	case ' ', '-', '+', '=', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return false
	}
	if s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 || c >= 0x7f:
			return false
		case c == ' ' && s[i+1] == ' ':
			return false
		case c == '.' && wwwBefore(s[:i]):
			return false
		}
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '@', '#', '$', ':':
			return false
		}
	}
	return true
}

// tidy reports whether s reads as it is: printable ASCII, single spaces
// and no space at either end.
func tidy(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c >= 0x7f:
			return false
		case c == ' ' && s[i+1] == ' ':
			return false
		}
	}
	return true
}

// visible reports whether anything printable is left of s once line
// breaks, white space and invisible characters are taken out: whether esc
// gives anything.
func visible(s string) bool {
	for i, r := range s {
		if !lineBreak(r) && r != '\t' && !unicode.IsSpace(r) && !hidden(s, i, r) {
			return true
		}
	}
	return false
}

// headingEnd is the punctuation a heading should not end with.
func headingEnd(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '。', '，', '；', '：':
		return true
	}
	return false
}

// headingWords is typed text for a heading without the punctuation it
// should not end with, or "" when nothing is left: "Plan." gives "Plan".
// The punctuation goes with the white space around it; a line break before
// it stays, as the " /" that stands for it.
func headingWords(s string) string {
	// seen is set once the end has reached punctuation, so white space
	// before it separates it from the words; broken says that white
	// space holds a line break.
	seen, broken := false, false
	end := len(s)
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		switch {
		case lineBreak(r):
			broken = broken || seen
		case r == '\t' || unicode.IsSpace(r) || hidden(s, end-size, r):
		case headingEnd(r):
			if broken {
				return s[:end] + " /"
			}
			seen = true
		default:
			if broken {
				return s[:end] + " /"
			}
			return s[:end]
		}
		end -= size
	}
	return ""
}

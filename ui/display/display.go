// Package display makes any text safe to put on the screen: whatever bytes a
// participant typed or a file holds, a line keeps its width and the layout
// around it holds.
package display

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Ellipsis ends text cut to fit.
const Ellipsis = "…"

// NewlineMark stands for a line break inside a one-line cell.
const NewlineMark = "⏎"

// OneLine returns s for a one-line cell: line breaks become ⏎, tabs become a
// space, and control characters, bidirectional overrides, other invisible
// format characters and invalid bytes become visible symbols instead of
// moving the cursor, flipping text or making two names look the same. The
// invisible hints that only shape or hyphenate text (soft hyphens, joiners)
// are dropped: terminals draw them in cells of their own, or not at all.
func OneLine(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(utf8.RuneError)
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue
			}
			b.WriteString(NewlineMark)
		case r == '\n':
			b.WriteString(NewlineMark)
		case r == '\t':
			b.WriteByte(' ')
		default:
			writeVisible(&b, r)
		}
	}
	return b.String()
}

// Lines splits s into display lines: each line is cleaned like OneLine,
// except that tabs become four spaces. It never returns an empty slice.
func Lines(s string) []string {
	parts := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(OneLine(strings.ReplaceAll(p, "\t", "    ")), "\r", "")
	}
	return parts
}

// Wrap cleans s and wraps it into lines no wider than width, keeping the
// writer's own line breaks.
func Wrap(s string, width int) []string {
	if width < 1 {
		width = 1
	}
	var out []string
	for _, line := range Lines(s) {
		out = wrapLine(out, line, width, width)
	}
	return out
}

// wrapLine wraps line at at cells as the width library counts them, so that
// each piece is at most width cells as a terminal draws it: a piece that the
// library measures narrower than that is wrapped again, narrower.
func wrapLine(out []string, line string, at, width int) []string {
	if Width(line) <= width {
		return append(out, line)
	}
	for _, piece := range strings.Split(ansi.Wrap(line, at, " -"), "\n") {
		switch w := Width(piece); {
		case w <= width:
			out = append(out, piece)
		case at <= 1:
			out = append(out, Fit(piece, width))
		default:
			out = wrapLine(out, piece, max(at-(w-width), 1), width)
		}
	}
	return out
}

// Fit cuts s, which may hold styles, to at most width cells, ending with …
// when something was cut. Styles after the cut are kept, so none spills over.
func Fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if Width(s) <= width {
		return s
	}
	return truncate(s, width-Width(Ellipsis), Ellipsis)
}

// Pad cuts or pads s with spaces to exactly width cells.
func Pad(s string, width int) string {
	s = Fit(s, width)
	if w := Width(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// FitBlock cuts every line of a block to width and the block to height
// lines, so nothing drawn can spill past the terminal.
func FitBlock(s string, width, height int) string {
	if height <= 0 || width <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		lines[i] = Fit(l, width)
	}
	return strings.Join(lines, "\n")
}

// isPlain reports whether s is printable ASCII, the common case, which
// needs no copy.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

func writeVisible(b *strings.Builder, r rune) {
	switch {
	case r < 0x20:
		// The Unicode "control pictures" block shows C0 controls as ␀…␟.
		b.WriteRune(0x2400 + r)
	case r == 0x7f:
		b.WriteRune('␡')
	case r == 0xad || r == 0x200c || r == 0x200d:
		// A soft hyphen only marks where a word may break, and the
		// joiners only shape letters and emoji, which terminals do not:
		// some draw them in a cell of their own, others not at all.
	case r >= 0x80 && r < 0xa0, unicode.Is(unicode.Cf, r):
		// C1 controls, bidirectional overrides and marks, and the other
		// invisible format characters (zero-width spaces, word joiners,
		// tags, U+061C) would reorder or corrupt the line on some
		// terminals, or make two different names look the same.
		b.WriteRune(utf8.RuneError)
	default:
		b.WriteRune(r)
	}
}

// Count writes n with the noun that goes with it: "1 minute", "5 minutes".
// Every count on screen is written by it, so none reads "1 minutes".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// WrapWords wraps a heading to width in at most most lines, breaking a
// word too long for a line with a hyphen rather than anywhere, and cutting
// the last line with an ellipsis when more would be needed.
func WrapWords(s string, width, most int) []string {
	var words []string
	for _, w := range strings.Fields(s) {
		for width > 1 && Width(w) > width {
			head := ansi.Truncate(w, width-1, "")
			words = append(words, head+"-")
			w = strings.TrimPrefix(w, head)
		}
		words = append(words, w)
	}
	var out []string
	line := ""
	for _, w := range words {
		switch {
		case line == "":
			line = w
		case strings.HasSuffix(line, "-") && !strings.HasSuffix(line, " -"), Width(line)+1+Width(w) > width:
			out = append(out, line)
			line = w
		default:
			line += " " + w
		}
	}
	if line != "" {
		out = append(out, line)
	}
	if len(out) > most {
		out = out[:most]
		out[most-1] = Fit(out[most-1]+" …", width)
	}
	return out
}

// Row lays cells out in columns of the given widths, two spaces apart,
// each cut to its width; the last cell, without a width, ends the line as
// it is. Trailing blanks are left off.
func Row(cells []string, widths []int) string {
	var b strings.Builder
	size := 0
	for i, c := range cells {
		if i < len(widths) {
			size += widths[i] + 2
		} else {
			size += len(c)
		}
	}
	// Wide characters take more bytes than cells; one buffer does for most.
	b.Grow(size + 16)
	for i, c := range cells {
		if i >= len(widths) {
			b.WriteString(c)
			break
		}
		c = Fit(c, widths[i])
		b.WriteString(c)
		for n := Width(c); n < widths[i]+2; n++ {
			b.WriteByte(' ')
		}
	}
	return strings.TrimRight(b.String(), " ")
}

package plan

import (
	"bytes"
	"strconv"
	"strings"
)

// writer lays out the plan's blocks with exactly one blank line between
// them and one newline at the end, as Markdown linters ask.
type writer struct {
	b bytes.Buffer
}

// block starts a new block, after a blank line unless it is the first.
func (w *writer) block() {
	if w.b.Len() > 0 {
		w.b.WriteByte('\n')
	}
}

func (w *writer) heading(level int, text md) {
	w.block()
	w.b.WriteString(strings.Repeat("#", level))
	w.b.WriteByte(' ')
	w.b.WriteString(string(text))
	w.b.WriteByte('\n')
}

func (w *writer) para(text md) {
	w.block()
	w.b.WriteString(string(text))
	w.b.WriteByte('\n')
}

// list writes a bullet list, or nothing when there are no items.
func (w *writer) list(items []md) {
	if len(items) == 0 {
		return
	}
	w.block()
	for _, it := range items {
		w.b.WriteString("- ")
		w.b.WriteString(string(it))
		w.b.WriteByte('\n')
	}
}

// numbered writes an ordered list counted from 1.
func (w *writer) numbered(items []md) {
	if len(items) == 0 {
		return
	}
	w.block()
	for i, it := range items {
		w.b.WriteString(strconv.Itoa(i + 1))
		w.b.WriteString(". ")
		w.b.WriteString(string(it))
		w.b.WriteByte('\n')
	}
}

// table writes a GitHub table. Every row gets exactly as many cells as the
// header, so no row can lose or gain a column.
func (w *writer) table(head []md, rows [][]md) {
	w.block()
	w.row(head, len(head))
	w.b.WriteByte('|')
	for range head {
		w.b.WriteString(" --- |")
	}
	w.b.WriteByte('\n')
	for _, r := range rows {
		w.row(r, len(head))
	}
}

func (w *writer) row(cells []md, n int) {
	w.b.WriteByte('|')
	for i := range n {
		var c md
		if i < len(cells) {
			c = cells[i]
		}
		if c == "" {
			w.b.WriteString(" |")
			continue
		}
		w.b.WriteByte(' ')
		w.b.WriteString(string(c))
		w.b.WriteString(" |")
	}
	w.b.WriteByte('\n')
}

// num writes an integer.
func num(n int) md { return md(strconv.Itoa(n)) }

// join puts items together with sep.
func join(items []md, sep md) md {
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteString(string(sep))
		}
		b.WriteString(string(it))
	}
	return md(b.String())
}

// count writes n with the singular or plural noun.
func count(n int, one, many string) md {
	if n == 1 {
		return md("1 " + one)
	}
	return md(strconv.Itoa(n) + " " + many)
}

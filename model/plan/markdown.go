package plan

import (
	"bytes"
	"strconv"

	"github.com/roundtable/roundtable/model"
)

// Markdown writes the plan as GitHub-flavoured Markdown, with exactly one
// blank line between blocks and one newline at the end, as Markdown linters
// ask. Typed text is escaped by esc, so it reads as text wherever the plan
// is rendered.
func (d *Document) Markdown() []byte {
	var w writer
	w.b.Grow(64 << 10)
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *Heading:
			w.block()
			for range b.Level {
				w.b.WriteByte('#')
			}
			w.b.WriteByte(' ')
			w.text(b.Text)
			w.b.WriteByte('\n')
		case *Paragraph:
			w.para(b.Text)
		case *List:
			w.list(b.Numbered, b.Items)
		case *Table:
			w.table(b.Head, b.Rows)
		case *Poll:
			w.poll(b)
		case *RACIGrid:
			w.raci(b)
		case *HeatMap:
			w.heatMap(b)
		case *Timeline:
			w.timeline(b)
		}
	}
	return w.b.Bytes()
}

// writer lays out the plan's blocks.
type writer struct {
	b bytes.Buffer
}

// block starts a new block, after a blank line unless it is the first.
func (w *writer) block() {
	if w.b.Len() > 0 {
		w.b.WriteByte('\n')
	}
}

// text writes inline text; a run of strong spans is one strong run.
func (w *writer) text(t Text) {
	bold := false
	for _, s := range t {
		if s.Strong != bold {
			w.b.WriteString("**")
			bold = s.Strong
		}
		if s.Typed {
			w.b.WriteString(esc(s.Text))
		} else {
			w.b.WriteString(s.Text)
		}
	}
	if bold {
		w.b.WriteString("**")
	}
}

func (w *writer) para(t Text) {
	w.block()
	w.text(t)
	w.b.WriteByte('\n')
}

// list writes a bullet list or one counted from 1, or nothing when there
// are no items.
func (w *writer) list(numbered bool, items []Text) {
	if len(items) == 0 {
		return
	}
	w.block()
	for i, it := range items {
		if numbered {
			w.b.WriteString(strconv.Itoa(i + 1))
			w.b.WriteString(". ")
		} else {
			w.b.WriteString("- ")
		}
		w.text(it)
		w.b.WriteByte('\n')
	}
}

// table writes a GitHub table. Every row gets exactly as many cells as the
// header, so no row can lose or gain a column.
func (w *writer) table(head []Text, rows [][]Text) {
	w.head(len(head), func(i int) { w.text(head[i]) })
	for _, r := range rows {
		w.row(len(head), func(i int) {
			if i < len(r) {
				w.text(r[i])
			}
		})
	}
}

// head writes the header row of n cells and the line under it.
func (w *writer) head(n int, cell func(i int)) {
	w.block()
	w.row(n, cell)
	w.b.WriteByte('|')
	for range n {
		w.b.WriteString(" --- |")
	}
	w.b.WriteByte('\n')
}

// row writes a table row of n cells, each written by cell; a cell that
// writes nothing is left empty.
func (w *writer) row(n int, cell func(i int)) {
	w.b.WriteByte('|')
	for i := range n {
		w.b.WriteByte(' ')
		at := w.b.Len()
		cell(i)
		if w.b.Len() == at {
			w.b.Truncate(at - 1)
			w.b.WriteString(" |")
			continue
		}
		w.b.WriteString(" |")
	}
	w.b.WriteByte('\n')
}

func (w *writer) words(s string) { w.b.WriteString(s) }

func (w *writer) number(n int) { w.b.WriteString(strconv.Itoa(n)) }

func (w *writer) poll(p *Poll) {
	head := [...]string{"Platform", "Read or use it", "Contribute or create"}
	w.head(len(head), func(i int) { w.words(head[i]) })
	for _, r := range p.Rows {
		w.row(len(head), func(i int) {
			switch i {
			case 0:
				w.text(r.Platform)
			case 1:
				w.number(r.Reads)
			default:
				w.number(r.Creates)
			}
		})
	}
}

// raci writes the role codes spelt out, then the grid under them, so a
// wide grid still reads as a table.
func (w *writer) raci(g *RACIGrid) {
	w.block()
	w.b.WriteString("**Roles:** ")
	for i, r := range g.Roles {
		if i > 0 {
			w.b.WriteString("; ")
		}
		w.text(r.Code)
		w.b.WriteString(" = ")
		w.text(r.Name)
	}
	w.b.WriteByte('\n')
	n := 2 + len(g.Roles)
	w.head(n, func(i int) {
		switch i {
		case 0:
			w.words("Activity")
		case 1:
			w.words("Area")
		default:
			w.text(g.Roles[i-2].Code)
		}
	})
	for _, a := range g.Activities {
		w.row(n, func(i int) {
			switch i {
			case 0:
				w.text(a.Name)
				if a.Key {
					w.words(" (key)")
				}
			case 1:
				w.text(a.Area)
			default:
				w.words(string(a.Letters[i-2]))
			}
		})
	}
}

// heatMap writes the map as on the risks screen: impact up the side, the
// highest first, likelihood across.
func (w *writer) heatMap(h *HeatMap) {
	w.head(6, func(i int) {
		if i == 0 {
			w.words("Impact ↑ likelihood →")
		} else {
			w.number(i)
		}
	})
	for imp := 5; imp >= 1; imp-- {
		w.row(6, func(i int) {
			if i == 0 {
				w.number(imp)
				return
			}
			c := h.Cells[i-1][imp-1]
			w.number(len(c.Risks))
			w.words(" (" + c.Band.String() + ")")
		})
	}
}

func (w *writer) timeline(t *Timeline) {
	head := [...]string{"Clock", "Event", "Detail"}
	w.head(len(head), func(i int) { w.words(head[i]) })
	for _, e := range t.Events {
		w.row(len(head), func(i int) {
			switch i {
			case 0:
				w.words(model.ClockText(e.At))
			case 1:
				w.text(e.What)
			default:
				w.text(e.Detail)
			}
		})
	}
}

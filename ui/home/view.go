package home

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/display"
)

// columns are the widths of the list's columns; narrow terminals drop the
// organisation and workshop first.
type columns struct {
	title, org, workshop, change, progress int
}

func (m *Model) columns() columns {
	c := columns{change: 12, progress: 5}
	rest := m.width - 2 - c.change - c.progress - 2
	if m.width < 64 {
		c.title = max(rest, 4)
		return c
	}
	rest -= 4
	c.title = rest * 45 / 100
	c.org = rest * 30 / 100
	c.workshop = rest - c.title - c.org
	return c
}

// View draws the list, or the friendly start when there is none.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	st := m.ctx.Styles
	var out []string
	count := display.Count(len(m.entries), "session", "sessions")
	if len(m.shown) != len(m.entries) {
		count = fmt.Sprintf("%d of %s", len(m.shown), count)
	}
	if !m.loaded {
		count = ""
	}
	heading := "Sessions"
	if m.inTrash {
		heading = "Trash"
		count += " deleted · enter restores one · esc goes back"
	}
	out = append(out, st.Heading.Render(heading)+st.Muted.Render("  "+count))
	if m.filtering || m.filter.Value() != "" {
		out = append(out, m.filter.View())
	}
	switch {
	case !m.loaded:
		out = append(out, st.Muted.Render("Looking for sessions…"))
	case len(m.entries) == 0 && m.inTrash:
		out = append(out, "", "The trash is empty.", "Press "+st.Key.Render("esc")+" to go back to the sessions.")
	case len(m.entries) == 0:
		out = append(out, "",
			"No sessions yet.",
			"Press "+st.Key.Render("n")+" to start a new one, or "+st.Key.Render("s")+" for a sample session to explore.")
	case len(m.shown) == 0:
		out = append(out, st.Muted.Render("No session matches the filter; esc clears it."))
	default:
		out = append(out, st.Muted.Render(m.head()))
		if m.rows == nil || m.rowsWidth != m.width {
			m.renderRows()
		}
		h := m.listHeight()
		for i := m.offset; i < min(m.offset+h, len(m.shown)); i++ {
			row := m.rows[i]
			if i == m.cursor {
				row = st.Marker.Render("› ") + st.Selected.Render(row)
			} else {
				row = "  " + row
			}
			out = append(out, row)
		}
	}
	view := display.FitBlock(strings.Join(out, "\n"), m.width, m.height)
	if m.prompt != nil {
		box := st.Dialog.Render(st.Title.Render("Duplicate session") + "\n\n" + m.prompt.View())
		view = lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, box)
	}
	if m.details != nil {
		view = m.detailsView()
	}
	if m.dialog != nil {
		view = lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, m.dialog.View(m.width))
	}
	return display.FitBlock(view, m.width, m.height)
}

func (m *Model) head() string {
	c := m.columns()
	parts := []string{display.Pad("Title", c.title)}
	if c.org > 0 {
		parts = append(parts, display.Pad("Organisation", c.org), display.Pad("Workshop", c.workshop))
	}
	parts = append(parts, display.Pad("Last change", c.change), display.Pad("Done", c.progress))
	return "  " + strings.Join(parts, " ")
}

// renderRows draws every shown row once; moving the cursor reuses them.
func (m *Model) renderRows() {
	c := m.columns()
	now := m.ctx.Now()
	m.rows = make([]string, len(m.shown))
	m.rowsWidth = m.width
	for i, idx := range m.shown {
		m.rows[i] = m.row(m.entries[idx], c, now)
	}
}

// brokenReason says where a file broke first, for a row that has no room
// for its path; opening the row shows the whole message.
func brokenReason(err error) string {
	var pe *store.ParseError
	if !errors.As(err, &pe) || pe.Line == 0 {
		return err.Error()
	}
	if pe.Col == 0 {
		return fmt.Sprintf("line %d: %s", pe.Line, pe.Msg)
	}
	return fmt.Sprintf("line %d, column %d: %s", pe.Line, pe.Col, pe.Msg)
}

func (m *Model) row(e store.Entry, c columns, now time.Time) string {
	st := m.ctx.Styles
	if e.Err != nil {
		name := e.ID
		if name == "" {
			name = e.Path
		}
		return st.Bad.Render("✗ "+display.Pad(display.OneLine(name), max(c.title-2, 1))) + " " +
			st.Bad.Render(display.OneLine("cannot be read: "+brokenReason(e.Err)))
	}
	title := e.Title
	if strings.TrimSpace(title) == "" {
		title = "(untitled) " + e.ID
	}
	parts := []string{display.Pad(display.OneLine(title), c.title)}
	if c.org > 0 {
		parts = append(parts, display.Pad(display.OneLine(e.Organisation), c.org), display.Pad(display.OneLine(e.Workshop), c.workshop))
	}
	parts = append(parts, display.Pad(Ago(e.Updated, now), c.change), display.Pad(fmt.Sprintf("%d/%d", e.Done, e.Total), c.progress))
	return strings.Join(parts, " ")
}

// Ago says when t was, the way people say it: "just now", "5 min ago",
// "yesterday", and a date once it is more than a week old.
func Ago(t, now time.Time) string {
	if t.IsZero() {
		return "never"
	}
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d.Minutes()))
	case d < 24*time.Hour:
		return fmt.Sprintf("%d h ago", int(d.Hours()))
	case d < 48*time.Hour:
		return "yesterday"
	case d < 7*24*time.Hour:
		return fmt.Sprintf("%d days ago", int(d.Hours()/24))
	}
	return t.Local().Format(time.DateOnly)
}

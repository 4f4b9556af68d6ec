package home

import (
	"errors"
	"fmt"
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/details"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
)

// detailsMsg is a step of changing a closed session's details: the session
// opened (handle) or saved (saved), or what went wrong.
type detailsMsg struct {
	handle *store.Handle
	saved  string
	err    error
}

func (detailsMsg) home() {}

// openDetails takes the session's lock, as opening it does, and shows the
// form of its details and participants.
func (m *Model) openDetails(e store.Entry) tea.Cmd {
	if e.Err != nil {
		return common.Fail(errors.New("a file that cannot be read has no details to change; enter on it says what is wrong"))
	}
	st, path := m.store, e.Path
	return func() tea.Msg {
		h, err := st.Open(path, false)
		if err != nil {
			return detailsMsg{err: err}
		}
		if len(h.Report.Unknown) > 0 {
			// Saving would drop keys this version does not know; opening
			// the session asks about them first.
			h.Close()
			return detailsMsg{err: fmt.Errorf("%s has keys this version of Roundtable does not know; open it (enter) to decide about them first", h.Path)}
		}
		return detailsMsg{handle: h}
	}
}

func (m *Model) detailsDone(msg detailsMsg) tea.Cmd {
	var locked *store.LockedError
	switch {
	case errors.As(msg.err, &locked):
		who := ""
		if locked.PID > 0 {
			who = fmt.Sprintf(" (pid %d", locked.PID)
			if locked.Host != "" {
				who += " on " + locked.Host
			}
			who += ")"
		}
		return common.Fail(fmt.Errorf("%s is open in another terminal%s: change its details there, with P", filepath.Base(locked.Path), who))
	case msg.err != nil:
		return tea.Batch(m.Init(), common.Fail(msg.err))
	case msg.handle != nil:
		if m.details != nil {
			// One form at a time: a second e pressed while the first
			// was on its way.
			return closeCmd(msg.handle)
		}
		s := msg.handle.Session
		m.edited = msg.handle
		m.details = details.New(m.ctx.Styles, s.Meta, s.Participants, s)
		m.details.SetSize(max(m.width, 1), max(m.height-2, 1))
		return m.details.Focus("title")
	}
	return tea.Batch(m.Init(), common.Status(msg.saved))
}

// detailsKey gives a key to the details form; saving writes the session
// and releases it, cancelling only releases it.
func (m *Model) detailsKey(msg tea.KeyMsg) tea.Cmd {
	ev, cmd := m.details.Update(msg)
	switch ev.Kind {
	case form.Cancel:
		h := m.edited
		m.details, m.edited = nil, nil
		return closeCmd(h)
	case form.Submit:
		e, h := m.details.Edit(), m.edited
		m.details, m.edited = nil, nil
		return func() tea.Msg {
			e.Apply(h.Session)
			err := h.Save(h.Session)
			if cerr := h.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return detailsMsg{err: err}
			}
			return detailsMsg{saved: display.OneLine(h.Session.Meta.Title) + ": " + e.Label + "."}
		}
	}
	return cmd
}

func closeCmd(h *store.Handle) tea.Cmd {
	return func() tea.Msg {
		if err := h.Close(); err != nil {
			return common.StatusMsg{Err: err}
		}
		return nil
	}
}

// detailsView draws the form over the whole screen.
func (m *Model) detailsView() string {
	st := m.ctx.Styles
	title := "(untitled)"
	if m.edited != nil {
		title = display.OneLine(m.edited.Session.Meta.Title)
	}
	head := display.Fit(st.Heading.Render("Details and participants of "+title), m.width) + "\n" +
		display.Fit(st.Muted.Render("Renaming someone renames them on every step. ctrl+s saves; esc cancels."), m.width)
	return head + "\n" + m.details.View()
}

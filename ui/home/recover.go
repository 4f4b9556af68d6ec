package home

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/dialog"
	"github.com/roundtable/roundtable/ui/display"
)

// recoverMsg is what taking a session back from the trash, or a broken
// file's backup, came to.
type recoverMsg struct {
	// text says what happened, for the status line.
	text string
	// undeleted is set when the session last deleted is back, so u has
	// nothing left to take back.
	undeleted bool
	err       error
}

func (recoverMsg) home() {}

// askRestoreBackup is the answer of the broken file's dialog.
type askRestoreBackup struct{ path string }

func (askRestoreBackup) home() {}

// showTrash lists the trash folder, or the sessions again.
func (m *Model) showTrash(on bool) tea.Cmd {
	m.inTrash, m.loaded = on, false
	m.entries, m.cursor, m.offset = nil, 0, 0
	m.filter.SetValue("")
	m.refilter()
	return m.Init()
}

// trashKey handles the keys of the trash list.
func (m *Model) trashKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, Keys.Back):
		return m.showTrash(false)
	case key.Matches(msg, Keys.Restore):
		e, ok := m.selected()
		if !ok {
			return nil
		}
		return m.restore(e.Path, e.Title, e.Path == m.deleted)
	}
	return nil
}

// undelete takes back the session deleted last.
func (m *Model) undelete() tea.Cmd {
	if m.deleted == "" {
		return common.Status("Nothing was deleted here to take back; t shows the trash.")
	}
	return m.restore(m.deleted, m.deletedTitle, true)
}

func (m *Model) restore(path, title string, undeleting bool) tea.Cmd {
	st := m.store
	if strings.TrimSpace(title) == "" {
		title = strings.TrimSuffix(filepath.Base(path), ".toml")
	}
	return func() tea.Msg {
		back, renamed, err := st.Restore(path)
		if err != nil {
			return recoverMsg{err: err}
		}
		text := fmt.Sprintf("Restored %q from the trash.", display.OneLine(title))
		if renamed {
			text = fmt.Sprintf("Restored %q from the trash as %s: a session of its old id is here already.",
				display.OneLine(title), strings.TrimSuffix(filepath.Base(back), ".toml"))
		}
		return recoverMsg{text: text, undeleted: undeleting}
	}
}

func (m *Model) recovered(msg recoverMsg) tea.Cmd {
	if msg.err != nil {
		return tea.Batch(m.Init(), common.Fail(msg.err))
	}
	if msg.undeleted {
		m.deleted, m.deletedTitle = "", ""
	}
	return tea.Batch(m.Init(), common.Status(msg.text))
}

// brokenDialog says why a session file cannot be opened and, when it has
// a backup, offers to go back to it.
func (m *Model) brokenDialog(e store.Entry) *dialog.Dialog {
	var pe *store.ParseError
	if !errors.As(e.Err, &pe) {
		return dialog.New(m.ctx.Styles, "This session file cannot be opened", e.Err.Error())
	}
	where := pe.Path
	if pe.Line > 0 {
		where += fmt.Sprintf(", line %d", pe.Line)
		if pe.Col > 0 {
			where += fmt.Sprintf(", column %d", pe.Col)
		}
	}
	body := where + ": " + pe.Msg + "\n\nRoundtable has not changed the file."
	if pe.Backup == "" {
		return dialog.New(m.ctx.Styles, "This session file cannot be opened", body+" It has no backup: fix it in a text editor.")
	}
	body += " Restoring the backup goes back to the version before the last save; the broken file is kept beside it as " +
		filepath.Base(pe.Path) + ".broken-<time>."
	return dialog.New(m.ctx.Styles, "This session file cannot be opened", body,
		dialog.Choice{Key: "b", Label: "Restore the backup", Msg: askRestoreBackup{path: pe.Path}})
}

func (m *Model) restoreBackup(path string) tea.Cmd {
	st := m.store
	return func() tea.Msg {
		broken, err := st.RestoreBackup(path)
		if err != nil {
			return recoverMsg{err: err}
		}
		return recoverMsg{text: "Restored the backup; the broken file is kept beside it as " + filepath.Base(broken) + "."}
	}
}

// ShowBroken says why the session file at path cannot be opened, as enter
// on it in the list does, and offers its backup where it has one.
func (m *Model) ShowBroken(path string, err error) {
	m.dialog = m.brokenDialog(store.Entry{Path: path, Err: err})
}

// Package home is the first screen: every session on this computer, with
// ways to open, start, copy, delete and try a sample one.
package home

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/details"
	"github.com/roundtable/roundtable/ui/dialog"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
	"github.com/roundtable/roundtable/ui/keys"
	"github.com/roundtable/roundtable/workshops"
)

// Msg is a message only the home screen reads; the root hands it back here
// whichever screen is showing.
type Msg interface{ home() }

type (
	listedMsg struct {
		entries []store.Entry
		err     error
		// trash is set on a list of the trash folder.
		trash bool
	}
	trashedMsg struct {
		title, where string
		err          error
	}
	duplicatedMsg struct {
		title string
		err   error
	}
	askTrash     struct{ ref, title string }
	askDuplicate struct{ ref, title string }
)

func (listedMsg) home()     {}
func (trashedMsg) home()    {}
func (duplicatedMsg) home() {}
func (askTrash) home()      {}
func (askDuplicate) home()  {}

// KeyMap is the home screen's keys.
type KeyMap struct {
	Open, New, Sample, Duplicate, Delete, Details, Trash, Undelete, Filter, ClearFilter, Up, Down key.Binding
	// In the trash: Restore takes a session back, Back leaves the trash.
	Restore, Back key.Binding
}

// Keys are the home screen's keys.
var Keys = KeyMap{
	Open:        key.NewBinding(key.WithKeys("enter", "o"), key.WithHelp("enter", "open")),
	New:         key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new")),
	Sample:      key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sample")),
	Duplicate:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy")),
	Delete:      key.NewBinding(key.WithKeys("d", "D"), key.WithHelp("d", "delete")),
	Details:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "details")),
	Trash:       key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "trash")),
	Undelete:    key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
	Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
	ClearFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
	Up:          keys.Move.Up,
	Down:        keys.Move.Down,
	Restore:     key.NewBinding(key.WithKeys("enter", "r"), key.WithHelp("enter", "restore")),
	Back:        key.NewBinding(key.WithKeys("esc", "t"), key.WithHelp("esc", "back to the sessions")),
}

// Model is the home screen.
type Model struct {
	ctx   common.Context
	store *store.Store
	cat   *workshops.Catalog

	entries []store.Entry
	shown   []int
	loaded  bool
	cursor  int
	offset  int

	filter    textinput.Model
	filtering bool

	dialog *dialog.Dialog
	// prompt asks for the title of a copy.
	prompt    *form.Form
	promptRef string

	// inTrash is set while the list shows the trash folder.
	inTrash bool
	// deleted is where the last session deleted went, for u; "" once
	// it is back or when nothing was deleted.
	deleted, deletedTitle string

	// details edits the details and participants of a session not open,
	// held locked by edited while the form is open.
	details *details.Form
	edited  *store.Handle

	width, height int
	// rows caches the rendered rows; rebuilt when the list, the filter or
	// the width changes, not when the cursor moves.
	rows      []string
	rowsWidth int
}

// New makes the home screen for the sessions in st.
func New(ctx common.Context, st *store.Store, cat *workshops.Catalog) *Model {
	f := textinput.New()
	f.Prompt = "/ "
	f.Placeholder = "type to filter by title, organisation or workshop"
	f.PromptStyle = ctx.Styles.Key
	f.PlaceholderStyle = ctx.Styles.Muted
	f.Cursor.SetMode(cursor.CursorStatic)
	return &Model{ctx: ctx, store: st, cat: cat, filter: f}
}

// Init lists the sessions, or the trash while it is shown.
func (m *Model) Init() tea.Cmd {
	st, trash := m.store, m.inTrash
	return func() tea.Msg {
		if trash {
			entries, err := st.TrashList()
			return listedMsg{entries: entries, err: err, trash: true}
		}
		entries, err := st.List()
		return listedMsg{entries: entries, err: err}
	}
}

// SetSize gives the screen its space.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	if m.prompt != nil {
		m.prompt.SetSize(max(width-4, 1), 3)
	}
	if m.details != nil {
		m.details.SetSize(max(width, 1), max(height-2, 1))
	}
	m.filter.Width = max(width-4, 1)
	m.clampOffset()
}

// Typing reports whether keys must go to the filter, the title prompt, the
// details form or the open question before any global key.
func (m *Model) Typing() bool {
	return m.filtering || m.prompt != nil || m.dialog != nil || m.details != nil
}

// Drafting reports whether the details form holds words not saved yet.
func (m *Model) Drafting() bool { return m.details != nil && m.details.Edited() }

// Update handles keys and the results of the store's work.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case listedMsg:
		if msg.trash != m.inTrash {
			// A list of the other folder, asked for before the room
			// went in or out of the trash.
			return m, nil
		}
		m.loaded = true
		if msg.err != nil {
			return m, common.Fail(fmt.Errorf("cannot list the sessions: %w", msg.err))
		}
		m.entries = msg.entries
		m.refilter()
		return m, nil
	case trashedMsg:
		if msg.err != nil {
			return m, common.Fail(msg.err)
		}
		m.deleted, m.deletedTitle = msg.where, msg.title
		return m, tea.Batch(m.Init(), common.Status(fmt.Sprintf("Moved %q to the trash; u takes it back, t shows the trash: %s", display.OneLine(msg.title), msg.where)))
	case duplicatedMsg:
		if msg.err != nil {
			return m, common.Fail(msg.err)
		}
		return m, tea.Batch(m.Init(), common.Status(fmt.Sprintf("Made a copy: %q.", display.OneLine(msg.title))))
	case askTrash:
		st := m.store
		return m, func() tea.Msg {
			where, err := st.Trash(msg.ref)
			return trashedMsg{title: msg.title, where: where, err: err}
		}
	case askDuplicate:
		m.prompt = form.New(m.ctx.Styles, form.Field{
			Key: "title", Label: "Title of the copy", Required: true, Value: "Copy of " + msg.title,
		})
		m.prompt.SetSize(max(m.width-4, 1), 3)
		m.promptRef = msg.ref
		return m, m.prompt.Focus("title")
	case askRestoreBackup:
		return m, m.restoreBackup(msg.path)
	case recoverMsg:
		return m, m.recovered(msg)
	case detailsMsg:
		return m, m.detailsDone(msg)
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	if m.filtering {
		var cmd tea.Cmd
		m.filter, cmd = m.filter.Update(msg)
		return m, cmd
	}
	if m.prompt != nil {
		_, cmd := m.prompt.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	if m.dialog != nil {
		done, cmd := m.dialog.Update(msg)
		if done {
			m.dialog = nil
		}
		return cmd
	}
	if m.prompt != nil {
		return m.promptKey(msg)
	}
	if m.details != nil {
		return m.detailsKey(msg)
	}
	if m.filtering {
		switch msg.String() {
		case "esc":
			m.filtering = false
			m.filter.Blur()
			m.filter.SetValue("")
			m.refilter()
			return nil
		case "enter", "down", "up", "tab":
			// Keep the filter and go back to the list.
			m.filtering = false
			m.filter.Blur()
			return nil
		}
		var cmd tea.Cmd
		m.filter, cmd = m.filter.Update(msg)
		m.refilter()
		return cmd
	}
	switch {
	case key.Matches(msg, Keys.Up):
		m.move(-1)
	case key.Matches(msg, Keys.Down):
		m.move(1)
	case key.Matches(msg, keys.Move.PageDown):
		m.move(max(m.listHeight()-1, 1))
	case key.Matches(msg, keys.Move.PageUp):
		m.move(-max(m.listHeight()-1, 1))
	case key.Matches(msg, keys.Move.Top):
		m.move(-len(m.shown))
	case key.Matches(msg, keys.Move.Bottom):
		m.move(len(m.shown))
	case key.Matches(msg, Keys.Filter):
		m.filtering = true
		return m.filter.Focus()
	case key.Matches(msg, Keys.ClearFilter) && m.filter.Value() != "":
		m.filter.SetValue("")
		m.refilter()
	case m.inTrash:
		return m.trashKey(msg)
	case key.Matches(msg, Keys.Trash):
		return m.showTrash(true)
	case key.Matches(msg, Keys.Undelete):
		return m.undelete()
	case key.Matches(msg, Keys.Details):
		e, ok := m.selected()
		if !ok {
			return nil
		}
		return m.openDetails(e)
	case key.Matches(msg, Keys.New):
		return func() tea.Msg { return common.NewSessionMsg{} }
	case key.Matches(msg, Keys.Sample):
		return m.sample()
	case key.Matches(msg, Keys.Open):
		e, ok := m.selected()
		if !ok {
			return nil
		}
		if e.Err != nil {
			m.dialog = m.brokenDialog(e)
			return nil
		}
		ref := e.Path
		return func() tea.Msg { return common.OpenMsg{Ref: ref} }
	case key.Matches(msg, Keys.Delete):
		e, ok := m.selected()
		if !ok {
			return nil
		}
		title := e.Title
		if title == "" {
			title = e.ID
		}
		m.dialog = dialog.New(m.ctx.Styles, "Delete "+display.OneLine(title)+"?",
			"The session moves to the trash folder, from where it can be taken back.",
			dialog.Choice{Key: "y", Label: "Move to trash", Msg: askTrash{ref: e.Path, title: title}},
			dialog.Choice{Key: "n", Label: "Keep it"})
	case key.Matches(msg, Keys.Duplicate):
		e, ok := m.selected()
		if !ok {
			return nil
		}
		if e.Err != nil {
			return common.Fail(errors.New("a file that cannot be read cannot be copied; restore its backup first"))
		}
		ref, title := e.Path, e.Title
		return func() tea.Msg { return askDuplicate{ref: ref, title: title} }
	}
	return nil
}

func (m *Model) promptKey(msg tea.KeyMsg) tea.Cmd {
	ev, cmd := m.prompt.Update(msg)
	switch ev.Kind {
	case form.Cancel:
		m.prompt = nil
		return nil
	case form.Submit:
		title := model.Clean(m.prompt.Value("title"))
		ref := m.promptRef
		m.prompt = nil
		st := m.store
		return func() tea.Msg {
			_, err := st.Duplicate(ref, title)
			return duplicatedMsg{title: title, err: err}
		}
	}
	return cmd
}

// sample creates a session filled with the sample company's answers, so a
// newcomer has something to explore.
func (m *Model) sample() tea.Cmd {
	cat, now := m.cat, m.ctx.Now()
	return func() tea.Msg {
		w, err := cat.Get(workshops.Default)
		if err != nil {
			return common.StatusMsg{Err: err}
		}
		sess := model.New("", model.Meta{
			Date:    now.Format(time.DateOnly),
			Created: now.UTC().Truncate(time.Second),
			Updated: now.UTC().Truncate(time.Second),
		}, w)
		if err := workshops.Sample(sess); err != nil {
			return common.StatusMsg{Err: err}
		}
		company := strings.TrimSpace(sess.Meta.Organisation)
		if company == "" {
			company = "example company"
		}
		sess.Meta.Title = "Sample: " + company
		sess.ID = store.NewID(sess.Meta.Title, now)
		return common.CreateMsg{Session: sess}
	}
}

func (m *Model) selected() (store.Entry, bool) {
	if m.cursor < 0 || m.cursor >= len(m.shown) {
		return store.Entry{}, false
	}
	return m.entries[m.shown[m.cursor]], true
}

func (m *Model) move(n int) {
	m.cursor = min(max(m.cursor+n, 0), max(len(m.shown)-1, 0))
	m.clampOffset()
}

func (m *Model) refilter() {
	q := strings.ToLower(strings.TrimSpace(m.filter.Value()))
	m.shown = m.shown[:0]
	for i, e := range m.entries {
		if q == "" || strings.Contains(strings.ToLower(e.Title+"\x00"+e.Organisation+"\x00"+e.Workshop+"\x00"+e.ID), q) {
			m.shown = append(m.shown, i)
		}
	}
	m.rows = nil
	m.cursor = min(m.cursor, max(len(m.shown)-1, 0))
	m.clampOffset()
}

func (m *Model) listHeight() int {
	// Title line, column heads, and the filter line when there is one.
	h := m.height - 2
	if m.filtering || m.filter.Value() != "" {
		h--
	}
	return max(h, 1)
}

func (m *Model) clampOffset() {
	h := m.listHeight()
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+h {
		m.offset = m.cursor - h + 1
	}
	m.offset = max(min(m.offset, len(m.shown)-h), 0)
}

// ShortHelp lists the keys for the help line.
func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.dialog != nil:
		return m.dialog.ShortHelp()
	case m.prompt != nil:
		return []key.Binding{form.Keys.Confirm, form.Keys.Cancel}
	case m.details != nil:
		return m.details.ShortHelp()
	case m.filtering:
		return []key.Binding{
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter")),
			Keys.ClearFilter,
		}
	case m.inTrash:
		return []key.Binding{Keys.Restore, Keys.Back, Keys.Filter}
	}
	// What fits at 80 columns beside ? and q; the full help has the rest.
	// Right after a delete, taking it back matters more than a sample.
	first := Keys.Sample
	if m.deleted != "" {
		first = Keys.Undelete
	}
	return []key.Binding{Keys.Open, Keys.New, first, Keys.Details, Keys.Delete, Keys.Trash}
}

// FullHelp lists every key of the screen.
func (m *Model) FullHelp() [][]key.Binding {
	switch {
	case m.details != nil:
		return m.details.FullHelp()
	case m.dialog != nil || m.prompt != nil || m.filtering || m.inTrash:
		return [][]key.Binding{m.ShortHelp()}
	}
	return [][]key.Binding{
		{Keys.Up, Keys.Down, keys.Move.PageUp, keys.Move.PageDown},
		{Keys.Open, Keys.New, Keys.Sample, Keys.Details},
		{Keys.Duplicate, Keys.Delete, Keys.Undelete, Keys.Trash},
		{Keys.Filter, Keys.ClearFilter},
	}
}

// Selected is the session under the cursor.
func (m *Model) Selected() (store.Entry, bool) { return m.selected() }

package drill

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/roundtable/roundtable/ui/form"
	"github.com/roundtable/roundtable/ui/keys"
)

// keyMap holds the drill's own keys; global keys stay with the root.
type keyMap struct {
	// Set-up.
	Start, BackToRun key.Binding
	// Live drill.
	Clock, Hold, Skip, Release, Log, Message, Finish key.Binding
	Pane, PaneBack, Met, NotMet, PrevMsg, NextMsg    key.Binding
	// The log and the messages, live and after the drill.
	Edit, Delete key.Binding
	// Results.
	Review, AddAction, Rerun, Report key.Binding
}

var Keys = keyMap{
	Start:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start the drill")),
	BackToRun: key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "back to the last run")),

	Clock:    key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "pause/resume clock")),
	Hold:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "hold/let go next inject")),
	Skip:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "skip next inject")),
	Release:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "release next inject now")),
	Log:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "log a decision")),
	Message:  key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "draft a message")),
	Finish:   key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "finish the drill")),
	Pane:     keys.Pane.Next,
	PaneBack: keys.Pane.Back,
	Met:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "item met")),
	NotMet:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "item not met")),
	PrevMsg:  key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", "previous/next message")),
	NextMsg:  key.NewBinding(key.WithKeys("right", "l")),

	Edit:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit the entry")),
	Delete: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete")),

	Review:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "write the hot wash")),
	AddAction: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add an action")),
	Rerun:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new run")),
	Report:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "the plan reports this run")),
}

// ShortHelp lists the main keys of what the screen shows now.
func (m *Model) ShortHelp() []key.Binding {
	if bs, open := m.Frame.ShortHelp(); open {
		return bs
	}
	switch {
	}
	k := Keys
	switch m.mode() {
	case modeSetup:
		bs := []key.Binding{k.Start, form.Keys.Next, form.Keys.Left}
		if m.hasRuns() {
			bs = append(bs, k.BackToRun)
		}
		return bs
	case modeLive:
		bs := []key.Binding{k.Clock, k.Log, k.Message, k.Hold, k.Skip, k.Release, k.Pane}
		switch m.pane {
		case paneMessages:
			bs = append(bs, k.Met, k.NotMet, k.Edit, k.Delete)
		case paneChecklist:
			bs = append(bs, k.Met, k.NotMet)
		default:
			bs = append(bs, k.Edit, k.Delete)
		}
		return append(bs, k.Finish)
	}
	switch m.resPane {
	case resTimeline:
		return []key.Binding{k.Pane, k.Edit, k.Delete, keys.Move.Up, k.Rerun}
	case resMessages:
		return []key.Binding{k.Pane, k.PrevMsg, k.Met, k.NotMet, k.Edit, k.Delete}
	case resRuns:
		return []key.Binding{k.Pane, keys.Move.Down, k.Report, k.Delete, k.Rerun}
	}
	return []key.Binding{k.Review, k.AddAction, k.Pane, k.Rerun, keys.Move.Down, keys.Move.Up}
}

// FullHelp lists every key of what the screen shows now.
func (m *Model) FullHelp() [][]key.Binding {
	if groups, open := m.Frame.FullHelp(); open {
		return groups
	}
	switch {
	}
	k := Keys
	switch m.mode() {
	case modeSetup:
		return [][]key.Binding{{k.Start, form.Keys.Next, form.Keys.Prev, form.Keys.Left}, {k.BackToRun}}
	case modeLive:
		return [][]key.Binding{
			{k.Clock, k.Hold, k.Skip, k.Release, k.Finish},
			{k.Log, k.Message, k.Pane, k.PaneBack, k.Edit, k.Delete},
			{k.Met, k.NotMet, keys.Move.Down, keys.Move.Up, k.PrevMsg},
		}
	}
	return [][]key.Binding{
		{k.Pane, k.PaneBack, k.Rerun},
		{k.Review, k.AddAction, keys.Move.Down, keys.Move.Up},
		{k.Edit, k.Delete, k.PrevMsg, k.Met, k.NotMet},
		{k.Report},
	}
}

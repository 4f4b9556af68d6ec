package ui

import (
	"errors"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/dialog"
	"github.com/roundtable/roundtable/ui/keys"
	"github.com/roundtable/roundtable/ui/room"
)

// The live room belongs to the open session: it opens with it (--room) or
// from R on any step, and stops when the session closes. Phones never
// touch the session: the room's panel turns what they sent into the same
// common.EditMsg a key sends, so undo, autosave, the lock and read-only
// mode hold for them too.

// roomKeys is the root's room key. No step screen may use R.
var roomKeys = struct{ Room key.Binding }{
	Room: key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "live room (phones)")),
}

// liveRoom is the open session's room.
type liveRoom struct {
	server *room.Server
	panel  *room.Panel
	shown  bool
}

// Messages of the room's start.
type (
	startRoomMsg   struct{}
	roomStartedMsg struct {
		server *room.Server
		err    error
	}
)

var errRoomReadOnly = errors.New("the live room needs a session open for changes, and this one is read-only: its answers could not be kept")

// attachRoom takes over the server the program was started with
// (roundtable open --room), once its session, h, is on screen; it belongs
// to no other session.
func (a *App) attachRoom(h *store.Handle) tea.Cmd {
	s := a.opts.Room
	if s == nil {
		return nil
	}
	a.opts.Room = nil
	if h != a.opts.Open || a.open.readOnly {
		s.Stop()
		if a.open.readOnly {
			a.setError(errRoomReadOnly)
		}
		return nil
	}
	return a.roomStarted(roomStartedMsg{server: s})
}

// roomStarted shows the panel of a room that just opened.
func (a *App) roomStarted(msg roomStartedMsg) tea.Cmd {
	if msg.err != nil {
		a.setError(msg.err)
		return nil
	}
	if a.open == nil || a.room != nil {
		// The session closed, or a room opened meanwhile.
		msg.server.Stop()
		return nil
	}
	p := room.NewPanel(a.ctx, msg.server, lipgloss.HasDarkBackground())
	p.SetSession(a.open.sess)
	a.room = &liveRoom{server: msg.server, panel: p, shown: true}
	a.layout()
	a.setStatus("The live room is open: phones join at " + msg.server.URL() + " with the room code.")
	return tea.Batch(a.joinOnProjector(p.Room()), a.waitRoom(msg.server, p.Room().Version))
}

// joinOnProjector writes how to join the room into the session when it
// changed (the room opened, took a new code, was locked), for the
// projector to show; it is bookkeeping, saved with the next autosave and
// not undone.
func (a *App) joinOnProjector(u room.Update) tea.Cmd {
	j := model.RoomJoin{URL: u.URL, Code: u.Code, Locked: u.Locked}
	if a.open == nil || a.open.readOnly || a.open.sess.Projector.Join == j {
		return nil
	}
	return a.apply(common.EditMsg{NoUndo: true, Apply: func(s *model.Session) { s.Projector.Join = j }})
}

func (a *App) waitRoom(s *room.Server, after uint64) tea.Cmd {
	if a.roomWait != nil {
		return a.roomWait(s, after)
	}
	return s.Next(after)
}

// roomMsg handles what the room sends the program.
func (a *App) roomMsg(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case startRoomMsg:
		cfg := room.Config{Addr: a.opts.RoomAddr, LogPath: a.opts.RoomLog}
		return func() tea.Msg {
			s, err := room.Start(cfg)
			return roomStartedMsg{server: s, err: err}
		}
	case roomStartedMsg:
		return a.roomStarted(msg)
	case room.Pushed:
		if a.room == nil || msg.From != a.room.server {
			return nil
		}
		a.room.panel.SetUpdate(msg.Update)
		return tea.Batch(a.joinOnProjector(msg.Update), a.waitRoom(a.room.server, a.room.panel.Room().Version))
	case room.Stopped:
		return nil
	case room.Msg:
		if a.room == nil {
			return nil
		}
		a.room.panel.SetSession(a.open.sess)
		return a.room.panel.Update(msg)
	}
	return nil
}

// roomKey gives the keys to the room's panel while it is shown, and opens
// it with R.
func (a *App) roomKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	if a.active != stepScreen || a.open == nil {
		return nil, false
	}
	if !a.roomShown() {
		if !key.Matches(msg, roomKeys.Room) || a.typing() {
			return nil, false
		}
		switch {
		case a.room != nil:
			a.room.shown = true
			a.layout()
		case a.open.readOnly:
			a.setError(errRoomReadOnly)
		default:
			a.dialog = dialog.New(a.ctx.Styles, "Open the live room?",
				"Participants answer from their own phones: a page this laptop serves on its network, joined with a room code. "+
					"Anyone on the same network can reach it, and without encryption what phones send can be read on shared Wi-Fi. "+
					"Guest Wi-Fi often keeps phones apart: the laptop's own hotspot works.",
				dialog.Choice{Key: "o", Label: "Open the room", Msg: startRoomMsg{}})
		}
		return nil, true
	}
	p := a.room.panel
	p.SetSession(a.open.sess)
	if p.Typing() {
		return p.Update(msg), true
	}
	switch {
	case key.Matches(msg, room.Keys.Hide):
		a.room.shown = false
		a.layout()
		return nil, true
	case key.Matches(msg, keys.Keys.Help):
		a.fullHelp = true
		a.layout()
		return nil, true
	case key.Matches(msg, keys.Keys.Quit):
		return a.quit(), true
	case key.Matches(msg, keys.Keys.Undo):
		return a.takeBack(true), true
	case key.Matches(msg, keys.Keys.Redo):
		return a.takeBack(false), true
	case key.Matches(msg, keys.Keys.Export):
		return a.chooseExport(), true
	}
	return p.Update(msg), true
}

// drafting reports whether words typed into a form are not saved yet: the
// screen's, or those of a submission being edited in the room's panel.
func (a *App) drafting() bool {
	if a.roomShown() && a.room.panel.Drafting() {
		return true
	}
	d, ok := a.current().(common.Drafter)
	return ok && d.Drafting()
}

func (a *App) roomShown() bool { return a.room != nil && a.room.shown && a.active == stepScreen }

// roomSession shows the room's panel the session as it is now: activities
// ask about it and joining phones pick from its departments.
func (a *App) roomSession() {
	if a.room != nil {
		a.room.panel.SetSession(a.open.sess)
	}
}

// stopRoom closes the room with its session: every phone is let go.
func (a *App) stopRoom() {
	if a.room != nil {
		a.room.server.Stop()
		a.room = nil
	}
	if a.opts.Room != nil {
		a.opts.Room.Stop()
		a.opts.Room = nil
	}
}

// joinLine is the line the room reads to join, above the status line
// while the room is open and its panel hidden.
func (a *App) joinLine() string {
	if a.room == nil || a.roomShown() || a.active != stepScreen {
		return ""
	}
	return a.room.panel.JoinLine(a.width) + "\n"
}

func (a *App) joinLines() int {
	if a.joinLine() == "" {
		return 0
	}
	return 1
}

// Package ui is Roundtable's terminal interface: a root model that routes
// between the home screen, the new-session form and the step screens and
// draws the step bar, the status line and help; the open session with its
// undo, autosave and way out; the step timer. Screens live in sub-packages
// and keep the contract in package common.
package ui

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/room"
	"github.com/roundtable/roundtable/ui/theme"
	"github.com/roundtable/roundtable/workshops"
)

// Options is what the program needs to run.
type Options struct {
	Store     *store.Store
	Workshops *workshops.Catalog
	// Open is a session to show at once, found and locked
	// (store.Reserve) or already loaded; the program reads it if need be,
	// and closes it. Nil shows the home screen.
	Open    *store.Handle
	Version string
	// Room is a live room already listening (open --room), which the
	// program takes over with the session; RoomAddr and RoomLog are where
	// a room opened from the program listens and logs.
	Room              *room.Server
	RoomAddr, RoomLog string
}

// New returns the root model as Run starts it, without a terminal: what it
// asks of the program comes back as commands, for the caller to carry out
// or not. The benchmarks drive it so.
func New(opts Options, ctx common.Context) *App { return newApp(opts, ctx) }

// Run runs the program until the room quits. Every way out saves the open
// session first: q, ctrl+c, SIGTERM, SIGHUP and a panic. After a panic the
// terminal is restored, the session saved, and Run says where the file is.
func Run(opts Options) (err error) {
	// Bubble Tea's init already asked the terminal for its background; the
	// answer is cached, so this does not ask again.
	styles := theme.New(theme.For(lipgloss.HasDarkBackground()))
	app := newApp(opts, common.Context{Styles: styles, Now: time.Now})
	// 120 frames a second, Bubble Tea's most: a frame waits for the
	// renderer's next tick, so this halves the wait after each key.
	p := tea.NewProgram(app, tea.WithAltScreen(), tea.WithFPS(120))
	if opts.Open != nil {
		// Released last, even if the program stopped before taking it over.
		defer opts.Open.Close()
	}

	defer func() {
		// A panic outside Bubble Tea's own recovery: the terminal may still
		// be raw, so restore it before saying anything.
		if r := recover(); r != nil {
			_ = p.ReleaseTerminal()
			err = app.afterPanic(fmt.Errorf("%v\n%s", r, debug.Stack()))
		}
	}()

	// Bubble Tea turns SIGINT and SIGTERM into a quit, but a closed
	// terminal's SIGHUP would kill the process with the last edit unsaved.
	hangup := make(chan os.Signal, 1)
	signal.Notify(hangup, syscall.SIGHUP)
	stop := make(chan struct{})
	defer func() {
		signal.Stop(hangup)
		close(stop)
	}()
	go func() {
		select {
		case <-hangup:
			p.Send(hangupMsg{})
		case <-stop:
		}
	}()

	_, runErr := p.Run()
	switch {
	case errors.Is(runErr, tea.ErrProgramPanic):
		return app.afterPanic(runErr)
	case runErr != nil && !errors.Is(runErr, tea.ErrInterrupted):
		saveErr := app.finish()
		return errors.Join(runErr, saveErr)
	}
	return app.finish()
}

// finish saves whatever is unsaved (SIGTERM stops the program without a
// message to the model) and releases the session's lock.
func (a *App) finish() error {
	a.stopRoom()
	if a.pending != nil {
		_ = a.pending.Close()
		a.pending = nil
	}
	if a.open == nil {
		return nil
	}
	s := a.open
	a.open = nil
	return s.finish(a.ctx.Now())
}

// afterPanic saves the session and tells the user where it is.
func (a *App) afterPanic(cause error) error {
	path, id := "", ""
	if a.open != nil {
		path, id = a.open.handle.Path, a.open.sess.ID
	}
	saveErr := a.finish()
	if path == "" {
		return fmt.Errorf("roundtable stopped after an internal error: %w", cause)
	}
	if saveErr != nil {
		return fmt.Errorf("roundtable stopped after an internal error (%w), and saving failed: %w; the last saved version is in %s", cause, saveErr, path)
	}
	fmt.Fprintf(a.stderr, "\nRoundtable stopped after an internal error, but your session is saved:\n  %s\nReopen it with:\n  roundtable open %s\n\n", path, id)
	return fmt.Errorf("roundtable stopped after an internal error: %w", cause)
}

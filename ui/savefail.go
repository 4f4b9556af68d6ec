package ui

import (
	"errors"
	"io/fs"
	"syscall"

	"github.com/charmbracelet/bubbles/key"

	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/dialog"
	"github.com/roundtable/roundtable/ui/display"
)

// detailsKey shows the whole of the error the status line shortens.
var detailsKey = key.NewBinding(key.WithKeys("!"), key.WithHelp("!", "why"))

// notSaved is a save that failed, for the status line: its cause in a few
// words, and what happens next.
type notSaved struct {
	err error
	// next is what the room can do now, in a few words for the status
	// line when there is room; then says it in full.
	next, then string
}

func (e notSaved) Error() string {
	return "not saved: " + e.err.Error() + " (" + e.then + ")"
}

func (e notSaved) Unwrap() error { return e.err }

// Short is the failure in the words of its cause: "not saved: disk full".
func (e notSaved) Short() string { return "not saved: " + cause(e.err) }

// cause names in a few words why a file could not be written.
func cause(err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return "disk full"
	case errors.Is(err, syscall.EDQUOT):
		return "disk quota used up"
	case errors.Is(err, syscall.EROFS):
		return "the disk is read-only"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, fs.ErrNotExist):
		return "its folder is gone"
	case errors.Is(err, syscall.EIO):
		return "the disk reports an error"
	case errors.Is(err, store.ErrNotReadBack):
		return "the file would not read back"
	case errors.Is(err, store.ErrClosed):
		return "the session is closed"
	}
	// The innermost error is the operating system's own short word.
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err.Error()
		}
		err = next
	}
}

// errorLine is what the status line says of err in room cells: all of it
// when it fits, else its short form, with what to do next and where the rest
// is while there is room for them. While a field has the keys, ! types.
func errorLine(err error, room int, typing bool) string {
	full := "! " + display.OneLine(err.Error())
	if display.Width(full) <= room {
		return full
	}
	short, next := full, ""
	var ns notSaved
	if errors.As(err, &ns) {
		short, next = "! "+ns.Short(), ns.next
	}
	details := "press ! for details"
	if typing {
		details = ""
	}
	for _, line := range []string{
		join(short, next, details),
		join(short, next, ""),
		join(short, "", details),
	} {
		if display.Width(line) <= room {
			return line
		}
	}
	return display.Fit(short, room)
}

func join(short, next, details string) string {
	switch {
	case next != "" && details != "":
		return short + " — " + next + "; " + details
	case next != "":
		return short + " — " + next
	case details != "":
		return short + " — " + details
	}
	return short
}

// showDetails opens the whole message of the error on the status line.
func (a *App) showDetails() {
	title := "The whole message"
	var ns notSaved
	if errors.As(a.statusErr, &ns) {
		title = "Why the session was not saved"
	}
	a.dialog = dialog.New(a.ctx.Styles, title, a.statusErr.Error(), dialog.Choice{Key: "!", Label: "Close"})
}

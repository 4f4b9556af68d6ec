package present

import (
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/fsnotify/fsnotify"
)

// watcher tells of changes to one file by watching its folder: a save
// renames a new file over the old one, so a watch on the file itself
// would stay with the old one.
type watcher struct {
	w    *fsnotify.Watcher
	path string
}

type (
	// watchStartedMsg brings the watcher, or nil where the system gives
	// none; the view then finds changes by looking (pollEvery).
	watchStartedMsg struct{ w *watcher }
	// changedMsg says the file may have changed.
	changedMsg struct{}
)

func startWatching(path string) tea.Cmd {
	return func() tea.Msg {
		w, err := fsnotify.NewWatcher()
		if err != nil {
			return watchStartedMsg{}
		}
		if err := w.Add(filepath.Dir(path)); err != nil {
			w.Close()
			return watchStartedMsg{}
		}
		return watchStartedMsg{w: &watcher{w: w, path: filepath.Clean(path)}}
	}
}

// next waits for the next change of the file. A watcher that fails or is
// closed sends nothing more, and looking takes over.
func (w *watcher) next() tea.Cmd {
	if w == nil {
		return nil
	}
	return func() tea.Msg {
		for {
			select {
			case ev, ok := <-w.w.Events:
				if !ok {
					return nil
				}
				if filepath.Clean(ev.Name) == w.path && !ev.Has(fsnotify.Chmod) {
					return changedMsg{}
				}
			case _, ok := <-w.w.Errors:
				if !ok {
					return nil
				}
				// A lost notice (a full queue) is a change that may have been.
				return changedMsg{}
			}
		}
	}
}

func (w *watcher) close() {
	if w != nil {
		w.w.Close()
	}
}

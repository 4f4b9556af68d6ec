package ui

import (
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model/plan"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/dialog"
)

// ctrl+e writes the plan as <session-id>-plan.md into the folder Roundtable
// was started from, like `roundtable export`; a file already there is
// replaced only after the room confirms.
type (
	// exportAskMsg: the plan file exists at path; ask before replacing it.
	exportAskMsg struct{ path string }
	// exportReplaceMsg: the room said yes to replacing path.
	exportReplaceMsg struct{ path string }
	exportedMsg      struct {
		path string
		err  error
	}
)

// exportCmd writes the plan of the session as it is now, unless a file is
// in the way.
func (a *App) exportCmd() tea.Cmd {
	sess := a.open.snapshot()
	return func() tea.Msg {
		to, err := store.Locate("", plan.FileName(sess))
		var te *store.TargetError
		switch {
		case errors.As(err, &te) && te.IsFolder:
			return exportedMsg{err: fmt.Errorf("the plan was not exported: %s is a folder; rename it, or use `roundtable export -o FILE`", te.Path)}
		case err != nil:
			return exportedMsg{err: fmt.Errorf("the plan was not exported: %w; run `roundtable export` from a folder that exists", err)}
		case to.Exists:
			return exportAskMsg{path: to.Path}
		}
		return exportedMsg{path: to.Path, err: store.WriteExport(to.Path, plan.Markdown(sess))}
	}
}

// replaceCmd writes the plan over path, as the session is when the room
// confirms.
func (a *App) replaceCmd(path string) tea.Cmd {
	sess := a.open.snapshot()
	return func() tea.Msg {
		return exportedMsg{path: path, err: store.WriteExport(path, plan.Markdown(sess))}
	}
}

// exporting handles the steps of an export.
func (a *App) exporting(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case exportAskMsg:
		if a.open == nil {
			return nil
		}
		a.dialog = dialog.New(a.ctx.Styles, "Replace the plan file?",
			msg.path+" already exists. Replace it with the plan as it is now?",
			dialog.Choice{Key: "y", Label: "Replace it", Msg: exportReplaceMsg(msg)})
		a.dialog.Cancel = common.StatusMsg{Text: "Not exported: " + msg.path + " is unchanged."}
	case exportReplaceMsg:
		if a.open == nil {
			return nil
		}
		return a.replaceCmd(msg.path)
	case exportedMsg:
		if msg.err != nil {
			a.setError(msg.err)
			return nil
		}
		a.statusErr = nil
		a.setStatus("Exported the plan to " + msg.path)
		return a.forward(a.current(), common.ExportedMsg{Path: msg.path})
	}
	return nil
}

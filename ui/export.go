package ui

import (
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/plan"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/dialog"
)

// ctrl+e asks which document to write, then writes it into the folder
// Roundtable was started from under the name `roundtable export` gives
// it; a file already there is replaced only after the room confirms.
type (
	// exportChooseMsg: the room chose what to export.
	exportChooseMsg struct{ format exportFormat }
	// exportAskMsg: the file exists at path; ask before replacing it.
	exportAskMsg struct {
		path   string
		format exportFormat
	}
	// exportReplaceMsg: the room said yes to replacing path.
	exportReplaceMsg exportAskMsg
	exportedMsg      struct {
		path   string
		format exportFormat
		err    error
	}
)

// exportFormat is a document ctrl+e writes.
type exportFormat int

const (
	markdownPlan exportFormat = iota
	printablePlan
	actionCalendar
)

// what names the document for the status line.
func (f exportFormat) what() string {
	switch f {
	case printablePlan:
		return "the printable plan"
	case actionCalendar:
		return "the action calendar"
	}
	return "the plan"
}

func (f exportFormat) fileName(s *model.Session) string {
	switch f {
	case printablePlan:
		return plan.HTMLFileName(s)
	case actionCalendar:
		return plan.ICSFileName(s)
	}
	return plan.FileName(s)
}

func (f exportFormat) render(s *model.Session) []byte {
	switch f {
	case printablePlan:
		return plan.HTML(s)
	case actionCalendar:
		return plan.ICS(s)
	}
	return plan.Markdown(s)
}

// chooseExport asks what to export; enter takes the Markdown plan, as
// ctrl+e always did.
func (a *App) chooseExport() tea.Cmd {
	if a.open == nil {
		return nil
	}
	choice := func(key, label string, f exportFormat) dialog.Choice {
		return dialog.Choice{Key: key, Label: label, Msg: exportChooseMsg{format: f}}
	}
	a.dialog = dialog.New(a.ctx.Styles, "Export",
		"Write into the current folder, named after the session:\n"+
			"m  the plan in Markdown, to share\n"+
			"p  the plan as a page to print or save as PDF\n"+
			"c  the dated actions as a calendar to import",
		choice("m", "Markdown", markdownPlan), choice("p", "Printable page", printablePlan), choice("c", "Calendar", actionCalendar))
	a.dialog.Cancel = common.StatusMsg{Text: "Nothing exported."}
	return nil
}

// exportCmd writes the document of the session as it is now, unless a
// file is in the way.
func (a *App) exportCmd(f exportFormat) tea.Cmd {
	sess := a.open.snapshot()
	return func() tea.Msg {
		to, err := store.Locate("", f.fileName(sess))
		var te *store.TargetError
		switch {
		case errors.As(err, &te) && te.IsFolder:
			return exportedMsg{format: f, err: fmt.Errorf("%s was not exported: %s is a folder; rename it, or use `roundtable export -o FILE`", f.what(), te.Path)}
		case err != nil:
			return exportedMsg{format: f, err: fmt.Errorf("%s was not exported: %w; run `roundtable export` from a folder that exists", f.what(), err)}
		case to.Exists:
			return exportAskMsg{path: to.Path, format: f}
		}
		return exportedMsg{path: to.Path, format: f, err: store.WriteExport(to.Path, f.render(sess))}
	}
}

// replaceCmd writes the document over path, as the session is when the
// room confirms.
func (a *App) replaceCmd(path string, f exportFormat) tea.Cmd {
	sess := a.open.snapshot()
	return func() tea.Msg {
		return exportedMsg{path: path, format: f, err: store.WriteExport(path, f.render(sess))}
	}
}

// exporting handles the steps of an export.
func (a *App) exporting(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case exportChooseMsg:
		if a.open == nil {
			return nil
		}
		return a.exportCmd(msg.format)
	case exportAskMsg:
		if a.open == nil {
			return nil
		}
		title := "Replace the plan file?"
		if msg.format == actionCalendar {
			title = "Replace the calendar file?"
		}
		a.dialog = dialog.New(a.ctx.Styles, title,
			msg.path+" already exists. Replace it with "+msg.format.what()+" as it is now?",
			dialog.Choice{Key: "y", Label: "Replace it", Msg: exportReplaceMsg(msg)})
		a.dialog.Cancel = common.StatusMsg{Text: "Not exported: " + msg.path + " is unchanged."}
	case exportReplaceMsg:
		if a.open == nil {
			return nil
		}
		return a.replaceCmd(msg.path, msg.format)
	case exportedMsg:
		if msg.err != nil {
			a.setError(msg.err)
			return nil
		}
		a.statusErr = nil
		a.setStatus("Exported " + msg.format.what() + " to " + msg.path)
		return a.forward(a.current(), common.ExportedMsg{Path: msg.path})
	}
	return nil
}

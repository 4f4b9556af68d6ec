package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// proposeKey turns the finding under the cursor, on any step, into an
// action proposed with its owner role, due date and source step, so no
// step screen may bind A.
var proposeKey = key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "action for the finding under the cursor"))

// proposeAction opens the proposed action's form, or says why there is
// none to propose.
func (a *App) proposeAction() tea.Cmd {
	if a.open.readOnly {
		a.setError(errReadOnly)
		return nil
	}
	cmd, why := a.steps.ProposeAction(a.ctx.Now())
	if why != "" {
		a.setStatus(why)
	}
	return cmd
}

package present

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/theme"
)

// Run shows the session file at path to the room until q or ctrl+c.
func Run(path string) error {
	// Bubble Tea's init already asked the terminal for its background.
	styles := theme.New(theme.For(lipgloss.HasDarkBackground()))
	m := New(common.Context{Styles: styles, Now: time.Now}, path)
	defer m.Close()
	_, err := tea.NewProgram(m, tea.WithAltScreen()).Run()
	return err
}

// Command bare is the floor Roundtable's start-up is measured against: a
// Bubble Tea program at Roundtable's frame rate, on the alternate screen,
// that fills the terminal with a styled list once it knows its size, as
// Roundtable's home screen does. BenchmarkFirstFrame starts both.
package main

import (
	"fmt"
	"os"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

type screen struct {
	width, height int
}

func (screen) Init() tea.Cmd { return nil }

func (s screen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.width, s.height = msg.Width, msg.Height
	case tea.KeyMsg:
		return s, tea.Quit
	}
	return s, nil
}

var (
	title = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("12"))
	muted = lipgloss.NewStyle().Foreground(lipgloss.Color("8"))
	row   = lipgloss.NewStyle().Foreground(lipgloss.Color("7"))
)

func (s screen) View() string {
	if s.width == 0 {
		return ""
	}
	lines := []string{title.Render("Bare") + muted.Render(" › the floor"), title.Render("Sessions")}
	for i := 0; len(lines) < s.height-2; i++ {
		line := fmt.Sprintf("  Quarterly review %-3d  Acme Industrial Supplies  default  %d/6", i, i%7)
		lines = append(lines, row.Render(line[:min(len(line), s.width)]))
	}
	lines = append(lines, muted.Render("ready"), muted.Render("q quit"))
	return strings.Join(lines, "\n")
}

func main() {
	if _, err := tea.NewProgram(screen{}, tea.WithAltScreen(), tea.WithFPS(120)).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

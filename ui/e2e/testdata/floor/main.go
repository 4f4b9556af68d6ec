// Command floor is the least a program like Roundtable carries: a Bubble
// Tea screen drawn with lipgloss and a web server of the standard library
// with its HTML templates. The binary size test weighs Roundtable against it.
package main

import (
	"html/template"
	"net/http"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

type screen struct{}

func (screen) Init() tea.Cmd                       { return nil }
func (screen) Update(tea.Msg) (tea.Model, tea.Cmd) { return screen{}, tea.Quit }
func (screen) View() string                        { return lipgloss.NewStyle().Bold(true).Render("floor") }

func main() {
	page := template.Must(template.New("page").Parse("<p>{{.}}</p>"))
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { _ = page.Execute(w, r.URL.Path) })
	go func() { _ = http.ListenAndServe("127.0.0.1:0", nil) }()
	if _, err := tea.NewProgram(screen{}).Run(); err != nil {
		os.Exit(1)
	}
}

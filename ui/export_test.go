package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/plan"
	"github.com/roundtable/roundtable/ui/common"
)

// ctrlE exports the Markdown plan: ctrl+e, then enter for the first
// choice.
func ctrlE(h *harness) {
	h.send(tea.KeyMsg{Type: tea.KeyCtrlE})
	h.keys("enter")
}

func TestCtrlEExportsIntoTheCurrentFolder(t *testing.T) {
	h := opened(t, 240, 30)
	dir := t.TempDir()
	t.Chdir(dir)
	ctrlE(h)
	path := filepath.Join(dir, plan.FileName(h.sess()))
	h.wantScreen("Exported the plan to " + path)
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, plan.Markdown(h.sess())) {
		t.Fatal("the file is not the session's plan")
	}
}

func TestCtrlEAsksBeforeReplacingAFile(t *testing.T) {
	h := opened(t, 240, 30)
	dir := t.TempDir()
	t.Chdir(dir)
	path := filepath.Join(dir, plan.FileName(h.sess()))
	if err := os.WriteFile(path, []byte("the board's copy"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctrlE(h)
	h.wantScreen("Replace the plan file?")
	if h.app.dialog == nil || !strings.Contains(h.app.dialog.Body, path) {
		t.Fatal("the question does not name the file")
	}
	h.keys("esc")
	h.wantScreen("Not exported: " + path + " is unchanged.")
	if got, _ := os.ReadFile(path); string(got) != "the board's copy" {
		t.Fatal("esc replaced the file")
	}

	// A change made after the question is in the plan that replaces it.
	ctrlE(h)
	h.send(common.EditMsg{Label: "rename", Apply: func(s *model.Session) { s.Meta.Title = "Renamed at the last minute" }})
	h.keys("y")
	h.wantScreen("Exported the plan to " + path)
	if got, _ := os.ReadFile(path); !bytes.HasPrefix(got, []byte("# Renamed at the last minute\n")) {
		t.Fatalf("the replaced file starts %q", got[:min(len(got), 40)])
	}
}

func TestCtrlEOnTheHomeScreenWritesNothing(t *testing.T) {
	h := opened(t, 100, 30)
	dir := t.TempDir()
	t.Chdir(dir)
	h.keys("esc")
	ctrlE(h)
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("ctrl+e without an open session wrote %s", entries[0].Name())
	}
}

// ctrl+e offers the printable page and the calendar beside the plan, each
// written as `roundtable export` writes it.
func TestCtrlEWritesThePageOrTheCalendar(t *testing.T) {
	h := opened(t, 240, 30)
	dir := t.TempDir()
	t.Chdir(dir)
	h.send(tea.KeyMsg{Type: tea.KeyCtrlE})
	h.wantScreen("the plan as a page to print or save as PDF")
	h.keys("p")
	page := filepath.Join(dir, plan.HTMLFileName(h.sess()))
	h.wantScreen("Exported the printable plan to " + page)
	if got, _ := os.ReadFile(page); !bytes.Equal(got, plan.HTML(h.sess())) {
		t.Fatal("the page is not the session's plan")
	}
	h.send(tea.KeyMsg{Type: tea.KeyCtrlE})
	h.keys("c")
	cal := filepath.Join(dir, plan.ICSFileName(h.sess()))
	h.wantScreen("Exported the action calendar to " + cal)
	if got, _ := os.ReadFile(cal); !bytes.Equal(got, plan.ICS(h.sess())) {
		t.Fatal("the calendar is not the session's")
	}
	h.send(tea.KeyMsg{Type: tea.KeyCtrlE})
	h.keys("c")
	h.wantScreen("Replace the calendar file?")
	h.keys("esc")
	h.wantScreen("Not exported: " + cal + " is unchanged.")
	h.send(tea.KeyMsg{Type: tea.KeyCtrlE})
	h.keys("esc")
	h.wantScreen("Nothing exported.")
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Fatalf("%d files, want the page and the calendar", len(entries))
	}
}

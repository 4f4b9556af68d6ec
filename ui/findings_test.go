package ui

import (
	"strings"
	"testing"

	"github.com/roundtable/roundtable/model"
)

// TestAOnAFindingProposesAnAction: on the risks step, A on a serious risk
// without an owner opens its action filled in; ctrl+s keeps it, u takes
// it back; A again proposes the risk's next finding, and esc drops it.
func TestAOnAFindingProposesAnAction(t *testing.T) {
	h := opened(t, 120, 30)
	h.keys("4")
	_, i, _ := h.app.steps.Selected()
	risk := h.sess().Risks[i]
	h.keys("A")
	h.wantScreen("Action for a finding", "has no owner.", "Name the role that owns the risk", "2026-03-28")
	h.keys("ctrl+s")
	h.wantScreen("Added action: Name the role that owns the risk")
	acts := h.sess().Actions
	if len(acts) != 1 || acts[0].Finding != "risk:no owner:"+risk.Title || acts[0].Source != model.StepRisks ||
		acts[0].Due != "2026-03-28" || acts[0].Status != model.ActionOpen || acts[0].ID != 1 {
		t.Fatalf("kept %+v", acts)
	}
	h.keys("A")
	h.wantScreen("has no review date.", "Set a date to review the risk")
	h.keys("esc")
	h.dontWantScreen("Action for a finding")
	if len(h.sess().Actions) != 1 {
		t.Fatal("esc kept the proposal")
	}
	h.keys("u")
	if len(h.sess().Actions) != 0 {
		t.Fatal("u did not take the action back")
	}
}

// A due date that is not a date is refused in the proposal, and esc after
// typed words asks before dropping them.
func TestAProposalRefusesABadDateAndAsksBeforeDropping(t *testing.T) {
	h := opened(t, 120, 30)
	h.keys("4", "A", "tab", "tab", "ctrl+u")
	h.keys(strings.Split("soon", "")...)
	h.keys("ctrl+s")
	h.wantScreen("write the date as YYYY-MM-DD")
	if len(h.sess().Actions) != 0 {
		t.Fatal("an action with the due date soon was kept")
	}
	h.keys("esc")
	h.wantScreen("esc again drops what you typed here")
	h.keys("esc")
	h.dontWantScreen("Action for a finding")
	if len(h.sess().Actions) != 0 {
		t.Fatal("esc kept the proposal")
	}
}

// On a step without findings A says so; on a risk whose findings all
// have actions, it names the action that answers the first.
func TestAWithoutAFindingSaysWhy(t *testing.T) {
	h := opened(t, 120, 30)
	h.keys("1", "A")
	h.wantScreen("This step has no findings to act on")
	h.keys("4", "A", "ctrl+s", "A", "ctrl+s")
	if len(h.sess().Actions) != 2 {
		t.Fatalf("%d actions, want one for each of the risk's two findings", len(h.sess().Actions))
	}
	h.keys("A")
	h.wantScreen("Action 1 already answers this finding: Name the role that owns the risk")
	h.dontWantScreen("Action for a finding")
}

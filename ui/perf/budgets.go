package perf

import "time"

// Budget is one of the design's speed promises, measured by the benchmark
// Benchmark<Name> in this package.
type Budget struct {
	Name string
	// What is measured, as one operation of the benchmark.
	What string
	// Time is the most one operation may take on a facilitator's laptop.
	Time time.Duration
	// Allocs is the most heap allocations one operation may make; CI holds
	// the hot paths to it (TestAllocationBudgets). Zero: not checked, as
	// for start-up, which runs in another process.
	Allocs int
}

// The design's bars.
const (
	// FirstFrame is from starting the program to its first frame.
	FirstFrame = 50 * time.Millisecond
	// Keystroke is a screen's share of a 60 Hz frame (16.7 ms): the step
	// bar, status and help line and the terminal's own drawing need the rest.
	Keystroke = 2 * time.Millisecond
	// FileWork is loading, saving or exporting the benchmark-sized session.
	FileWork = 20 * time.Millisecond
	// Preview is drawing the plan for the review step, in the background:
	// the room waits for it, but never for a keystroke.
	Preview = 50 * time.Millisecond
)

// Budgets is every budget, by benchmark name. A View is a frame drawn after
// the session changed (nothing cached can be reused); an Update is a key and
// the frame after it; an Edit is a key that changes the session, the copy
// kept for undo, and the frame after it, as the root model does it. Screens
// run at 160×45, as on a projector; allocation budgets leave 25–50 %
// headroom over what was measured.
var Budgets = []Budget{
	{Name: "Startup", What: "start the binary in a pseudo-terminal until its first frame: the home list, or a large session opened", Time: FirstFrame},
	{Name: "Load", What: "read and decode the session file", Time: FileWork, Allocs: 40_000},
	{Name: "Save", What: "encode the session, read it back to check it, write, sync and rename the file, keeping a backup", Time: FileWork, Allocs: 52_000},
	{Name: "Encode", What: "encode the session as TOML", Time: FileWork, Allocs: 9_000},
	{Name: "RefuseHostile", What: "refuse four hostile session files that nest 100,000 deep (arrays, inline tables, a dotted key, a header)", Time: FileWork, Allocs: 12},
	{Name: "ExportMarkdown", What: "write the plan as Markdown", Time: FileWork, Allocs: 16_500},
	{Name: "ExportCSV", What: "write the RACI, risk and action spreadsheets", Time: FileWork, Allocs: 2800},
	{Name: "RACIFindings", What: "check the RACI rules on 200 activities × 30 roles", Time: Keystroke, Allocs: 800},
	{Name: "Progress", What: "work out which steps are complete, for the step bar", Time: Keystroke, Allocs: 1600},
	{Name: "List", What: "list 100 sessions for the home screen, files unchanged since the last list", Time: FileWork, Allocs: 1700},
	{Name: "HomeView", What: "home screen frame with 100 sessions listed", Time: Keystroke, Allocs: 170},
	{Name: "HomeUpdate", What: "home screen: cursor down or up, and the frame", Time: Keystroke, Allocs: 170},
	{Name: "HomeFilter", What: "home screen: a letter typed into the filter or taken back, and the frame", Time: Keystroke, Allocs: 1700},
	{Name: "NewSession", What: "new-session form: a letter typed into the title or taken back, and the frame", Time: Keystroke, Allocs: 350},
	{Name: "ListenView", What: "listen step frame", Time: Keystroke, Allocs: 160},
	{Name: "ListenUpdate", What: "listen step: cursor down or up in the inventory, and the frame", Time: Keystroke, Allocs: 240},
	{Name: "ObjectivesView", What: "objectives step frame", Time: Keystroke, Allocs: 210},
	{Name: "ObjectivesUpdate", What: "objectives step: cursor down or up, and the frame", Time: Keystroke, Allocs: 200},
	{Name: "RACIView", What: "RACI grid frame", Time: Keystroke, Allocs: 2300},
	{Name: "RACIUpdate", What: "RACI grid: cursor down or up, and the frame", Time: Keystroke, Allocs: 680},
	{Name: "RACIEdit", What: "RACI grid: set a letter in a cell, rules checked again, and the frame", Time: Keystroke, Allocs: 4000},
	{Name: "RisksView", What: "risk register and heat map frame", Time: Keystroke, Allocs: 850},
	{Name: "RisksUpdate", What: "risk register: cursor down or up, and the frame", Time: Keystroke, Allocs: 830},
	{Name: "RisksEdit", What: "risk register: open a risk's form, change its category, save, and the frame", Time: Keystroke, Allocs: 2_600},
	{Name: "RisksMap", What: "risk register: a move on the heat map, the list filtered to that cell, and the frame", Time: Keystroke, Allocs: 850},
	{Name: "RisksFilter", What: "risk register: a letter typed into the filter or taken back, and the frame", Time: Keystroke, Allocs: 1600},
	{Name: "DrillSetUpView", What: "crisis drill set-up frame", Time: Keystroke, Allocs: 480},
	{Name: "DrillView", What: "live crisis drill frame (clock paused)", Time: Keystroke, Allocs: 2000},
	{Name: "DrillUpdate", What: "live crisis drill: cursor down or up in the events, and the frame", Time: Keystroke, Allocs: 560},
	{Name: "DrillResultsView", What: "crisis drill results and after-action review frame", Time: Keystroke, Allocs: 310},
	{Name: "AssessmentView", What: "self-assessment frame", Time: Keystroke, Allocs: 280},
	{Name: "AssessmentUpdate", What: "self-assessment: cursor down or up, and the frame", Time: Keystroke, Allocs: 250},
	{Name: "ReviewView", What: "review summary frame", Time: Keystroke, Allocs: 1900},
	{Name: "ReviewUpdate", What: "review: cursor down or up in the action items, and the frame", Time: Keystroke, Allocs: 420},
	{Name: "PresentRACIView", What: "the room's view (roundtable present) of the RACI grid, findings and legend", Time: Keystroke, Allocs: 4300},
	{Name: "PresentRisksView", What: "the room's view of the heat map and the top risks", Time: Keystroke, Allocs: 3000},
	{Name: "PresentDrillTick", What: "the room's view of a running drill, redrawn as its clock moves on", Time: Keystroke, Allocs: 480},
	// The live room, measured together by BenchmarkRoom on the built
	// program in a pseudo-terminal, as 95th percentiles.
	{Name: "RoomVote", What: "live room, 200 phones voting at once: from a vote's reply to the frame that counts it", Time: 250 * time.Millisecond},
	{Name: "RoomKeystroke", What: "live room: a key to its frame while 200 phones vote (a whole 60 Hz frame: the terminal's drawing included)", Time: 16700 * time.Microsecond},
	// Through the root model, as the program runs: the key, the edit
	// with its undo copy, the rules checked once for every screen, and
	// the whole frame (step bar, what is missing, status and help).
	{Name: "RootRACIEdit", What: "a letter set in the RACI grid through the root model, and the whole frame", Time: 3 * time.Millisecond, Allocs: 2800},
	{Name: "RootRACIEdit1000", What: "a letter set in a RACI grid of 1,000 activities through the root model, and the whole frame", Time: 8 * time.Millisecond, Allocs: 5800},
	{Name: "RootListenView", What: "the whole frame of the listen step after a change", Time: Keystroke, Allocs: 2700},
	{Name: "RootObjectivesView", What: "the whole frame of the objectives step after a change", Time: Keystroke, Allocs: 2700},
	{Name: "RootRACIView", What: "the whole frame of the RACI step after a change", Time: Keystroke, Allocs: 2700},
	{Name: "RootRisksView", What: "the whole frame of the risks step after a change", Time: Keystroke, Allocs: 2900},
	{Name: "RootDrillView", What: "the whole frame of the drill step (its results) after a change", Time: Keystroke, Allocs: 2700},
	{Name: "RootAssessmentView", What: "the whole frame of the self-assessment step after a change", Time: Keystroke, Allocs: 3000},
	{Name: "RootReviewView", What: "the whole frame of the review step after a change", Time: Keystroke, Allocs: 2200},
	{Name: "ReviewPreview", What: "lay out the plan and draw the review step's preview of it", Time: Preview, Allocs: 44_000},
}

// inTerminal are the budgets measured on the built program in a
// pseudo-terminal rather than by an operation in ops.
var inTerminal = []string{"Startup", "RoomVote", "RoomKeystroke"}

// Lookup returns the budget of a benchmark by name.
func Lookup(name string) (Budget, bool) {
	for _, b := range Budgets {
		if b.Name == name {
			return b, true
		}
	}
	return Budget{}, false
}

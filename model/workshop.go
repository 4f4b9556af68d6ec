package model

import "strings"

// StepKind names what a step of a workshop does; each kind has its own
// screen and its own catalogue in the template.
type StepKind string

// The step kinds a workshop template may use.
const (
	StepListen     StepKind = "listen"
	StepObjectives StepKind = "objectives"
	StepRACI       StepKind = "raci"
	StepRisks      StepKind = "risks"
	StepDrill      StepKind = "drill"
	StepAssessment StepKind = "assessment"
	StepReview     StepKind = "review"
)

// StepKinds lists every step kind in the order a full workshop uses them.
var StepKinds = []StepKind{StepListen, StepObjectives, StepRACI, StepRisks, StepDrill, StepAssessment, StepReview}

// Valid reports whether k is a step kind Roundtable knows.
func (k StepKind) Valid() bool {
	for _, v := range StepKinds {
		if k == v {
			return true
		}
	}
	return false
}

// Workshop is a workshop template: its steps in order and the catalogues
// each kind of step draws from. Sessions keep a copy of the one they use.
type Workshop struct {
	Name  string `toml:"name"`
	Title string `toml:"title"`
	// Version is the template author's name for this edition of it; the
	// plan names it with the template.
	Version     string `toml:"version"`
	Description Text   `toml:"description"`
	// Duration is the planned length of the whole workshop in minutes.
	Duration int    `toml:"duration"`
	Steps    []Step `toml:"steps"`

	Listen     ListenCatalogue     `toml:"listen"`
	Objectives ObjectiveCatalogue  `toml:"objectives"`
	RACI       RACICatalogue       `toml:"raci"`
	Risks      RiskCatalogue       `toml:"risks"`
	Drill      DrillCatalogue      `toml:"drill"`
	Assessment AssessmentCatalogue `toml:"assessment"`
}

// Step is one guided screen of a workshop.
type Step struct {
	Kind  StepKind `toml:"kind"`
	Title string   `toml:"title"`
	// Timebox is the suggested length of the step in minutes.
	Timebox int `toml:"timebox"`
	// Prompts are what the facilitator reads aloud to open the step.
	Prompts []string `toml:"prompts"`
}

// ListenCatalogue is what the listening step offers.
type ListenCatalogue struct {
	// Platforms are the rows of the show-of-hands poll.
	Platforms []string `toml:"platforms"`
	// Places are the kinds of places where conversations happen.
	Places []string `toml:"places"`
	// Voices are who talks: customers, employees, press, critics, partners.
	Voices []string `toml:"voices"`
}

// ObjectiveCatalogue is what the objectives step offers.
type ObjectiveCatalogue struct {
	Objectives          []CatalogueObjective `toml:"objective"`
	Models              []OrgModel           `toml:"model"`
	VotesPerParticipant int                  `toml:"votes_per_participant"`
}

// CatalogueObjective is an objective the room can pick instead of writing one.
type CatalogueObjective struct {
	ID          string `toml:"id"`
	Title       string `toml:"title"`
	Description Text   `toml:"description"`
	// Source names the framework the objective comes from.
	Source string `toml:"source"`
}

// OrgModel is a way to organise social media work across the company.
type OrgModel struct {
	ID          string `toml:"id"`
	Name        string `toml:"name"`
	Description Text   `toml:"description"`
}

// RACICatalogue is the starting grid of the RACI step.
type RACICatalogue struct {
	Roles      []RoleTemplate     `toml:"role"`
	Activities []ActivityTemplate `toml:"activity"`
}

// RoleTemplate is a role the workshop suggests for the RACI grid.
type RoleTemplate struct {
	ID          string `toml:"id"`
	Name        string `toml:"name"`
	Description Text   `toml:"description"`
}

// ActivityTemplate is an activity the workshop suggests, with the assignment
// the seed recommends as a starting point ("IT owns plumbing, the business
// owns content").
type ActivityTemplate struct {
	Name        string `toml:"name"`
	Area        string `toml:"area"`
	Key         bool   `toml:"key"`
	Description Text   `toml:"description"`
	// Suggested maps a role ID to the letter the workshop suggests.
	Suggested map[string]Letter `toml:"suggested"`
}

// RiskCatalogue is the starting register of the risks step.
type RiskCatalogue struct {
	Categories []string       `toml:"categories"`
	Catalogue  []RiskTemplate `toml:"risk"`
}

// RiskTemplate is a risk the workshop suggests, with a suggested score.
type RiskTemplate struct {
	Title      string `toml:"title"`
	Category   string `toml:"category"`
	Likelihood int    `toml:"likelihood"`
	Impact     int    `toml:"impact"`
	Mitigation Text   `toml:"mitigation"`
	// Owner is the ID of the RACI role suggested as owner.
	Owner string `toml:"owner"`
}

// DrillCatalogue holds the crisis scenarios and the fire-drill checklist.
type DrillCatalogue struct {
	// Duties are the drill roles to fill, the spokesperson first.
	Duties    []Duty          `toml:"duty"`
	Scenarios []Scenario      `toml:"scenario"`
	Checklist []ChecklistItem `toml:"check"`
	Audiences []string        `toml:"audiences"`
	Phases    []string        `toml:"phases"`
	// Phrases are the words the program looks for in a drill message to
	// propose its fire-drill verdicts, in the workshop's own language.
	Phrases DrillPhrases `toml:"phrases"`
}

// DrillPhrases are the words each evidence rule looks for (EvidenceRules),
// matched as whole words regardless of case. In a phrase, * stands for any
// letters: "apolog*" finds "apologise" and "apology", "we are *ing" finds
// "we are refunding", and a * on its own is any one word ("within * hours").
// # stands for a number: "by # pm" finds "by 5 pm", "#:#" finds "17:00".
type DrillPhrases struct {
	// Acknowledge says the company knows: "we are aware".
	Acknowledge []string `toml:"acknowledge"`
	// Issue names the problem, which acknowledges it too: "outage".
	Issue []string `toml:"issue"`
	// Source cites where the issue was raised: "your post", "the video".
	Source []string `toml:"source"`
	// Compassion is words of regret and understanding: "sorry".
	Compassion []string `toml:"compassion"`
	// Action is a concrete next step: "we will", "we are *ing".
	Action []string `toml:"action"`
	// Time says when the step happens: "this week", "by # pm".
	Time []string `toml:"time"`
	// Page points to a response page in words: "status page".
	Page []string `toml:"page"`
	// Coordinate names the teams that must say the same: "call centre".
	Coordinate []string `toml:"coordinate"`
}

// Duty is a job someone must do during a crisis, filled by a RACI role.
type Duty struct {
	ID          string `toml:"id"`
	Name        string `toml:"name"`
	Description Text   `toml:"description"`
	// Role is the ID of the RACI role suggested for the duty.
	Role string `toml:"role"`
}

// Scenario is a crisis to rehearse, with its master events list.
type Scenario struct {
	ID      string `toml:"id"`
	Title   string `toml:"title"`
	Summary Text   `toml:"summary"`
	// Minutes is the length of the scenario in scenario time.
	Minutes int      `toml:"minutes"`
	Injects []Inject `toml:"inject"`
}

// Inject is one event of a scenario's master events list.
type Inject struct {
	Minute  int    `toml:"minute"`
	Channel string `toml:"channel"`
	Speaker string `toml:"speaker"`
	Text    Text   `toml:"text"`
	// Good says what a good response to the inject does.
	Good Text `toml:"good"`
}

// ChecklistItem is one point of the crisis fire drill.
type ChecklistItem struct {
	ID          string `toml:"id"`
	Title       string `toml:"title"`
	Description Text   `toml:"description"`
}

// AssessmentCatalogue holds the practices a team rates itself on.
type AssessmentCatalogue struct {
	Practices []Practice `toml:"practice"`
}

// Practice is one recommended practice of the self-assessment.
type Practice struct {
	ID          string `toml:"id"`
	Title       string `toml:"title"`
	Explanation Text   `toml:"explanation"`
}

// Label is the short name of the kind, as the step bar shows it.
func (k StepKind) Label() string {
	switch k {
	case StepRACI:
		return "RACI"
	case StepDrill:
		return "Crisis drill"
	case "":
		return "Step"
	}
	return strings.ToUpper(string(k[:1])) + string(k[1:])
}

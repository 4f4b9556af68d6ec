package common

// ExportedMsg tells the active screen that the plan was written to Path, so
// the review step can show where it went.
type ExportedMsg struct {
	Path string
}

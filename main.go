// Command roundtable runs cross-functional planning workshops in the
// terminal: it walks a room through listening, objectives, RACI, risks and a
// crisis drill, keeps every answer in a local TOML file and exports the plan.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/adrg/xdg"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/plan"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/room"
	"github.com/roundtable/roundtable/workshops"
)

// version is set at build time with -ldflags "-X main.version=…"; without it
// the module version of the build is used.
var version = ""

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run runs the command line args and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCommand(stdin, stdout, stderr)
	root.SetArgs(args)
	if err := root.Execute(); err != nil {
		return report(stderr, err)
	}
	return 0
}

// app carries what every command needs, resolved from the global flags.
type app struct {
	dataDir string
	// roomAddr is where a live room listens; blank is the laptop's
	// address on its main network and a free port.
	roomAddr string
	stdin    io.Reader
	stdout   io.Writer
}

func (a *app) store() *store.Store { return store.New(store.DataDir(a.dataDir)) }

func (a *app) workshops() *workshops.Catalog { return workshops.Load(workshops.ConfigDir()) }

// interactive reports whether the program can take over a terminal.
func (a *app) interactive() bool {
	in, ok := a.stdin.(*os.File)
	if !ok || !term.IsTerminal(in.Fd()) {
		return false
	}
	out, ok := a.stdout.(*os.File)
	return ok && term.IsTerminal(out.Fd())
}

// run starts the program on the home screen, or on the session of an open
// handle, which the program then owns and closes.
func (a *app) run(st *store.Store, cat *workshops.Catalog, open *store.Handle) error {
	return a.runWithRoom(st, cat, open, nil)
}

// runWithRoom is run with a live room already listening, which the
// program takes over with the session.
func (a *app) runWithRoom(st *store.Store, cat *workshops.Catalog, open *store.Handle, live *room.Server) error {
	return ui.Run(ui.Options{
		Store:     st,
		Workshops: cat,
		Open:      open,
		Version:   buildVersion(),
		Room:      live,
		RoomAddr:  a.roomAddr,
		RoomLog:   roomLog(),
	})
}

// roomLog is where the live room's server writes its errors: never the
// terminal, which the program draws on.
func roomLog() string { return filepath.Join(xdg.StateHome, "roundtable", "room.log") }

func newRootCommand(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	a := &app{stdin: stdin, stdout: stdout}
	root := &cobra.Command{
		Use:   "roundtable",
		Short: "Run a cross-functional social media planning workshop",
		Long: `Roundtable walks IT and business leaders through listening, objectives,
RACI, risks and a crisis drill, keeps every answer in a local session file
and exports the plan as Markdown.

Without a command it opens the home screen.`,
		Version:       buildVersion(),
		Args:          noArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !a.interactive() {
				return errors.New("the home screen needs a terminal; try `roundtable list` or `roundtable --help`")
			}
			return a.run(a.store(), a.workshops(), nil)
		},
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(flagError)
	root.PersistentFlags().StringVar(&a.dataDir, "data-dir", "",
		"keep sessions in `DIR` (default $ROUNDTABLE_DATA_DIR, else $XDG_DATA_HOME/roundtable)")
	root.AddCommand(
		newNewCommand(a),
		newOpenCommand(a),
		newListCommand(a),
		newWorkshopsCommand(a),
		newValidateCommand(a),
		newExportCommand(a),
		newPresentCommand(a),
		newActionsCommand(a),
	)
	guardCompletion(root)
	root.SetHelpCommand(newHelpCommand(root))
	// Each usage line is written out in full, as the README has it.
	for _, c := range root.Commands() {
		c.DisableFlagsInUseLine = true
	}
	root.DisableFlagsInUseLine = true
	return root
}

// newExample is how the README starts a session.
const newExample = `roundtable new "Acme social media roles"`

func newNewCommand(a *app) *cobra.Command {
	var (
		workshop string
		sample   bool
		noOpen   bool
	)
	cmd := &cobra.Command{
		Use:   "new TITLE [--workshop NAME] [--sample] [--no-open]",
		Short: "Create a session and open it",
		Long: `Create a session from a workshop template and open it.

With --no-open, or when not run from a terminal, the new session's id is
printed as the last line instead.`,
		Example: `  roundtable new "Acme social media roles"
  roundtable new "Try-out" --sample
  roundtable new "Team check" --workshop self-assessment --no-open`,
		Args: oneArg("TITLE", newExample),
		RunE: func(cmd *cobra.Command, args []string) error {
			title := strings.TrimSpace(model.Clean(args[0]))
			if title == "" {
				return usage(cmd, "the title is empty; give the session a name, e.g. %s", newExample)
			}
			w, err := a.workshops().Get(workshop)
			if err != nil {
				return err
			}
			now := time.Now()
			sess := model.New(store.NewID(title, now), model.Meta{
				Title:   title,
				Date:    now.Format(time.DateOnly),
				Created: now.UTC().Truncate(time.Second),
				Updated: now.UTC().Truncate(time.Second),
			}, w)
			if sample {
				if err := workshops.Sample(sess); err != nil {
					return err
				}
				sess.Meta.Title = title
			}
			st := a.store()
			path, err := st.Create(sess)
			if err != nil {
				return err
			}
			if noOpen || !a.interactive() {
				fmt.Fprintf(cmd.OutOrStdout(), "created %s\n%s\n", path, sess.ID)
				return nil
			}
			h, err := st.Open(path, false)
			if err != nil {
				return err
			}
			return a.run(st, a.workshops(), h)
		},
	}
	cmd.Flags().StringVar(&workshop, "workshop", workshops.Default, "make the session from the workshop template `NAME` (roundtable workshops lists them)")
	cmd.Flags().BoolVar(&sample, "sample", false, "fill the session with the sample organisation's answers")
	cmd.Flags().BoolVar(&noOpen, "no-open", false, "create the session and print its id without opening it")
	_ = cmd.RegisterFlagCompletionFunc("workshop", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var names []string
		for _, e := range a.workshops().List() {
			if e.Err == nil {
				names = append(names, e.Name+"\t"+e.Title)
			}
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

func newOpenCommand(a *app) *cobra.Command {
	var readOnly, withRoom bool
	cmd := &cobra.Command{
		Use:   "open SESSION [--read-only]",
		Short: "Open a session",
		Long: `Open a session by its id, a unique prefix of its id, or the path to its file.

A session open in another terminal is locked; --read-only shows it without
changing it.

With --room the live room opens with the session: participants answer
from their own phones at the address and room code shown on the screen
(R opens it from any step too). Anyone on the same network can reach that
address, and without encryption what phones send can be read on shared
Wi-Fi; guest Wi-Fi often keeps phones apart, so use the laptop's hotspot.`,
		Example: `  roundtable open acme
  roundtable open acme-social-media-roles-7f3k --read-only
  roundtable open acme --room
  roundtable open acme --room --room-addr 192.168.1.20:8080`,
		Args:              oneArg("SESSION", "roundtable open acme"),
		ValidArgsFunction: a.completeSessions,
		RunE: func(cmd *cobra.Command, args []string) error {
			if withRoom && readOnly {
				return errors.New("--room needs the session open for changes: the room's answers could not be kept with --read-only")
			}
			// Found and locked here, so a missing, ambiguous or locked
			// session is reported on the command line; the program takes
			// the lock over, shows itself at once and reads the file, and a
			// file that does not read is shown there with its backup.
			st := a.store()
			h, err := st.Reserve(args[0], readOnly)
			if err != nil {
				return err
			}
			if !a.interactive() {
				_ = h.Close()
				return errors.New("opening a session needs a terminal; `roundtable list` shows sessions without one")
			}
			var live *room.Server
			if withRoom {
				if live, err = room.Start(room.Config{Addr: a.roomAddr, LogPath: roomLog()}); err != nil {
					_ = h.Close()
					return err
				}
			}
			return a.runWithRoom(st, a.workshops(), h, live)
		},
	}
	cmd.Flags().BoolVar(&readOnly, "read-only", false, "show the session without changing it (works while another terminal has it open)")
	cmd.Flags().BoolVar(&withRoom, "room", false, "open the live room: participants answer from their phones on this network")
	cmd.Flags().StringVar(&a.roomAddr, "room-addr", "", "the `HOST:PORT` the live room listens on (default: this laptop's address on its main network, a free port)")
	return cmd
}

func newListCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List every session",
		Long: `List every session, newest first. A session file that cannot be read is
listed with the file and the line of the problem.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			entries, err := a.store().List()
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if len(entries) == 0 {
				fmt.Fprintln(out, "No sessions yet. Start one with: roundtable new \"TITLE\" (add --sample to explore an example)")
				return nil
			}
			rows := [][]string{{"ID", "TITLE", "ORGANISATION", "WORKSHOP", "UPDATED", "PROGRESS"}}
			var broken []string
			for _, e := range entries {
				if e.Err != nil {
					rows = append(rows, []string{clip(e.ID, 40), "(cannot be read, see below)"})
					broken = append(broken, oneLine(e.Err.Error()))
					continue
				}
				rows = append(rows, []string{clip(e.ID, 40), clip(e.Title, 40), clip(e.Organisation, 24),
					clip(e.Workshop, 20), e.Updated.Local().Format("2006-01-02 15:04"), fmt.Sprintf("%d/%d", e.Done, e.Total)})
			}
			if err := writeColumns(out, rows); err != nil {
				return err
			}
			if len(broken) > 0 {
				fmt.Fprintln(out, "\nCannot be read:")
				for _, b := range broken {
					fmt.Fprintln(out, "  "+b)
				}
			}
			return nil
		},
	}
}

func newWorkshopsCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "workshops",
		Short: "List the workshop templates",
		Long: `List every workshop template: the built-in ones and those in
$XDG_CONFIG_HOME/roundtable/workshops/*.toml, which replace a built-in one
of the same name. A template with a problem is listed with it and not used.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tTITLE\tSTEPS\tSOURCE")
			for _, e := range a.workshops().List() {
				source := e.Source
				if e.Overrides {
					source += " (replaces the built-in one)"
				}
				if e.Err != nil {
					fmt.Fprintf(tw, "%s\t%s\t\t%s\n", oneLine(e.Name), oneLine("not usable: "+e.Err.Error()), oneLine(source))
					continue
				}
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", oneLine(e.Name), oneLine(e.Title), e.Steps, oneLine(source))
			}
			return tw.Flush()
		},
	}
}

func newValidateCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE",
		Short: "Check a workshop template",
		Long: `Check a workshop template file and report each problem with its line.
Exits non-zero when there is any problem.`,
		Args: oneArg("FILE", "roundtable validate my-workshop.toml"),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := os.ReadFile(args[0])
			if err != nil {
				return err
			}
			problems := workshops.Validate(args[0], data)
			for _, p := range problems {
				fmt.Fprintln(cmd.ErrOrStderr(), p.String())
			}
			if len(problems) > 0 {
				return fmt.Errorf("%s: %d problem(s)", args[0], len(problems))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: valid\n", args[0])
			return nil
		},
	}
}

func newExportCommand(a *app) *cobra.Command {
	var (
		output  string
		stdout  bool
		csvDir  string
		icsFile string
		asHTML  bool
		force   bool
	)
	cmd := &cobra.Command{
		Use:   "export SESSION [-o FILE | --stdout] [--html] [--csv DIR] [--ics FILE] [--force]",
		Short: "Write a session's plan as Markdown or as a printable web page",
		Long: `Write the plan of a session as GitHub-flavoured Markdown, without opening
the program. The session is read only, so this works while another
terminal has it open.

Without -o the plan goes to <session-id>-plan.md in the current folder and
its path is printed. A file already there is left as it is and nothing is
written, unless --force is given to replace it.

With --html the plan is one self-contained web page instead, with the
poll, the RACI matrix, the heat map and the drill timeline drawn as
pictures, no script and nothing fetched from the network: open it in a
browser and print it to PDF. It goes to <session-id>-plan.html unless -o
names the file.

With --csv DIR the RACI matrix, the risk register and the action items are
written to DIR as CSV files a spreadsheet opens as they are. With --ics FILE
the dated action items and the review dates of open risks are written as a
calendar of to-dos, which a calendar program imports again as updates.
With either, the plan is written only when -o, --stdout or --html asks for
it.`,
		Example: `  roundtable export acme
  roundtable export acme -o board/plan.md
  roundtable export acme -o board/plan.md --force
  roundtable export acme --stdout | less
  roundtable export acme --html -o board/plan.html
  roundtable export acme --csv sheets
  roundtable export acme --ics actions.ics`,
		Args:              oneArg("SESSION", "roundtable export acme"),
		ValidArgsFunction: a.completeSessions,
		RunE: func(cmd *cobra.Command, args []string) error {
			if output != "" && stdout {
				return usage(cmd, "-o and --stdout cannot go together: the plan goes to a file or to standard output")
			}
			h, err := a.store().Open(args[0], true)
			if err != nil {
				return err
			}
			defer h.Close()
			sess := h.Session
			var files []export
			if csvDir != "" {
				for _, f := range plan.CSVFiles(sess) {
					files = append(files, export{path: filepath.Join(csvDir, f.Name), data: f.Data})
				}
			}
			if icsFile != "" {
				files = append(files, export{path: icsFile, data: plan.ICS(sess)})
			}
			render, name := plan.Markdown, plan.FileName
			if asHTML {
				render, name = plan.HTML, plan.HTMLFileName
			}
			if !stdout && (output != "" || asHTML || csvDir == "" && icsFile == "") {
				if output == "" {
					output = name(sess)
				}
				files = append(files, export{path: output, data: render(sess)})
			}
			out := cmd.OutOrStdout()
			if csvDir != "" {
				if err := os.MkdirAll(csvDir, 0o700); err != nil {
					return fmt.Errorf("creating the folder for the CSV files: %w", err)
				}
			}
			// Every file is checked before any is written, so a refusal
			// leaves the folder as it was.
			if err := checkExports(files, force); err != nil {
				return err
			}
			for _, f := range files {
				if err := store.WriteExport(f.abs, f.data); err != nil {
					return fmt.Errorf("%s was not written: %s", f.abs, writeProblem(err))
				}
				verb := "wrote"
				if f.exists {
					verb = "replaced"
				}
				fmt.Fprintf(out, "%s %s\n", verb, f.abs)
			}
			if stdout {
				_, err := out.Write(render(sess))
				return err
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "write the plan to `FILE` (default <session-id>-plan.md in the current folder)")
	cmd.Flags().BoolVar(&stdout, "stdout", false, "write the plan to standard output instead of a file")
	cmd.Flags().StringVar(&csvDir, "csv", "", "write the RACI matrix, risks and actions as CSV files into `DIR` (and the plan only with -o or --stdout)")
	cmd.Flags().BoolVar(&asHTML, "html", false, "write the plan as a self-contained web page to print, with pictures (default <session-id>-plan.html)")
	cmd.Flags().StringVar(&icsFile, "ics", "", "write the dated actions and risk reviews as a calendar of to-dos to `FILE`")
	cmd.Flags().BoolVar(&force, "force", false, "replace files that are already there")
	_ = cmd.MarkFlagDirname("csv")
	return cmd
}

// export is one file the export command writes.
type export struct {
	path, abs string
	data      []byte
	// exists is set when a file is already at abs.
	exists bool
}

// writeProblem says why a file could not be written, without the name of
// the temporary file the write went through.
func writeProblem(err error) string {
	var perr *fs.PathError
	if errors.As(err, &perr) {
		return perr.Err.Error()
	}
	return err.Error()
}

// checkExports finds where each file goes and refuses, before anything is
// written, a folder that is missing, a folder in the way, or a file
// already there without force.
func checkExports(files []export, force bool) error {
	var there []string
	for i := range files {
		f := &files[i]
		to, err := store.Locate(f.path, "")
		var te *store.TargetError
		switch {
		case errors.As(err, &te) && te.NoFolder != "":
			return fmt.Errorf("the folder %s does not exist; nothing was written. Create it first, or choose another file with -o", te.NoFolder)
		case errors.As(err, &te) && te.IsFolder:
			return fmt.Errorf("%s is a folder; give a file name, e.g. -o %s", te.Path, filepath.Join(f.path, "plan.md"))
		case err != nil:
			return err
		}
		f.abs, f.exists = to.Path, to.Exists
		if to.Exists {
			there = append(there, to.Path)
		}
	}
	switch {
	case force || len(there) == 0:
		return nil
	case len(there) == 1:
		return fmt.Errorf("%s is already there; nothing was written. Add --force to replace it", there[0])
	}
	return fmt.Errorf("%d files are already there (%s); nothing was written. Add --force to replace them", len(there), strings.Join(there, ", "))
}

// completeSessions offers session ids, with their titles, to the shell.
func (a *app) completeSessions(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	entries, err := a.store().List()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var ids []string
	for _, e := range entries {
		if strings.HasPrefix(e.ID, prefix) {
			ids = append(ids, e.ID+"\t"+oneLine(e.Title))
		}
	}
	return ids, cobra.ShellCompDirectiveNoFileComp
}

// oneLine keeps user text on one line of a table printed to a terminal, and
// keeps control characters from reaching it.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return '\uFFFD'
		}
		return r
	}, model.Clean(s))
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// writeColumns writes rows as columns two spaces apart, measured in
// terminal cells, so a title with an emoji or CJK characters does not push
// the columns after it out of line.
func writeColumns(out io.Writer, rows [][]string) error {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], display.Width(c))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			if i == len(r)-1 {
				b.WriteString(c)
				break
			}
			b.WriteString(display.Pad(c, widths[i]+2))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(out, b.String())
	return err
}

// clip keeps a column of the session list to at most n cells.
func clip(s string, n int) string { return display.Fit(oneLine(s), n) }

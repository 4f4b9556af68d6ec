package perf

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/workshops"
)

// BenchmarkFirstFrame starts Roundtable and a bare Bubble Tea program
// (testdata/bare: the same Bubble Tea, frame rate and alternate screen,
// filling the terminal with a styled list) in turn, in the same 80×24
// pseudo-terminal and the same run, and reports the median time of each to
// its first whole frame and their ratio (×bare). The budgets are ratios to
// that floor, which a machine busy with other work slows alike: home with 0
// and with 100 sessions listed at most 1.3×, the sample session opened at
// most 1.5×, the benchmark-sized one at most 2×.
func BenchmarkFirstFrame(b *testing.B) {
	bin, bare := binary(b), bareBinary(b)
	empty, full := b.TempDir(), b.TempDir()
	st := store.New(filepath.Join(full, "data", "roundtable"))
	large := fillStore(b, st)
	sample := sampleSession(b, st)
	// A laptop's list has been read before: the list comes from its cache.
	if _, err := st.List(); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		home  string
		args  []string
		frame string
		ratio float64
	}{
		{"home-0", empty, nil, "No sessions yet", 1.3},
		{"home-100", full, nil, "Acme social media roles", 1.3},
		// The first frame of open says it is opening, unless the file is
		// read before the terminal's size is known; then it shows the step.
		{"open-sample", full, []string{"open", sample.ID}, "Opening|Step 1 of", 1.5},
		{"open-large", full, []string{"open", large.ID}, fmt.Sprintf("Opening|Step %d of", large.Step+1), 2},
		// The session itself on screen, read and drawn.
		{"open-sample-shown", full, []string{"open", sample.ID}, "Step 1 of", 0},
		{"open-large-shown", full, []string{"open", large.ID}, fmt.Sprintf("Step %d of", large.Step+1), 0},
	} {
		b.Run(c.name, func(b *testing.B) {
			env := envIn(c.home)
			var own, floor []time.Duration
			for b.Loop() {
				d, err := timeToFrame(bare, env, nil, "q quit")
				if err != nil {
					b.Fatal(err)
				}
				floor = append(floor, d)
				if d, err = timeToFrame(bin, env, c.args, c.frame); err != nil {
					b.Fatal(err)
				}
				own = append(own, d)
			}
			m, f := median(own), median(floor)
			b.ReportMetric(float64(m)/float64(time.Millisecond), "ms")
			b.ReportMetric(float64(f)/float64(time.Millisecond), "bare-ms")
			b.ReportMetric(float64(m)/float64(f), "×bare")
			if c.ratio > 0 {
				b.ReportMetric(float64(m)/float64(f)/c.ratio*100, "%budget")
			}
		})
	}
}

// timeToFrame starts bin in a pseudo-terminal and returns how long it took
// to show frame; the program is then quit, untimed.
func timeToFrame(bin string, env, args []string, frame string) (time.Duration, error) {
	start := time.Now()
	p, err := startInTerminal(bin, env, args, frame)
	if err != nil {
		return 0, err
	}
	d := time.Since(start)
	return d, p.quit()
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// envIn gives the programs a home of their own under home.
func envIn(home string) []string {
	return append(os.Environ(),
		"HOME="+home,
		"XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"),
		"XDG_STATE_HOME="+filepath.Join(home, "state"),
		"XDG_CACHE_HOME="+filepath.Join(home, "cache"),
		"ROUNDTABLE_DATA_DIR="+filepath.Join(home, "data", "roundtable"),
		"TERM=xterm-256color",
	)
}

// sampleSession stores the sample session of the default workshop, as
// `roundtable new --sample` makes it.
func sampleSession(tb testing.TB, st *store.Store) *model.Session {
	w, err := workshops.Load(tb.TempDir()).Get(workshops.Default)
	if err != nil {
		tb.Fatal(err)
	}
	s := model.New(store.NewID("Sample", now), model.Meta{Title: "Sample", Created: now, Updated: now}, w)
	if err := workshops.Sample(s); err != nil {
		tb.Fatal(err)
	}
	if _, err := st.Create(s); err != nil {
		tb.Fatal(err)
	}
	return s
}

// bareBinary is the bare Bubble Tea program, built in the same run.
func bareBinary(b *testing.B) string {
	return built(b, "bare", "github.com/roundtable/roundtable/ui/perf/testdata/bare")
}

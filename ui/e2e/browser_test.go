package e2e

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// chromium finds Debian's Chromium. A machine without it skips the browser
// tests with a message; CI never does.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("Chromium is not installed, and CI must run the browser tests: apt-get install -y chromium")
	}
	t.Skip("Chromium is not installed, so this browser test is skipped: apt-get install -y chromium runs it")
	return ""
}

// phoneBrowser is a headless Chromium with a phone's viewport, 390×844.
func phoneBrowser(t *testing.T) context.Context {
	t.Helper()
	ctx := browser(t, 390, 844)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

// browser is a headless Chromium of a fresh profile with a window of the
// size given, that fetches nothing of its own accord; listeners get every
// event of its tab.
func browser(t *testing.T, width, height int, listeners ...func(ev any)) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	var copts []chromedp.ContextOption
	for _, l := range listeners {
		copts = append(copts, chromedp.WithListener(l))
	}
	ctx, cancelCtx := chromedp.NewContext(alloc, copts...)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		cancelTime()
		cancelCtx()
		cancelAlloc()
	})
	return ctx
}

// TestRoomInAPhonesBrowser joins the built program's room from a real
// browser at a phone's size with the code shown on the facilitator's
// screen, ticks the poll and sees the count change on that screen, places
// dots that stay off the screen until the facilitator reveals them, and
// finds the anonymous results in the session file without the phone's
// name.
func TestRoomInAPhonesBrowser(t *testing.T) {
	ctx := phoneBrowser(t)
	r := openRoom(t, 100, 30)
	const name = "Zed Phonewright"
	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s in the browser: %v\nthe facilitator's screen shows:\n%s", what, err, r.text())
		}
	}
	do("joining",
		chromedp.Navigate(r.url),
		chromedp.WaitVisible(chromedp.CSS(`input[name=code]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=code]`), r.code),
		chromedp.SendKeys(chromedp.CSS(`input[name=name]`), name),
		chromedp.Click(chromedp.CSS(`button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.view`)),
	)
	r.waitFor("People (1)", name)

	r.send("o", "p", "a")
	r.waitFor("Show-of-hands poll (anonymous): 0 of 1 phone answered")
	// The page changes by itself when the facilitator opens the poll.
	do("ticking the poll",
		chromedp.WaitVisible(chromedp.CSS(`input[name=reads][value="0"]`)),
		chromedp.Click(chromedp.CSS(`input[name=reads][value="0"]`)),
		chromedp.Click(chromedp.CSS(`input[name=creates][value="1"]`)),
	)
	r.waitFor("1 of 1 phone answered", "LinkedIn                reads   1  creates   0", "creates   1")
	r.send("c")
	r.waitFor("Poll closed: the counts of 1 phone are in the poll.")

	r.send("o", "v", "a")
	r.waitFor("Dot vote (anonymous): 0 of 1 phone answered")
	do("placing dots",
		chromedp.WaitVisible(chromedp.CSS(`input[name=dots0]`)),
		chromedp.Clear(chromedp.CSS(`input[name=dots0]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=dots0]`), "2"+kb.Tab),
	)
	r.waitFor("1 of 1 phone answered", "2 placed so far")
	if screen := r.text(); strings.Contains(screen, "■") {
		t.Fatalf("the blind dot vote shows its tallies before the reveal:\n%s", screen)
	}
	r.send("c")
	r.waitFor("Dot vote revealed", "■■")

	file := waitForFile(t, r.file, "activity = \"poll\"\nanonymous = true", "activity = \"dots\"\nanonymous = true")
	if strings.Contains(file, "Zed") {
		t.Fatalf("the session file names the phone's participant after anonymous activities:\n%s", file)
	}
	r.send("q")
	if err := r.exit(); err != nil {
		t.Fatalf("quitting: %v", err)
	}
}

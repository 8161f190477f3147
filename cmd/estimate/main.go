package main

import (
	"context"
	"io"
	"os"
	"runtime/debug"

	"charm.land/fang/v2"
)

// version is set at build time with -ldflags "-X main.version=…"; without
// it, buildVersion reads what the Go toolchain recorded.
var version = ""

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit status. It is main
// without the process: tests call it with their own streams.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(&streams{in: stdin, out: stdout, err: stderr})
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	opts := []fang.Option{fang.WithErrorHandler(printError), fang.WithoutManpage(), fang.WithVersion(buildVersion())}
	if err := fang.Execute(ctx, root, opts...); err != nil {
		return exitStatus(err)
	}
	return 0
}

// buildVersion is the version set at link time, else the module's version
// (go install …@v1.2.3), else "devel" with the commit a source build was
// made from: "devel (1b3abdc, modified)".
func buildVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var commit, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			commit = s.Value[:min(len(s.Value), 7)]
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if commit == "" {
		return "devel"
	}
	return "devel (" + commit + modified + ")"
}

// streams are the command's standard input, output and error.
type streams struct {
	in       io.Reader
	out, err io.Writer
}

package main

import (
	"context"
	"io"
	"os"

	"charm.land/fang/v2"
)

// version is set at build time with -ldflags "-X main.version=…"; a build
// from source reports the module version or "devel".
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
	opts := []fang.Option{fang.WithErrorHandler(printError), fang.WithoutManpage()}
	if version != "" {
		opts = append(opts, fang.WithVersion(version))
	}
	if err := fang.Execute(ctx, root, opts...); err != nil {
		return exitStatus(err)
	}
	return 0
}

// streams are the command's standard input, output and error.
type streams struct {
	in       io.Reader
	out, err io.Writer
}

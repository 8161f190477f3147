// Command estimate is a back-of-the-envelope capacity calculator for system
// design: a units-aware calculator (estimate eval), preset and user
// scenarios (estimate run, list, show, validate), and an interactive session.
//
// This package only parses the command line, picks a mode and maps errors to
// exit statuses: 0 success, 1 bad input or an evaluation error, 2 a usage
// error. The work is done in calc, scenarios, report and tui.
package main

package main

import (
	"strings"
	"testing"
)

// TestGrowthEqualsSetByHand: a growth column equals `run` with the grown
// inputs set by hand. twitter's mau grows; at 10% a month for 3 months it
// is 300M × 1.1³ = 300M × 1.331 = 399.3M.
func TestGrowthEqualsSetByHand(t *testing.T) {
	grown := runJSON(t, "run", "twitter", "--growth", "10%/month", "--at", "3mo,1y", "-o", "json")
	if grown.Growth == nil || len(grown.Growth.At) != 2 {
		t.Fatalf("growth = %+v, want two points", grown.Growth)
	}
	at3 := grown.Growth.At[0]
	if at3.Label != "3mo" || !within(at3.Factor, 1.331) {
		t.Errorf("first point = %s ×%v, want 3mo ×1.331", at3.Label, at3.Factor)
	}
	byHand := runJSON(t, "run", "twitter", "--set", "mau=399.3M", "-o", "json")
	for i, o := range at3.Outputs {
		if want := byHand.Outputs[i].Base; !within(o.Base, want) {
			t.Errorf("%s at +3mo = %v, by hand %v", o.Name, o.Base, want)
		}
	}
	// A year is 365/30 = 12.1667 of calc's 30-day months:
	// 1.1^12.1667 = e^(12.1667 × ln 1.1) = e^1.159612 = 3.188680.
	if got := grown.Growth.At[1].Factor; !within(got, 3.188680477) {
		t.Errorf("factor at 1y = %v, want 3.188680", got)
	}
	// The growth of a --set value starts from the value set: 2 × 399.3M.
	doubled := runJSON(t, "run", "twitter", "--set", "mau=600M", "--growth", "10%/month", "--at", "3mo", "-o", "json")
	if got := doubled.Growth.At[0].Inputs[0].Base; !within(got, 798.6e6) {
		t.Errorf("mau at +3mo from 600M = %v, want 798.6M", got)
	}
}

func TestGrowthErrors(t *testing.T) {
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"run", "web-app", "--growth", "10%"}, 1, "rate over a period"},
		{[]string{"run", "web-app", "--growth", "10 MB/month"}, 1, "plain number or percentage"},
		{[]string{"run", "web-app", "--growth", "10%/month", "--at", "3 parsecs"}, 1, "times such as 3mo"},
		{[]string{"run", "web-app", "--at", "3mo"}, 2, "--at needs --growth"},
		{[]string{"run", "consistent-hashing", "--growth", "10%/month"}, 0, ""},
		// 11^(36,500 days) is past float64: an error, never an infinite input.
		{[]string{"run", "twitter", "--growth", "1000%/day", "--at", "100y"}, 1, "growing mau at 1000%/day overflows"},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and …%s…", tt.args, code, stderr, tt.code, tt.msg)
		}
	}
}

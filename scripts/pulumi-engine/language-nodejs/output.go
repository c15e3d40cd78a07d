// Copies the program's output to the engine and watches it for signs of an
// out-of-memory crash.
package main

import (
	"bufio"
	"io"
	"strings"
	"sync"
	"time"
)

// drainWriter forwards writes until the first error (the engine closed its
// end), then swallows the rest, so that a program writing to a dead engine
// never blocks on a full pipe while it is being stopped.
type drainWriter struct {
	mu     sync.Mutex
	w      io.Writer
	broken bool
}

func (d *drainWriter) Write(p []byte) (int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.broken {
		if _, err := d.w.Write(p); err != nil {
			d.broken = true
		}
	}
	return len(p), nil
}

// oomMessage is what Pulumi's host adds to the error of a program that ran
// out of memory.
const oomMessage = "Detected a possible out of memory error. Consider increasing the memory available to the nodejs process " +
	"by setting the `nodeargs` runtime option in Pulumi.yaml to `nodeargs: --max-old-space-size=<size>` where " +
	"`<size>` is the maximum memory in megabytes that can be allocated to nodejs. " +
	"See https://www.pulumi.com/docs/concepts/projects/project-file/#runtime-options"

// oomSniffer scans stderr lines for V8's out-of-memory report.
type oomSniffer struct {
	mu       sync.Mutex
	detected bool
	done     chan struct{}
}

func sniffOOM(r io.Reader) *oomSniffer {
	s := &oomSniffer{done: make(chan struct{})}
	go func() {
		defer close(s.done)
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		for sc.Scan() {
			line := sc.Text()
			if strings.Contains(line, "<--- Last few GCs --->") ||
				strings.Contains(line, "Check failed: needs_context && current_scope_ == closure_scope_") {
				s.mu.Lock()
				s.detected = true
				s.mu.Unlock()
			}
		}
		// Keep draining so the tee never blocks on an over-long line.
		_, _ = io.Copy(io.Discard, r)
	}()
	return s
}

// wait returns whether an out-of-memory report was seen, once the stream
// ended or after timeout.
func (s *oomSniffer) wait(timeout time.Duration) bool {
	select {
	case <-s.done:
	case <-time.After(timeout):
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.detected
}

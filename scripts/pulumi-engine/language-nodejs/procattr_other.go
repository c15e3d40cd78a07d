//go:build !linux

// Process attributes on systems without a parent-death signal.
package main

import "syscall"

// dieWithParent has no kernel support here; the host's own shutdown stops
// the program.
func dieWithParent() *syscall.SysProcAttr {
	return nil
}

// Runs a Pulumi program: the Run RPC.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/google/shlex"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// bailExitCode is what @pulumi/pulumi/cmd/run exits with when it has already
// reported the program's error to the engine.
const bailExitCode = 32

// errShuttingDown answers a Run that arrives while the host is stopping.
var errShuttingDown = errors.New("the language host is shutting down because the engine went away")

func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	if !h.startProgram() {
		return nil, errShuttingDown
	}
	defer h.programs.Done()

	nodeBin, err := exec.LookPath("node")
	if err != nil {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not find node on the $PATH: %v", err)}, nil
	}
	dir := programDirectory(req)
	runner, err := resolveRunner(nodeBin, dir)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	opts, err := parseOptions(req.GetInfo())
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	cfg, err := configJSON(req.GetConfig())
	if err != nil {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("failed to serialize configuration: %v", err)}, nil
	}
	secretKeys, err := secretKeysJSON(req.GetConfigSecretKeys())
	if err != nil {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("failed to serialize configuration secret keys: %v", err)}, nil
	}
	nodeArgs, err := shlex.Split(opts.nodeargs)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	env := runEnvironment(os.Environ(), cfg, secretKeys, opts)

	var debugPort int
	if req.GetAttachDebugger() {
		var debugArgs []string
		if debugPort, debugArgs, err = debuggerArgs(); err != nil {
			return &pulumirpc.RunResponse{Error: err.Error()}, nil
		}
		nodeArgs = append(nodeArgs, debugArgs...)
	}
	args := append(nodeArgs, runArguments(req, runner, h.engine(), h.tracing)...)

	// The program stops (SIGINT, then SIGKILL after programGrace) when the
	// engine cancels, the engine goes away, or this RPC ends.
	cmdCtx, cmdCancel := context.WithCancel(h.cancelCtx)
	defer cmdCancel()
	stopWatching := context.AfterFunc(ctx, cmdCancel)
	defer stopWatching()
	cmd := exec.CommandContext(cmdCtx, nodeBin, args...)
	cmd.Env = env
	cmd.Cancel = func() error {
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			return cmd.Process.Kill()
		}
		return nil
	}
	cmd.WaitDelay = programGrace
	cmd.SysProcAttr = dieWithParent()

	// Copy through pipes rather than handing over our own stdout/stderr: Node
	// may switch those to non-blocking mode, and a dead engine must not make
	// the program block on a full pipe.
	cmd.Stdout = &drainWriter{w: os.Stdout}
	sniffR, sniffW := io.Pipe()
	cmd.Stderr = io.MultiWriter(&drainWriter{w: os.Stderr}, sniffW)
	sniffer := sniffOOM(sniffR)

	err = cmd.Start()
	if err == nil && req.GetAttachDebugger() {
		if derr := h.startDebugging(ctx, cmd.Process.Pid, debugPort); derr != nil {
			cmdCancel()
			_ = cmd.Wait()
			_ = sniffW.Close()
			return &pulumirpc.RunResponse{Error: derr.Error()}, nil
		}
	}
	if err == nil {
		err = cmd.Wait()
	}
	_ = sniffW.Close()
	return runResponse(err, sniffer), nil
}

// startProgram registers a program about to run, unless the host is stopping.
func (h *host) startProgram() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopping {
		return false
	}
	h.programs.Add(1)
	return true
}

// runResponse turns the program's exit into what Pulumi's host reports.
func runResponse(err error, sniffer *oomSniffer) *pulumirpc.RunResponse {
	if err == nil {
		return &pulumirpc.RunResponse{}
	}
	var exitErr *exec.ExitError
	if !errors.As(err, &exitErr) {
		return &pulumirpc.RunResponse{
			Error: fmt.Sprintf("Problem executing program (could not run language executor): %v", err),
		}
	}
	switch code := exitErr.ExitCode(); code {
	case 0:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited unexpectedly: %v", exitErr)}
	case bailExitCode:
		// The program already showed the user an actionable message.
		return &pulumirpc.RunResponse{Bail: true}
	default:
		msg := fmt.Sprintf("Program exited with non-zero exit code: %d", code)
		if sniffer.wait(15 * time.Second) {
			msg += ". " + oomMessage
		}
		return &pulumirpc.RunResponse{Error: msg}
	}
}

// resolveRunner finds @pulumi/pulumi/cmd/run (or PULUMI_LANGUAGE_NODEJS_RUN_PATH)
// as the program itself would resolve it, so the program and the runner
// share one copy of the SDK.
func resolveRunner(nodeBin, programDir string) (string, error) {
	mod := os.Getenv("PULUMI_LANGUAGE_NODEJS_RUN_PATH")
	if mod == "" {
		mod = "@pulumi/pulumi/cmd/run"
	}
	cmd := exec.Command(nodeBin, "-e", `process.stdout.write(require.resolve(process.argv[1]))`, mod)
	cmd.Dir = programDir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if strings.Contains(stderr.String(), "MODULE_NOT_FOUND") {
			return "", errors.New("It looks like the Pulumi SDK has not been installed. Have you run pulumi install?")
		}
		return "", fmt.Errorf("could not find %s from %s: %v %s", mod, programDir, err, strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(string(out)), nil
}

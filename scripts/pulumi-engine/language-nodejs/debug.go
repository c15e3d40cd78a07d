// Starts a program under the Node.js inspector for `--attach-debugger`.
package main

import (
	"context"
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi-internal/netutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/structpb"
)

// defaultInspectorPort is Node's own default for --inspect-brk.
const defaultInspectorPort = 9229

// debuggerArgs picks a free inspector port and the node flags that stop the
// program on its first line until a debugger attaches.
func debuggerArgs() (int, []string, error) {
	port, err := netutil.FindNextAvailablePort(defaultInspectorPort)
	if err != nil {
		return 0, nil, fmt.Errorf("failed to find available port for debugger: %w", err)
	}
	return port, []string{
		fmt.Sprintf("--inspect-brk=%d", port),
		"--inspect-publish-uid=http", // no "Debugger listening on..." line
	}, nil
}

// startDebugging tells the engine how to attach to the program (the engine
// shows it, or hands it to the editor that started the run).
func (h *host) startDebugging(ctx context.Context, pid, port int) error {
	addr := h.engine()
	if addr == "" {
		return fmt.Errorf("cannot attach a debugger: the engine address is unknown")
	}
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return fmt.Errorf("language host could not make connection to engine: %w", err)
	}
	defer conn.Close()
	cfg := map[string]any{
		"name":             "Pulumi: Program (nodejs)",
		"type":             "node",
		"request":          "attach",
		"processId":        pid,
		"continueOnAttach": true,
		"skipFiles":        []any{"<node_internals>/**"},
	}
	message := fmt.Sprintf("on process id %d", pid)
	if port != defaultInspectorPort {
		cfg["port"] = port
		message += fmt.Sprintf(" and port %d", port)
	}
	debugConfig, err := structpb.NewStruct(cfg)
	if err != nil {
		return err
	}
	_, err = pulumirpc.NewEngineClient(conn).StartDebugging(ctx, &pulumirpc.StartDebuggingRequest{
		Config:  debugConfig,
		Message: message,
	})
	if err != nil {
		return fmt.Errorf("unable to start debugging: %w", err)
	}
	return nil
}

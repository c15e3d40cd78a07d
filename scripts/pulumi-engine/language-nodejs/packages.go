// Finds the resource plugins a program needs: the GetRequiredPackages RPC.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// packageJSON is the part of a package.json that names a Pulumi plugin.
type packageJSON struct {
	Name    string                  `json:"name"`
	Version string                  `json:"version"`
	Pulumi  plugin.PulumiPluginJSON `json:"pulumi"`
}

// GetRequiredPackages reports every package under the program's node_modules
// whose package.json says `"pulumi": {"resource": true}`, so the engine can
// install its plugin before the run. Packages required from outside the
// program folder (e.g. `require("../elsewhere")`) are not seen, as with
// Pulumi's own host.
func (h *host) GetRequiredPackages(_ context.Context, req *pulumirpc.GetRequiredPackagesRequest) (*pulumirpc.GetRequiredPackagesResponse, error) {
	s := &packageScan{visited: map[string]bool{}, sdkVersions: map[string]semver.Version{}}
	s.scan(req.GetInfo().GetProgramDirectory(), false)
	if len(s.errs) > 0 {
		logging.V(3).Infof("one or more errors while discovering plugins: %v", errors.Join(s.errs...))
	}
	warnIncompatibleSDKs(s.sdkVersions)
	return &pulumirpc.GetRequiredPackagesResponse{Packages: s.packages}, nil
}

type packageScan struct {
	visited     map[string]bool
	packages    []*pulumirpc.PackageDependency
	sdkVersions map[string]semver.Version // package.json path -> @pulumi/pulumi version
	errs        []error
}

// scan walks dir deeply (following links once), reading package.json files
// that sit inside a node_modules folder and skipping nested policy packs.
func (s *packageScan) scan(dir string, inNodeModules bool) {
	dir, err := filepath.Abs(dir)
	if err != nil || s.visited[dir] {
		return
	}
	s.visited[dir] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		s.errs = append(s.errs, fmt.Errorf("reading plugin dir %s: %w", dir, err))
		return
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		isDir := e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			if p, err = filepath.EvalSymlinks(p); err != nil {
				s.errs = append(s.errs, err)
				continue
			}
			fi, err := os.Stat(p)
			if err != nil {
				s.errs = append(s.errs, err)
				continue
			}
			isDir = fi.IsDir()
		}
		switch {
		case isDir:
			if pack, err := workspace.DetectPolicyPackPathAt(p); err != nil || pack != "" {
				continue
			}
			s.scan(p, inNodeModules || filepath.Base(dir) == "node_modules")
		case inNodeModules && e.Name() == "package.json":
			s.readPackage(p)
		}
	}
}

func (s *packageScan) readPackage(path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		s.errs = append(s.errs, err)
		return
	}
	var info packageJSON
	if err := json.Unmarshal(b, &info); err != nil {
		s.errs = append(s.errs, fmt.Errorf("unmarshaling package.json %s: %w", path, err))
		return
	}
	if info.Name == "@pulumi/pulumi" {
		if v, err := semver.Parse(info.Version); err == nil {
			s.sdkVersions[path] = v
		}
	}
	if !info.Pulumi.Resource {
		return
	}
	dep, err := dependencyOf(info)
	if err != nil {
		s.errs = append(s.errs, fmt.Errorf("%s: %w", path, err))
		return
	}
	s.packages = append(s.packages, dep)
}

// dependencyOf names the plugin: `pulumi.name`, else the @pulumi/ package's
// own name; its version is `pulumi.version`, else the package's, with a "v".
func dependencyOf(info packageJSON) (*pulumirpc.PackageDependency, error) {
	name := info.Pulumi.Name
	if name == "" {
		if !strings.HasPrefix(info.Name, "@pulumi/") {
			return nil, fmt.Errorf("Missing property \"name\" for the third-party plugin '%v' "+
				"inside package.json under the \"pulumi\" section.", info.Name)
		}
		name = strings.TrimPrefix(info.Name, "@pulumi/")
	}
	version := info.Pulumi.Version
	if version == "" {
		version = info.Version
	}
	if version == "" {
		return nil, errors.New("Missing expected \"version\" property")
	}
	if !strings.HasPrefix(version, "v") {
		version = "v" + version
	}
	dep := &pulumirpc.PackageDependency{Name: name, Kind: "resource", Version: version, Server: info.Pulumi.Server}
	if p := info.Pulumi.Parameterization; p != nil {
		dep.Parameterization = &pulumirpc.PackageParameterization{Name: p.Name, Version: p.Version, Value: p.Value}
	}
	return dep, nil
}

// warnIncompatibleSDKs prints (to the engine's output) when the program
// loads copies of @pulumi/pulumi with different major versions.
func warnIncompatibleSDKs(versions map[string]semver.Version) {
	var firstPath string
	var first semver.Version
	for path, v := range versions {
		if firstPath == "" {
			firstPath, first = path, v
			continue
		}
		if v.Major != first.Major || (v.Major == 0 && v.Minor != first.Minor) {
			fmt.Fprintf(os.Stderr, "Found incompatible versions of @pulumi/pulumi. Differing major versions are not supported.\n"+
				"  Version %s referenced at %s\n  Version %s referenced at %s\n", first, firstPath, v, path)
			return
		}
	}
}

/** The reference generators (scripts/reference/*) on small source fixtures. */
import {describe, expect, it} from 'vitest';
import {commandTree, type CommandInfo} from '../../scripts/reference/cobra';
import {crdSchemas, strictSchema} from '../../scripts/reference/crds';
import {goStructTree, ProtoSet, valuesTree} from '../../scripts/reference/fields';
import {buildIncluded, GoPackages, stripComments} from '../../scripts/reference/golang';

const ROOT_GO = `package cmd

import (
	"github.com/spf13/cobra"
	"istio.io/istio/tool/pkg/sub"
)

const FlagNamespace = "namespace"

func GetRootCmd(args []string) *cobra.Command {
	rootCmd := &cobra.Command{Use: "tool"}
	flags := rootCmd.PersistentFlags()
	flags.StringVarP(&ns, FlagNamespace, "n", "", "namespace") // global
	experimental := &cobra.Command{Use: "experimental", Aliases: []string{"x"}}
	list := []*cobra.Command{sub.Cmd(), seeOther("other")}
	for _, c := range list {
		rootCmd.AddCommand(c)
	}
	if viper.GetBool("PREFER-EXPERIMENTAL") {
		rootCmd.AddCommand(&cobra.Command{Use: "legacy"})
	}
	rootCmd.AddCommand(experimental)
	return rootCmd
}

func seeOther(name string) *cobra.Command {
	return &cobra.Command{
		Use: name,
		RunE: func(_ *cobra.Command, _ []string) error {
			return errors.New("use x")
		},
	}
}
`;

const SUB_GO = `package sub

type opts struct{}

func (o *opts) attach(cmd *cobra.Command) {
	cmd.PersistentFlags().IntVar(&o.port, "admin-port", 15000, "port")
}

func Cmd() *cobra.Command {
	o := new(opts)
	cmd := &cobra.Command{
		Use:     "status [<name>]",
		Aliases: []string{"st"},
		RunE:    func(c *cobra.Command, args []string) error { return run(c) },
	}
	o.attach(cmd)
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "more")
	cmd.Flags().StringArrayVarP(&set, "set", "s", nil, "a=b")
	return cmd
}
`;

function tree(): CommandInfo {
  const go = new GoPackages();
  go.add('tool/cmd/root.go', ROOT_GO);
  go.add('tool/pkg/sub/sub.go', SUB_GO);
  go.add('tool/pkg/sub/agent.go', '//go:build agent\n\npackage sub\n\nfunc Cmd() *cobra.Command {\n\treturn &cobra.Command{Use: "wrong"}\n}\n');
  return commandTree(go, {dir: 'tool/cmd', name: 'GetRootCmd'});
}

describe('cobra reader', () => {
  it('follows calls, slices, loops and AddCommand, and skips run-time-setting branches', () => {
    const names = tree().commands!.map((c) => c.name);
    expect(names).toEqual(['completion', 'experimental', 'help', 'other', 'status']);
  });

  it('reads Use (first word), aliases, runnability and error-only commands', () => {
    const root = tree();
    const status = root.commands!.find((c) => c.name === 'status')!;
    expect(status.aliases).toEqual(['st']);
    expect(status.runnable).toBe(true);
    expect(root.commands!.find((c) => c.name === 'other')!.errorOnly).toBe(true);
    expect(root.commands!.find((c) => c.name === 'experimental')!.runnable).toBeUndefined();
  });

  it('records each flag with its short form, whether it takes a value and whether it is inherited', () => {
    const root = tree();
    expect(root.flags).toContainEqual({name: 'namespace', short: 'n', value: true, persistent: true});
    const status = root.commands!.find((c) => c.name === 'status')!;
    expect(status.flags).toContainEqual({name: 'verbose', short: 'v', value: false});
    expect(status.flags).toContainEqual({name: 'set', short: 's', value: true});
    expect(status.flags).toContainEqual({name: 'admin-port', value: true, persistent: true});
    expect(status.flags).toContainEqual({name: 'help', short: 'h', value: false});
  });

  it('honours build constraints and strips comments but not strings', () => {
    expect(buildIncluded('//go:build !agent\n')).toBe(true);
    expect(buildIncluded('//go:build agent\n')).toBe(false);
    expect(stripComments('a := "// not a comment" // comment\n')).toBe('a := "// not a comment" \n');
  });
});

describe('CRD schemas', () => {
  it('closes objects, keeps enums and int-or-string, and leaves preserve-unknown-fields open', () => {
    const s = strictSchema({
      type: 'object',
      properties: {
        mode: {type: 'string', enum: ['A', 'B'], description: 'dropped'},
        port: {'x-kubernetes-int-or-string': true},
        free: {type: 'object', 'x-kubernetes-preserve-unknown-fields': true},
      },
    });
    expect(s.additionalProperties).toBe(false);
    expect(s.properties!.mode).toEqual({type: 'string', enum: ['A', 'B']});
    expect(s.properties!.port!.type).toEqual(['integer', 'string']);
    expect(s.properties!.free!.additionalProperties).toBeUndefined();
  });

  it('keys schemas by group/version/Kind for every served version, storage version first', () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
spec:
  group: example.io
  names: {kind: Thing}
  versions:
  - name: v1beta1
    served: true
    schema: {openAPIV3Schema: {properties: {spec: {type: object, properties: {a: {type: string}}}}}}
  - name: v1
    served: true
    storage: true
    schema: {openAPIV3Schema: {properties: {spec: {type: object, properties: {a: {type: string}}}}}}
  - name: v1alpha1
    served: false
`;
    const out = crdSchemas(crd);
    expect(out.versions['example.io/Thing']).toEqual(['v1', 'v1beta1']);
    expect(Object.keys(out.schemas).sort()).toEqual(['example.io/v1/Thing', 'example.io/v1beta1/Thing']);
  });
});

describe('field trees', () => {
  it('reads proto messages: nested types, oneofs, maps (open), enums and well-known types (scalars)', () => {
    const protos = new ProtoSet();
    protos.add(`syntax = "proto3";
package demo.v1;
import "google/protobuf/duration.proto";
message Config {
  message Inner { string host_name = 1; }
  enum Mode { A = 0; }
  Inner inner = 1;
  map<string, string> labels = 2;
  google.protobuf.Duration timeout = 3;
  Mode mode = 4;
  oneof choice { string first = 5; int32 second = 6; }
  repeated Inner items = 7;
}`);
    expect(protos.tree('demo.v1.Config')).toEqual({
      first: 0, inner: {hostName: 0, host_name: 0}, items: {hostName: 0, host_name: 0}, labels: 1, mode: 0, second: 0, timeout: 0,
    });
  });

  it('reads Go structs by json tag, inlining embedded structs and leaving foreign types open', () => {
    const go = `type Spec struct {
	Base
	Name string \`json:"name,omitempty"\`
	K8s *corev1.PodSpec \`json:"k8s,omitempty"\`
	Raw map[string]any \`json:"-"\`
	Values json.RawMessage \`json:"values,omitempty"\`
}
type Base struct {
	Enabled *BoolValue \`json:"enabled,omitempty"\`
}`;
    expect(goStructTree(go, 'Spec', {values: {a: 0}})).toEqual({enabled: 0, k8s: 1, name: 0, values: {a: 0}});
  });

  it('reads Helm values: unwraps the internal defaults, empty maps and lists are open', () => {
    const yaml = `_internal_defaults_do_not_set:\n  env: {}\n  resources:\n    requests:\n      cpu: 10m\nglobal:\n  hub: x\n  list: []\n`;
    expect(valuesTree(yaml, ['profile'])).toEqual({env: 1, global: {hub: 0, list: 1}, profile: 1, resources: {requests: {cpu: 0}}});
  });
});

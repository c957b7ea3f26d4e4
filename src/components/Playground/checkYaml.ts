/**
 * Problems in the playground's YAML before anything runs: the course's shared syntax messages
 * (src/lib/yaml), Istio's range and reference rules (src/lib/rules, the same the content checker
 * applies) against the playground's mesh, and the simulator's own field checks.
 */
import type {Diagnostic, Mesh, RunResult} from '@site/src/lib/mesh';
import {checkReferences, checkResource, ruleResource, type Finding, type RuleResource} from '@site/src/lib/rules';
import {parseYaml, type YamlDocument} from '@site/src/lib/yaml';

function located(document: YamlDocument, finding: Finding): Diagnostic {
  const {line, column} = document.locate(finding.path);
  return {severity: finding.severity, message: finding.message, line, column};
}

const isSyntax = (diagnostic: Diagnostic): boolean => /^YAML( syntax)?:/.test(diagnostic.message);

export interface YamlCheck {
  readonly problems: readonly Diagnostic[];
  /**
   * Istio would refuse to apply this (a syntax error, a field or value its validation rejects),
   * so nothing is run. A reference to a subset or host that does not exist is applied by Istio
   * (`istioctl analyze` warns), so it is listed but the requests still run and show its effect.
   */
  readonly rejected: boolean;
}

export function checkYaml(yaml: string, mesh: Mesh, simulated: RunResult): YamlCheck {
  const parsed = parseYaml(yaml);
  const problems: Diagnostic[] = parsed.problems.map((problem) => ({
    severity: problem.severity ?? 'error',
    message: problem.message,
    line: problem.line,
    column: problem.column ?? 1,
  }));
  const resources: RuleResource[] = [];
  const documents: YamlDocument[] = [];
  for (const document of parsed.documents) {
    const resource = ruleResource(document.data);
    if (!resource) continue;
    resources.push(resource);
    documents.push(document);
    problems.push(...checkResource(resource).map((finding) => located(document, finding)));
  }
  const rejected = problems.some((problem) => problem.severity === 'error') || simulated.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  const services = mesh.services.map((service) => ({name: service.name, namespace: service.namespace}));
  for (const finding of checkReferences(resources, {services})) {
    const document = documents[finding.resource];
    if (document) problems.push(located(document, finding));
  }
  // The simulator parses the same text: its syntax messages would repeat the ones above.
  const own = problems.some(isSyntax) ? simulated.diagnostics.filter((diagnostic) => !isSyntax(diagnostic)) : simulated.diagnostics;
  return {problems: [...problems, ...own], rejected};
}

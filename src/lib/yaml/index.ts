/** The one way the course reads YAML: parse with positions, locate a path, report syntax problems. */
export {parseYaml, parseYamlDocument, type ParsedYaml, type Position, type YamlDocument, type YamlOptions} from './parse';
export {pathFromString, pathToPointer, pathToString, pointerToPath, type PathItem, type YamlPath} from './path';

/** A Dockerfile read just enough for the deployment suite: instructions grouped by stage. */
export interface Stage {
  readonly name: string;
  /** The image or earlier stage it starts from. */
  readonly from: string;
  readonly instructions: readonly { readonly keyword: string; readonly args: string }[];
}

export function parseDockerfile(text: string): Stage[] {
  const logicalLines = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const stages: { name: string; from: string; instructions: { keyword: string; args: string }[] }[] = [];
  for (const line of logicalLines) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === 'FROM') {
      const [, from = '', name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      stages.push({ name: name ?? String(stages.length), from, instructions: [] });
    } else if (stages.length > 0) {
      stages.at(-1)!.instructions.push({ keyword: keyword.toUpperCase(), args: args.replace(/\s+/g, ' ') });
    }
  }
  return stages;
}

/** The stage and the stages it is built on, itself first. */
export function lineage(stages: readonly Stage[], name: string): Stage[] {
  const stage = stages.find((candidate) => candidate.name === name);
  return stage ? [stage, ...lineage(stages, stage.from)] : [];
}

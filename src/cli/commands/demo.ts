/**
 * `opsctl demo` (what `npm start` runs): the main job end to end against the lab, in under a
 * minute — reset the lab to the desired state, validate the repository, run the daily
 * inspection, introduce two drift scenarios, plan (showing them), and say where the reports
 * are. Each step runs the real CLI as a child process, exactly as an engineer would type it,
 * against one lab served by this process (so the 39 simulated hosts start once).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { contextOf } from '../context.js';

const MAIN = fileURLToPath(new URL('../main.js', import.meta.url));

interface DemoStep {
  title: string;
  args: string[];
  /** Exit codes that mean the step did what it should (2 = findings / changes). */
  expect: number[];
}

const STEPS: DemoStep[] = [
  { title: 'validate the repository: schemas, references, policy, secrets', args: ['validate'], expect: [0] },
  { title: 'daily inspection (日常巡检) of the lab; reports under reports/lab/inspections/', args: ['inspect', '--env', 'lab', '--playbook', 'daily'], expect: [0, 2] },
  { title: 'drift: a data source pool changed by hand on a WebLogic domain', args: ['lab', 'drift', 'datasource-capacity'], expect: [0] },
  { title: 'drift: an AIX network tunable changed by hand', args: ['lab', 'drift', 'kernel-param'], expect: [0] },
  { title: 'plan: read the live lab, diff against desired state, order the steps', args: ['plan', '--env', 'lab', '--detailed-exitcode'], expect: [2] },
];

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function run(root: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, '--repo', root, ...args], { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

async function demo(root: string): Promise<number> {
  const started = Date.now();
  const lab = await import('../../lab/index.js');
  if (await lab.runningLab(root)) throw new Error('a lab server is already running ("opsctl lab status"); stop it first, the demo resets the lab');
  say('opsctl demo — against the LAB, a simulated twin of the estate on 127.0.0.1 (never the real systems)\n');
  say('[1/7] reset the lab to the desired state (39 hosts, 5 WebLogic domains, 9 databases)');
  const { store } = lab.resetLab({ root });
  const handle = lab.publishLab(root, await lab.startLab({ root, store }));
  say(`      serving ${Object.keys(handle.endpoints.ssh).length} SSH hosts and ${Object.keys(handle.endpoints.weblogic).length} WebLogic REST servers on 127.0.0.1\n`);
  try {
    for (const [i, step] of STEPS.entries()) {
      say(`[${i + 2}/7] ${step.title}\n      $ ./opsctl ${step.args.join(' ')}`);
      const code = await run(root, step.args);
      if (!step.expect.includes(code)) {
        say(`\ndemo stopped: "opsctl ${step.args.join(' ')}" exited ${code}, expected ${step.expect.join(' or ')}`);
        return 1;
      }
      say('');
    }
  } finally {
    await handle.stop();
  }
  say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s. Reports: reports/lab/inspections/ (JSON, Markdown, HTML).`);
  say('The two drifts are still in the lab: "./opsctl lab status" shows them, "./opsctl lab clear" removes them,');
  say('"./opsctl plan --env lab --out plan.json" then "./opsctl apply plan.json --now 2026-11-28T22:00:00+08:00" repairs them in a window.');
  return 0;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('the main job against the lab (npm start): reset, validate, inspect, two drifts, plan')
    .action(async (_opts: unknown, cmd: Command) => {
      process.exitCode = await demo(contextOf(cmd).root);
    });
}

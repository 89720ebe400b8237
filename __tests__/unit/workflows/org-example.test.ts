/** The organisation-wide example: a central workflow, and the ruleset that requires it everywhere. */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { PULL_REQUEST_ACTIONS } from '../../../src/action/event.js';
import { contextName, VERDICT } from '../../../src/model/contexts.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, { types?: string[] }>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { steps: Step[] }>;
}
interface Ruleset {
  target: string;
  rules: { type: string; parameters: Record<string, unknown> }[];
}

const workflow = parse(readFileSync('examples/org/merge-gate-required.yml', 'utf8')) as Workflow;
const ruleset = JSON.parse(readFileSync('examples/org/ruleset.json', 'utf8')) as Ruleset;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

describe('examples/org/merge-gate-required.yml', () => {
  it('runs on every pull request activity that can change the verdict, and on merge groups', () => {
    expect(workflow.on.pull_request_target?.types).toEqual([...PULL_REQUEST_ACTIONS]);
    expect(workflow.on.merge_group?.types).toEqual(['checks_requested']);
    expect(Object.keys(workflow.on).sort()).toEqual(['merge_group', 'pull_request_target']);
  });

  it('asks only for what Merge Gate needs, and never checks out or runs the pull request', () => {
    expect(workflow.permissions).toEqual({ statuses: 'write', 'pull-requests': 'read', contents: 'read' });
    expect(steps).toHaveLength(1);
    expect(steps[0]?.uses).toMatch(/^OWNER\/merge-gate@v1$/);
    expect(steps.some((step) => step.run !== undefined || /checkout/.test(step.uses ?? ''))).toBe(false);
  });

  it('fails its job when the verdict fails, since the ruleset requires the job', () => {
    expect(steps[0]?.with).toEqual({ 'fail-on': 'failure' });
  });

  it('serialises the runs of one pull request or merge group, cancelling the older one', () => {
    expect(workflow.concurrency['cancel-in-progress']).toBe(true);
    expect(workflow.concurrency.group).toContain('github.event.pull_request.number');
    expect(workflow.concurrency.group).toContain('github.event.merge_group.head_ref');
  });
});

describe('examples/org/ruleset.json', () => {
  it("is a valid request body for POST /orgs/{org}/rulesets in GitHub's API description", () => {
    const description = JSON.parse(
      readFileSync('node_modules/@octokit/openapi/generated/api.github.com.deref.json', 'utf8'),
    ) as {
      paths: Record<string, { post: { requestBody: { content: Record<string, { schema: object }> } } }>;
    };
    const body = description.paths['/orgs/{org}/rulesets']?.post.requestBody.content['application/json'];
    const validate = new Ajv({ strict: false, allErrors: true }).compile(body?.schema ?? { not: {} });
    expect(validate(ruleset) ? [] : validate.errors).toEqual([]);
    // The check can fail: a rule GitHub does not know is refused.
    expect(validate({ ...ruleset, rules: [{ type: 'merge_gate' }] })).toBe(false);
  });

  it('requires the central workflow at the path the workflow file tells users to save it', () => {
    const rule = ruleset.rules.find((candidate) => candidate.type === 'workflows');
    const workflows = rule?.parameters.workflows as { path: string }[];
    expect(workflows.map((entry) => entry.path)).toEqual(['.github/workflows/merge-gate.yml']);
    expect(readFileSync('examples/org/merge-gate-required.yml', 'utf8')).toContain(
      'at .github/workflows/merge-gate.yml',
    );
  });

  it('requires the verdict context, and only that one', () => {
    const rule = ruleset.rules.find((candidate) => candidate.type === 'required_status_checks');
    expect(rule?.parameters.required_status_checks).toEqual([{ context: contextName(VERDICT) }]);
    expect(ruleset.target).toBe('branch');
  });
});

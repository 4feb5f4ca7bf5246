// `assay calibration`: each package's calibration (samples, agreement, what is missing) and whether the live
// queue is open; `assay calibration practice-again PACKAGE_ID` starts the next round of practice.
import { AssayError, isAssayError } from '../../shared/errors.js';
import type { CalibrationStatus } from '../../shared/domain/quality.js';
import { percent } from '../quality/measures.js';
import type { Services } from '../services.js';
import { write } from './output.js';

type Out = NodeJS.WritableStream;

const STATE = { 'not-started': 'not started', draft: 'draft', submitted: 'submitted' } as const;

function describeStatus(c: CalibrationStatus): string {
  const lines = [
    `Package ${c.packageId}: calibration ${c.required ? 'required' : 'advised (not required)'}, round ${c.round}; needs ${percent(c.minExactAgreement)} exact agreement and at most ${c.maxNonAdjacent} criteria more than one level apart`,
  ];
  for (const s of c.samples)
    lines.push(
      `  Sample ${s.number} of ${c.samples.length}  ${STATE[s.state]}  ${s.achievementName}  ${s.submissionId}`,
    );
  const a = c.agreement;
  lines.push(
    a === null
      ? '  Agreement: nothing submitted in this round yet'
      : `  Agreement over ${a.n} criteria: exact ${percent(a.exact)}, adjacent ${percent(a.adjacent)}, ${a.nonAdjacentCount} more than one level apart, signed deviation ${a.signedDeviation.toFixed(2)}; same decision in ${percent(a.decisionAgreement)} of ${a.decisions}`,
  );
  lines.push(c.metAt !== null ? `  Met on ${c.metAt}` : `  Missing: ${c.missing ?? 'nothing'}`);
  return `${lines.join('\n')}\n`;
}

export async function calibrationCommand(
  s: Services,
  args: readonly string[],
  stdout: Out,
  stderr: Out,
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined) {
    const gate = s.quality.gate();
    if (gate.calibrations.length === 0) {
      await write(stdout, 'No package in this data folder has calibration samples; the live queue is open.\n');
      return 0;
    }
    for (const c of gate.calibrations) await write(stdout, describeStatus(c));
    await write(
      stdout,
      gate.queueOpen ? 'The live queue is open.\n' : 'The live queue is closed until calibration is met.\n',
    );
    return 0;
  }
  if (sub === 'practice-again' && rest.length === 1) {
    let status: CalibrationStatus;
    try {
      status = s.quality.practiceAgain(rest[0]!);
    } catch (err) {
      // A package without calibration is a refusal naming it (status 1), not a failure.
      if (isAssayError(err) && err.code === 'not-found') {
        await write(stderr, `${err.message}\n`);
        return 1;
      }
      throw err;
    }
    await write(stdout, `Started round ${status.round} of calibration practice.\n${describeStatus(status)}`);
    return 0;
  }
  throw new AssayError('usage', 'assay calibration takes no argument, or practice-again PACKAGE_ID');
}

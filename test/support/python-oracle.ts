// Whether Debian's /usr/bin/python3 can import a module a test uses as an outside oracle (scikit-learn,
// SciPy). Absent: the tests skip, printing why; under .ci/run (ASSAY_REQUIRE_ORACLES=1) absence is an error.
import { spawnSync } from 'node:child_process';

export const PYTHON = '/usr/bin/python3';

export function pythonOracle(
  module: string,
  oracle: { debianPackage: string; skipped: string; install: string },
): boolean {
  if (spawnSync(PYTHON, ['-c', `import ${module}`], { encoding: 'utf8' }).status === 0) return true;
  if (process.env.ASSAY_REQUIRE_ORACLES === '1')
    throw new Error(`${oracle.debianPackage} is missing; ASSAY_REQUIRE_ORACLES=1 (set by .ci/run) makes that an error`);
  console.warn(`skipped: ${oracle.skipped}: ${oracle.debianPackage} is not installed (${oracle.install})`);
  return false;
}

'use strict';
/**
 * The setup step both packages' e2e drivers start with: the n8n versions installed (first run:
 * minutes, network-bound) side by side with the package's build + pack, timed in the report as
 * "setup: install n8n versions + build + pack". A failure is reported as the check `setup`.
 */
const { ensureN8n } = require('../n8n/n8n-install');
const { buildAndPack } = require('../n8n/package');

/**
 * @param {{ versions: string[], dir: string, build?: boolean, report: import('./report').Report }} options
 *   `dir`: the package's folder; `build: false` packs the existing dist/
 * @returns {Promise<string|undefined>} the packed tarball, or undefined when the setup failed
 */
async function installAndPack({ versions, dir, build = true, report }) {
	return report.time('setup: install n8n versions + build + pack', async () => {
		try {
			const installs = versions.map((v) => ensureN8n(v, { log: (l) => console.log(`  [install ${v}] ${l}`), quietNpm: true }));
			const [tarball] = await Promise.all([buildAndPack({ dir, build, log: (l) => console.log(`  ${l}`) }), ...installs]);
			return tarball;
		} catch (e) {
			report.fail('setup', e);
			return undefined;
		}
	});
}

module.exports = { installAndPack };

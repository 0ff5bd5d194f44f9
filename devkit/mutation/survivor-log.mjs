// Stryker reporter: prints each surviving (and no-coverage) mutant as soon as it is tested, so the
// tests that kill them can be written while a long run is still going.
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

class SurvivorLog {
	onMutantTested(result) {
		if (result.status !== 'Survived' && result.status !== 'NoCoverage') return;
		const { fileName, location, mutatorName, replacement, status } = result;
		const at = `${fileName.replace(/^.*?(nodes|credentials)\//, '$1/')}:${location.start.line}:${location.start.column}`;
		process.stdout.write(`[${status}] ${at} ${mutatorName}: ${String(replacement).replace(/\s+/g, ' ').slice(0, 160)}\n`);
	}
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'survivor-log', SurvivorLog)];
